// The plan's targets in route order: name, kind, expected people and the leg from the previous one, the
// reason it ranks, its team and notes, a button to remove it, and its recorded outcome once there is one.
import type { Plan } from '@pantau/domain';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.js';
import type { DraftPlan, DraftTarget } from './plan-draft.js';
import type { PlanTargetInfo } from './plan-target-info.js';

export function PlanTargetList({
  draft,
  targetsInOrder,
  describe,
  savedTargets,
  legKm,
  editable,
  onChange,
}: {
  draft: DraftPlan;
  targetsInOrder: readonly DraftTarget[];
  describe(candidateId: string): PlanTargetInfo;
  savedTargets: ReadonlyMap<string, Plan['targets'][number]>;
  legKm: ReadonlyMap<string, number | null>;
  editable: boolean;
  onChange(draft: DraftPlan): void;
}) {
  const { t } = useTranslation('planning');
  const format = useFormat();
  const setTarget = (candidateId: string, change: Partial<DraftTarget>) =>
    onChange({ ...draft, targets: draft.targets.map((target) => (target.candidateId === candidateId ? { ...target, ...change } : target)) });
  return (
    <>
      <h3>{t('targets.title')}</h3>
      {draft.targets.length === 0 && <p className="planning-hint">{t('targets.none')}</p>}
      <ol className="plan-targets" data-testid="plan-targets">
        {targetsInOrder.map((target) => {
          const info = describe(target.candidateId);
          const leg = legKm.get(target.candidateId);
          return (
            <li key={target.candidateId} data-testid="plan-target" data-candidate={target.candidateId}>
              <div className="plan-target-head">
                <strong>{info.name}</strong>
                <span className="planning-hint">
                  {t(`kind.${info.kind}`)} · {t('targets.expected', { count: info.expected, n: format.number(info.expected) })}
                  {leg != null && ` · ${t('targets.leg', { km: format.number(leg, 1) })}`}
                </span>
              </div>
              {info.explanation && <p className="explanation small">{info.explanation[format.lang]}</p>}
              <div className="plan-target-fields">
                <select
                  value={target.teamKey ?? ''}
                  disabled={!editable}
                  onChange={(event) => setTarget(target.candidateId, { teamKey: event.target.value || null })}
                  aria-label={t('targets.team')}
                >
                  <option value="">{t('targets.noTeam')}</option>
                  {draft.teams.map((team) => (
                    <option key={team.key} value={team.key}>
                      {team.name}
                    </option>
                  ))}
                </select>
                <input
                  value={target.notes}
                  disabled={!editable}
                  placeholder={t('targets.notes')}
                  onChange={(event) => setTarget(target.candidateId, { notes: event.target.value })}
                  aria-label={t('targets.notes')}
                />
                {editable && (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => onChange({ ...draft, targets: draft.targets.filter((item) => item.candidateId !== target.candidateId) })}
                  >
                    {t('plan.remove')}
                  </button>
                )}
              </div>
              {savedTargets.get(target.candidateId)?.outcome && (
                <p className="planning-hint" data-testid="plan-target-outcome">
                  {t(`outcome.${savedTargets.get(target.candidateId)?.outcome?.outcome ?? 'no_violation'}`)}
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}
