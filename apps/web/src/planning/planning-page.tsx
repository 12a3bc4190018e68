// Operation planning (issue 8): the ranked and explained candidates of an area for a day, weights the
// user may change for the session, and the plan builder — pick targets, teams of Timpora members,
// notes, route order, save, approve, print — then the outcome of the operation, target by target.
import { DEFAULT_WEIGHTS, FACTORS, WEIGHT_KEYS, type Factor, type Plan, type PlanTeam } from '@pantau/domain';
import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-client.js';
import { getArea, getAreas, getMeta } from '../api/pantau-api.js';
import { dataOf, invalidateApiAnswers, useApiRequest } from '../api/use-api-request.js';
import { pageHref } from '../auth/pages.js';
import { usePermissions, useSession } from '../auth/session-context.js';
import { CoverageGapList } from '../controls/coverage-gap-list.js';
import { LanguageSwitch } from '../controls/language-switch.js';
import { useFormat } from '../i18n/format.js';
import { serializeViewState, type ViewState } from '../state/view-state.js';
import type { HistoryMode, ViewUpdate } from '../state/use-view-state.js';
import { OutcomeForm } from './outcome-form.js';
import { draftOf, PlanPanel, type DraftPlan } from './plan-panel.js';
import { getCandidates, getPlan, listOffices, listPlans, type OfficeWorkArea, type PlanningCandidate } from './planning-api.js';
import { addPlanningResources } from './planning-locales.js';
import { PlanningMap, type MapPoint } from './planning-map.js';
import { SkillCard } from './skill-card.js';
import {
  deltaLabel,
  effectiveWeights,
  overridesOf,
  parseOverrides,
  previewRoute,
  rankDeltas,
  serializeOverrides,
  type WeightOverrides,
} from './planning-model.js';
import './planning.css';
import { DateField } from '../controls/date-field.js';
import { followInApp } from '../ui/modifier-click.js';

export interface PlanningPageProps {
  view: ViewState;
  updateView(update: ViewUpdate, mode?: HistoryMode): void;
}

const WEIGHTS_STORAGE_KEY = 'pantau.planning.weights';
/** Candidates asked for: enough to see how far a candidate moved; the table shows the first ones. */
const CANDIDATE_LIMIT = 200;
const SHOWN_CANDIDATES = 30;
const RERANK_DELAY_MS = 400;

function storedOverrides(): WeightOverrides {
  try {
    return parseOverrides(window.sessionStorage.getItem(WEIGHTS_STORAGE_KEY));
  } catch {
    // Storage refused (private mode, blocked): start from the default weights.
    return {};
  }
}

function storeOverrides(overrides: WeightOverrides): void {
  try {
    window.sessionStorage.setItem(WEIGHTS_STORAGE_KEY, serializeOverrides(overrides));
  } catch {
    // Private mode: the weights still live in the URL.
  }
}

/** The dashboard link of a record the API names (`/api/v1/companies/12` → `?select=company:12`). */
export function recordHref(view: ViewState, apiPath: string): string | null {
  const match = /\/api\/v1\/(companies|operations|risk-areas|areas)\/([\w.]+)$/.exec(apiPath);
  if (!match) return null;
  const [, kind, id] = match;
  const base = { ...view, page: 'map' as const, plan: null, weights: {}, select: null };
  if (kind === 'areas') return `${window.location.pathname}${serializeViewState({ ...base, region: id ?? null })}`;
  const recordKind = kind === 'companies' ? 'company' : kind === 'operations' ? 'operation' : 'risk_area';
  return `${window.location.pathname}${serializeViewState({ ...base, select: { kind: recordKind, id: Number(id) } })}`;
}

export const emptyDraft = (date: string): DraftPlan => ({ id: null, title: '', date, notes: '', teams: [], targets: [] });

export default function PlanningPage({ view, updateView }: PlanningPageProps) {
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
  const pickArea = (next: { region: string | null; workArea: string | null }) => {
    setDraft(emptyDraft(asOf ?? ''));
    updateView({ ...next, plan: null });
  };

  // Weights: the URL's, else this tab's last ones (sessionStorage), else the defaults.
  const [sliders, setSliders] = useState<WeightOverrides>(() => (Object.keys(view.weights).length > 0 ? view.weights : storedOverrides()));
  useEffect(() => {
    if (Object.keys(view.weights).length === 0 && Object.keys(sliders).length > 0) updateView({ weights: sliders }, 'replace');
    // Once, at start: a stored session's weights go into the URL (later changes go through the debounce below).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const weightsKey = JSON.stringify(view.weights);
  useEffect(() => {
    const handle = window.setTimeout(() => {
      const next = overridesOf(effectiveWeights(sliders));
      if (JSON.stringify(next) !== weightsKey) updateView({ weights: next }, 'replace');
      storeOverrides(next);
    }, RERANK_DELAY_MS);
    return () => window.clearTimeout(handle);
  }, [sliders, weightsKey, updateView]);

  const region = view.workArea === null ? view.region : null;
  const areaDetail = useApiRequest(region === null ? null : `area:${region}`, (signal) => getArea(region ?? '', signal));
  // The map outlines the area, or the work area's regencies, and fits their bounding box.
  const outlined = office ? office.regencyCodes : region === null ? [] : [region];
  const areaBbox = office ? office.bbox : (dataOf(areaDetail)?.bbox ?? null);
  const candidatesKey = area === null || asOf === null ? null : `candidates:${area}:${asOf}:${weightsKey}:${view.lang}`;
  const candidates = useApiRequest(candidatesKey, (signal) =>
    getCandidates({ area: area ?? '', asOf: asOf ?? '', limit: CANDIDATE_LIMIT, weights: view.weights, lang: view.lang }, signal),
  );
  const ranked = dataOf(candidates);
  // The last answer stays on screen while the next ranking loads, so the rows move instead of flashing.
  const [shownRanking, setShownRanking] = useState(ranked);
  useEffect(() => {
    if (ranked) setShownRanking(ranked);
  }, [ranked]);
  const items = useMemo(() => shownRanking?.items ?? [], [shownRanking]);
  const deltas = useMemo(() => rankDeltas(items), [items]);
  const candidateById = useMemo(() => new Map(items.map((item) => [item.id, item])), [items]);

  // Plans of the area, and the plan open.
  const plans = useApiRequest(area === null || !permissions.planning.read ? null : `plans:${area}`, (signal) => listPlans(area ?? '', signal));
  const [openPlan, setOpenPlan] = useState<Plan | null>(null);
  const [planError, setPlanError] = useState<string | null>(null);
  const loadedPlan = useApiRequest(view.plan === null ? null : `plan:${view.plan}:${view.lang}`, (signal) => getPlan(view.plan ?? 0, signal, view.lang));
  const [draft, setDraft] = useState<DraftPlan>(() => emptyDraft(asOf ?? ''));
  useEffect(() => {
    const loaded = dataOf(loadedPlan);
    if (!loaded) return;
    setOpenPlan(loaded);
    setDraft(draftOf(loaded));
  }, [loadedPlan]);
  useEffect(() => {
    if (view.plan === null) setOpenPlan(null);
  }, [view.plan]);
  // A new plan is for the planning date: the candidates, their reasons and the plan's date are one day.
  // It was set once from the date the page opened with (the map's), so a plan opened from the 13 June
  // map and planned for 14 June kept 13 June and was saved, printed and recorded for the meeting day.
  useEffect(() => {
    if (asOf && draft.id === null && draft.date !== asOf) setDraft((current) => (current.id === null ? { ...current, date: asOf } : current));
  }, [asOf, draft.id, draft.date]);
  // Changing a new plan's date in the plan form changes the planning date with it (and so the candidates).
  const changeDraft = useCallback(
    (next: DraftPlan) => {
      if (next.id === null && next.date !== '' && next.date !== asOf) updateView({ asOf: next.date }, 'replace');
      setDraft(next);
    },
    [asOf, updateView],
  );

  const editable = permissions.planning.write && (openPlan === null || openPlan.status === 'draft');
  const picked = useMemo(() => new Set(draft.targets.map((target) => target.candidateId)), [draft.targets]);
  const togglePick = (candidate: PlanningCandidate) => {
    setDraft((current) =>
      current.targets.some((target) => target.candidateId === candidate.id)
        ? { ...current, targets: current.targets.filter((target) => target.candidateId !== candidate.id) }
        : { ...current, targets: [...current.targets, { candidateId: candidate.id, teamKey: null, notes: '' }] },
    );
  };

  const onSaved = useCallback(
    (plan: Plan | null) => {
      // The area's plan list and every cached copy of a plan (any language, the print page's too) are asked again.
      void invalidateApiAnswers('plans');
      void invalidateApiAnswers('plan');
      if (plan === null) {
        setOpenPlan(null);
        setDraft(emptyDraft(asOf ?? ''));
        updateView({ plan: null });
        return;
      }
      setOpenPlan(plan);
      setDraft(draftOf(plan));
      if (view.plan !== plan.id) updateView({ plan: plan.id });
    },
    [asOf, updateView, view.plan],
  );

  // Where the picked targets lie: the saved plan's, else the candidates'.
  const targetPlaces = useMemo(() => {
    const saved = new Map(openPlan?.targets.map((target) => [target.candidateId, target]) ?? []);
    return draft.targets.flatMap((target) => {
      const place = saved.get(target.candidateId) ?? candidateById.get(target.candidateId);
      return place ? [{ candidateId: target.candidateId, name: place.name, location: place.location }] : [];
    });
  }, [draft.targets, openPlan, candidateById]);
  // Route order: the server's for a saved plan whose targets did not change, else a preview.
  const savedUnchanged =
    openPlan !== null &&
    openPlan.targets.length === draft.targets.length &&
    draft.targets.every((target) => openPlan.targets.some((saved) => saved.candidateId === target.candidateId));
  const route = useMemo(() => {
    if (savedUnchanged && openPlan) {
      const ordered = [...openPlan.targets].sort((a, b) => a.order - b.order);
      return {
        ids: ordered.map((target) => target.candidateId),
        legKm: new Map(ordered.map((target) => [target.candidateId, target.legKm])),
        totalKm: openPlan.route.totalKm,
        preview: false,
      };
    }
    const preview = previewRoute(targetPlaces.map((place) => place.location));
    return {
      ids: preview.order.map((index) => targetPlaces[index]?.candidateId ?? ''),
      legKm: new Map(targetPlaces.map((place, index) => [place.candidateId, preview.legKm[index] ?? null])),
      totalKm: preview.totalKm,
      preview: true,
    };
  }, [savedUnchanged, openPlan, targetPlaces]);
  const routeOrder = useMemo(() => new Map(route.ids.map((id, index) => [id, index + 1])), [route]);

  const shown = useMemo(() => items.slice(0, SHOWN_CANDIDATES), [items]);
  const mapPoints: MapPoint[] = useMemo(() => {
    const points: MapPoint[] = shown
      .filter((item) => !picked.has(item.id))
      .map((item) => ({ id: item.id, label: String(item.rank), lng: item.location.lng, lat: item.location.lat, picked: false, title: item.name }));
    for (const place of targetPlaces) {
      points.push({
        id: place.candidateId,
        label: String(routeOrder.get(place.candidateId) ?? ''),
        lng: place.location.lng,
        lat: place.location.lat,
        picked: true,
        title: place.name,
      });
    }
    return points;
  }, [shown, picked, targetPlaces, routeOrder]);
  const routeLine = route.ids.flatMap((id) => targetPlaces.find((place) => place.candidateId === id)?.location ?? []);

  const [expanded, setExpanded] = useState<string | null>(null);
  const rowRefs = useRef(new Map<string, HTMLTableRowElement>());
  const onSelectPoint = (id: string) => {
    setExpanded(id);
    rowRefs.current.get(id)?.scrollIntoView({ block: 'nearest' });
  };

  const mapHref = pageHref({ ...view, plan: null, weights: {} }, 'map');
  const backToMap = (event: MouseEvent<HTMLAnchorElement>) => followInApp(event, () => updateView({ page: 'map', plan: null, weights: {} }));

  const errors = [meta, offices, areaDetail, candidates, plans, loadedPlan]
    .map((state) =>
      state.status === 'error' ? (state.error instanceof ApiError || state.error instanceof Error ? state.error.message : String(state.error)) : null,
    )
    .filter((message): message is string => message !== null);
  if (planError) errors.push(planError);

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
          <a className="header-button header-link" href={mapHref} onClick={backToMap} data-testid="back-to-map">
            {t('backToMap')}
          </a>
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
                    route={routeLine}
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
                          <button
                            type="button"
                            className="link-button"
                            aria-expanded={open}
                            onClick={() => setExpanded(open ? null : item.id)}
                            data-testid="candidate-name"
                          >
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
                            <button type="button" className="button small" onClick={() => togglePick(item)} data-testid="add-to-plan">
                              {picked.has(item.id) ? t('plan.remove') : t('plan.add')}
                            </button>
                          )}
                        </td>
                      </tr>
                      {open && (
                        <tr className="candidate-detail">
                          <td colSpan={6}>
                            <CandidateDetail item={item} view={view} />
                          </td>
                        </tr>
                      )}
                    </tbody>
                  );
                })}
              </table>
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
              onNew={() => {
                setOpenPlan(null);
                setDraft(emptyDraft(asOf ?? ''));
                updateView({ plan: null });
              }}
              canWrite={permissions.planning.write}
            />
            <PlanPanel
              view={view}
              area={area}
              draft={draft}
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
              onChange={changeDraft}
              onSaved={onSaved}
              onError={setPlanError}
            />
            {openPlan && openPlan.status === 'approved' && permissions.planning.write && (
              <OutcomeForm plan={openPlan} onDone={onSaved} onError={setPlanError} />
            )}
          </aside>
        )}
      </div>
    </div>
  );
}

/**
 * The planned area: a province, one of its regencies, or an office's work area (the offices whose work
 * area overlaps the scope). Choosing one clears the other.
 */
function AreaPicker({
  region,
  workArea,
  offices: loaded,
  onChange,
}: {
  region: string | null;
  workArea: string | null;
  /** null while loading. */
  offices: readonly OfficeWorkArea[] | null;
  onChange(next: { region: string | null; workArea: string | null }): void;
}) {
  const { t } = useTranslation('planning');
  const offices = loaded ?? [];
  const provinces = useApiRequest('areas:province', (signal) => getAreas('province', null, signal));
  // A scope below a province (an office's regencies) has no province to pick: its regencies are offered alone.
  const belowProvince = provinces.status === 'ok' && provinces.data.length === 0;
  const province = region?.slice(0, 2) ?? (belowProvince ? (offices[0]?.provinceCode ?? null) : null);
  const regencies = useApiRequest(province === null ? null : `areas:regency:${province}`, (signal) => getAreas('regency', province, signal));
  const regency = region !== null && region.length >= 5 ? region.slice(0, 5) : '';
  const pickRegion = (code: string | null) => onChange({ region: code, workArea: null });
  return (
    <div className="planning-area">
      {!belowProvince && (
        <label className="planning-field">
          <span>{t('province')}</span>
          <select value={province ?? ''} onChange={(event) => event.target.value && pickRegion(event.target.value)} data-testid="planning-province">
            <option value="">{t('choose')}</option>
            {(dataOf(provinces) ?? []).map((item) => (
              <option key={item.code} value={item.code}>
                {item.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="planning-field">
        <span>{t('regency')}</span>
        <select
          value={regency}
          onChange={(event) => pickRegion(event.target.value || (belowProvince ? null : province))}
          disabled={province === null}
          data-testid="planning-regency"
        >
          <option value="">{belowProvince ? t('choose') : t('wholeProvince')}</option>
          {(dataOf(regencies) ?? []).map((item) => (
            <option key={item.code} value={item.code}>
              {item.name}
            </option>
          ))}
        </select>
      </label>
      {(offices.length > 0 || workArea !== null) && (
        <label className="planning-field">
          <span>{t('workArea')}</span>
          <select value={workArea ?? ''} onChange={(event) => onChange({ region: null, workArea: event.target.value || null })} data-testid="planning-office">
            <option value="">{t('noWorkArea')}</option>
            {workArea !== null && !offices.some((item) => item.key === workArea) && <option value={workArea}>{loaded === null ? '…' : workArea}</option>}
            {offices.map((item) => (
              <option key={item.key} value={item.key}>
                {item.name}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}

function WeightSliders({ sliders, onChange }: { sliders: WeightOverrides; onChange(next: WeightOverrides): void }) {
  const { t } = useTranslation('planning');
  const format = useFormat();
  const weights = effectiveWeights(sliders);
  const changed = Object.keys(overridesOf(weights)).length > 0;
  return (
    <fieldset className="weight-sliders" data-testid="weights">
      <legend>{t('weights.title')}</legend>
      <p className="planning-hint">{t('weights.hint')}</p>
      <div className="weight-grid">
        {WEIGHT_KEYS.map((factor) => (
          <label key={factor} className="weight-slider" title={factor === 'riskNotForeigners' ? t('weights.riskNotForeignersHint') : undefined}>
            <span className="weight-name">{t(`factor.${factor}`)}</span>
            <input
              type="range"
              min={0}
              max={3}
              step={0.25}
              value={weights[factor]}
              onChange={(event) => onChange({ ...sliders, [factor]: Number(event.target.value) })}
              data-testid={`weight-${factor}`}
            />
            <output className={weights[factor] !== DEFAULT_WEIGHTS[factor] ? 'changed' : undefined}>{format.number(weights[factor], 2)}</output>
          </label>
        ))}
      </div>
      {changed && (
        <button type="button" className="button small" onClick={() => onChange({})} data-testid="weights-reset">
          {t('weights.reset')}
        </button>
      )}
    </fieldset>
  );
}

function CandidateDetail({ item, view }: { item: PlanningCandidate; view: ViewState }) {
  const { t } = useTranslation('planning');
  const format = useFormat();
  const weightsUsed = effectiveWeights(view.weights);
  const record = recordHref(view, item.links.record);
  const lastOperation = item.links.lastOperation ? recordHref(view, item.links.lastOperation) : null;
  return (
    <div className="candidate-detail-body" data-testid="candidate-detail">
      <p className="explanation" data-testid="candidate-explanation">
        {item.explanation[format.lang]}
      </p>
      <table className="factor-table">
        <thead>
          <tr>
            <th>{t('factors.factor')}</th>
            <th>{t('factors.value')}</th>
            <th>{t('factors.weight')}</th>
            <th>{t('factors.contribution')}</th>
          </tr>
        </thead>
        <tbody>
          {FACTORS.map((factor: Factor) => (
            <tr key={factor}>
              <td>{t(`factor.${factor}`)}</td>
              <td className="num">{format.number(item.factors[factor], 2)}</td>
              <td className="num">{format.number(weightsUsed[factor], 2)}</td>
              <td className="num">{format.number(item.contributions[factor] * 100, 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="record-links">
        {record && (
          <a href={record} target="_blank" rel="noreferrer" data-testid="candidate-record">
            {t('links.record')}
          </a>
        )}
        {lastOperation && (
          <a href={lastOperation} target="_blank" rel="noreferrer">
            {t('links.lastOperation')}
          </a>
        )}
        {item.links.riskAreas.map((link, index) => {
          const href = recordHref(view, link);
          return href ? (
            <a key={link} href={href} target="_blank" rel="noreferrer">
              {t('links.riskArea', { n: index + 1 })}
            </a>
          ) : null;
        })}
        <a href={item.links.record} target="_blank" rel="noreferrer">
          {t('links.api')}
        </a>
      </p>
    </div>
  );
}

function PlanList({
  plans,
  openId,
  onOpen,
  onNew,
  canWrite,
}: {
  plans: ReadonlyArray<{ id: number; title: string; date: string; status: string; targetCount: number; expectedForeigners: number }>;
  openId: number | null;
  onOpen(id: number): void;
  onNew(): void;
  canWrite: boolean;
}) {
  const { t } = useTranslation('planning');
  const format = useFormat();
  return (
    <section className="plan-list" data-testid="plan-list">
      <h2 className="planning-heading">{t('plans.title')}</h2>
      {plans.length === 0 && <p className="planning-hint">{t('plans.none')}</p>}
      <ul>
        {plans.map((plan) => (
          <li key={plan.id} className={plan.id === openId ? 'open' : undefined}>
            <button type="button" className="link-button" onClick={() => onOpen(plan.id)} data-testid="plan-list-item">
              {plan.title}
            </button>
            <span className={`plan-status ${plan.status}`}>{t(`status.${plan.status}` as 'status.draft')}</span>
            <span className="planning-hint">
              {format.date(plan.date)} · {t('plans.targets', { count: plan.targetCount, n: format.number(plan.targetCount) })}
            </span>
          </li>
        ))}
      </ul>
      {canWrite && openId !== null && (
        <button type="button" className="button small" onClick={onNew} data-testid="plan-new">
          {t('plans.new')}
        </button>
      )}
    </section>
  );
}

export type { PlanTeam };
