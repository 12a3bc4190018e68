import { downloadFileName, INDONESIA_BBOX, nationalityName } from '@pantau/domain';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { ApiError, setRequestLanguage } from './api/api-client.js';
import { getArea, getAreas, getMeta, getPermitStats } from './api/pantau-api.js';
import type { AreaPermitCount, RiskAreaAnswer, SearchCompany } from '@pantau/domain';
import { dataOf, useApiRequest, type RequestState } from './api/use-api-request.js';
import { AuthGate } from './auth/auth-gate.js';
import { ForbiddenPage } from './auth/forbidden-page.js';
import { allowedPage, pageHref } from './auth/pages.js';
import { shownOverlays } from './auth/permissions.js';
import { mapStart, withinScope, type MapStart } from './auth/scope-camera.js';
import { useNationalScope, usePermissions, useSession } from './auth/session-context.js';
import { UserMenu } from './auth/user-menu.js';
import { Breadcrumb } from './controls/breadcrumb.js';
import { EXPORT_KINDS } from './controls/export-links.js';
import { ExportMenu } from './controls/export-menu.js';
import { LanguageSwitch } from './controls/language-switch.js';
import { Sidebar } from './controls/sidebar.js';
import { monthOfPeriod, monthPeriod } from './controls/time-months.js';
import { TIMELINE_FIRST_MONTH, TimeSlider } from './controls/time-slider.js';
import { useFormat } from './i18n/format.js';
import { createI18n } from './i18n/i18n.js';
import { AreaHoverPanel, type HoveredAreaInfo } from './map/area-hover-panel.js';
import { choroplethClasses, choroplethScope, displayValue, measureValue } from './map/choropleth.js';
import { ChoroplethLegend, classRangeLabel } from './map/choropleth-legend.js';
import { OverlayKey } from './map/overlay-key.js';
import { useRefitWhenCovered } from './map/use-refit-when-covered.js';
import { CONTEXT_LAND_COLOR, NO_DATA_COLOR } from './map/map-style.js';
import { OVERLAYS, overlaySourceId } from './map/overlay-style.js';
import { PantauMap, type CameraMove, type CameraRequest, type HoveredAreaFeature, type MapError } from './map/pantau-map.js';
import type { TileFilters } from './map/tile-urls.js';
import { SearchBox } from './panels/search-box.js';
import { PersonSearch } from './people/person-search.js';
import type { PanelFilters, SearchSelection, Selection } from './panels/types.js';
import { useViewState, type HistoryMode, type ViewUpdate } from './state/use-view-state.js';
import { countedPermitTypes, type MapLevel, type MapPosition, type Page, type ViewState } from './state/view-state.js';
import { followInApp } from './ui/modifier-click.js';

// The detail panel (and its charts) loads after the map, on the first selection.
const DetailPanel = lazy(() => import('./panels/detail-panel.js').then((module) => ({ default: module.DetailPanel })));
// Users and audit pages: only for the roles that manage users or read the audit trail.
const AdminPage = lazy(() => import('./admin/admin-page.js').then((module) => ({ default: module.AdminPage })));
// The import page: only for the roles that may import.
const ImportPage = lazy(() => import('./imports/import-page.js'));
// Operation planning and a plan's print page: only for the roles that read plans.
const PlanningPage = lazy(() => import('./planning/planning-page.js'));
const PlanPrintPage = lazy(() => import('./planning/plan-print-page.js'));
// Briefings (builder, present mode, print page) and the dashboard's "add to briefing" menu.
const BriefingPage = lazy(() => import('./briefing/briefing-page.js'));
const BriefingPrintPage = lazy(() => import('./briefing/briefing-print.js'));
const AddToBriefing = lazy(() => import('./briefing/add-to-briefing.js'));
// The person and company pages (issue 20): the people register, for the roles allowed it.
const PersonPage = lazy(() => import('./people/person-page.js'));
const CompanyPage = lazy(() => import('./people/company-page.js'));
const ReportsPage = lazy(() => import('./reports/reports-page.js'));
// Coordination meetings with their decisions and follow-ups (issue 22).
const MeetingsPage = lazy(() => import('./meetings/meetings-page.js'));
// Drawing risk areas on the map (terra-draw and turf): only once the tool is opened, by roles that keep data.
const RiskAreaDraw = lazy(() => import('./risk-areas/risk-area-draw.js'));

export function App() {
  const [view, updateView] = useViewState();
  const [i18n] = useState(() => createI18n(view.lang));
  // During render, not in an effect: the children's first requests (their effects run before this
  // component's) already carry the view's language.
  setRequestLanguage(view.lang);
  useEffect(() => {
    if (i18n.language !== view.lang) void i18n.changeLanguage(view.lang);
    document.documentElement.lang = view.lang;
  }, [i18n, view.lang]);
  return (
    <I18nextProvider i18n={i18n}>
      <AuthGate lang={view.lang} onLangChange={(lang) => updateView({ lang })}>
        <SignedInPage view={view} updateView={updateView} />
      </AuthGate>
    </I18nextProvider>
  );
}

type UpdateView = (update: ViewUpdate, mode?: HistoryMode) => void;

function SignedInPage({ view, updateView }: { view: ViewState; updateView: UpdateView }) {
  const { t } = useTranslation('access');
  const page = allowedPage(view.page, usePermissions());
  if (page === 'forbidden') return <ForbiddenPage view={view} onBack={() => updateView({ page: 'map' })} />;
  if (page === 'map') return <DashboardPage view={view} updateView={updateView} />;
  if (page === 'briefing' || page === 'briefing-print') {
    return (
      <Suspense fallback={<p className="session-check">{t('loading')}</p>}>
        {page === 'briefing' ? <BriefingPage view={view} updateView={updateView} /> : <BriefingPrintPage view={view} />}
      </Suspense>
    );
  }
  if (page === 'import') {
    return (
      <Suspense fallback={<p className="session-check">{t('loading')}</p>}>
        <ImportPage view={view} updateView={updateView} />
      </Suspense>
    );
  }
  if (page === 'person' || page === 'company') {
    return (
      <Suspense fallback={<p className="session-check">{t('loading')}</p>}>
        {page === 'person' ? <PersonPage view={view} updateView={updateView} /> : <CompanyPage view={view} updateView={updateView} />}
      </Suspense>
    );
  }
  if (page === 'reports') {
    return (
      <Suspense fallback={<p className="session-check">{t('loading')}</p>}>
        <ReportsPage view={view} updateView={updateView} />
      </Suspense>
    );
  }
  if (page === 'meetings') {
    return (
      <Suspense fallback={<p className="session-check">{t('loading')}</p>}>
        <MeetingsPage view={view} updateView={updateView} />
      </Suspense>
    );
  }
  if (page === 'planning' || page === 'plan-print') {
    return (
      <Suspense fallback={<p className="session-check">{t('loading')}</p>}>
        {page === 'planning' ? <PlanningPage view={view} updateView={updateView} /> : <PlanPrintPage view={view} />}
      </Suspense>
    );
  }
  return (
    <Suspense fallback={<p className="session-check">{t('loading')}</p>}>
      <AdminPage page={page} view={view} updateView={updateView} />
    </Suspense>
  );
}

type TFunction = ReturnType<typeof useTranslation<'common'>>['t'];

function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.code === 'network') return t('errors.network');
    if (error.code === 'bad_response') return `${t('errors.badResponse')} (${error.message})`;
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

function errorOf(state: RequestState<unknown>): unknown {
  return state.status === 'error' ? state.error : undefined;
}

/** Zoom of the whole of Indonesia on a laptop screen, used before the map reports its own. */
const NATIONAL_ZOOM = 4;

function DashboardPage({ view, updateView }: { view: ViewState; updateView: UpdateView }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const { permissions } = session;
  // A link made by another role may name layers this role may not load: they are left out.
  const nationalScope = useNationalScope();
  const shownLayers = useMemo(
    () => shownOverlays(view.layers, permissions, { region: view.region, nationalScope }),
    [view.layers, permissions, view.region, nationalScope],
  );
  const { t: tMap } = useTranslation('map');
  const { t: tData } = useTranslation('data');
  const format = useFormat();
  // A plain click on a page link stays in the app; a middle or modified click opens it as the browser would.
  const openPage = (event: MouseEvent<HTMLAnchorElement>, page: Page) => followInApp(event, () => updateView({ page }));

  const meta = useApiRequest('meta', getMeta);
  const today = dataOf(meta)?.today ?? null;
  // Without a date in the URL, the server's today: named explicitly, so the tiles and the counts the
  // classes come from are for the same day, and a tile cached yesterday is not taken for today's.
  const asOf = view.asOf ?? today;
  const permitTypes = countedPermitTypes(view);
  // Unknown until the map opens (on the work area, without a position in the link): the level shaded
  // and counted follows the zoom, so nothing is asked for before.
  const [zoom, setZoom] = useState<number | null>(view.map?.zoom ?? null);
  const scope = choroplethScope(view, zoom ?? NATIONAL_ZOOM);

  const tileFilters = useMemo<TileFilters | null>(
    () =>
      asOf === null
        ? null
        : { asOf, permitTypes, nationalities: view.nationalities, purposes: view.purposes, from: view.from, to: view.to, region: view.region },
    // `permitTypes` is derived from `view.permitTypes`.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- arrays compared by their content (joined), not by identity
    [asOf, view.permitTypes.join(), view.nationalities.join(), view.purposes.join(), view.from, view.to, view.region],
  );

  // The level follows the zoom only without a chosen level or area: then wait for the map's zoom.
  const levelKnown = zoom !== null || view.level !== null || view.region !== null;
  const statsKey = asOf === null || !levelKnown ? null : `stats:${scope.level}:${scope.parent}:${asOf}:${permitTypes}:${view.nationalities}:${view.purposes}`;
  const stats = useApiRequest(statsKey, (signal) =>
    getPermitStats({ level: scope.level, parent: scope.parent, asOf, permitTypes, nationalities: view.nationalities, purposes: view.purposes }, signal),
  );
  // Surfaces are only needed for densities.
  const areaList = useApiRequest(view.measure === 'density' && levelKnown ? `areas:${scope.level}:${scope.parent}` : null, (signal) =>
    getAreas(scope.level, scope.parent, signal),
  );
  const region = useApiRequest(view.region === null ? null : `area:${view.region}`, (signal) => getArea(view.region ?? '', signal));
  const parentArea = useApiRequest(scope.parent === null ? null : `area:${scope.parent}`, (signal) => getArea(scope.parent ?? '', signal));

  const permitStats = dataOf(stats);
  const areaKm2ByCode = useMemo(() => new Map((dataOf(areaList) ?? []).map((area) => [area.code, area.areaKm2])), [areaList]);
  const classes = useMemo(() => {
    if (!permitStats) return null;
    if (view.measure === 'density' && areaKm2ByCode.size === 0) return null;
    return choroplethClasses(permitStats.areas, view.measure, areaKm2ByCode);
  }, [permitStats, view.measure, areaKm2ByCode]);
  const permitCountByCode = useMemo(() => new Map(permitStats?.areas.map((area) => [area.code, area])), [permitStats]);

  const [hoveredFeature, setHoveredFeature] = useState<HoveredAreaFeature | null>(null);
  const hoveredArea = useMemo(() => describeArea(hoveredFeature, permitCountByCode, view.measure), [hoveredFeature, permitCountByCode, view.measure]);

  const [mapError, setMapError] = useState<MapError | null>(null);
  const [camera, setCamera] = useState<CameraRequest | null>(null);
  const cameraIdRef = useRef(0);
  const requestCamera = useCallback((move: CameraMove) => {
    cameraIdRef.current += 1;
    setCamera({ ...move, id: cameraIdRef.current });
  }, []);
  const scopeCodes = session.user.scope.areaCodes;
  const scopeBbox = dataOf(meta)?.scopeBbox ?? null;
  const fitToScope = useCallback(() => {
    if (scopeBbox) requestCamera({ kind: 'fit', bbox: scopeBbox });
  }, [scopeBbox, requestCamera]);
  // The map is created on the work area (its box comes with /meta), so its first frame shows it; a
  // link with a map position, or the national scope, needs no wait.
  const startRef = useRef<MapStart | null>(null);
  if (startRef.current === null && (view.map !== null || scopeCodes === null || meta.status === 'ok' || meta.status === 'error')) {
    startRef.current = mapStart(view, scopeBbox, scopeCodes);
  }
  const start = startRef.current;
  // The API serves nothing outside the work area (the province above an office's regencies, a link
  // made by another user): the map shows the work area instead of an error.
  const regionOutsideScope = view.region !== null && !withinScope(view.region, scopeCodes);
  useEffect(() => {
    if (!regionOutsideScope) return;
    updateView({ region: null, select: null }, 'replace');
    fitToScope();
  }, [regionOutsideScope, updateView, fitToScope]);

  // Fit the area once it is known, when it was chosen here (click, breadcrumb, search) or opened from
  // a link without a map position.
  const fitPendingRef = useRef<string | null>(view.region !== null && view.map === null ? view.region : null);
  const regionDetail = dataOf(region);
  useEffect(() => {
    if (!regionDetail || fitPendingRef.current !== regionDetail.code) return;
    fitPendingRef.current = null;
    requestCamera({ kind: 'fit', bbox: regionDetail.bbox });
  }, [regionDetail, requestCamera]);

  const mapRef = useRef<MapLibreMap | null>(null);
  // Open beside the map on laptops and projectors; over the map (closed at first) on narrow windows.
  const [sidebarOpen, setSidebarOpen] = useState(() => window.matchMedia('(min-width: 1001px)').matches);

  const selectArea = useCallback(
    (code: string | null) => {
      if (scopeCodes !== null && (code === null || !withinScope(code, scopeCodes))) {
        fitPendingRef.current = null;
        updateView({ region: null, select: null, panelOpen: true });
        fitToScope();
        return;
      }
      fitPendingRef.current = code;
      if (code === null) requestCamera({ kind: 'fit', bbox: INDONESIA_BBOX });
      updateView({ region: code, select: null, panelOpen: true });
    },
    [updateView, requestCamera, scopeCodes, fitToScope],
  );
  const selectRecord = useCallback(
    (selection: Selection) => {
      if (selection.kind === 'area') selectArea(selection.code);
      else updateView({ select: { kind: selection.kind, id: selection.id } });
    },
    [selectArea, updateView],
  );
  const selectCompany = useCallback(
    (company: SearchCompany) => {
      requestCamera({ kind: 'fly', center: [company.lng, company.lat], zoom: 12 });
      updateView({ select: { kind: 'company', id: company.id } });
    },
    [requestCamera, updateView],
  );
  const onSearch = useCallback(
    (result: SearchSelection) => {
      if (result.kind === 'area') {
        selectArea(result.code);
        return;
      }
      requestCamera({ kind: 'fly', center: [result.lng, result.lat], zoom: 12 });
      const kind = result.kind === 'company' ? 'company' : placeKindToRecord(result.placeKind);
      if (kind) updateView({ select: { kind, id: result.id } });
    },
    [selectArea, requestCamera, updateView],
  );
  const onMove = useCallback(
    (position: MapPosition) => {
      setZoom(position.zoom);
      updateView({ map: position }, 'replace');
    },
    [updateView],
  );
  const onMapError = useCallback((error: MapError | null) => setMapError(error), []);
  // The risk-area drawing tool: while it is open, a click on the map places a corner, not a selection.
  // `areaId` null: a new area; else the risk area whose outline is changed.
  const [drawing, setDrawing] = useState<{ areaId: number | null } | null>(null);
  const ignoreMapClick = useCallback(() => {}, []);
  const onRiskAreaSaved = useCallback(
    (riskArea: RiskAreaAnswer, message: string) => {
      setDrawing(null);
      setDrawNotice(message);
      // A changed area keeps its selection: the panel reads it again.
      setPanelRevision((revision) => revision + 1);
      // The risk layer shows the new outline: switched on if it was off, its tiles asked for again if it was on.
      const map = mapRef.current;
      if (map?.getSource(overlaySourceId('risk'))) map.refreshTiles(overlaySourceId('risk'));
      updateView((current) => ({
        ...current,
        layers: current.layers.includes('risk') ? current.layers : [...current.layers, 'risk'],
        select: { kind: 'risk_area', id: riskArea.id },
      }));
    },
    [updateView],
  );
  const [drawNotice, setDrawNotice] = useState<string | null>(null);
  const [panelRevision, setPanelRevision] = useState(0);
  const openDrawing = (areaId: number | null) => {
    setDrawNotice(null);
    setHoveredFeature(null);
    setDrawing({ areaId });
  };
  const [mapInstance, setMapInstance] = useState<MapLibreMap | null>(null);
  const onMapReady = useCallback((map: MapLibreMap | null) => {
    mapRef.current = map;
    setMapInstance(map);
  }, []);

  const selection: Selection | null = view.select ?? (view.region !== null && view.panelOpen ? { kind: 'area', code: view.region } : null);
  const panelFilters: PanelFilters | null =
    asOf === null
      ? null
      : {
          asOf,
          ...(view.permitTypes.length > 0 ? { permitTypes: view.permitTypes } : {}),
          ...(view.nationalities.length > 0 ? { nationalities: view.nationalities } : {}),
          ...(view.purposes.length > 0 ? { purposes: view.purposes } : {}),
          ...(view.from ? { from: view.from } : {}),
          ...(view.to ? { to: view.to } : {}),
          ...(view.compare ? { compareWith: view.compare } : {}),
        };
  // On a laptop the map keeps its width: opening the detail panel folds the filters away.
  const hasSelection = selection !== null;
  useEffect(() => {
    if (hasSelection && window.matchMedia('(max-width: 1500px)').matches) setSidebarOpen(false);
  }, [hasSelection]);

  // Folding the legend frees the bottom left of the map; unfolding it covers it again.
  const [legendCollapsed, setLegendCollapsed] = useState(false);

  // Opening or closing a side panel changes the map's width, and folding the legend the room left in
  // it: the selected area is fitted again into what is free, instead of being cut by a panel, left
  // off-centre or covered by the legend.
  const panelsKey = `${sidebarOpen}:${hasSelection}:${legendCollapsed}`;
  const panelsKeyRef = useRef(panelsKey);
  useEffect(() => {
    if (panelsKeyRef.current === panelsKey) return;
    panelsKeyRef.current = panelsKey;
    if (regionDetail) requestCamera({ kind: 'fit', bbox: regionDetail.bbox });
  }, [panelsKey, regionDetail, requestCamera]);

  // The legend grows after a fit (its classes arrive, a note for the area drilled into): the selected
  // area is fitted again when the legend, or another card at the bottom, now covers it.
  // Only an area the app fitted: a link's own map position is where the user asked to be.
  const mapBottomRef = useRef<HTMLDivElement>(null);
  const fittedRegion = camera?.kind === 'fit' && regionDetail && camera.bbox.join() === regionDetail.bbox.join() ? regionDetail.bbox : null;
  useRefitWhenCovered(mapInstance, mapBottomRef, fittedRegion, () => {
    if (regionDetail) requestCamera({ kind: 'fit', bbox: regionDetail.bbox });
  });

  const closePanel = useCallback(() => {
    updateView((current) => (current.select ? { ...current, select: null } : { ...current, panelOpen: false }));
  }, [updateView]);

  const typesLabel = permitTypes.map((type) => t(`filters.permitTypes.${type}`)).join(' + ');
  const trail = regionDetail ? [...regionDetail.parents, { code: regionDetail.code, name: regionDetail.name, level: regionDetail.level }] : [];
  const parentName = scope.parent === null ? null : (dataOf(parentArea)?.name ?? scope.parent);

  const errors = [
    ...view.rejected.map(({ name, value }) => t('errors.rejectedParam', { name, value })),
    ...[meta, stats, region, areaList].map((state) => {
      const error = errorOf(state);
      return error === undefined ? null : errorMessage(error, t);
    }),
    mapError === null ? null : mapError.kind === 'tiles' ? `${t('errors.tiles')} (${mapError.message})` : mapError.message,
  ].filter((message): message is string => message !== null);
  const uniqueErrors = [...new Set(errors)];
  const loading = [meta, stats].some((state) => state.status === 'loading');
  const shownAsOf = permitStats?.asOf ?? asOf;

  const [exporting, setExporting] = useState(false);
  const exportPng = async () => {
    const map = mapRef.current;
    if (!map || !classes) return;
    setExporting(true);
    try {
      const { exportMapPng } = await import('./map/export-png.js');
      const filterParts = [
        view.permitTypes.length > 0 ? `${t('filters.permitType')}: ${typesLabel}` : null,
        view.nationalities.length > 0
          ? `${t('filters.nationality')}: ${view.nationalities.map((code) => nationalityName(code, format.lang)).join(', ')}`
          : null,
        view.purposes.length > 0 ? `${t('filters.purpose')}: ${view.purposes.map((purpose) => t(`filters.purposes.${purpose}`)).join(', ')}` : null,
      ].filter((part): part is string => part !== null);
      const period =
        view.from || view.to ? `${t('export.period')}: ${view.from ? format.date(view.from) : '…'} – ${view.to ? format.date(view.to) : '…'}` : null;
      const demo = dataOf(meta)?.demo ?? false;
      const legendTitle = view.measure === 'density' ? tMap('legend.titleDensity', { types: typesLabel }) : tMap('legend.title', { types: typesLabel });
      await exportMapPng(map, {
        title: `${t('title')} — ${legendTitle}${trail.length > 0 ? ` — ${trail.map((area) => area.name).join(' › ')}` : ''}`,
        lines: [
          `${t('asOfLabel')} ${shownAsOf ? format.date(shownAsOf) : ''} · ${tMap(`level.${scope.level}`)}`,
          `${t('export.filters')}: ${filterParts.length > 0 ? filterParts.join(' · ') : t('export.noFilters')}`,
          ...(period ? [period] : []),
          ...(shownLayers.length > 0 ? [`${t('export.layers')}: ${shownLayers.map((layer) => tMap(`layers.${layer}`)).join(', ')}`] : []),
        ],
        legends: [
          {
            title: legendTitle,
            rows: [
              ...classes.map((choroplethClass) => ({ color: choroplethClass.color, label: classRangeLabel(choroplethClass, view.measure, format.number) })),
              { color: NO_DATA_COLOR, label: tMap('legend.noData') },
              ...(parentName !== null ? [{ color: CONTEXT_LAND_COLOR, label: tMap('legend.outside') }] : []),
            ],
            notes: [tMap('legend.method', { count: classes.length }), ...(parentName !== null ? [tMap('legend.within', { name: parentName })] : [])],
          },
          ...shownLayers.map((layer) => ({
            title: tMap(`layers.${layer}`),
            rows: OVERLAYS[layer].legend.map((entry) => ({
              color: entry.color,
              label: tMap(`legend.${entry.key}` as 'legend.noData'),
              shape: entry.shape === 'circle' ? ('circle' as const) : entry.shape === 'outline' ? ('outline' as const) : ('square' as const),
            })),
            notes: [],
          })),
        ],
        footer: `${demo ? `${t('export.demo')} · ` : ''}Pantau · Batas wilayah © Cahya DSN (MIT) · Natural Earth · ${window.location.href}`,
        warning: demo ? t('export.demo') : null,
        fileName: downloadFileName({
          kind: t('export.fileName'),
          areaName: regionDetail?.name ?? null,
          areaCode: view.region,
          date: shownAsOf ?? '',
          extension: 'png',
        }).replace(/\.png$/, ''),
      });
    } catch (error) {
      setMapError({ kind: 'webgl', message: t('export.failed', { message: error instanceof Error ? error.message : String(error) }) });
    } finally {
      setExporting(false);
    }
  };

  const onPeriod = useCallback(
    (period: { from: string | null; to: string | null; asOf: string | null }, mode: HistoryMode) => updateView(period, mode),
    [updateView],
  );
  const onTimeMode = useCallback(
    (timeMode: ViewState['timeMode']) =>
      updateView((current) => {
        const month = monthOfPeriod(current.from, current.to, current.timeMode, TIMELINE_FIRST_MONTH);
        return { ...current, timeMode, ...(month ? monthPeriod(month, timeMode, TIMELINE_FIRST_MONTH) : {}) };
      }),
    [updateView],
  );

  return (
    <div className={`page${sidebarOpen ? ' sidebar-open' : ''}${selection ? ' detail-open' : ''}`}>
      <header className="page-header">
        <div className="page-title">
          <h1>{t('title')}</h1>
          <p className="page-subtitle">{t('subtitle')}</p>
        </div>
        <div className="header-search">
          <SearchBox onSelect={onSearch} />
        </div>
        <div className="page-status">
          {dataOf(meta)?.demo && (
            <span className="demo-badge" data-testid="demo-badge" title={t('demoBadgeTitle')}>
              {t('demoBadge')}
            </span>
          )}
          {shownAsOf && (
            <p className="as-of">
              {t('asOfLabel')}{' '}
              <time dateTime={shownAsOf} data-testid="as-of">
                {format.date(shownAsOf)}
              </time>
            </p>
          )}
          {permissions.planning.read && (
            <a
              className="header-button header-link"
              href={pageHref(view, 'planning')}
              onClick={(event) => openPage(event, 'planning')}
              data-testid="open-planning"
            >
              {t('planningLink')}
            </a>
          )}
          {permissions.import && (
            <a className="header-button header-link" href={pageHref(view, 'import')} onClick={(event) => openPage(event, 'import')} data-testid="open-import">
              {tData('import.open')}
            </a>
          )}
          <Suspense fallback={null}>
            <AddToBriefing
              view={view}
              shownAsOf={shownAsOf}
              areaName={regionDetail?.name ?? null}
              onOpen={(briefing, slide) => updateView({ page: 'briefing', briefing, slide })}
              listHref={pageHref({ ...view, briefing: null, slide: null }, 'briefing')}
              onOpenList={() => updateView({ page: 'briefing', briefing: null, slide: null })}
            />
          </Suspense>
          <button type="button" className="header-button" onClick={() => void exportPng()} disabled={exporting || !classes} data-testid="export-png">
            {exporting ? t('export.busy') : t('export.button')}
          </button>
          <LanguageSwitch lang={view.lang} onChange={(lang) => updateView({ lang })} />
          <UserMenu pageHref={(page) => pageHref(view, page)} onOpenPage={(page) => updateView({ page })} />
        </div>
      </header>

      <div className="workspace">
        <aside className="sidebar" aria-label={t('sidebar.label')} id="sidebar" hidden={!sidebarOpen}>
          <Sidebar
            view={view}
            autoLevel={scope.level}
            onChange={(update) => updateView(update)}
            onSelectCompany={selectCompany}
            // The header has no room left at 1366 px (layout.e2e): the person search leads the sidebar.
            personSearch={
              permissions.personalData ? (
                <PersonSearch
                  labelled
                  hrefOf={(id) => pageHref({ ...view, person: id }, 'person')}
                  onOpen={(id) => updateView({ page: 'person', person: id })}
                />
              ) : null
            }
            onFlyToGap={(item) => requestCamera({ kind: 'fly', center: [item.location.lng, item.location.lat], zoom: item.kind === 'company_site' ? 13 : 10 })}
          />
          <ExportMenu view={view} shownAsOf={shownAsOf} kinds={EXPORT_KINDS.filter((kind) => permissions.exports.includes(kind))} />
        </aside>

        <main className="map-area">
          {start === null ? (
            <div className="area-map" aria-busy="true" />
          ) : (
            <PantauMap
              initialBounds={start.kind === 'bounds' ? start.bbox : undefined}
              initialMaxZoom={start.kind === 'bounds' ? start.maxZoom : undefined}
              filters={tileFilters}
              level={scope.level}
              parent={scope.parent}
              classes={classes}
              measure={view.measure}
              layers={shownLayers}
              selectedArea={view.region}
              position={view.map}
              camera={camera}
              label={tMap('mapLabel')}
              onMove={onMove}
              onHoverArea={drawing ? ignoreMapClick : setHoveredFeature}
              onClickArea={drawing ? ignoreMapClick : selectArea}
              onSelectRecord={drawing ? ignoreMapClick : selectRecord}
              onMapError={onMapError}
              onMapReady={onMapReady}
            />
          )}
          <div className="map-top-left">
            <button
              type="button"
              className="button sidebar-toggle"
              aria-expanded={sidebarOpen}
              aria-controls="sidebar"
              onClick={() => setSidebarOpen((open) => !open)}
              data-testid="sidebar-toggle"
            >
              {sidebarOpen ? `‹ ${t('sidebar.hide')}` : `☰ ${t('sidebar.show')}`}
            </button>
            <Breadcrumb trail={trail} onSelect={selectArea} canSelect={(code) => withinScope(code, scopeCodes)} />
            {permissions.import && mapInstance && !drawing && (
              <button type="button" className="button draw-open" onClick={() => openDrawing(null)} data-testid="open-draw">
                {tMap('drawRisk.open')}
              </button>
            )}
            {permissions.import && mapInstance && !drawing && view.select?.kind === 'risk_area' && (
              <button type="button" className="button draw-open" onClick={() => openDrawing(view.select?.id ?? null)} data-testid="edit-risk-area">
                {tMap('drawRisk.edit')}
              </button>
            )}
            {drawNotice && (
              <p className="draw-notice" role="status" data-testid="draw-notice">
                {drawNotice}
              </p>
            )}
          </div>
          {drawing && mapInstance && (
            <Suspense
              fallback={
                <p className="loading" role="status">
                  {tMap('drawRisk.loading')}
                </p>
              }
            >
              <RiskAreaDraw
                map={mapInstance}
                validFrom={asOf ?? today ?? ''}
                areaId={drawing.areaId}
                onSaved={onRiskAreaSaved}
                onClose={() => setDrawing(null)}
              />
            </Suspense>
          )}
          {uniqueErrors.length > 0 && (
            <div className="error-box" role="alert" data-testid="error-box">
              <strong>{t('errors.title')}</strong>
              <ul>
                {uniqueErrors.map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            </div>
          )}
          {loading && (
            <p className="loading" role="status">
              {t('loading')}
            </p>
          )}
          {/* With a panel open the hint card is left out, but a hovered area still shows its figures. */}
          {!drawing && (!selection || hoveredArea) && <AreaHoverPanel area={hoveredArea} typesLabel={typesLabel} />}
          <div className="map-bottom" ref={mapBottomRef}>
            <ChoroplethLegend
              classes={classes ?? []}
              measure={view.measure}
              typesLabel={typesLabel}
              parentName={parentName}
              loading={classes === null}
              collapsed={legendCollapsed}
              onToggle={() => setLegendCollapsed((collapsed) => !collapsed)}
            />
            {!sidebarOpen && <OverlayKey layers={shownLayers} />}
            {today && <TimeSlider from={view.from} to={view.to} mode={view.timeMode} today={today} onPeriod={onPeriod} onModeChange={onTimeMode} />}
          </div>
        </main>

        {selection && panelFilters && (
          <aside className="detail-column" aria-label={t('detail.label')} data-testid="detail-column">
            <Suspense fallback={<p className="detail-loading">{t('detail.loading')}</p>}>
              <DetailPanel
                key={panelRevision}
                selection={selection}
                filters={panelFilters}
                onClose={closePanel}
                onSelectArea={(code) => selectArea(code)}
                canOpenArea={(code) => withinScope(code, scopeCodes)}
                companyPage={
                  permissions.lists
                    ? { href: (id) => pageHref({ ...view, company: id }, 'company'), open: (id) => updateView({ page: 'company', company: id }) }
                    : undefined
                }
              />
            </Suspense>
          </aside>
        )}
      </div>
    </div>
  );
}

function placeKindToRecord(placeKind: string): Exclude<Selection['kind'], 'area'> | null {
  switch (placeKind) {
    case 'operation':
    case 'operation_target':
      return 'operation';
    case 'entry_point':
      return 'entry_point';
    case 'risk_area':
      return 'risk_area';
    case 'report':
      return 'report';
    case 'meeting':
      return 'meeting';
    case 'company':
      return 'company';
    default:
      return null;
  }
}

/** The hovered area as its tile describes it, with its top nationalities from the statistics. */
function describeArea(
  feature: HoveredAreaFeature | null,
  permitCountByCode: ReadonlyMap<string, AreaPermitCount>,
  measure: ViewState['measure'],
): HoveredAreaInfo | null {
  if (!feature) return null;
  const { itas, itap, visit } = feature;
  const density = measure === 'density' && feature.holderCount !== null ? measureValue(feature.holderCount, feature.areaKm2, 'density') : null;
  return {
    code: feature.code,
    level: feature.level as MapLevel,
    name: feature.name,
    parentName: feature.parentName,
    holderCount: feature.holderCount,
    density: density === null ? null : displayValue(density, 'density'),
    permitCounts: itas !== null && itap !== null ? { itas, itap, visit: visit ?? 0 } : null,
    topNationalities: permitCountByCode.get(feature.code)?.topNationalities ?? [],
  };
}
