// The area's last joint operations: day, team, targets, people checked, violations, outcomes and administrative actions.
import type { AreaSummary } from '../api/panels-api.js';
import { ActionSummary } from './action-summary.js';
import { PanelBlock } from './panel-frame.js';
import { DemoMarker, HiddenForRole, SourceLine, type SourceEntry } from './panel-parts.js';
import { OutcomeBadge } from './record-badges.js';
import { usePanelText } from './use-panel-format.js';

export function LastOperationsBlock({ operations, sources }: { operations: AreaSummary['lastOperations']; sources: readonly SourceEntry[] }) {
  const { t, format } = usePanelText();
  return (
    <PanelBlock title={t('area.lastOperations')}>
      {operations === undefined ? (
        <p className="panel-empty">
          <HiddenForRole />
        </p>
      ) : operations.length === 0 ? (
        <p className="panel-empty">{t('area.noneOperation')}</p>
      ) : (
        <ol className="panel-list">
          {operations.map((operation) => (
            <li key={operation.id} className="panel-item">
              <span className="panel-item-head">
                <time className="panel-item-date" dateTime={operation.date}>
                  {format.date(operation.date)}
                </time>{' '}
                <DemoMarker origin={operation.origin} />
              </span>
              <span className="panel-item-name">{operation.team}</span>
              <span className="panel-item-meta">
                {t('area.operationLine', {
                  targets: t('area.targetCount', { count: operation.targets, n: format.number(operation.targets) }),
                  checked: t('area.checkedCount', { count: operation.foreignersChecked, n: format.number(operation.foreignersChecked) }),
                  violations: t('area.violationCount', { count: operation.violations, n: format.number(operation.violations) }),
                })}
              </span>
              <span className="panel-badges">
                {operation.outcomes.map((outcome) => (
                  <OutcomeBadge key={outcome} outcome={outcome} />
                ))}
              </span>
              <ActionSummary actions={operation.actions} />
            </li>
          ))}
        </ol>
      )}
      <SourceLine entries={sources} />
    </PanelBlock>
  );
}
