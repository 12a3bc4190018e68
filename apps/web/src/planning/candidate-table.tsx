import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.js';
import { CandidateDetail } from './candidate-detail.js';
import type { PlanningCandidate } from './planning-api.js';
import { deltaLabel } from './planning-model.js';

interface CandidateTableProps {
  shown: readonly PlanningCandidate[];
  /** How far each candidate moved since the last ranking (positive: up). */
  deltas: ReadonlyMap<string, number>;
  picked: ReadonlySet<string>;
  editable: boolean;
  onTogglePick(candidate: PlanningCandidate): void;
  /** The candidate whose explanation is open. */
  expanded: string | null;
  onExpand(id: string | null): void;
  /** Each shown candidate's row, so a point clicked on the map scrolls its row into view. */
  rowRefs: RefObject<Map<string, HTMLTableRowElement>>;
}

/** The ranked candidates, each with its score, expected foreigners, explanation and a button to pick it. */
export function CandidateTable({ shown, deltas, picked, editable, onTogglePick, expanded, onExpand, rowRefs }: CandidateTableProps) {
  const { t } = useTranslation('planning');
  const format = useFormat();
  return (
    <table className="planning-table" data-testid="candidates">
      <thead>
        <tr>
          <th>{t('candidates.rank')}</th>
          <th>{t('candidates.name')}</th>
          <th>{t('candidates.kind')}</th>
          <th>{t('candidates.score')}</th>
          <th>{t('candidates.expected')}</th>
          <th />
        </tr>
      </thead>
      {shown.map((item) => {
        const delta = deltas.get(item.id) ?? 0;
        const open = expanded === item.id;
        return (
          <tbody key={item.id}>
            <tr
              ref={(row) => {
                if (row) rowRefs.current.set(item.id, row);
                else rowRefs.current.delete(item.id);
              }}
              className={picked.has(item.id) ? 'picked' : undefined}
              data-testid="candidate-row"
              data-candidate={item.id}
              data-regency={item.areaCodes.regency ?? ''}
            >
              <td className="num">
                {item.rank}
                {delta !== 0 && (
                  <span className={`rank-delta ${delta > 0 ? 'up' : 'down'}`} data-testid="rank-delta" title={t('candidates.delta')}>
                    {deltaLabel(delta)}
                  </span>
                )}
              </td>
              <td>
                <button type="button" className="link-button" aria-expanded={open} onClick={() => onExpand(open ? null : item.id)} data-testid="candidate-name">
                  {item.name}
                </button>
              </td>
              <td>{t(`kind.${item.kind}`)}</td>
              <td>
                <span className="score-bar" title={format.number(item.score, 3)}>
                  <span style={{ width: `${Math.round(item.score * 100)}%` }} />
                </span>
                <span className="score-value">{format.number(item.score * 100, 0)}</span>
              </td>
              <td className="num">{format.number(Number(item.raw.activeHolders ?? 0))}</td>
              <td>
                {editable && (
                  <button type="button" className="button small" onClick={() => onTogglePick(item)} data-testid="add-to-plan">
                    {picked.has(item.id) ? t('plan.remove') : t('plan.add')}
                  </button>
                )}
              </td>
            </tr>
            {open && (
              <tr className="candidate-detail">
                <td colSpan={6}>
                  <CandidateDetail item={item} />
                </td>
              </tr>
            )}
          </tbody>
        );
      })}
    </table>
  );
}
