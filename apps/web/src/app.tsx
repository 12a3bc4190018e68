import { useCallback, useMemo, useState } from 'react';
import { ApiError } from './api/api-client.js';
import { getMeta, getPermitStats } from './api/pantau-api.js';
import type { AreaPermitCount } from './api/types.js';
import { dataOf, useApiRequest, type RequestState } from './api/use-api-request.js';
import { I18nProvider, useI18n } from './i18n/i18n-context.js';
import type { Messages } from './i18n/messages.js';
import { AreaHoverPanel, type HoveredAreaInfo } from './map/area-hover-panel.js';
import { AreaMap, type HoveredAreaFeature, type MapError } from './map/area-map.js';
import { CHOROPLETH_PERMIT_TYPES, choroplethClasses } from './map/choropleth.js';
import { ChoroplethLegend } from './map/choropleth-legend.js';
import { LevelToggle } from './map/level-toggle.js';
import { useViewState } from './state/use-view-state.js';
import type { MapLevel, ViewState } from './state/view-state.js';

export function App() {
  const [view, setLevel] = useViewState();
  return (
    <I18nProvider lang={view.lang}>
      <PermitMapPage view={view} onLevelChange={setLevel} />
    </I18nProvider>
  );
}

function errorMessage(error: unknown, t: Messages): string {
  if (error instanceof ApiError) {
    if (error.code === 'network') return t.networkError;
    if (error.code === 'bad_response') return `${t.badResponse} (${error.message})`;
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

function errorOf(state: RequestState<unknown>): unknown {
  return state.status === 'error' ? state.error : undefined;
}

function PermitMapPage({ view, onLevelChange }: { view: ViewState; onLevelChange(level: MapLevel): void }) {
  const { t, format } = useI18n();
  const { level, asOf } = view;

  const meta = useApiRequest('meta', getMeta);
  // Without a date in the URL, the server's today: named explicitly, so the tiles and the counts the
  // classes come from are for the same day, and a tile cached yesterday is not taken for today's.
  const mapAsOf = asOf ?? dataOf(meta)?.today ?? null;
  const stats = useApiRequest(mapAsOf === null ? null : `stats:${level}:${mapAsOf}`, (signal) =>
    getPermitStats({ level, asOf: mapAsOf, permitTypes: CHOROPLETH_PERMIT_TYPES }, signal),
  );
  const [mapError, setMapError] = useState<MapError | null>(null);
  const [hoveredFeature, setHoveredFeature] = useState<HoveredAreaFeature | null>(null);

  const permitStats = dataOf(stats);
  const classes = useMemo(() => (permitStats ? choroplethClasses(permitStats) : null), [permitStats]);
  const permitCountByCode = useMemo(() => new Map(permitStats?.areas.map((area) => [area.code, area])), [permitStats]);
  const hoveredArea = useMemo(() => describeArea(hoveredFeature, permitCountByCode), [hoveredFeature, permitCountByCode]);

  const errors = [
    view.rejectedAsOf !== null ? t.invalidAsOf(view.rejectedAsOf) : null,
    ...[meta, stats].map((state) => {
      const error = errorOf(state);
      return error === undefined ? null : errorMessage(error, t);
    }),
    mapError === null ? null : mapErrorMessage(mapError, t),
  ].filter((message): message is string => message !== null);
  const uniqueErrors = [...new Set(errors)];

  const shownAsOf = permitStats?.asOf ?? mapAsOf;
  const loading = [meta, stats].some((state) => state.status === 'loading');
  const onMapError = useCallback((error: MapError | null) => setMapError(error), []);

  return (
    <div className="page">
      <header className="page-header">
        <div className="page-title">
          <h1>{t.title}</h1>
          <p className="page-subtitle">{t.subtitle}</p>
        </div>
        <div className="page-status">
          {dataOf(meta)?.demo && (
            <span className="demo-badge" data-testid="demo-badge" title={t.demoBadgeTitle}>
              {t.demoBadge}
            </span>
          )}
          {shownAsOf && (
            <p className="as-of">
              {t.asOfLabel}{' '}
              <time dateTime={shownAsOf} data-testid="as-of">
                {format.date(shownAsOf)}
              </time>
            </p>
          )}
          <LevelToggle level={level} onChange={onLevelChange} />
        </div>
      </header>

      <main className="map-area">
        <AreaMap
          level={level}
          asOf={mapAsOf}
          classes={classes}
          label={t.mapLabel}
          onHoverArea={setHoveredFeature}
          onMapError={onMapError}
        />
        {uniqueErrors.length > 0 && (
          <div className="error-box" role="alert" data-testid="error-box">
            <strong>{t.errorTitle}</strong>
            <ul>
              {uniqueErrors.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          </div>
        )}
        {loading && (
          <p className="loading" role="status">
            {t.loading}
          </p>
        )}
        <AreaHoverPanel area={hoveredArea} />
        <ChoroplethLegend classes={classes ?? []} />
      </main>
    </div>
  );
}

function mapErrorMessage(error: MapError, t: Messages): string {
  return error.kind === 'tiles' ? `${t.tilesError} (${error.message})` : error.message;
}

/** The hovered area as its tile describes it, with its top nationalities from the statistics. */
function describeArea(
  feature: HoveredAreaFeature | null,
  permitCountByCode: ReadonlyMap<string, AreaPermitCount>,
): HoveredAreaInfo | null {
  if (!feature) return null;
  const { itas, itap } = feature;
  return {
    code: feature.code,
    name: feature.name,
    parentName: feature.parentName,
    holderCount: feature.holderCount,
    permitCounts: itas !== null && itap !== null ? { itas, itap } : null,
    topNationalities: permitCountByCode.get(feature.code)?.topNationalities ?? [],
  };
}
