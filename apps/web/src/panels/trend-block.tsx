// The area's holders month by month over five years, for the permit types the map counts (ITAS + ITAP) or the ones the view filters.
import { isNotPermitted } from '../api/api-client.js';
import { getAreaTrend } from '../api/panels-api.js';
import { useApiRequest } from '../api/use-api-request.js';
import { permitFilterOf } from './area-permit-filter.js';
import { PanelBlock } from './panel-frame.js';
import { enumText, PanelError, PanelLoading, SourceLine, type SourceEntry } from './panel-parts.js';
import { TrendSparkline } from './trend-sparkline.js';
import type { PanelFilters } from './types.js';
import { usePanelText } from './use-panel-format.js';

const TREND_MONTHS = 60;
/** The map counts ITAS + ITAP; the trend follows it unless the view filters permit types. */
const DEFAULT_TREND_TYPES = ['itas', 'itap'];

export function TrendBlock({ code, filters, sources, demo }: { code: string; filters: PanelFilters; sources: readonly SourceEntry[]; demo: boolean }) {
  const { t, format } = usePanelText();
  const permitTypes = filters.permitTypes?.length ? filters.permitTypes : DEFAULT_TREND_TYPES;
  const filter = { ...permitFilterOf(filters), permitTypes };
  const trend = useApiRequest(`panel-trend:${code}:${filters.asOf}:${JSON.stringify(filter)}`, (signal) =>
    getAreaTrend(code, filters.asOf, TREND_MONTHS, filter, signal),
  );
  // A role that may not read the trend gets no block, not an error.
  if (trend.status === 'error' && isNotPermitted(trend.error)) return null;
  const typesLabel = permitTypes.map((type) => enumText(t, 'area', type)).join(' + ');
  return (
    <PanelBlock title={t('area.trend')} note={t('area.trendTypes', { types: typesLabel })} demo={demo}>
      {trend.status === 'ok' ? (
        <TrendSparkline months={trend.data.months} typesLabel={typesLabel} format={format} />
      ) : trend.status === 'error' ? (
        <PanelError error={trend.error} />
      ) : (
        <PanelLoading />
      )}
      <SourceLine entries={sources} />
    </PanelBlock>
  );
}
