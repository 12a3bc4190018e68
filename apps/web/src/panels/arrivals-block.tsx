// The area's arrivals over a year: month by month, by entry point, the checkpoints' own counts and by regency.
import { isNotPermitted } from '../api/api-client.js';
import { getAreaArrivals } from '../api/panels-api.js';
import { useApiRequest } from '../api/use-api-request.js';
import { BarList } from './bar-list.js';
import { PanelBlock } from './panel-frame.js';
import { PanelError, PanelLoading } from './panel-parts.js';
import { TrendSparkline } from './trend-sparkline.js';
import { usePanelText } from './use-panel-format.js';

/** Months of the arrivals block: a year, as the Banyuwangi meeting looked at it (arrivals rising month by month). */
const ARRIVAL_MONTHS = 12;
/** Entry points and regencies named under the line. */
const ARRIVAL_PLACES_SHOWN = 3;

export function ArrivalsBlock({ code, asOf, demo }: { code: string; asOf: string; demo: boolean }) {
  const { t, format } = usePanelText();
  const arrivals = useApiRequest(`panel-arrivals:${code}:${asOf}`, (signal) => getAreaArrivals(code, asOf, ARRIVAL_MONTHS, signal));
  if (arrivals.status === 'error' && isNotPermitted(arrivals.error)) return null;
  return (
    <PanelBlock title={t('area.arrivals')} note={t('area.arrivalsNote')} demo={demo}>
      {arrivals.status === 'ok' ? (
        <>
          <TrendSparkline months={arrivals.data.months.map((m) => ({ month: m.month, total: m.arrivals }))} typesLabel="" format={format} figure="arrivals" />
          {arrivals.data.entryPoints.length > 0 && (
            <>
              <h4 className="panel-subtitle">{t('area.arrivalsByEntryPoint')}</h4>
              <BarList
                testId="arrivals-entry-points"
                format={format}
                items={arrivals.data.entryPoints
                  .slice(0, ARRIVAL_PLACES_SHOWN)
                  .map((e) => ({ key: e.key ?? 'unknown', label: e.name ?? t('area.arrivalsUnknownEntry'), count: e.total }))}
              />
            </>
          )}
          {arrivals.data.checkpoints.entryPoints.length > 0 && (
            <>
              {/* The checkpoints' own monthly counts (imported): every foreigner who came through, not only the register's people. */}
              <h4 className="panel-subtitle">{t('area.arrivalsCheckpointCounts')}</h4>
              <BarList
                testId="arrivals-checkpoint-counts"
                format={format}
                items={arrivals.data.checkpoints.entryPoints.slice(0, ARRIVAL_PLACES_SHOWN).map((e) => ({ key: e.key, label: e.name, count: e.total }))}
              />
            </>
          )}
          {arrivals.data.regencies.length > 1 && (
            <>
              <h4 className="panel-subtitle">{t('area.arrivalsByRegency')}</h4>
              <BarList
                testId="arrivals-regencies"
                format={format}
                items={arrivals.data.regencies.slice(0, ARRIVAL_PLACES_SHOWN).map((r) => ({ key: r.code, label: r.name, count: r.total }))}
              />
            </>
          )}
        </>
      ) : arrivals.status === 'error' ? (
        <PanelError error={arrivals.error} />
      ) : (
        <PanelLoading />
      )}
    </PanelBlock>
  );
}
