import { useTranslation } from 'react-i18next';
import type { AreaRef } from '@pantau/domain';

/**
 * Indonesia › province › regency › district: each step up is a button back to that area, except areas
 * the user may not open (above the work area), which are named only.
 */
export function Breadcrumb({
  trail,
  onSelect,
  canSelect = () => true,
}: {
  trail: readonly AreaRef[];
  onSelect(code: string | null): void;
  canSelect?(code: string): boolean;
}) {
  const { t } = useTranslation('map');
  const last = trail.length - 1;
  return (
    <nav className="breadcrumb map-card" aria-label={t('breadcrumb.label')} data-testid="breadcrumb">
      <ol>
        <li>
          {trail.length === 0 ? (
            <span aria-current="location">{t('breadcrumb.indonesia')}</span>
          ) : (
            <button type="button" className="link-button" onClick={() => onSelect(null)}>
              {t('breadcrumb.indonesia')}
            </button>
          )}
        </li>
        {trail.map((area, index) => (
          <li key={area.code} data-testid="breadcrumb-item" data-area-code={area.code}>
            {index === last ? (
              <span aria-current="location">{area.name}</span>
            ) : !canSelect(area.code) ? (
              <span>{area.name}</span>
            ) : (
              <button type="button" className="link-button" onClick={() => onSelect(area.code)}>
                {area.name}
              </button>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
