// Corners typed or pasted, one `lat, lng` per line (the way without a mouse): the line that cannot be read
// is named; the drawn outline is offered as text when the field opens empty.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { polygonAsText, typedPolygon, type Polygon } from './drawn-geometry.js';

export function TypedCorners({ polygon, onApply }: { polygon: Polygon | null; onApply(polygon: Polygon): void }) {
  const { t } = useTranslation('riskdraw');
  const [cornerText, setCornerText] = useState('');
  const [badLine, setBadLine] = useState<number | null>(null);
  const applyCorners = () => {
    const typed = typedPolygon(cornerText);
    if ('badLine' in typed) {
      setBadLine(typed.badLine);
      return;
    }
    setBadLine(null);
    onApply(typed.polygon);
  };
  return (
    <details className="draw-typed" onToggle={(event) => event.currentTarget.open && polygon && cornerText === '' && setCornerText(polygonAsText(polygon))}>
      <summary>{t('typed.open')}</summary>
      <label>
        {t('typed.label')}
        <textarea
          value={cornerText}
          onChange={(event) => setCornerText(event.target.value)}
          rows={5}
          placeholder={'-2.54000, 106.39000\n-2.54000, 106.49000\n-2.44000, 106.49000'}
          aria-invalid={badLine !== null}
          aria-describedby="draw-typed-hint"
          data-testid="draw-corners"
        />
      </label>
      <p id="draw-typed-hint" className={badLine === null ? 'draw-hint' : 'draw-error'} role={badLine === null ? undefined : 'alert'}>
        {badLine === null ? t('typed.hint') : t('typed.badLine', { line: badLine })}
      </p>
      <button type="button" className="button" onClick={applyCorners} data-testid="draw-corners-apply">
        {t('typed.apply')}
      </button>
    </details>
  );
}
