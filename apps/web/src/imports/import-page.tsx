// The import page (`?page=import`): choose the kind and the file, see how it was read and its first
// rows, correct the proposed column mapping, check (a dry run with the row-level errors, which can be
// downloaded as CSV, and a map of the located rows), import with a percentage, rerun a failed or
// interrupted job, and roll back past batches. Loaded lazily; its map loads MapLibre lazily in turn.
import {
  IMPORT_KINDS,
  type ImportBatch,
  type ImportJob,
  type ImportKind,
  type ImportPreview,
  type ImportPreviewField,
  type ImportReportAnswer,
} from '@pantau/domain';
import { lazy, Suspense, useCallback, useEffect, useId, useMemo, useRef, useState, type DragEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-client.js';
import { dataOf, invalidateEveryApiAnswer, useApiRequest } from '../api/use-api-request.js';
import { LanguageSwitch } from '../controls/language-switch.js';
import { useFormat } from '../i18n/format.js';
import { LOCALES } from '../i18n/languages.js';
import type { HistoryMode, ViewUpdate } from '../state/use-view-state.js';
import { serializeViewState, type ViewState } from '../state/view-state.js';
import { assignField, headerOf, missingGroups, proposedMapping, requiredGroups, type ColumnMapping } from './column-mapping.js';
import { issuesCsv, issuesFileName } from './errors-csv.js';
import { issueReasonText, noteText, type OriginLabel } from './reason-text.js';
import { followImportJob, listImportBatches, previewImport, rerunImportJob, rollbackImportBatch, startImport } from './imports-api.js';
import './import-page.css';
import { followInApp } from '../ui/modifier-click.js';
import { saveFile } from '../ui/save-file.js';

// MapLibre only once a check has located rows to show.
const ImportPreviewMap = lazy(() => import('./import-preview-map.js'));

/** Errors shown in the page's table; the CSV has them all. */
const SHOWN_ISSUES = 200;

type PreviewState = { status: 'idle' } | { status: 'loading' } | { status: 'ok'; preview: ImportPreview } | { status: 'error'; message: string };
type JobState =
  | { status: 'idle' }
  | { status: 'running'; percent: number }
  | { status: 'done'; report: ImportReportAnswer }
  // A failed job whose file the API still keeps can be run again (`rerunnable`).
  | { status: 'error'; message: string; job?: ImportJob };

function messageOf(error: unknown): string {
  if (error instanceof ApiError || error instanceof Error) return error.message;
  return String(error);
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** Saves text as a file, made in the browser (no request). */
function download(text: string, fileName: string): void {
  saveFile(new Blob([text], { type: 'text/csv;charset=utf-8' }), fileName);
}

export interface ImportPageProps {
  view: ViewState;
  updateView(update: ViewUpdate, mode?: HistoryMode): void;
}

export default function ImportPage({ view, updateView }: ImportPageProps) {
  const { t } = useTranslation('data');
  const { t: tCommon } = useTranslation();
  const format = useFormat();
  const id = useId();

  const [kind, setKind] = useState<ImportKind>('permits');
  const [file, setFile] = useState<File | null>(null);
  const [sheet, setSheet] = useState<string | null>(null);
  const [previewState, setPreviewState] = useState<PreviewState>({ status: 'idle' });
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [check, setCheck] = useState<JobState>({ status: 'idle' });
  const [commit, setCommit] = useState<JobState>({ status: 'idle' });
  const jobController = useRef<AbortController | null>(null);

  const fieldLabel = useCallback((field: string) => t(`fields.${field}` as 'fields.name', { defaultValue: field }), [t]);

  const resetJobs = useCallback(() => {
    jobController.current?.abort();
    jobController.current = null;
    setCheck({ status: 'idle' });
    setCommit({ status: 'idle' });
  }, []);

  // A new kind, file or sheet: a new preview, and the mapping it proposes.
  useEffect(() => {
    resetJobs();
    if (!file) {
      setPreviewState({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    setPreviewState({ status: 'loading' });
    previewImport(kind, file, { sheet }, controller.signal).then(
      (preview) => {
        if (controller.signal.aborted) return;
        setMapping(proposedMapping(preview));
        setPreviewState({ status: 'ok', preview });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setPreviewState({ status: 'error', message: messageOf(error) });
      },
    );
    return () => controller.abort();
  }, [kind, file, sheet, resetJobs]);

  useEffect(() => () => jobController.current?.abort(), []);

  const preview = previewState.status === 'ok' ? previewState.preview : null;
  const missing = useMemo(() => (preview ? missingGroups(mapping, preview.fields) : []), [mapping, preview]);

  const chooseFile = (chosen: File | null | undefined) => {
    if (!chosen) return;
    setSheet(null);
    setFile(chosen);
  };

  const changeMapping = (header: string, field: string) => {
    resetJobs();
    setMapping((current) => assignField(current, header, field));
  };

  /** Starts a check or an import (or reruns a failed job, `rerun`: its id) and follows it to its end. */
  const run = async (dryRun: boolean, rerun?: string) => {
    if (!file) return;
    const setState = dryRun ? setCheck : setCommit;
    jobController.current?.abort();
    const controller = new AbortController();
    jobController.current = controller;
    if (!dryRun) setCommit({ status: 'running', percent: 0 });
    else {
      setCheck({ status: 'running', percent: 0 });
      setCommit({ status: 'idle' });
    }
    try {
      // A zip of several shapefile layers is refused without one named: the layer previewed is the one meant.
      const layer = preview?.format === 'shapefile' ? (preview.sheet ?? null) : null;
      const started = rerun ? await rerunImportJob(rerun) : await startImport(kind, file, { dryRun, sheet: sheet ?? layer, mapping });
      const job: ImportJob = await followImportJob(
        started,
        (progress) => {
          if (!controller.signal.aborted && progress.status === 'running') setState({ status: 'running', percent: progress.progress.percent });
        },
        { signal: controller.signal },
      );
      if (controller.signal.aborted) return;
      if (job.status === 'done' && job.report) setState({ status: 'done', report: job.report });
      else setState({ status: 'error', message: job.error?.message ?? job.status, job });
      // A committed import can change any figure, the batch list among them.
      if (!dryRun) void invalidateEveryApiAnswer();
    } catch (error) {
      if (!isAbort(error) && !controller.signal.aborted) setState({ status: 'error', message: messageOf(error) });
    }
  };

  const mapHref = `${window.location.pathname}${serializeViewState({ ...view, page: 'map' })}`;
  const backToMap = (event: MouseEvent<HTMLAnchorElement>) => followInApp(event, () => updateView({ page: 'map' }));

  const checkReport = check.status === 'done' ? check.report : null;
  const validRows = checkReport ? checkReport.rows - checkReport.rejected : 0;

  return (
    <div className="import-page" data-testid="import-page">
      <header className="page-header">
        <div className="page-title">
          <h1>{tCommon('title')}</h1>
          <p className="page-subtitle">{t('import.title')}</p>
        </div>
        <div className="page-status">
          <a className="header-button header-link" href={mapHref} onClick={backToMap} data-testid="back-to-map">
            {t('import.backToMap')}
          </a>
          <LanguageSwitch lang={view.lang} onChange={(lang) => updateView({ lang })} />
        </div>
      </header>

      <main className="import-main">
        <h2 className="import-title">{t('import.title')}</h2>
        <p className="import-intro">{t('import.intro')}</p>

        <section className="import-step" aria-labelledby={`${id}-step1`}>
          <h3 id={`${id}-step1`}>{t('import.step1')}</h3>
          <div className="import-file-row">
            <div className="field import-kind">
              <label htmlFor={`${id}-kind`}>{t('import.kind')}</label>
              <select id={`${id}-kind`} value={kind} onChange={(event) => setKind(event.target.value as ImportKind)} data-testid="import-kind">
                {IMPORT_KINDS.map((option) => (
                  <option key={option} value={option}>
                    {t(`kinds.${option}`)}
                  </option>
                ))}
              </select>
            </div>
            <DropZone onFile={chooseFile} fileName={file?.name ?? null} />
            {preview?.sheets && preview.sheets.length > 0 && (
              <div className="field import-sheet">
                <label htmlFor={`${id}-sheet`}>{t(preview.format === 'shapefile' ? 'import.layer' : 'import.sheet')}</label>
                <select id={`${id}-sheet`} value={preview.sheet ?? ''} onChange={(event) => setSheet(event.target.value)} data-testid="import-sheet">
                  {preview.sheets.map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </select>
              </div>
            )}
          </div>
          {previewState.status === 'loading' && <p role="status">{t('import.reading')}</p>}
          {previewState.status === 'error' && (
            <p className="import-error" role="alert" data-testid="import-preview-error">
              {t('import.error', { message: previewState.message })}
            </p>
          )}
          {preview && <DetectedFormat preview={preview} />}
        </section>

        {preview && (
          <section className="import-step" aria-labelledby={`${id}-step2`}>
            <h3 id={`${id}-step2`}>{t('import.step2')}</h3>
            <p className="field-hint">{t('import.mappingHint')}</p>
            <PreviewTable preview={preview} mapping={mapping} fieldLabel={fieldLabel} onChange={changeMapping} />
            <RequiredStatus fields={preview.fields} mapping={mapping} fieldLabel={fieldLabel} />
            <VocabularyApplied preview={preview} mapping={mapping} fieldLabel={fieldLabel} />
            {missing.length > 0 && (
              <p className="import-error" role="alert" data-testid="import-missing">
                {t('import.missing', { fields: missing.map((group) => group.map(fieldLabel).join(' / ')).join(', ') })}
              </p>
            )}
            {Object.entries(mapping).some(([, field]) => field === '') && (
              <p className="field-hint" data-testid="import-ignored">
                {t('import.unknownColumns', {
                  columns: Object.entries(mapping)
                    .filter(([, field]) => field === '')
                    .map(([header]) => header)
                    .join(', '),
                })}
              </p>
            )}
          </section>
        )}

        {preview && (
          <section className="import-step" aria-labelledby={`${id}-step3`}>
            <h3 id={`${id}-step3`}>{t('import.step3')}</h3>
            <p className="field-hint">{t('import.checkHint')}</p>
            <button
              type="button"
              className="button button-primary"
              disabled={missing.length > 0 || check.status === 'running' || commit.status === 'running'}
              onClick={() => void run(true)}
              data-testid="import-check"
            >
              {t('import.check')}
            </button>
            {check.status === 'running' && <Progress percent={check.percent} label={t('import.checking', { percent: check.percent })} />}
            {check.status === 'error' && (
              <p className="import-error" role="alert" data-testid="import-check-error">
                {t('import.failed', { message: check.message })}
                <RerunButton job={check.job} onRerun={(id) => void run(true, id)} />
              </p>
            )}
            {checkReport && <CheckResult report={checkReport} mapping={mapping} fieldLabel={fieldLabel} />}
            {checkReport?.points && checkReport.points.length > 0 && (
              <Suspense fallback={<p className="field-hint">{t('import.previewMap.loading')}</p>}>
                <ImportPreviewMap points={checkReport.points} total={checkReport.pointsTotal ?? checkReport.points.length} />
              </Suspense>
            )}
          </section>
        )}

        {preview && (
          <section className="import-step" aria-labelledby={`${id}-step4`}>
            <h3 id={`${id}-step4`}>{t('import.step4')}</h3>
            <p className="field-hint">{t('import.importHint')}</p>
            <button
              type="button"
              className="button button-primary"
              disabled={!checkReport || validRows === 0 || commit.status === 'running' || commit.status === 'done'}
              onClick={() => void run(false)}
              data-testid="import-commit"
            >
              {t('import.importButton', { count: validRows })}
            </button>
            {!checkReport && <span className="field-hint import-inline-hint">{t('import.checkFirst')}</span>}
            {commit.status === 'running' && <Progress percent={commit.percent} label={t('import.importing', { percent: commit.percent })} />}
            {commit.status === 'done' && (
              <>
                <Progress percent={100} label={t('import.done', { percent: 100 })} />
                <p className="import-success" role="status" data-testid="import-result">
                  {commit.report.status === 'unchanged'
                    ? t('import.unchanged')
                    : t('import.committed', {
                        count: commit.report.imported,
                        imported: format.number(commit.report.imported),
                        batch: commit.report.batchId?.slice(0, 8) ?? '',
                      })}
                </p>
              </>
            )}
            {commit.status === 'error' && (
              <p className="import-error" role="alert" data-testid="import-commit-error">
                {t('import.failed', { message: commit.message })}
                <RerunButton job={commit.job} onRerun={(id) => void run(false, id)} />
              </p>
            )}
          </section>
        )}

        <BatchHistory onChanged={() => void invalidateEveryApiAnswer()} />
      </main>
    </div>
  );
}

/** Runs a failed or interrupted job's file again (the API keeps it for a while: `rerunnable`). */
function RerunButton({ job, onRerun }: { job: ImportJob | undefined; onRerun(id: string): void }) {
  const { t } = useTranslation('data');
  if (!job?.rerunnable) return null;
  return (
    <>
      {' '}
      <button type="button" className="button" onClick={() => onRerun(job.id)} data-testid="import-rerun">
        {t('import.rerun')}
      </button>
    </>
  );
}

function DropZone({ onFile, fileName }: { onFile(file: File | null | undefined): void; fileName: string | null }) {
  const { t } = useTranslation('data');
  const [over, setOver] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    onFile(event.dataTransfer.files[0]);
  };
  return (
    <div
      className={`import-drop${over ? ' import-drop-over' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="import-drop"
    >
      {fileName && <strong className="import-file-name">{fileName}</strong>}
      <span>
        {over ? t('import.dropActive') : t('import.drop')}{' '}
        <button type="button" className="link-button" onClick={() => inputRef.current?.click()}>
          {t('import.choose')}
        </button>
      </span>
      <span className="field-hint">{t('import.dropHint')}</span>
      <input
        ref={inputRef}
        type="file"
        className="visually-hidden"
        tabIndex={-1}
        accept=".csv,.txt,.tsv,.xlsx,.geojson,.json,.zip,.kml,.kmz,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/geo+json,application/zip,application/vnd.google-earth.kml+xml,application/vnd.google-earth.kmz"
        onChange={(event) => {
          onFile(event.target.files?.[0]);
          // The same file chosen again (after fixing it) is read again.
          event.target.value = '';
        }}
        data-testid="import-file"
      />
    </div>
  );
}

function DetectedFormat({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation('data');
  const delimiter = preview.delimiter === '\t' ? t('import.detected.tab') : `«${preview.delimiter ?? ''}»`;
  const read =
    preview.format === 'csv'
      ? t('import.detected.csv', { encoding: (preview.encoding ?? '').toUpperCase(), bom: preview.bom ? t('import.detected.bom') : '', delimiter })
      : preview.format === 'xlsx'
        ? t('import.detected.xlsx', { sheet: preview.sheet ?? '' })
        : preview.format === 'shapefile'
          ? t('import.detected.shapefile', {
              layer: preview.sheet ?? '',
              crs: preview.reprojectedFrom ? t('import.detected.reprojected', { from: preview.reprojectedFrom }) : '',
            })
          : preview.format === 'kml' || preview.format === 'kmz'
            ? t(`import.detected.${preview.format}`)
            : t('import.detected.geojson');
  const header = preview.header;
  const headerAt =
    header && header.how !== 'first' && header.rows.length > 0
      ? t('import.detected.headerRow', { rows: header.rows.join('–'), count: header.above.length })
      : preview.format !== 'csv' && preview.format !== 'xlsx'
        ? t('import.detected.geometry')
        : '';
  return (
    <p className="import-detected" data-testid="import-detected">
      {read} · {t('import.detected.columns', { count: preview.headers.filter(Boolean).length })}
      {headerAt && <span data-testid="import-header-row"> · {headerAt}</span>}
    </p>
  );
}

function PreviewTable({
  preview,
  mapping,
  fieldLabel,
  onChange,
}: {
  preview: ImportPreview;
  mapping: ColumnMapping;
  fieldLabel(field: string): string;
  onChange(header: string, field: string): void;
}) {
  const { t } = useTranslation('data');
  return (
    <>
      <p className="import-caption">
        {preview.rows.length === 0
          ? t('import.noRows')
          : preview.more
            ? t('import.firstRowsMore', { count: preview.rows.length })
            : t('import.firstRows', { count: preview.rows.length })}
      </p>
      <div className="import-table-scroll" tabIndex={0} role="region" aria-label={t('import.step2')}>
        <table className="import-table import-preview" data-testid="import-preview">
          <thead>
            <tr>
              <th scope="col" className="import-row-number">
                {t('import.rowNumber')}
              </th>
              {preview.headers.map((header, index) => (
                <th key={`${index}:${header}`} scope="col">
                  <span className="import-header">{header}</span>
                  {header && (
                    <select
                      className={`import-mapping${mapping[header] ? '' : ' import-mapping-ignored'}`}
                      value={mapping[header] ?? ''}
                      aria-label={header}
                      onChange={(event) => onChange(header, event.target.value)}
                      data-testid="import-mapping"
                      data-header={header}
                    >
                      <option value="">{t('import.ignore')}</option>
                      {preview.fields.map((field) => (
                        <option key={field.name} value={field.name}>
                          {fieldLabel(field.name)}
                          {field.required ? ` (${t('import.required')})` : ''}
                        </option>
                      ))}
                    </select>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => (
              <tr key={row.row}>
                <th scope="row" className="import-row-number">
                  {row.row}
                </th>
                {preview.headers.map((header, index) => (
                  <td key={`${index}:${header}`} className={mapping[header] ? undefined : 'import-cell-ignored'}>
                    {row.values[index]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function RequiredStatus({ fields, mapping, fieldLabel }: { fields: readonly ImportPreviewField[]; mapping: ColumnMapping; fieldLabel(field: string): string }) {
  const { t } = useTranslation('data');
  const given = new Set(Object.values(mapping));
  const groups = requiredGroups(fields);
  return (
    <div className="import-required" data-testid="import-required">
      <span className="field-label">{t('import.requiredStatus')}:</span>
      <ul>
        {groups.map((group) => {
          const ok = group.some((field) => given.has(field));
          return (
            <li key={group.join('|')} className={ok ? 'import-ok' : 'import-missing'}>
              <span aria-hidden="true">{ok ? '✓' : '✗'} </span>
              {group.length === 1 ? fieldLabel(group[0] ?? '') : t('import.oneOf', { fields: group.map(fieldLabel).join(', ') })}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** What the vocabularies make of the shown rows' spellings (KITAS → itas, RRT → CHN), for the columns still mapped as the preview proposed. */
function VocabularyApplied({ preview, mapping, fieldLabel }: { preview: ImportPreview; mapping: ColumnMapping; fieldLabel(field: string): string }) {
  const { t } = useTranslation('data');
  const shown = preview.vocabulary.filter((entry) => mapping[entry.column] === entry.field);
  if (!shown.length) return null;
  return (
    <div className="import-vocabulary" data-testid="import-vocabulary">
      <span className="field-label">{t('import.vocabulary.title')}:</span>
      <ul>
        {shown.map((entry) => (
          <li key={`${entry.column}\u0000${entry.value}`} className={entry.mapped === null ? 'import-missing' : undefined}>
            {fieldLabel(entry.field)}: «{entry.value}» → {entry.mapped === null ? t('import.vocabulary.unknown') : <code>{entry.mapped}</code>}{' '}
            <span className="field-hint">({t('import.vocabulary.rows', { count: entry.rows })})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Progress({ percent, label }: { percent: number; label: string }) {
  const { t } = useTranslation('data');
  return (
    <div className="import-progress" data-testid="import-progress">
      <progress max={100} value={percent} aria-label={t('import.progressLabel')} />
      <span role="status">{label}</span>
    </div>
  );
}

function CheckResult({ report, mapping, fieldLabel }: { report: ImportReportAnswer; mapping: ColumnMapping; fieldLabel(field: string): string }) {
  const { t } = useTranslation('data');
  const format = useFormat();
  const shown = report.issues.slice(0, SHOWN_ISSUES);
  // A row Pantau already holds names where it came from: an import by its file and date, not its batch id.
  const heldFromImport = report.issues.some((issue) => typeof issue.params?.origin === 'string' && issue.params.origin.startsWith('batch:'));
  const batches = dataOf(useApiRequest(heldFromImport ? `import-origins:${report.fileName}:${report.rows}` : null, listImportBatches)) ?? [];
  const originLabel: OriginLabel = (origin) => {
    if (origin === 'demo' || origin === 'reference') return t(`origins.${origin}`);
    const batch = origin.startsWith('batch:') ? batches.find((b) => `batch:${b.id}` === origin) : undefined;
    if (batch)
      return t('origins.importFile', {
        file: batch.fileName,
        date: new Intl.DateTimeFormat(LOCALES[format.lang], { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(batch.createdAt)),
      });
    return origin.startsWith('batch:') ? t('origins.import', { batch: origin.slice('batch:'.length, 'batch:'.length + 8) }) : origin;
  };
  const reasonOf = (issue: ImportReportAnswer['issues'][number]) => issueReasonText(format.lang, issue, originLabel);
  const downloadIssues = () => {
    const csv = issuesCsv(
      report.issues,
      { row: t('import.issueRow'), field: t('import.csvField'), column: t('import.csvColumn'), value: t('import.issueValue'), reason: t('import.issueReason') },
      fieldLabel,
      (field) => headerOf(mapping, field),
      reasonOf,
    );
    download(csv, issuesFileName(report.fileName, t('import.issuesFile')));
  };
  return (
    <div className="import-check-result" data-testid="import-check-result">
      <p className="import-summary" data-testid="import-summary">
        {t('import.summary', {
          rows: t('import.summaryRows', { count: report.rows, n: format.number(report.rows) }),
          valid: t('import.summaryValid', { n: format.number(report.rows - report.rejected) }),
          rejected: t('import.summaryRejected', { n: format.number(report.rejected) }),
        })}
        {report.duplicates > 0 ? ` (${t('import.summaryDuplicates', { count: report.duplicates })})` : ''}
      </p>
      {report.warnings.length > 0 && (
        <div className="import-warnings" data-testid="import-warnings">
          <span className="field-label">{t('import.warnings')}:</span>
          <ul>
            {report.notes
              ? report.notes.map((note) => <li key={note.message}>{noteText(format.lang, note)}</li>)
              : report.warnings.map((warning) => <li key={warning}>{warning}</li>)}
          </ul>
        </div>
      )}
      {(report.fixes?.length ?? 0) > 0 && (
        <div className="import-warnings" data-testid="import-fixes">
          <span className="field-label">{t('import.fixes', { count: report.fixes!.length })}:</span>
          <ul>
            {report.fixes!.slice(0, 20).map((fix, index) => (
              <li key={`${fix.row}:${fix.field}:${index}`} data-testid="import-fix">
                {t('import.fixRow', { row: fix.row, value: fix.value })}: {reasonOf(fix)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {report.issues.length === 0 ? (
        <p className="import-success">{t('import.noIssues')}</p>
      ) : (
        <>
          <div className="import-issues-head">
            <h4>{t('import.issuesTitle')}</h4>
            <button type="button" className="button" onClick={downloadIssues} data-testid="import-download-issues">
              {t('import.downloadIssues')}
            </button>
          </div>
          {report.issues.length > shown.length && <p className="field-hint">{t('import.issuesShown', { shown: shown.length, total: report.issues.length })}</p>}
          <div className="import-table-scroll import-issues-scroll">
            <table className="import-table import-issues" data-testid="import-issues">
              <thead>
                <tr>
                  <th scope="col">{t('import.issueRow')}</th>
                  <th scope="col">{t('import.issueField')}</th>
                  <th scope="col">{t('import.issueValue')}</th>
                  <th scope="col">{t('import.issueReason')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((issue, index) => {
                  const column = headerOf(mapping, issue.field);
                  return (
                    <tr key={`${issue.row}:${issue.field}:${index}`} data-testid="import-issue">
                      <td className="import-number">{issue.row}</td>
                      <td>
                        {fieldLabel(issue.field)}
                        {column && <span className="import-column-note">{t('import.issueColumn', { column })}</span>}
                      </td>
                      <td className="import-value">{issue.value}</td>
                      <td data-testid="import-issue-reason">{reasonOf(issue)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}

function BatchHistory({ onChanged }: { onChanged(): void }) {
  const { t } = useTranslation('data');
  const format = useFormat();
  const batches = useApiRequest('import-batches', listImportBatches);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const items = dataOf(batches) ?? [];

  const rollback = async (batch: ImportBatch) => {
    setBusy(batch.id);
    setMessage(null);
    try {
      const removed = await rollbackImportBatch(batch.id);
      const count = Object.values(removed).reduce((sum, rows) => sum + rows, 0);
      setMessage({ kind: 'ok', text: t('import.rolledBack', { batch: batch.id.slice(0, 8), count }) });
      onChanged();
    } catch (error) {
      setMessage({ kind: 'error', text: t('import.error', { message: messageOf(error) }) });
    } finally {
      setBusy(null);
      setConfirming(null);
    }
  };

  // An instant, shown in the browser's time zone (the officer's own clock).
  const dateTime = useMemo(
    () => new Intl.DateTimeFormat(LOCALES[format.lang], { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }),
    [format.lang],
  );
  const when = (iso: string) => dateTime.format(new Date(iso));
  return (
    <section className="import-step" aria-labelledby="import-history">
      <div className="import-issues-head">
        <h3 id="import-history">{t('import.history')}</h3>
        <button type="button" className="link-button" onClick={onChanged}>
          {t('import.historyRefresh')}
        </button>
      </div>
      {message && (
        <p
          className={message.kind === 'ok' ? 'import-success' : 'import-error'}
          role={message.kind === 'ok' ? 'status' : 'alert'}
          data-testid="import-rollback-message"
        >
          {message.text}
        </p>
      )}
      {batches.status === 'error' && <p className="import-error">{t('import.error', { message: messageOf(batches.error) })}</p>}
      {batches.status === 'ok' && items.length === 0 && <p className="field-hint">{t('import.historyEmpty')}</p>}
      {items.length > 0 && (
        <div className="import-table-scroll">
          <table className="import-table import-batches" data-testid="import-batches">
            <thead>
              <tr>
                <th scope="col">{t('import.batchWhen')}</th>
                <th scope="col">{t('import.batchKind')}</th>
                <th scope="col">{t('import.batchFile')}</th>
                <th scope="col" className="import-number">
                  {t('import.batchRows')}
                </th>
                <th scope="col" className="import-number">
                  {t('import.batchImported')}
                </th>
                <th scope="col" className="import-number">
                  {t('import.batchRejected')}
                </th>
                <th scope="col">{t('import.batchStatus')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('import.rollback')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((batch) => (
                <tr key={batch.id} data-testid="import-batch" data-batch-id={batch.id}>
                  <td>{when(batch.createdAt)}</td>
                  <td>{t(`kinds.${batch.kind}` as 'kinds.permits', { defaultValue: batch.kind })}</td>
                  <td className="import-value">{batch.fileName}</td>
                  <td className="import-number">{format.number(batch.rows)}</td>
                  <td className="import-number">{format.number(batch.imported)}</td>
                  <td className="import-number">{format.number(batch.rejected)}</td>
                  <td data-testid="import-batch-status">
                    {batch.status === 'rolled_back'
                      ? t('import.statuses.rolled_back', { when: batch.rolledBackAt ? when(batch.rolledBackAt) : '' })
                      : batch.status === 'committed'
                        ? t('import.statuses.committed')
                        : batch.status}
                  </td>
                  <td className="import-actions">
                    {batch.status === 'committed' &&
                      (confirming === batch.id ? (
                        <span className="import-confirm" role="group" aria-label={t('import.rollbackConfirm', { count: batch.imported })}>
                          <span>{t('import.rollbackConfirm', { count: batch.imported })}</span>
                          <button
                            type="button"
                            className="button button-danger"
                            disabled={busy !== null}
                            onClick={() => void rollback(batch)}
                            data-testid="import-rollback-yes"
                          >
                            {busy === batch.id ? t('import.rollingBack') : t('import.rollbackYes')}
                          </button>
                          <button type="button" className="button" disabled={busy !== null} onClick={() => setConfirming(null)}>
                            {t('import.rollbackNo')}
                          </button>
                        </span>
                      ) : (
                        <button type="button" className="button" onClick={() => setConfirming(batch.id)} data-testid="import-rollback">
                          {t('import.rollback')}
                        </button>
                      ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
