// The import page (`?page=import`): choose the kind and the file, see how it was read and its first
// rows, correct the proposed column mapping, check (a dry run with the row-level errors, which can be
// downloaded as CSV, and a map of the located rows), import with a percentage, rerun a failed or
// interrupted job, and roll back past batches. Loaded lazily; its map loads MapLibre lazily in turn.
import { IMPORT_KINDS, type ImportKind } from '@pantau/domain';
import { lazy, Suspense, useCallback, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { invalidateEveryApiAnswer } from '../api/use-api-request.js';
import { LanguageSwitch } from '../controls/language-switch.js';
import { useFormat } from '../i18n/format.js';
import { Link, useRoute } from '../state/router.js';
import { BatchHistory } from './batch-history.js';
import { CheckResult } from './check-result.js';
import { DropZone } from './drop-zone.js';
import { DetectedFormat, PreviewTable, RequiredStatus, VocabularyApplied } from './import-preview-parts.js';
import { Progress, RerunButton } from './job-status.js';
import { useImportFlow } from './use-import-flow.js';
import './import-page.css';

// MapLibre only once a check has located rows to show.
const ImportPreviewMap = lazy(() => import('./import-preview-map.js'));

export default function ImportPage() {
  const { view, update } = useRoute('import');
  const { t } = useTranslation('data');
  const { t: tCommon } = useTranslation();
  const format = useFormat();
  const id = useId();

  const { kind, setKind, file, setSheet, previewState, preview, mapping, missing, check, commit, chooseFile, changeMapping, run } = useImportFlow();
  const fieldLabel = useCallback((field: string) => t(`fields.${field}` as 'fields.name', { defaultValue: field }), [t]);

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
          <Link className="header-button header-link" to={{ page: 'map' }} data-testid="back-to-map">
            {t('import.backToMap')}
          </Link>
          <LanguageSwitch lang={view.lang} onChange={(lang) => update({ lang })} />
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
