import { levelOfCode, nationalityName } from '@pantau/domain';
import { isNotPermitted } from '../api/api-client.js';
import { getAreaArrivals, getAreaSummary, getAreaTrend, getDatasets, type AreaSummary, type Dataset, type PermitFilterParams } from '../api/panels-api.js';
import { useApiRequest } from '../api/use-api-request.js';
import { BarList } from './bar-list.js';
import { CompareBlock } from './compare-block.js';
import { distinctOrigins, fileNamesByOrigin, loadedAtByOrigin, parseOrigin } from './data-origin.js';
import { PanelBlock, PanelFrame } from './panel-frame.js';
import { PeopleListsBlock } from './people-lists-block.js';
import {
  DemoMarker,
  enumText,
  HiddenForRole,
  PanelError,
  PanelLoading,
  PanelNotAvailable,
  SourceLine,
  sourceEntries,
  type PanelT,
  type SourceEntry,
} from './panel-parts.js';
import type { PanelFormat } from './panel-format.js';
import { TrendSparkline } from './trend-sparkline.js';
import type { PanelFilters } from './types.js';
import { usePanelText } from './use-panel-format.js';

const TREND_MONTHS = 60;
const NATIONALITIES_SHOWN = 8;
/** The map counts ITAS + ITAP; the trend follows it unless the view filters permit types. */
const DEFAULT_TREND_TYPES = ['itas', 'itap'];

export interface AreaDetailProps {
  code: string;
  filters: PanelFilters;
  onClose(): void;
  onSelectArea(code: string): void;
  /** Whether a parent area may be opened (not above the user's work area); all when not given. */
  canOpenArea?(code: string): boolean;
}

function permitFilterOf(filters: PanelFilters): PermitFilterParams {
  return { permitTypes: filters.permitTypes, nationalities: filters.nationalities, purposes: filters.purposes };
}

function levelLabel(t: PanelT, code: string): string {
  return enumText(t, 'level', levelOfCode(code));
}

export function AreaDetail({ code, filters, onClose, onSelectArea, canOpenArea }: AreaDetailProps) {
  const { t, lang } = usePanelText();
  const filter = permitFilterOf(filters);
  const filterKey = JSON.stringify(filter);
  const summary = useApiRequest(`panel-summary:${code}:${filters.asOf}:${filterKey}:${lang}`, (signal) =>
    getAreaSummary(code, filters.asOf, filter, signal, lang),
  );
  // Load times of the data sets behind items whose origin the summary's permit sources do not name.
  const datasets = useApiRequest('panel-datasets', getDatasets);

  if (summary.status !== 'ok') {
    return (
      <PanelFrame kindLabel={levelLabel(t, code)} title={code} onClose={onClose}>
        {summary.status === 'error' ? isNotPermitted(summary.error) ? <PanelNotAvailable /> : <PanelError error={summary.error} /> : <PanelLoading />}
      </PanelFrame>
    );
  }
  return (
    <AreaSummaryView
      summary={summary.data}
      datasets={datasets.status === 'ok' ? datasets.data : []}
      filters={filters}
      onClose={onClose}
      onSelectArea={onSelectArea}
      canOpenArea={canOpenArea}
    />
  );
}

export interface AreaSummaryViewProps {
  summary: AreaSummary;
  datasets: readonly Dataset[];
  filters: PanelFilters;
  onClose(): void;
  onSelectArea(code: string): void;
  canOpenArea?(code: string): boolean;
}

/** Everything about one area on one day; each block ends with where its figures come from. */
export function AreaSummaryView({ summary, datasets, filters, onClose, onSelectArea, canOpenArea = () => true }: AreaSummaryViewProps) {
  const { t, format } = usePanelText();
  const { area, holders } = summary;
  const loadedAt = loadedAtByOrigin(summary.sources, datasets);
  const fileNames = fileNamesByOrigin(datasets);
  const permitSources: SourceEntry[] = summary.sources.map((source) => ({
    origin: source.origin,
    // An import's time comes from /meta (the summary knows only the data sets' load times).
    loadedAt: source.loadedAt ?? loadedAt.get(source.origin) ?? null,
    fileName: fileNames.get(source.origin) ?? null,
    details: [
      t('source.permits', { count: source.permits, value: format.number(source.permits) }),
      ...(source.lastIssued ? [t('source.lastIssued', { date: format.dateShort(source.lastIssued) })] : []),
    ],
  }));
  // The permit counts behind the other figure blocks: the same origins, without repeating the details.
  const permitOrigins: SourceEntry[] = summary.sources.map((source) => ({
    origin: source.origin,
    loadedAt: source.loadedAt ?? loadedAt.get(source.origin) ?? null,
    fileName: fileNames.get(source.origin) ?? null,
  }));
  const demoFigures = summary.sources.some((source) => parseOrigin(source.origin).kind === 'demo');
  const itemSources = (items: readonly { origin: string }[]) => sourceEntries(distinctOrigins(items), loadedAt, fileNames);
  const filtered = Boolean(filters.permitTypes?.length || filters.nationalities?.length || filters.purposes?.length);

  const breadcrumb =
    area.parents.length > 0 ? (
      <nav aria-label={t('area.parents')}>
        <ol className="panel-breadcrumb">
          {area.parents.map((parent) => (
            <li key={parent.code}>
              {canOpenArea(parent.code) ? (
                <button type="button" className="panel-link" onClick={() => onSelectArea(parent.code)}>
                  {parent.name}
                </button>
              ) : (
                <span>{parent.name}</span>
              )}
            </li>
          ))}
        </ol>
      </nav>
    ) : undefined;

  const otherNationalities = holders.byNationality.slice(NATIONALITIES_SHOWN);
  return (
    <PanelFrame kindLabel={`${enumText(t, 'level', area.level)} · ${area.code}`} title={area.name} subtitle={breadcrumb} onClose={onClose}>
      <PanelBlock title={t('area.holders')} note={t('area.holdersAsOf', { date: format.date(summary.asOf) })} demo={demoFigures} testId="detail-holders">
        <dl className="panel-stats">
          <div className="panel-stat panel-stat-total">
            <dt>{t('area.total')}</dt>
            <dd data-testid="detail-total">{format.number(holders.total)}</dd>
          </div>
          <div className="panel-stat">
            <dt>
              <abbr title={t('area.itasLong')}>{t('area.itas')}</abbr>
            </dt>
            <dd data-testid="detail-itas">{format.number(holders.itas)}</dd>
          </div>
          <div className="panel-stat">
            <dt>
              <abbr title={t('area.itapLong')}>{t('area.itap')}</abbr>
            </dt>
            <dd data-testid="detail-itap">{format.number(holders.itap)}</dd>
          </div>
          <div className="panel-stat">
            <dt title={t('area.visitLong')}>{t('area.visit')}</dt>
            <dd data-testid="detail-visit">{format.number(holders.visit)}</dd>
          </div>
          <div className="panel-stat">
            <dt title={t('area.pendingLong')}>{t('area.pending')}</dt>
            <dd data-testid="detail-pending">{format.number(holders.pending)}</dd>
          </div>
          <div className="panel-stat">
            <dt title={t('area.permitsLong')}>{t('area.permits')}</dt>
            <dd data-testid="detail-permits">{format.number(holders.permits)}</dd>
          </div>
        </dl>
        {filtered && <p className="panel-muted">{t('area.filtered')}</p>}
        <SourceLine entries={permitSources} />
      </PanelBlock>

      {filters.compareWith && (
        <CompareBlock
          code={area.code}
          from={filters.compareWith}
          to={summary.asOf}
          filter={permitFilterOf(filters)}
          sources={permitOrigins}
          demo={demoFigures}
        />
      )}

      <PanelBlock title={t('area.topNationalities')} demo={demoFigures}>
        {holders.byNationality.length === 0 ? (
          <p className="panel-empty">{t('area.noneHolders')}</p>
        ) : (
          <BarList
            testId="detail-nationalities"
            format={format}
            items={holders.byNationality.slice(0, NATIONALITIES_SHOWN).map((row) => ({
              key: row.code,
              label: nationalityName(row.code, format.lang),
              count: row.count,
            }))}
          />
        )}
        {otherNationalities.length > 0 && (
          <p className="panel-muted">
            {t('area.otherNationalities', {
              count: otherNationalities.length,
              holders: (() => {
                const people = otherNationalities.reduce((sum, row) => sum + row.count, 0);
                return t('area.peopleCount', { count: people, n: format.number(people) });
              })(),
            })}
          </p>
        )}
        <SourceLine entries={permitOrigins} />
      </PanelBlock>

      <PanelBlock title={t('area.purposes')} demo={demoFigures}>
        {holders.byPurpose.length === 0 ? (
          <p className="panel-empty">{t('area.noneHolders')}</p>
        ) : (
          <BarList
            format={format}
            items={holders.byPurpose.map((row) => ({ key: row.purpose, label: enumText(t, 'purpose', row.purpose), count: row.count }))}
          />
        )}
        <SourceLine entries={permitOrigins} />
      </PanelBlock>

      <TrendBlock code={area.code} filters={filters} sources={permitOrigins} demo={demoFigures} />
      <ArrivalsBlock code={area.code} asOf={filters.asOf} demo={demoFigures} />

      <PeopleListsBlock code={area.code} asOf={summary.asOf} filter={permitFilterOf(filters)} demo={demoFigures} />

      <PanelBlock title={t('area.sponsors')}>
        {summary.topSponsors === undefined ? (
          <p className="panel-empty">
            <HiddenForRole />
          </p>
        ) : summary.topSponsors.length === 0 ? (
          <p className="panel-empty">{t('area.noneSponsor')}</p>
        ) : (
          <ol className="panel-list">
            {summary.topSponsors.map((sponsor) => (
              <li key={sponsor.id} className="panel-item panel-item-row">
                <span>
                  <span className="panel-item-name">
                    {sponsor.name} <DemoMarker origin={sponsor.origin} />
                  </span>
                  {sponsor.sector && <span className="panel-item-meta">{enumText(t, 'sector', sponsor.sector)}</span>}
                </span>
                <span className="panel-item-figure">
                  {t('area.activePermits', { count: sponsor.activePermits, value: format.number(sponsor.activePermits) })}
                </span>
              </li>
            ))}
          </ol>
        )}
        <SourceLine entries={itemSources(summary.topSponsors ?? [])} />
      </PanelBlock>

      <PanelBlock title={t('area.riskAreas')}>
        {summary.riskAreas === undefined ? (
          <p className="panel-empty">
            <HiddenForRole />
          </p>
        ) : summary.riskAreas.length === 0 ? (
          <p className="panel-empty">{t('area.noneRisk')}</p>
        ) : (
          <ul className="panel-list">
            {summary.riskAreas.map((risk) => (
              <li key={risk.id} className="panel-item">
                <span className="panel-badges">
                  <span className="panel-badge panel-badge-category">{enumText(t, 'riskCategory', risk.category)}</span>
                  <SeverityBadge severity={risk.severity} />
                  <DemoMarker origin={risk.origin} />
                </span>
                <span className="panel-item-name">{risk.name}</span>
                <span className="panel-item-meta">{validity(t, format, risk.validFrom, risk.validTo)}</span>
              </li>
            ))}
          </ul>
        )}
        <SourceLine entries={itemSources(summary.riskAreas ?? [])} />
      </PanelBlock>

      <PanelBlock title={t('area.lastOperations')}>
        {summary.lastOperations === undefined ? (
          <p className="panel-empty">
            <HiddenForRole />
          </p>
        ) : summary.lastOperations.length === 0 ? (
          <p className="panel-empty">{t('area.noneOperation')}</p>
        ) : (
          <ol className="panel-list">
            {summary.lastOperations.map((operation) => (
              <li key={operation.id} className="panel-item">
                <span className="panel-item-head">
                  <time className="panel-item-date" dateTime={operation.date}>
                    {format.date(operation.date)}
                  </time>{' '}
                  <DemoMarker origin={operation.origin} />
                </span>
                <span className="panel-item-name">{operation.team}</span>
                <span className="panel-item-meta">
                  {t('area.operationLine', {
                    targets: t('area.targetCount', { count: operation.targets, n: format.number(operation.targets) }),
                    checked: t('area.checkedCount', { count: operation.foreignersChecked, n: format.number(operation.foreignersChecked) }),
                    violations: t('area.violationCount', { count: operation.violations, n: format.number(operation.violations) }),
                  })}
                </span>
                <span className="panel-badges">
                  {operation.outcomes.map((outcome) => (
                    <OutcomeBadge key={outcome} outcome={outcome} />
                  ))}
                </span>
                <ActionSummary actions={operation.actions} />
              </li>
            ))}
          </ol>
        )}
        <SourceLine entries={itemSources(summary.lastOperations ?? [])} />
      </PanelBlock>

      <PanelBlock title={t('area.lastMeeting')}>
        {summary.lastMeeting === undefined ? (
          <p className="panel-empty">
            <HiddenForRole />
          </p>
        ) : summary.lastMeeting === null ? (
          <p className="panel-empty">{t('area.noneMeeting')}</p>
        ) : (
          <div className="panel-item">
            <span className="panel-item-head">
              <time className="panel-item-date" dateTime={summary.lastMeeting.date}>
                {format.date(summary.lastMeeting.date)}
              </time>{' '}
              <DemoMarker origin={summary.lastMeeting.origin} />
            </span>
            <span className="panel-item-name">{summary.lastMeeting.title}</span>
            {summary.lastMeeting.venue && <span className="panel-item-meta">{summary.lastMeeting.venue}</span>}
            <span className="panel-item-meta">{summary.lastMeeting.organiser}</span>
          </div>
        )}
        <SourceLine entries={itemSources(summary.lastMeeting ? [summary.lastMeeting] : [])} />
      </PanelBlock>

      <PanelBlock title={t('area.openReports')}>
        {summary.openReports.count === 0 ? (
          <p className="panel-empty">{t('area.noneReport')}</p>
        ) : (
          <>
            <p>
              <strong className="panel-figure">{format.number(summary.openReports.count)}</strong> {t('area.openReportsLabel')}
              {summary.openReports.items && summary.openReports.items.length < summary.openReports.count && (
                <span className="panel-muted"> ({t('area.openReportsShown', { shown: format.number(summary.openReports.items.length) })})</span>
              )}
            </p>
            {summary.openReports.items ? (
              <ol className="panel-list">
                {summary.openReports.items.map((report) => (
                  <li key={report.id} className="panel-item">
                    <span className="panel-item-head">
                      <time className="panel-item-date" dateTime={report.receivedOn}>
                        {format.date(report.receivedOn)}
                      </time>{' '}
                      <DemoMarker origin={report.origin} />
                    </span>
                    <span className="panel-item-name">{enumText(t, 'reportCategory', report.category)}</span>
                    <span className="panel-item-meta">
                      {enumText(t, 'channel', report.channel)} · {enumText(t, 'reportStatus', report.status)}
                    </span>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="panel-empty">
                <HiddenForRole />
              </p>
            )}
          </>
        )}
        <SourceLine entries={itemSources(summary.openReports.items ?? [])} />
      </PanelBlock>
    </PanelFrame>
  );
}

function TrendBlock({ code, filters, sources, demo }: { code: string; filters: PanelFilters; sources: readonly SourceEntry[]; demo: boolean }) {
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

/** Months of the arrivals block: a year, as the Banyuwangi meeting looked at it (arrivals rising month by month). */
const ARRIVAL_MONTHS = 12;
/** Entry points and regencies named under the line. */
const ARRIVAL_PLACES_SHOWN = 3;

function ArrivalsBlock({ code, asOf, demo }: { code: string; asOf: string; demo: boolean }) {
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

export function SeverityBadge({ severity }: { severity: string }) {
  const { t } = usePanelText();
  return <span className={`panel-badge panel-severity-${severity}`}>{enumText(t, 'severity', severity)}</span>;
}

export function OutcomeBadge({ outcome }: { outcome: string }) {
  const { t } = usePanelText();
  return <span className={`panel-badge panel-outcome-${outcome}`}>{enumText(t, 'outcome', outcome)}</span>;
}

/** "TAK: Deportasi 1 · Penangkalan 2", or "Tanpa TAK". */
function ActionSummary({ actions }: { actions: Record<string, number> }) {
  const { t, format } = usePanelText();
  const entries = Object.entries(actions).filter(([, count]) => count > 0);
  if (entries.length === 0) return <span className="panel-item-meta">{t('area.noActions')}</span>;
  return (
    <span className="panel-item-meta panel-actions">
      <abbr title={t('record.actions')}>{t('area.actions')}</abbr>:{' '}
      {entries.map(([kind, count]) => `${enumText(t, 'action', kind)} ${format.number(count)}`).join(' · ')}
    </span>
  );
}

export function validity(t: PanelT, format: PanelFormat, from: string | null, to: string | null): string {
  if (from && to) return t('area.validRange', { from: format.date(from), to: format.date(to) });
  if (from) return t('area.validSince', { date: format.date(from) });
  return '';
}
