import { useI18n } from '../i18n/i18n-context.js';
import { MAP_LEVELS, type MapLevel } from '../state/view-state.js';

/**
 * Province or regency, chosen by the user rather than by zoom: each level has its own classes, and a
 * legend that changed by itself while zooming would be misread. The choice is kept in the URL.
 */
export function LevelToggle({ level, onChange }: { level: MapLevel; onChange(level: MapLevel): void }) {
  const { t } = useI18n();
  const labels: Record<MapLevel, string> = { province: t.levelProvince, regency: t.levelRegency };
  return (
    <fieldset className="level-toggle" data-testid="level-toggle">
      <legend className="visually-hidden">{t.levelLabel}</legend>
      {MAP_LEVELS.map((option) => (
        <label key={option} className="level-option">
          <input
            type="radio"
            name="level"
            value={option}
            checked={option === level}
            onChange={() => onChange(option)}
          />
          <span>{labels[option]}</span>
        </label>
      ))}
    </fieldset>
  );
}
