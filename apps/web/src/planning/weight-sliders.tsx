import { DEFAULT_WEIGHTS, WEIGHT_KEYS } from '@pantau/domain';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.js';
import { effectiveWeights, overridesOf, type WeightOverrides } from './planning-model.js';

/** The factors' weights, changed for this session: the ranking follows (after a short pause). */
export function WeightSliders({ sliders, onChange }: { sliders: WeightOverrides; onChange(next: WeightOverrides): void }) {
  const { t } = useTranslation('planning');
  const format = useFormat();
  const weights = effectiveWeights(sliders);
  const changed = Object.keys(overridesOf(weights)).length > 0;
  return (
    <fieldset className="weight-sliders" data-testid="weights">
      <legend>{t('weights.title')}</legend>
      <p className="planning-hint">{t('weights.hint')}</p>
      <div className="weight-grid">
        {WEIGHT_KEYS.map((factor) => (
          <label key={factor} className="weight-slider" title={factor === 'riskNotForeigners' ? t('weights.riskNotForeignersHint') : undefined}>
            <span className="weight-name">{t(`factor.${factor}`)}</span>
            <input
              type="range"
              min={0}
              max={3}
              step={0.25}
              value={weights[factor]}
              onChange={(event) => onChange({ ...sliders, [factor]: Number(event.target.value) })}
              data-testid={`weight-${factor}`}
            />
            <output className={weights[factor] !== DEFAULT_WEIGHTS[factor] ? 'changed' : undefined}>{format.number(weights[factor], 2)}</output>
          </label>
        ))}
      </div>
      {changed && (
        <button type="button" className="button small" onClick={() => onChange({})} data-testid="weights-reset">
          {t('weights.reset')}
        </button>
      )}
    </fieldset>
  );
}
