import { nationalityName } from '@pantau/domain';
import { isNotPermitted } from '../api/api-client.js';
import type { MouseEvent, ReactNode } from 'react';
import {
  getDatasets,
  getRecord,
  type CompanyRecord,
  type EntryPointRecord,
  type MeetingRecord,
  type OperationRecord,
  type RecordByKind,
  type ReportRecord,
  type RiskAreaRecord,
} from '../api/panels-api.js';
import { useApiRequest } from '../api/use-api-request.js';
import { OutcomeBadge, SeverityBadge, validity } from './record-badges.js';
import { fileNamesByOrigin, loadedAtByOrigin } from './data-origin.js';
import { PanelBlock, PanelFrame } from './panel-frame.js';
import { AreaLink, enumText, FactList, HiddenForRole, PanelError, PanelLoading, PanelNotAvailable, SourceLine, type PanelT } from './panel-parts.js';
import { TIME_ZONES, timeZoneOfArea } from './panel-format.js';
import type { RecordKind } from './types.js';
import { usePanelText } from './use-panel-format.js';
import { followInApp } from '../ui/modifier-click.js';

export interface RecordDetailProps {
  kind: RecordKind;
  id: number;
  /** The view's date: the record's figures are counted on it. */
  asOf: string;
  onClose(): void;
  onSelectArea(code: string): void;
  companyPage?: CompanyPageLink;
}

/** The link from a company's panel to its page: an href for a new tab, and the in-app move for a plain click. */
export interface CompanyPageLink {
  href(companyId: number): string;
  open(companyId: number): void;
}

function kindLabel(t: PanelT, kind: RecordKind): string {
  return enumText(t, 'record', kind);
}

/** One record of an operation, report, meeting, …, as the API returns it (it returns no personal data). */
export function RecordDetail({ kind, id, asOf, onClose, onSelectArea, companyPage }: RecordDetailProps) {
  const { t, lang } = usePanelText();
  const record = useApiRequest(`panel-record:${kind}:${id}:${asOf}:${lang}`, (signal) => getRecord(kind, id, asOf, signal, lang));
  const datasets = useApiRequest('panel-datasets', getDatasets);

  if (record.status !== 'ok') {
    return (
      <PanelFrame kindLabel={kindLabel(t, kind)} title={`#${id}`} onClose={onClose}>
        {record.status === 'error' ? isNotPermitted(record.error) ? <PanelNotAvailable /> : <PanelError error={record.error} /> : <PanelLoading />}
      </PanelFrame>
    );
  }
  const loadedAt = loadedAtByOrigin([], datasets.status === 'ok' ? datasets.data : []);
  const fileNames = fileNamesByOrigin(datasets.status === 'ok' ? datasets.data : []);
  const view: RecordView = { kind, record: record.data } as RecordView;
  const { title, body } = recordContent(view, onSelectArea, companyPage);
  return (
    <PanelFrame kindLabel={kindLabel(t, kind)} title={title(t)} origin={view.record.origin} onClose={onClose}>
      {body}
      <div className="panel-block panel-record-source">
        <SourceLine
          entries={[{ origin: view.record.origin, loadedAt: loadedAt.get(view.record.origin) ?? null, fileName: fileNames.get(view.record.origin) ?? null }]}
        />
      </div>
    </PanelFrame>
  );
}

type RecordView = { [K in RecordKind]: { kind: K; record: RecordByKind[K] } }[RecordKind];

function recordContent(view: RecordView, onSelectArea: (code: string) => void, companyPage?: CompanyPageLink): { title(t: PanelT): string; body: ReactNode } {
  switch (view.kind) {
    case 'company':
      return { title: () => view.record.name, body: <CompanyBody company={view.record} onSelectArea={onSelectArea} companyPage={companyPage} /> };
    case 'operation':
      return { title: () => view.record.team, body: <OperationBody operation={view.record} onSelectArea={onSelectArea} /> };
    case 'report':
      return { title: (t) => t('record.reportTitle', { id: view.record.id }), body: <ReportBody report={view.record} onSelectArea={onSelectArea} /> };
    case 'meeting':
      return { title: () => view.record.title, body: <MeetingBody meeting={view.record} onSelectArea={onSelectArea} /> };
    case 'risk_area':
      return { title: () => view.record.name, body: <RiskAreaBody risk={view.record} onSelectArea={onSelectArea} /> };
    case 'entry_point':
      return { title: () => view.record.name, body: <EntryPointBody entryPoint={view.record} onSelectArea={onSelectArea} /> };
  }
}

interface AreaLinking {
  onSelectArea(code: string): void;
}

function areaFact(label: string, code: string | null, { onSelectArea }: AreaLinking) {
  return code ? ([label, <AreaLink code={code} onSelectArea={onSelectArea} />] as const) : null;
}

function CompanyBody({ company, onSelectArea, companyPage }: { company: CompanyRecord; companyPage?: CompanyPageLink } & AreaLinking) {
  const { t, format } = usePanelText();
  const openPage = (event: MouseEvent<HTMLAnchorElement>) => {
    if (companyPage) followInApp(event, () => companyPage.open(company.id));
  };
  return (
    <>
      {companyPage && (
        <div className="panel-block">
          <a className="panel-link" href={companyPage.href(company.id)} onClick={openPage} data-testid="open-company-page">
            {t('record.openCompanyPage')}
          </a>
        </div>
      )}
      <PanelBlock title={t('record.details')}>
        <FactList
          facts={[
            company.sector ? [t('record.sector'), enumText(t, 'sector', company.sector)] : null,
            company.registrationNumber ? [t('record.registrationNumber'), company.registrationNumber] : null,
            [t('record.activePermits'), <strong className="panel-figure">{format.number(company.activePermits)}</strong>],
          ]}
        />
      </PanelBlock>
      <PanelBlock title={t('record.sites')} note={`(${format.number(company.sites.length)})`}>
        {company.sites.length === 0 ? (
          <p className="panel-empty">{t('record.noSites')}</p>
        ) : (
          <ul className="panel-list">
            {company.sites.map((site) => (
              <li key={site.id} className="panel-item">
                <span className="panel-item-name">{site.name}</span>
                <span className="panel-item-meta">
                  {site.districtCode ? <AreaLink code={site.districtCode} onSelectArea={onSelectArea} /> : null}
                  {site.districtCode && site.regencyCode ? ', ' : null}
                  {site.regencyCode ? <AreaLink code={site.regencyCode} onSelectArea={onSelectArea} /> : null}
                </span>
              </li>
            ))}
          </ul>
        )}
      </PanelBlock>
    </>
  );
}

/** A free-text fact: absent (hidden for the role) → a note; empty → no line. */
function textFact(label: string, value: string | null | undefined): [string, ReactNode] | null {
  if (value === undefined) return [label, <HiddenForRole />];
  return value ? [label, value] : null;
}

function OperationBody({ operation, onSelectArea }: { operation: OperationRecord } & AreaLinking) {
  const { t, format } = usePanelText();
  return (
    <>
      <PanelBlock title={t('record.details')}>
        <FactList
          facts={[
            [t('record.date'), <time dateTime={operation.date}>{format.date(operation.date)}</time>],
            [t('record.team'), operation.team],
            operation.office ? [t('record.office'), operation.office] : null,
            areaFact(t('record.area'), operation.regencyCode, { onSelectArea }),
            textFact(t('record.notes'), operation.notes),
          ]}
        />
      </PanelBlock>
      <PanelBlock title={t('record.targets')} note={`(${format.number(operation.targets.length)})`}>
        {operation.targets.length === 0 ? (
          <p className="panel-empty">{t('record.noTargets')}</p>
        ) : (
          <ol className="panel-list">
            {operation.targets.map((target) => (
              <li key={target.id} className="panel-item panel-target">
                <h4 className="panel-item-name">{target.place}</h4>
                <span className="panel-badges">
                  <span className="panel-badge panel-badge-category">{enumText(t, 'targetKind', target.kind)}</span>
                  {target.outcome && <OutcomeBadge outcome={target.outcome} />}
                </span>
                <FactList
                  facts={[
                    target.foreignersChecked !== null ? [t('record.checked'), format.number(target.foreignersChecked)] : null,
                    target.violations !== null ? [t('record.violations'), format.number(target.violations)] : null,
                    areaFact(t('record.district'), target.districtCode, { onSelectArea }),
                    textFact(t('record.findings'), target.findings),
                    target.actions.length > 0
                      ? [
                          t('area.actions'),
                          <ul className="panel-plain-list">
                            {target.actions.map((action, index) => (
                              <li key={`${action.kind}-${action.nationality ?? ''}-${index}`}>
                                {action.nationality
                                  ? t('record.actionNationality', {
                                      kind: enumText(t, 'action', action.kind),
                                      count: format.number(action.count),
                                      nationality: nationalityName(action.nationality, format.lang),
                                    })
                                  : t('record.actionLine', { kind: enumText(t, 'action', action.kind), count: format.number(action.count) })}
                              </li>
                            ))}
                          </ul>,
                        ]
                      : null,
                  ]}
                />
              </li>
            ))}
          </ol>
        )}
      </PanelBlock>
    </>
  );
}

function ReportBody({ report, onSelectArea }: { report: ReportRecord } & AreaLinking) {
  const { t, format } = usePanelText();
  const zone = timeZoneOfArea(report.districtCode);
  return (
    <PanelBlock title={t('record.details')}>
      <FactList
        facts={[
          [
            t('record.receivedAt'),
            <time dateTime={report.receivedAt}>
              {format.dateTime(report.receivedAt, TIME_ZONES[zone])} {zone}
            </time>,
          ],
          [t('record.category'), enumText(t, 'reportCategory', report.category)],
          [t('record.channel'), enumText(t, 'channel', report.channel)],
          [t('record.status'), enumText(t, 'reportStatus', report.status)],
          areaFact(t('record.district'), report.districtCode, { onSelectArea }),
        ]}
      />
      <p className="panel-muted">{t('record.noPersonalData')}</p>
    </PanelBlock>
  );
}

function MeetingBody({ meeting, onSelectArea }: { meeting: MeetingRecord } & AreaLinking) {
  const { t, format } = usePanelText();
  return (
    <>
      <PanelBlock title={t('record.details')}>
        <FactList
          facts={[
            [t('record.date'), <time dateTime={meeting.date}>{format.date(meeting.date)}</time>],
            meeting.venue ? [t('record.venue'), meeting.venue] : null,
            [t('record.organiser'), meeting.organiser],
            areaFact(t('record.area'), meeting.regencyCode, { onSelectArea }),
            [t('record.openFollowUps'), format.number(meeting.openFollowUps)],
          ]}
        />
      </PanelBlock>
      {meeting.agenda.length > 0 && (
        <PanelBlock title={t('record.agenda')}>
          <ul className="panel-plain-list panel-bulleted">
            {meeting.agenda.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </PanelBlock>
      )}
      {meeting.decisions.length > 0 && (
        <PanelBlock title={t('record.decisions')}>
          <ol className="panel-plain-list">
            {meeting.decisions.map((decision) => (
              <li key={decision.id}>{`${decision.ordinal}. ${decision.text}`}</li>
            ))}
          </ol>
        </PanelBlock>
      )}
      {meeting.followUps.length > 0 && (
        <PanelBlock title={t('record.followUps')}>
          <ul className="panel-plain-list" data-testid="meeting-follow-ups">
            {meeting.followUps.map((followUp) => (
              <li key={followUp.id}>
                {t('record.followUpLine', {
                  task: followUp.task,
                  agency: t(`agency.${followUp.ownerAgency}`),
                  due: format.date(followUp.dueDate),
                  status: t(`followUpStatus.${followUp.status}`),
                })}
              </li>
            ))}
          </ul>
        </PanelBlock>
      )}
      {meeting.attendees.length > 0 && (
        <PanelBlock title={t('record.attendees')}>
          <ul className="panel-plain-list panel-bulleted">
            {meeting.attendees.map((attendee) => (
              <li key={attendee}>{attendee}</li>
            ))}
          </ul>
        </PanelBlock>
      )}
      {meeting.notes === undefined ? (
        <PanelBlock title={t('record.notes')}>
          <HiddenForRole />
        </PanelBlock>
      ) : (
        meeting.notes.length > 0 && (
          <PanelBlock title={t('record.notes')}>
            <ul className="panel-plain-list panel-bulleted">
              {meeting.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          </PanelBlock>
        )
      )}
    </>
  );
}

function RiskAreaBody({ risk, onSelectArea }: { risk: RiskAreaRecord } & AreaLinking) {
  const { t, format } = usePanelText();
  return (
    <PanelBlock title={t('record.details')}>
      <p className="panel-badges">
        <span className="panel-badge panel-badge-category">{enumText(t, 'riskCategory', risk.category)}</span>
        <SeverityBadge severity={risk.severity} />
      </p>
      <FactList
        facts={[
          [t('record.category'), enumText(t, 'riskCategory', risk.category)],
          [t('record.severity'), enumText(t, 'severity', risk.severity)],
          risk.validFrom ? [t('record.valid'), validity(t, format, risk.validFrom, risk.validTo)] : null,
          textFact(t('record.description'), risk.description),
          risk.source ? [t('record.infoSource'), risk.source] : null,
          areaFact(t('record.area'), risk.regencyCode, { onSelectArea }),
        ]}
      />
    </PanelBlock>
  );
}

function EntryPointBody({ entryPoint, onSelectArea }: { entryPoint: EntryPointRecord } & AreaLinking) {
  const { t } = usePanelText();
  return (
    <PanelBlock title={t('record.details')}>
      <FactList
        facts={[
          [t('record.kind'), enumText(t, 'entryPointKind', entryPoint.kind)],
          areaFact(t('record.area'), entryPoint.regencyCode, { onSelectArea }),
          areaFact(t('record.district'), entryPoint.districtCode, { onSelectArea }),
        ]}
      />
    </PanelBlock>
  );
}
