import { useCallback, useMemo, useState } from 'react';
import { ApiError } from './api/api-client.js';
import { getAreaGeometry, getMeta, getPermitStats } from './api/pantau-api.js';
import type { AreaFeatureCollection, AreaPermitCount } from './api/types.js';
import { dataOf, useApiRequest, type RequestState } from './api/use-api-request.js';
import { I18nProvider, useI18n } from './i18n/i18n-context.js';
import type { Messages } from './i18n/messages.js';
import { AreaHoverPanel, type HoveredAreaInfo } from './map/area-hover-panel.js';
import { AreaMap } from './map/area-map.js';
import { buildChoropleth, CHOROPLETH_PERMIT_TYPES } from './map/choropleth.js';
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
  // Province boundaries are drawn at every level, so they are always loaded.
  const provinceGeometry = useApiRequest('geometry:province', () => getAreaGeometry('province'));
  const regencyGeometry = useApiRequest(level === 'regency' ? 'geometry:regency' : null, () => getAreaGeometry('regency'));
  const stats = useApiRequest(`stats:${level}:${asOf ?? 'today'}`, (signal) =>
    getPermitStats({ level, asOf, permitTypes: CHOROPLETH_PERMIT_TYPES }, signal),
  );
  const [mapError, setMapError] = useState<string | null>(null);
  const [hoveredCode, setHoveredCode] = useState<string | null>(null);

  const provinceAreas = dataOf(provinceGeometry);
  const regencyAreas = dataOf(regencyGeometry);
  const levelAreas = level === 'province' ? provinceAreas : regencyAreas;
  const permitStats = dataOf(stats);
  const areasByLevel = useMemo(() => ({ province: provinceAreas, regency: regencyAreas }), [provinceAreas, regencyAreas]);

  const choropleth = useMemo(
    () => (levelAreas && permitStats ? buildChoropleth(levelAreas, permitStats) : null),
    [levelAreas, permitStats],
  );
  const permitCountByCode = useMemo(() => new Map(permitStats?.areas.map((area) => [area.code, area])), [permitStats]);
  const hoveredArea = useMemo(
    () => describeArea(hoveredCode, levelAreas, provinceAreas, choropleth?.countByCode ?? null, permitCountByCode),
    [hoveredCode, levelAreas, provinceAreas, choropleth, permitCountByCode],
  );

  const errors = [
    view.rejectedAsOf !== null ? t.invalidAsOf(view.rejectedAsOf) : null,
    ...[meta, provinceGeometry, regencyGeometry, stats].map((state) => {
      const error = errorOf(state);
      return error === undefined ? null : errorMessage(error, t);
    }),
    mapError,
  ].filter((message): message is string => message !== null);
  const uniqueErrors = [...new Set(errors)];

  const shownAsOf = permitStats?.asOf ?? asOf ?? dataOf(meta)?.today ?? null;
  const loading = [provinceGeometry, level === 'regency' ? regencyGeometry : null, stats].some((state) => state?.status === 'loading');
  const onMapError = useCallback((message: string) => setMapError(message), []);

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
          areasByLevel={areasByLevel}
          choropleth={choropleth}
          label={t.mapLabel}
          attribution={t.attribution}
          onHoverArea={setHoveredCode}
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
        <ChoroplethLegend classes={choropleth?.classes ?? []} />
      </main>
    </div>
  );
}

function describeArea(
  code: string | null,
  levelAreas: AreaFeatureCollection | null,
  provinceAreas: AreaFeatureCollection | null,
  countByCode: ReadonlyMap<string, number> | null,
  permitCountByCode: ReadonlyMap<string, AreaPermitCount>,
): HoveredAreaInfo | null {
  if (code === null || !levelAreas) return null;
  const feature = levelAreas.features.find((candidate) => candidate.properties.code === code);
  if (!feature) return null;
  const { name, parentCode } = feature.properties;
  const parent = parentCode ? provinceAreas?.features.find((candidate) => candidate.properties.code === parentCode) : undefined;
  return {
    code,
    name,
    parentName: parent?.properties.name ?? null,
    holderCount: countByCode ? (countByCode.get(code) ?? 0) : null,
    permitCount: permitCountByCode.get(code) ?? null,
  };
}
