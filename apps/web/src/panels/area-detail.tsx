// One area's panel: its summary on the view's day (loaded here), then one block per subject, each in its own file.
import { levelOfCode } from '@pantau/domain';
import { isNotPermitted } from '../api/api-client.js';
import { getAreaSummary, getDatasets, type AreaSummary, type Dataset } from '../api/panels-api.js';
import { useApiRequest } from '../api/use-api-request.js';
import { AreaBreadcrumb } from './area-breadcrumb.js';
import { permitFilterOf } from './area-permit-filter.js';
import { ArrivalsBlock } from './arrivals-block.js';
import { CompareBlock } from './compare-block.js';
import { distinctOrigins, fileNamesByOrigin, loadedAtByOrigin, parseOrigin } from './data-origin.js';
import { HoldersBlock } from './holders-block.js';
import { LastMeetingBlock } from './last-meeting-block.js';
import { LastOperationsBlock } from './last-operations-block.js';
import { NationalitiesBlock } from './nationalities-block.js';
import { OpenReportsBlock } from './open-reports-block.js';
import { PanelFrame } from './panel-frame.js';
import { enumText, PanelError, PanelLoading, PanelNotAvailable, sourceEntries, type PanelT, type SourceEntry } from './panel-parts.js';
import { PeopleListsBlock } from './people-lists-block.js';
import { PurposesBlock } from './purposes-block.js';
import { RiskAreasBlock } from './risk-areas-block.js';
import { SponsorsBlock } from './sponsors-block.js';
import { TrendBlock } from './trend-block.js';
import type { PanelFilters } from './types.js';
import { usePanelText } from './use-panel-format.js';

export interface AreaDetailProps {
  code: string;
  filters: PanelFilters;
  onClose(): void;
  onSelectArea(code: string): void;
  /** Whether a parent area may be opened (not above the user's work area); all when not given. */
  canOpenArea?(code: string): boolean;
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

  const breadcrumb = area.parents.length > 0 ? <AreaBreadcrumb parents={area.parents} onSelectArea={onSelectArea} canOpenArea={canOpenArea} /> : undefined;
  return (
    <PanelFrame kindLabel={`${enumText(t, 'level', area.level)} · ${area.code}`} title={area.name} subtitle={breadcrumb} onClose={onClose}>
      <HoldersBlock summary={summary} filtered={filtered} sources={permitSources} demo={demoFigures} />

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

      <NationalitiesBlock holders={holders} sources={permitOrigins} demo={demoFigures} />
      <PurposesBlock holders={holders} sources={permitOrigins} demo={demoFigures} />

      <TrendBlock code={area.code} filters={filters} sources={permitOrigins} demo={demoFigures} />
      <ArrivalsBlock code={area.code} asOf={filters.asOf} demo={demoFigures} />

      <PeopleListsBlock code={area.code} asOf={summary.asOf} filter={permitFilterOf(filters)} demo={demoFigures} />

      <SponsorsBlock sponsors={summary.topSponsors} sources={itemSources(summary.topSponsors ?? [])} />
      <RiskAreasBlock riskAreas={summary.riskAreas} sources={itemSources(summary.riskAreas ?? [])} />
      <LastOperationsBlock operations={summary.lastOperations} sources={itemSources(summary.lastOperations ?? [])} />
      <LastMeetingBlock meeting={summary.lastMeeting} sources={itemSources(summary.lastMeeting ? [summary.lastMeeting] : [])} />
      <OpenReportsBlock openReports={summary.openReports} sources={itemSources(summary.openReports.items ?? [])} />
    </PanelFrame>
  );
}
