// The plan builder beside the candidates: title, date, teams of Timpora members, the picked targets
// in route order with their team, notes, distances and reasons; save, approve, delete; files.
import type { Plan, Weights } from '@pantau/domain';
import { useTranslation } from 'react-i18next';
import { DateField } from '../controls/date-field.js';
import { PlanActionButtons } from './plan-action-buttons.js';
import { bodyOf, draftOf, type DraftPlan } from './plan-draft.js';
import { PlanFiles } from './plan-files.js';
import { PlanTargetList } from './plan-target-list.js';
import { planTargetInfo } from './plan-target-info.js';
import { PlanTeamsFields } from './plan-teams-fields.js';
import { PlanTotals } from './plan-totals.js';
import type { PlanningCandidate } from './planning-api.js';
import { usePlanActions } from './use-plan-actions.js';

export interface PlanPanelProps {
  area: string;
  draft: DraftPlan;
  plan: Plan | null;
  editable: boolean;
  canWrite: boolean;
  canApprove: boolean;
  weights: Weights;
  candidateById: ReadonlyMap<string, PlanningCandidate>;
  /** Candidate ids in route order, with km from the previous one. */
  routeIds: readonly string[];
  legKm: ReadonlyMap<string, number | null>;
  totalKm: number;
  /** True when the order is a preview (not saved yet). */
  preview: boolean;
  onChange(draft: DraftPlan): void;
  onSaved(plan: Plan | null): void;
  onError(message: string | null): void;
}

export function PlanPanel(props: PlanPanelProps) {
  const { area, draft, plan, editable, canWrite, canApprove, weights, candidateById, routeIds, legKm, totalKm, preview, onChange, onSaved, onError } = props;
  const { t } = useTranslation('planning');
  const { busy, save, setStatus, remove } = usePlanActions({ area, draft, plan, weights, onSaved, onError });

  const savedTargets = new Map(plan?.targets.map((target) => [target.candidateId, target]) ?? []);
  const targetsInOrder = routeIds.flatMap((id) => draft.targets.find((target) => target.candidateId === id) ?? []);
  const describe = (candidateId: string) => planTargetInfo(candidateId, savedTargets, candidateById);
  const dirty = plan === null || JSON.stringify(bodyOf(draft)) !== JSON.stringify(bodyOf(draftOf(plan)));
  // A saved plan counts its people once (a district and a site inside it share people); an unsaved
  // draft can only add its targets' figures, an upper bound, and says so.
  const targetsSum = draft.targets.reduce((sum, target) => sum + describe(target.candidateId).expected, 0);
  const expectedTotal = !dirty && plan ? plan.totals.expectedForeigners : targetsSum;

  return (
    <section className="plan-panel" data-testid="plan-panel">
      <h2 className="planning-heading">
        {plan ? t('plan.titleSaved') : t('plan.titleNew')}
        {plan && (
          <span className={`plan-status ${plan.status}`} data-testid="plan-status" data-status={plan.status}>
            {t(`status.${plan.status}`)}
          </span>
        )}
      </h2>
      {!canWrite && plan === null && <p className="planning-hint">{t('plan.readOnly')}</p>}
      <label className="planning-field wide">
        <span>{t('plan.name')}</span>
        <input
          value={draft.title}
          disabled={!editable}
          onChange={(event) => onChange({ ...draft, title: event.target.value })}
          maxLength={200}
          data-testid="plan-title"
        />
      </label>
      <label className="planning-field">
        <span>{t('plan.date')}</span>
        <DateField value={draft.date} disabled={!editable} onChange={(date) => onChange({ ...draft, date })} data-testid="plan-date" />
      </label>

      <PlanTeamsFields draft={draft} editable={editable} onChange={onChange} />

      <PlanTargetList
        draft={draft}
        targetsInOrder={targetsInOrder}
        describe={describe}
        savedTargets={savedTargets}
        legKm={legKm}
        editable={editable}
        onChange={onChange}
      />
      {draft.targets.length > 0 && (
        <PlanTotals targets={draft.targets.length} expectedTotal={expectedTotal} dirty={dirty} totalKm={totalKm} preview={preview} />
      )}

      <label className="planning-field wide">
        <span>{t('plan.notes')}</span>
        <textarea value={draft.notes} disabled={!editable} rows={3} onChange={(event) => onChange({ ...draft, notes: event.target.value })} maxLength={4000} />
      </label>

      <PlanActionButtons
        draft={draft}
        plan={plan}
        editable={editable}
        canWrite={canWrite}
        canApprove={canApprove}
        busy={busy}
        dirty={dirty}
        onSave={save}
        onSetStatus={setStatus}
        onRemove={remove}
      />
      {plan && <PlanFiles plan={plan} />}
    </section>
  );
}
