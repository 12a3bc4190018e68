// The data of a slide's panels, from the same API calls as the dashboard, as small tables: shown on
// the slide, and written as native tables into the PPTX. Figures count ITAS and ITAP whatever the
// slide's permit-type filter, the way a meeting quotes them (22 ITAS, 6 ITAP).
import type { SlidePanel, SlideView } from '@pantau/domain';
import { nationalityName } from '@pantau/domain';
import { fetchJson, type ApiRequest } from '../api/api-client.js';
import { areaArrivalsRequest, areaSummaryRequest, areaTrendRequest, getAreaArrivals, getAreaSummary, getAreaTrend } from '../api/panels-api.js';
import type { SparklineMonth } from '../panels/trend-sparkline.js';

export interface PanelTable {
  kind: SlidePanel['kind'];
  title: string;
  columns: string[];
  rows: Array<Array<string | number>>;
  /** The trend's (or the arrivals') months, for the chart. */
  months?: SparklineMonth[];
  /** Data sources and whether demo data is shown, for the slide's footer. */
  demo?: boolean;
}

export type Translate = (key: string, options?: Record<string, unknown>) => string;

interface Candidate {
  rank: number;
  name: string;
  kind: string;
  score: number;
  raw: { activeHolders: number; lastCheckedOn: string | null };
}
interface OperationItem {
  id: number;
  date: string;
  team: string;
  origin: string;
  targets: Array<{ place: string; violations: number; foreignersChecked: number; outcome: string; findings: string | null }> | null;
}

/** Months of a trend or arrivals panel. */
const TREND_MONTHS = 12;

/** The period of an operations panel: the slide's, else the year up to the day counted. */
function operationsPeriod(view: SlideView, asOf: string): { from: string; to: string } {
  return { from: view.from ?? `${asOf.slice(0, 4)}-01-01`, to: view.to ?? asOf };
}

/** The API read behind a panel (`null` for a slide without an area): what `loadPanel` fetches and an offline copy stores. */
export function panelRequest(panel: SlidePanel, view: SlideView, asOf: string): ApiRequest | null {
  const area = view.region;
  if (!area) return null;
  const filter = { nationalities: view.nationalities, purposes: view.purposes };
  switch (panel.kind) {
    case 'figures':
      return areaSummaryRequest(area, asOf, filter);
    case 'trend':
      return areaTrendRequest(area, asOf, TREND_MONTHS, filter);
    case 'arrivals':
      return areaArrivalsRequest(area, asOf, TREND_MONTHS);
    case 'candidates':
      return { path: '/api/v1/planning/candidates', params: { area, asOf, limit: String(panel.limit) } };
    case 'operations':
      return { path: '/api/v1/operations', params: { area, ...operationsPeriod(view, asOf), limit: String(panel.limit) } };
  }
}

export async function loadPanel(
  panel: SlidePanel,
  view: SlideView,
  asOf: string,
  t: Translate,
  lang: 'id' | 'en',
  formatDate: (iso: string) => string,
  signal?: AbortSignal,
): Promise<PanelTable> {
  const area = view.region;
  if (!area) return { kind: panel.kind, title: t(`panels.${panel.kind}`), columns: [], rows: [] };
  const filter = { nationalities: view.nationalities, purposes: view.purposes };
  switch (panel.kind) {
    case 'figures': {
      const summary = await getAreaSummary(area, asOf, filter, signal);
      const top = summary.holders.byNationality
        .slice(0, 3)
        .map((n) => `${nationalityName(n.code, lang)} ${n.count}`)
        .join(', ');
      return {
        kind: 'figures',
        title: t('panels.figuresOf', { area: summary.area.name, date: formatDate(asOf) }),
        columns: [t('table.measure'), t('table.value')],
        rows: [
          ['ITAS', summary.holders.itas],
          ['ITAP', summary.holders.itap],
          [t('table.total'), summary.holders.itas + summary.holders.itap],
          ...(top ? [[t('table.topNationalities'), top]] : []),
        ],
        demo: summary.sources.some((source) => source.origin === 'demo'),
      };
    }
    case 'trend': {
      const trend = await getAreaTrend(area, asOf, TREND_MONTHS, filter, signal);
      return {
        kind: 'trend',
        title: t('panels.trend'),
        columns: [t('table.month'), 'ITAS', 'ITAP', t('table.total')],
        rows: trend.months.map((m) => [m.month, m.itas, m.itap, m.total]),
        months: trend.months,
      };
    }
    case 'arrivals': {
      const arrivals = await getAreaArrivals(area, asOf, TREND_MONTHS, signal);
      const busiest = arrivals.entryPoints.find((e) => e.key !== null);
      return {
        kind: 'arrivals',
        title: busiest ? t('panels.arrivalsBusiest', { entryPoint: busiest.name, count: busiest.total }) : t('panels.arrivals'),
        columns: [t('table.month'), t('table.arrivals')],
        rows: arrivals.months.map((m) => [m.month, m.arrivals]),
        months: arrivals.months.map((m) => ({ month: m.month, total: m.arrivals })),
      };
    }
    case 'candidates': {
      const request = panelRequest(panel, view, asOf) as ApiRequest;
      const body = (await fetchJson(request.path, request.params, signal)) as { items: Candidate[] };
      return {
        kind: 'candidates',
        title: t('panels.candidates'),
        columns: ['#', t('table.target'), t('table.holders'), t('table.lastChecked'), t('table.score')],
        rows: body.items.map((c) => [
          c.rank,
          c.name,
          c.raw.activeHolders,
          c.raw.lastCheckedOn ? formatDate(c.raw.lastCheckedOn) : '—',
          Math.round(c.score * 100),
        ]),
      };
    }
    case 'operations': {
      const { from, to } = operationsPeriod(view, asOf);
      const request = panelRequest(panel, view, asOf) as ApiRequest;
      const body = (await fetchJson(request.path, request.params, signal)) as { items: OperationItem[] };
      return {
        kind: 'operations',
        title: t('panels.operationsFromTo', { from: formatDate(from), to: formatDate(to) }),
        columns: [
          t('table.date'),
          t('table.team'),
          t('table.places'),
          t('table.checked'),
          t('table.violations'),
          ...(panel.findings ? [t('table.findings')] : []),
        ],
        rows: body.items.map((o) => {
          const targets = o.targets ?? [];
          return [
            formatDate(o.date),
            o.team,
            targets.map((x) => x.place).join('; '),
            targets.reduce((n, x) => n + x.foreignersChecked, 0),
            targets.reduce((n, x) => n + x.violations, 0),
            ...(panel.findings
              ? [
                  targets
                    .map((x) => x.findings)
                    .filter(Boolean)
                    .join('; '),
                ]
              : []),
          ];
        }),
        demo: body.items.some((o) => o.origin === 'demo'),
      };
    }
  }
}
