// An operation's panel: day, team, office, area and notes, then each target with its outcome, people checked, violations, findings and actions.
import { nationalityName } from '@pantau/domain';
import type { OperationRecord } from '../api/panels-api.js';
import { PanelBlock } from './panel-frame.js';
import { enumText, FactList } from './panel-parts.js';
import { OutcomeBadge } from './record-badges.js';
import { areaFact, textFact, type AreaLinking } from './record-facts.js';
import { usePanelText } from './use-panel-format.js';

export function OperationBody({ operation, onSelectArea }: { operation: OperationRecord } & AreaLinking) {
  const { t, format } = usePanelText();
  return (
    <>
      <PanelBlock title={t('record.details')}>
        <FactList
          facts={[
            [t('record.date'), <time dateTime={operation.date}>{format.date(operation.date)}</time>],
            [t('record.team'), operation.team],
            operation.office ? [t('record.office'), operation.office] : null,
            areaFact(t('record.area'), operation.regencyCode, { onSelectArea }),
            textFact(t('record.notes'), operation.notes),
          ]}
        />
      </PanelBlock>
      <PanelBlock title={t('record.targets')} note={`(${format.number(operation.targets.length)})`}>
        {operation.targets.length === 0 ? (
          <p className="panel-empty">{t('record.noTargets')}</p>
        ) : (
          <ol className="panel-list">
            {operation.targets.map((target) => (
              <li key={target.id} className="panel-item panel-target">
                <h4 className="panel-item-name">{target.place}</h4>
                <span className="panel-badges">
                  <span className="panel-badge panel-badge-category">{enumText(t, 'targetKind', target.kind)}</span>
                  {target.outcome && <OutcomeBadge outcome={target.outcome} />}
                </span>
                <FactList
                  facts={[
                    target.foreignersChecked !== null ? [t('record.checked'), format.number(target.foreignersChecked)] : null,
                    target.violations !== null ? [t('record.violations'), format.number(target.violations)] : null,
                    areaFact(t('record.district'), target.districtCode, { onSelectArea }),
                    textFact(t('record.findings'), target.findings),
                    target.actions.length > 0
                      ? [
                          t('area.actions'),
                          <ul className="panel-plain-list">
                            {target.actions.map((action, index) => (
                              <li key={`${action.kind}-${action.nationality ?? ''}-${index}`}>
                                {action.nationality
                                  ? t('record.actionNationality', {
                                      kind: enumText(t, 'action', action.kind),
                                      count: format.number(action.count),
                                      nationality: nationalityName(action.nationality, format.lang),
                                    })
                                  : t('record.actionLine', { kind: enumText(t, 'action', action.kind), count: format.number(action.count) })}
                              </li>
                            ))}
                          </ul>,
                        ]
                      : null,
                  ]}
                />
              </li>
            ))}
          </ol>
        )}
      </PanelBlock>
    </>
  );
}
