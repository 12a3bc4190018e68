import type { Map as MapLibreMap } from 'maplibre-gl';
import { lazy, Suspense, useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shownOverlays } from '../auth/permissions.js';
import { withinScope } from '../auth/scope-camera.js';
import { useNationalScope, useSession } from '../auth/session-context.js';
import { EXPORT_KINDS } from '../controls/export-links.js';
import { ExportMenu } from '../controls/export-menu.js';
import { Sidebar } from '../controls/sidebar.js';
import { AreaHoverPanel } from '../map/area-hover-panel.js';
import { PantauMap, type HoveredAreaFeature, type MapError } from '../map/pantau-map.js';
import type { Selection } from '../panels/types.js';
import { PersonSearch } from '../people/person-search.js';
import { useRoute } from '../state/router.js';
import type { MapPosition } from '../state/view-state.js';
import { DashboardHeader } from './dashboard-header.js';
import { dashboardErrors, describeArea, panelFiltersOf } from './dashboard-text.js';
import { MapBottom } from './map-bottom.js';
import { MapMessages } from './map-messages.js';
import { MapTopLeft } from './map-top-left.js';
import { useDashboardData } from './use-dashboard-data.js';
import { useMapNavigation } from './use-map-navigation.js';
import { usePanelLayout } from './use-panel-layout.js';
import { usePngExport } from './use-png-export.js';
import { useRiskDrawing } from './use-risk-drawing.js';

// The detail panel (and its charts) loads after the map, on the first selection.
const DetailPanel = lazy(() => import('../panels/detail-panel.js').then((module) => ({ default: module.DetailPanel })));
// Drawing risk areas on the map (terra-draw and turf): only once the tool is opened, by roles that keep data.
const RiskAreaDraw = lazy(() => import('../risk-areas/risk-area-draw.js'));

/** The map page: the choropleth of permit holders, its filters, overlays, detail panel and exports. */
export function DashboardPage() {
  const { view, update: updateView, navigate, href } = useRoute('map');
  const { t } = useTranslation();
  const { t: tMap } = useTranslation('map');
  const { session } = useSession();
  const { permissions } = session;
  // A link made by another role may name layers this role may not load: they are left out.
  const nationalScope = useNationalScope();
  const shownLayers = useMemo(
    () => shownOverlays(view.layers, permissions, { region: view.region, nationalScope }),
    [view.layers, permissions, view.region, nationalScope],
  );
  const data = useDashboardData(view);
  const { meta, today, asOf, scope, classes, regionDetail, setZoom } = data;

  const [hoveredFeature, setHoveredFeature] = useState<HoveredAreaFeature | null>(null);
  const hoveredArea = useMemo(() => describeArea(hoveredFeature, data.permitCountByCode, view.measure), [hoveredFeature, data.permitCountByCode, view.measure]);
  const [mapError, setMapError] = useState<MapError | null>(null);

  const scopeCodes = session.user.scope.areaCodes;
  const navigation = useMapNavigation({
    view,
    updateView,
    scopeCodes,
    scopeBbox: meta.status === 'ok' ? meta.data.scopeBbox : null,
    metaSettled: meta.status === 'ok' || meta.status === 'error',
    regionDetail,
  });
  const { camera, requestCamera, start, selectArea } = navigation;
  const canOpenArea = (code: string) => withinScope(code, scopeCodes);

  const mapRef = useRef<MapLibreMap | null>(null);
  const [mapInstance, setMapInstance] = useState<MapLibreMap | null>(null);
  const onMapReady = useCallback((map: MapLibreMap | null) => {
    mapRef.current = map;
    setMapInstance(map);
  }, []);
  const onMove = useCallback(
    (position: MapPosition) => {
      setZoom(position.zoom);
      updateView({ map: position }, 'replace');
    },
    [updateView, setZoom],
  );
  const onMapError = useCallback((error: MapError | null) => setMapError(error), []);
  const riskDrawing = useRiskDrawing(mapRef, updateView, () => setHoveredFeature(null));
  const { drawing } = riskDrawing;
  const ignoreMapClick = useCallback(() => {}, []);

  const selection: Selection | null = view.select ?? (view.region !== null && view.panelOpen ? { kind: 'area', code: view.region } : null);
  const panelFilters = panelFiltersOf(view, asOf);
  const layout = usePanelLayout({ hasSelection: selection !== null, regionDetail, camera, requestCamera, mapInstance });
  const { sidebarOpen } = layout;

  const closePanel = useCallback(() => {
    updateView((current) => (current.select ? { select: null } : { panelOpen: false }));
  }, [updateView]);

  const typesLabel = data.permitTypes.map((type) => t(`filters.permitTypes.${type}`)).join(' + ');
  const trail = regionDetail ? [...regionDetail.parents, { code: regionDetail.code, name: regionDetail.name, level: regionDetail.level }] : [];

  const uniqueErrors = dashboardErrors(view, [meta, data.stats, data.region, data.areaList], mapError, t);
  const loading = [meta, data.stats].some((state) => state.status === 'loading');
  const demo = meta.status === 'ok' && meta.data.demo;

  const { exporting, exportPng } = usePngExport({
    mapRef,
    view,
    classes,
    demo,
    typesLabel,
    trail,
    shownAsOf: data.shownAsOf,
    level: scope.level,
    shownLayers,
    parentName: data.parentName,
    regionName: regionDetail?.name ?? null,
    onError: setMapError,
  });

  return (
    <div className={`page${sidebarOpen ? ' sidebar-open' : ''}${selection ? ' detail-open' : ''}`}>
      <DashboardHeader
        demo={demo}
        shownAsOf={data.shownAsOf}
        regionName={regionDetail?.name ?? null}
        onSearch={navigation.onSearch}
        exporting={exporting}
        canExport={classes !== null}
        onExport={() => void exportPng()}
      />

      <div className="workspace">
        <aside className="sidebar" aria-label={t('sidebar.label')} id="sidebar" hidden={!sidebarOpen}>
          <Sidebar
            view={view}
            autoLevel={scope.level}
            onChange={(update) => updateView(update)}
            onSelectCompany={navigation.selectCompany}
            // The header has no room left at 1366 px (layout.e2e): the person search leads the sidebar.
            personSearch={
              permissions.personalData ? (
                <PersonSearch labelled hrefOf={(person) => href({ page: 'person', person })} onOpen={(person) => navigate({ page: 'person', person })} />
              ) : null
            }
            onFlyToGap={(item) => requestCamera({ kind: 'fly', center: [item.location.lng, item.location.lat], zoom: item.kind === 'company_site' ? 13 : 10 })}
          />
          <ExportMenu view={view} shownAsOf={data.shownAsOf} kinds={EXPORT_KINDS.filter((kind) => permissions.exports.includes(kind))} />
        </aside>

        <main className="map-area">
          {start === null ? (
            <div className="area-map" aria-busy="true" />
          ) : (
            <PantauMap
              initialBounds={start.kind === 'bounds' ? start.bbox : undefined}
              initialMaxZoom={start.kind === 'bounds' ? start.maxZoom : undefined}
              filters={data.tileFilters}
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
              onSelectRecord={drawing ? ignoreMapClick : navigation.selectRecord}
              onMapError={onMapError}
              onMapReady={onMapReady}
            />
          )}
          <MapTopLeft
            sidebarOpen={sidebarOpen}
            onToggleSidebar={layout.toggleSidebar}
            trail={trail}
            onSelectArea={selectArea}
            canSelect={canOpenArea}
            canDraw={permissions.import && mapInstance !== null && !drawing}
            selectedRiskArea={view.select?.kind === 'risk_area' ? view.select.id : null}
            onDraw={riskDrawing.openDrawing}
            drawNotice={riskDrawing.drawNotice}
          />
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
                onSaved={riskDrawing.onRiskAreaSaved}
                onClose={riskDrawing.closeDrawing}
              />
            </Suspense>
          )}
          <MapMessages errors={uniqueErrors} loading={loading} />
          {/* With a panel open the hint card is left out, but a hovered area still shows its figures. */}
          {!drawing && (!selection || hoveredArea) && <AreaHoverPanel area={hoveredArea} typesLabel={typesLabel} />}
          <MapBottom
            cardsRef={layout.mapBottomRef}
            view={view}
            updateView={updateView}
            classes={classes}
            typesLabel={typesLabel}
            parentName={data.parentName}
            legendCollapsed={layout.legendCollapsed}
            onToggleLegend={layout.toggleLegend}
            overlayKey={sidebarOpen ? null : shownLayers}
            today={today}
          />
        </main>

        {selection && panelFilters && (
          <aside className="detail-column" aria-label={t('detail.label')} data-testid="detail-column">
            <Suspense fallback={<p className="detail-loading">{t('detail.loading')}</p>}>
              <DetailPanel
                key={riskDrawing.panelRevision}
                selection={selection}
                filters={panelFilters}
                onClose={closePanel}
                onSelectArea={(code) => selectArea(code)}
                canOpenArea={canOpenArea}
                companyPage={
                  permissions.lists
                    ? { href: (company) => href({ page: 'company', company }), open: (company) => navigate({ page: 'company', company }) }
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
