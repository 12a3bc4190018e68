// A dry run's result: the counts, the warnings and fixes, and the row-level errors (the CSV has them all).
import type { ImportReportAnswer } from '@pantau/domain';
import { useTranslation } from 'react-i18next';
import { dataOf, useApiRequest } from '../api/use-api-request.js';
import { useFormat } from '../i18n/format.js';
import { LOCALES } from '../i18n/languages.js';
import { saveFile } from '../ui/save-file.js';
import { headerOf, type ColumnMapping } from './column-mapping.js';
import { issuesCsv, issuesFileName } from './errors-csv.js';
import { listImportBatches } from './imports-api.js';
import { issueReasonText, noteText, type OriginLabel } from './reason-text.js';

/** Errors shown in the page's table; the CSV has them all. */
const SHOWN_ISSUES = 200;

/** Saves text as a file, made in the browser (no request). */
function download(text: string, fileName: string): void {
  saveFile(new Blob([text], { type: 'text/csv;charset=utf-8' }), fileName);
}

export function CheckResult({ report, mapping, fieldLabel }: { report: ImportReportAnswer; mapping: ColumnMapping; fieldLabel(field: string): string }) {
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
