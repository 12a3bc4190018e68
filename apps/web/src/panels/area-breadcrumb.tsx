// The areas above the open one (province, regency, …), each a button that opens it unless it is above the user's work area.
import type { AreaSummary } from '../api/panels-api.js';
import { usePanelText } from './use-panel-format.js';

export function AreaBreadcrumb({
  parents,
  onSelectArea,
  canOpenArea,
}: {
  parents: AreaSummary['area']['parents'];
  onSelectArea(code: string): void;
  canOpenArea(code: string): boolean;
}) {
  const { t } = usePanelText();
  return (
    <nav aria-label={t('area.parents')}>
      <ol className="panel-breadcrumb">
        {parents.map((parent) => (
          <li key={parent.code}>
            {canOpenArea(parent.code) ? (
              <button type="button" className="panel-link" onClick={() => onSelectArea(parent.code)}>
                {parent.name}
              </button>
            ) : (
              <span>{parent.name}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
