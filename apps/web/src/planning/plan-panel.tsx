// The plan builder beside the candidates: title, date, teams of Timpora members, the picked targets
// in route order with their team, notes, distances and reasons; save, approve, delete; files.
import { TIMPORA_AGENCIES, type Plan, type PlanTeam, type Weights } from '@pantau/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pageHref } from '../auth/pages.js';
import { useFormat } from '../i18n/format.js';
import { serializeViewState, type ViewState } from '../state/view-state.js';
import { createPlan, deletePlan, planFileUrl, updatePlan, type PlanningCandidate } from './planning-api.js';
import { DateField } from '../controls/date-field.js';

export interface DraftTarget {
  candidateId: string;
  teamKey: string | null;
  notes: string;
}

/** The plan as edited on the page, before it is saved. */
export interface DraftPlan {
  id: number | null;
  title: string;
  date: string;
  notes: string;
  teams: PlanTeam[];
  targets: DraftTarget[];
}

export interface PlanPanelProps {
  view: ViewState;
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

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function PlanPanel(props: PlanPanelProps) {
  const { view, area, draft, plan, editable, canWrite, canApprove, weights, candidateById, routeIds, legKm, totalKm, preview, onChange, onSaved, onError } =
    props;
  const { t } = useTranslation('planning');
  const format = useFormat();
  const [busy, setBusy] = useState(false);

  const savedTargets = new Map(plan?.targets.map((target) => [target.candidateId, target]) ?? []);
  const targetsInOrder = routeIds.flatMap((id) => draft.targets.find((target) => target.candidateId === id) ?? []);
  const describe = (candidateId: string) => {
    const saved = savedTargets.get(candidateId);
    const candidate = candidateById.get(candidateId);
    return {
      name: saved?.name ?? candidate?.name ?? candidateId,
      kind: saved?.kind ?? candidate?.kind ?? 'company_site',
      expected: saved?.expectedForeigners ?? Number(candidate?.raw.activeHolders ?? 0),
      explanation: saved?.explanation ?? candidate?.explanation ?? null,
      score: saved?.score ?? candidate?.score ?? null,
    };
  };
  const dirty = plan === null || JSON.stringify(bodyOf(draft)) !== JSON.stringify(bodyOf(draftOf(plan)));
  // A saved plan counts its people once (a district and a site inside it share people); an unsaved
  // draft can only add its targets' figures, an upper bound, and says so.
  const targetsSum = draft.targets.reduce((sum, target) => sum + describe(target.candidateId).expected, 0);
  const expectedTotal = !dirty && plan ? plan.totals.expectedForeigners : targetsSum;

  const run = async (action: () => Promise<Plan | null>) => {
    setBusy(true);
    onError(null);
    try {
      onSaved(await action());
    } catch (error) {
      onError(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  const save = () =>
    run(() => {
      const body = bodyOf(draft);
      return draft.id === null ? createPlan({ ...body, areaCode: area, weights }) : updatePlan(draft.id, { ...body, weights });
    });
  const setStatus = (status: 'approved' | 'draft') => run(() => updatePlan(plan?.id ?? 0, { status }));
  const remove = () => {
    if (!plan || !window.confirm(t('plan.confirmDelete', { title: plan.title }))) return;
    void run(async () => {
      await deletePlan(plan.id);
      return null;
    });
  };

  const setTeam = (index: number, team: PlanTeam) => onChange({ ...draft, teams: draft.teams.map((current, i) => (i === index ? team : current)) });
  const addTeam = () => {
    let n = draft.teams.length + 1;
    while (draft.teams.some((team) => team.key === `tim-${n}`)) n += 1;
    onChange({ ...draft, teams: [...draft.teams, { key: `tim-${n}`, name: t('teams.defaultName', { n }), agencies: ['imigrasi'] }] });
  };
  const removeTeam = (key: string) =>
    onChange({
      ...draft,
      teams: draft.teams.filter((team) => team.key !== key),
      targets: draft.targets.map((target) => (target.teamKey === key ? { ...target, teamKey: null } : target)),
    });
  const setTarget = (candidateId: string, change: Partial<DraftTarget>) =>
    onChange({ ...draft, targets: draft.targets.map((target) => (target.candidateId === candidateId ? { ...target, ...change } : target)) });

  const printHref = plan ? pageHref({ ...view, plan: plan.id, weights: {} }, 'plan-print') : null;
  const operationHref =
    plan?.operationId != null
      ? `${window.location.pathname}${serializeViewState({ ...view, page: 'map', plan: null, weights: {}, select: { kind: 'operation', id: plan.operationId } })}`
      : null;

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

      <h3>{t('teams.title')}</h3>
      {draft.teams.length === 0 && <p className="planning-hint">{t('teams.none')}</p>}
      {draft.teams.map((team, index) => (
        <fieldset key={team.key} className="plan-team" data-testid="plan-team">
          <legend>
            <input
              value={team.name}
              disabled={!editable}
              onChange={(event) => setTeam(index, { ...team, name: event.target.value })}
              aria-label={t('teams.name')}
              maxLength={200}
            />
            {editable && (
              <button type="button" className="link-button" onClick={() => removeTeam(team.key)}>
                {t('teams.remove')}
              </button>
            )}
          </legend>
          <div className="agency-list">
            {TIMPORA_AGENCIES.map((agency) => (
              <label key={agency.code} className="check">
                <input
                  type="checkbox"
                  disabled={!editable}
                  checked={team.agencies.includes(agency.code)}
                  onChange={(event) =>
                    setTeam(index, {
                      ...team,
                      agencies: event.target.checked ? [...team.agencies, agency.code] : team.agencies.filter((code) => code !== agency.code),
                    })
                  }
                />
                <span>{agency[format.lang]}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      {editable && (
        <button type="button" className="button small" onClick={addTeam} data-testid="plan-add-team">
          {t('teams.add')}
        </button>
      )}

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
      {draft.targets.length > 0 && (
        <dl className="plan-totals" data-testid="plan-totals">
          <dt>{t('totals.targets')}</dt>
          <dd>{format.number(draft.targets.length)}</dd>
          <dt>{t('totals.expected')}</dt>
          <dd data-testid="plan-expected">
            {format.number(expectedTotal)}
            {dirty && draft.targets.length > 1 && <span className="plan-totals-note"> {t('totals.expectedUnsaved')}</span>}
          </dd>
          <dt>{preview ? t('totals.routePreview') : t('totals.route')}</dt>
          <dd>{format.number(totalKm, 1)} km</dd>
        </dl>
      )}

      <label className="planning-field wide">
        <span>{t('plan.notes')}</span>
        <textarea value={draft.notes} disabled={!editable} rows={3} onChange={(event) => onChange({ ...draft, notes: event.target.value })} maxLength={4000} />
      </label>

      <div className="plan-actions">
        {editable && (
          <button
            type="button"
            className="button button-primary"
            disabled={busy || !dirty || draft.title.trim() === '' || draft.targets.length === 0 || draft.date === ''}
            onClick={() => void save()}
            data-testid="plan-save"
          >
            {draft.id === null ? t('plan.save') : t('plan.saveChanges')}
          </button>
        )}
        {plan?.status === 'draft' && canApprove && (
          <button
            type="button"
            className="button"
            disabled={busy || dirty}
            onClick={() => void setStatus('approved')}
            data-testid="plan-approve"
            title={dirty ? t('plan.saveFirst') : undefined}
          >
            {t('plan.approve')}
          </button>
        )}
        {plan?.status === 'approved' && canApprove && (
          <button type="button" className="button" disabled={busy} onClick={() => void setStatus('draft')} data-testid="plan-unapprove">
            {t('plan.unapprove')}
          </button>
        )}
        {plan?.status === 'draft' && canWrite && (
          <button type="button" className="button button-danger" disabled={busy} onClick={remove} data-testid="plan-delete">
            {t('plan.delete')}
          </button>
        )}
      </div>
      {plan && (
        <p className="plan-files">
          {printHref && (
            <a href={printHref} target="_blank" rel="noreferrer" data-testid="plan-print">
              {t('files.print')}
            </a>
          )}
          <a href={planFileUrl(plan.id, 'plan.pdf', format.lang)} download data-testid="plan-pdf">
            PDF
          </a>
          <a href={planFileUrl(plan.id, 'targets.csv', format.lang)} download data-testid="plan-csv">
            CSV
          </a>
          <a href={planFileUrl(plan.id, 'targets.xlsx', format.lang)} download data-testid="plan-xlsx">
            XLSX
          </a>
          {operationHref && (
            <a href={operationHref} data-testid="plan-operation">
              {t('outcome.operationLink', { id: plan.operationId })}
            </a>
          )}
        </p>
      )}
    </section>
  );
}

/** The content a save sends, from the draft. */
function bodyOf(draft: DraftPlan) {
  return {
    title: draft.title.trim(),
    date: draft.date,
    notes: draft.notes.trim() === '' ? null : draft.notes.trim(),
    teams: draft.teams.map((team) => ({ key: team.key, name: team.name.trim(), agencies: [...team.agencies] })),
    targets: draft.targets.map((target) => ({
      candidateId: target.candidateId,
      teamKey: target.teamKey,
      notes: target.notes.trim() === '' ? null : target.notes.trim(),
    })),
  };
}

/** The saved plan as the panel edits it, targets in route order. */
export function draftOf(plan: Plan): DraftPlan {
  return {
    id: plan.id,
    title: plan.title,
    date: plan.date,
    notes: plan.notes ?? '',
    teams: plan.teams.map((team) => ({ ...team, agencies: [...team.agencies] })),
    targets: [...plan.targets]
      .sort((a, b) => a.order - b.order)
      .map((target) => ({ candidateId: target.candidateId, teamKey: target.teamKey, notes: target.notes ?? '' })),
  };
}
