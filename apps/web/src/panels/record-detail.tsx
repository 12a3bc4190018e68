// One record's panel (company, operation, report, meeting, risk area, entry point): loaded here, its body
// from the kind's own file, and where it comes from.
import type { ReactNode } from 'react';
import { isNotPermitted } from '../api/api-client.js';
import { getDatasets, getRecord, type RecordByKind } from '../api/panels-api.js';
import { useApiRequest } from '../api/use-api-request.js';
import { CompanyBody, type CompanyPageLink } from './company-body.js';
import { fileNamesByOrigin, loadedAtByOrigin } from './data-origin.js';
import { EntryPointBody } from './entry-point-body.js';
import { MeetingBody } from './meeting-body.js';
import { OperationBody } from './operation-body.js';
import { PanelFrame } from './panel-frame.js';
import { enumText, PanelError, PanelLoading, PanelNotAvailable, SourceLine, type PanelT } from './panel-parts.js';
import { ReportBody } from './report-body.js';
import { RiskAreaBody } from './risk-area-body.js';
import type { RecordKind } from './types.js';
import { usePanelText } from './use-panel-format.js';

export type { CompanyPageLink };

export interface RecordDetailProps {
  kind: RecordKind;
  id: number;
  /** The view's date: the record's figures are counted on it. */
  asOf: string;
  onClose(): void;
  onSelectArea(code: string): void;
  companyPage?: CompanyPageLink;
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
