// Operation planning (issue 8): the ranked and explained candidates of an area for a day, weights the
// user may change for the session, and the plan builder — pick targets, teams of Timpora members,
// notes, route order, save, approve, print — then the outcome of the operation, target by target.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-client.js';
import { getArea, getMeta } from '../api/pantau-api.js';
import { dataOf, useApiRequest } from '../api/use-api-request.js';
import { usePermissions, useSession } from '../auth/session-context.js';
import { CoverageGapList } from '../controls/coverage-gap-list.js';
import { DateField } from '../controls/date-field.js';
import { LanguageSwitch } from '../controls/language-switch.js';
import { useFormat } from '../i18n/format.js';
import { Link, useRoute } from '../state/router.js';
import { AreaPicker } from './area-picker.js';
import { CandidateTable } from './candidate-table.js';
import { OutcomeForm } from './outcome-form.js';
import { PlanList } from './plan-list.js';
import { PlanPanel } from './plan-panel.js';
import { listOffices, type OfficeWorkArea } from './planning-api.js';
import { addPlanningResources } from './planning-locales.js';
import { PlanningMap } from './planning-map.js';
import { planningMapPoints } from './planning-map-points.js';
import { effectiveWeights } from './planning-model.js';
import { SkillCard } from './skill-card.js';
import { useCandidateRanking } from './use-candidate-ranking.js';
import { emptyDraft, usePlanDraft } from './use-plan-draft.js';
import { usePlanningWeights } from './use-planning-weights.js';
import { WeightSliders } from './weight-sliders.js';
import './planning.css';

/** Candidates shown in the table and on the map (more are asked for, to see how far one moved). */
const SHOWN_CANDIDATES = 30;

export default function PlanningPage() {
  const { view, update: updateView } = useRoute('planning');
  const { t: tCommon, i18n } = useTranslation();
  addPlanningResources(i18n);
  const { t } = useTranslation('planning');
  const format = useFormat();
  const permissions = usePermissions();
  const ownOffice = useSession().session.user.scope.office;

  const meta = useApiRequest('meta', getMeta);
  const today = dataOf(meta)?.today ?? null;
  const asOf = view.asOf ?? today;
  // The planned area: an area code, or an office's work area (`office:<key>`), which the API takes alike.
  const area = view.workArea !== null ? `office:${view.workArea}` : view.region;

  // Offices whose work area overlaps the scope; someone scoped to an office plans its work area by default.
  const offices = useApiRequest('offices', listOffices);
  const office: OfficeWorkArea | null = view.workArea === null ? null : (dataOf(offices)?.find((item) => item.key === view.workArea) ?? null);
  const defaultedRef = useRef(false);
  useEffect(() => {
    // Once, on opening: a link naming an area keeps it, and "no work area" chosen later stays chosen.
    if (defaultedRef.current) return;
    defaultedRef.current = true;
    if (view.region === null && view.workArea === null && ownOffice) updateView({ workArea: ownOffice }, 'replace');
  }, [view.region, view.workArea, ownOffice, updateView]);

  const { sliders, setSliders, weightsKey } = usePlanningWeights(view, updateView);

  const region = view.workArea === null ? view.region : null;
  const areaDetail = useApiRequest(region === null ? null : `area:${region}`, (signal) => getArea(region ?? '', signal));
  // The map outlines the area, or the work area's regencies, and fits their bounding box.
  const outlined = office ? office.regencyCodes : region === null ? [] : [region];
  const areaBbox = office ? office.bbox : (dataOf(areaDetail)?.bbox ?? null);
  const { candidates, shownRanking, items, deltas, candidateById } = useCandidateRanking(view, area, asOf, weightsKey);

  const plan = usePlanDraft({
    view,
    updateView,
    area,
    asOf,
    candidateById,
    canRead: permissions.planning.read,
    canWrite: permissions.planning.write,
  });
  const { plans, loadedPlan, openPlan, picked, route, editable } = plan;
  const pickArea = (next: { region: string | null; workArea: string | null }) => {
    plan.setDraft(emptyDraft(asOf ?? ''));
    updateView({ ...next, plan: null });
  };

  const shown = useMemo(() => items.slice(0, SHOWN_CANDIDATES), [items]);
  const mapPoints = useMemo(() => planningMapPoints(shown, picked, plan.targetPlaces, plan.routeOrder), [shown, picked, plan.targetPlaces, plan.routeOrder]);

  const [expanded, setExpanded] = useState<string | null>(null);
  const rowRefs = useRef(new Map<string, HTMLTableRowElement>());
  const onSelectPoint = (id: string) => {
    setExpanded(id);
    rowRefs.current.get(id)?.scrollIntoView({ block: 'nearest' });
  };

  const errors = [meta, offices, areaDetail, candidates, plans, loadedPlan]
    .map((state) =>
      state.status === 'error' ? (state.error instanceof ApiError || state.error instanceof Error ? state.error.message : String(state.error)) : null,
    )
    .filter((message): message is string => message !== null);
  if (plan.planError) errors.push(plan.planError);

  return (
    <div className="planning-page" data-testid="planning-page">
      <header className="page-header">
        <div className="page-title">
          <h1>{tCommon('title')}</h1>
          <p className="page-subtitle">{t('title')}</p>
        </div>
        <div className="page-status">
          {dataOf(meta)?.demo && (
            <span className="demo-badge" title={tCommon('demoBadgeTitle')}>
              {tCommon('demoBadge')}
            </span>
          )}
          <Link className="header-button header-link" to={{ page: 'map' }} data-testid="back-to-map">
            {t('backToMap')}
          </Link>
          <LanguageSwitch lang={view.lang} onChange={(lang) => updateView({ lang })} />
        </div>
      </header>

      <div className="planning-layout">
        <section className="planning-main">
          <div className="planning-controls">
            <AreaPicker region={region} workArea={view.workArea} offices={dataOf(offices) ?? null} onChange={pickArea} />
            <label className="planning-field">
              <span>{t('date')}</span>
              <DateField value={asOf ?? ''} onChange={(day) => day && updateView({ asOf: day })} data-testid="planning-date" />
            </label>
          </div>
          {errors.length > 0 && (
            <div className="error-box planning-errors" role="alert" data-testid="planning-error">
              <ul>
                {[...new Set(errors)].map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            </div>
          )}
          {area === null ? (
            <p className="planning-hint">{t('pickArea')}</p>
          ) : (
            <>
              <WeightSliders sliders={sliders} onChange={setSliders} />
              <div className="planning-map-box">
                {asOf && (
                  <PlanningMap
                    asOf={asOf}
                    areaCodes={outlined}
                    areaBbox={areaBbox}
                    points={mapPoints}
                    route={plan.routeLine}
                    label={t('mapLabel')}
                    onSelect={onSelectPoint}
                  />
                )}
                <p className="planning-map-legend">{t('mapLegend')}</p>
              </div>
              <h2 className="planning-heading">
                {t(shownRanking?.area.level === 'work_area' ? 'candidates.titleWorkArea' : 'candidates.title', {
                  area: shownRanking?.area.name ?? area,
                  date: asOf ? format.date(asOf) : '',
                })}
                {candidates.status === 'loading' && (
                  <span className="planning-busy" role="status" data-testid="candidates-loading">
                    {t('candidates.loading')}
                  </span>
                )}
              </h2>
              {shownRanking && (
                <p className="planning-hint">
                  {t('candidates.count', {
                    shown: format.number(shown.length),
                    count: shownRanking.candidateCount,
                    total: format.number(shownRanking.candidateCount),
                  })}
                </p>
              )}
              <CandidateTable
                shown={shown}
                deltas={deltas}
                picked={picked}
                editable={editable}
                onTogglePick={plan.togglePick}
                expanded={expanded}
                onExpand={setExpanded}
                rowRefs={rowRefs}
              />
              {permissions.lists && (
                <div className="planning-gaps">
                  <CoverageGapList area={area} asOf={asOf} onFlyTo={(item) => onSelectPoint(item.id)} />
                </div>
              )}
            </>
          )}
        </section>

        {area !== null && (
          <aside className="planning-side">
            <SkillCard />
            <PlanList
              plans={dataOf(plans) ?? []}
              openId={view.plan}
              onOpen={(id) => updateView({ plan: id })}
              onNew={plan.newPlan}
              canWrite={permissions.planning.write}
            />
            <PlanPanel
              area={area}
              draft={plan.draft}
              plan={openPlan}
              editable={editable}
              canApprove={permissions.planning.approve}
              canWrite={permissions.planning.write}
              weights={effectiveWeights(view.weights)}
              candidateById={candidateById}
              routeIds={route.ids}
              legKm={route.legKm}
              totalKm={route.totalKm}
              preview={route.preview}
              onChange={plan.changeDraft}
              onSaved={plan.onSaved}
              onError={plan.setPlanError}
            />
            {openPlan && openPlan.status === 'approved' && permissions.planning.write && (
              <OutcomeForm plan={openPlan} onDone={plan.onSaved} onError={plan.setPlanError} />
            )}
          </aside>
        )}
      </div>
    </div>
  );
}
