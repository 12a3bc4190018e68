// The meeting's decisions: one text field per decision, each with a button to remove it, and one to add a row.
import { useTranslation } from 'react-i18next';

export function DecisionFields({ decisions, onChange }: { decisions: string[]; onChange(decisions: string[]): void }) {
  const { t } = useTranslation('meetings');
  return (
    <fieldset>
      <legend>{t('form.decisions')}</legend>
      {decisions.map((text, index) => (
        <div key={index} className="decision-row">
          <label>
            {t('form.decision', { n: index + 1 })}{' '}
            <input
              value={text}
              onChange={(event) => onChange(decisions.map((d, i) => (i === index ? event.target.value : d)))}
              maxLength={2000}
              data-testid={`decision-${index + 1}`}
            />
          </label>{' '}
          <button type="button" onClick={() => onChange(decisions.filter((_, i) => i !== index))} aria-label={t('form.removeDecision', { n: index + 1 })}>
            ×
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...decisions, ''])} data-testid="add-decision">
        {t('form.addDecision')}
      </button>
    </fieldset>
  );
}
