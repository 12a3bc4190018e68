// Past import batches, newest first, each committed one with its rollback (asked to confirm first).
import type { ImportBatch } from '@pantau/domain';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dataOf, useApiRequest } from '../api/use-api-request.js';
import { useFormat } from '../i18n/format.js';
import { LOCALES } from '../i18n/languages.js';
import { messageOf } from './import-errors.js';
import { listImportBatches, rollbackImportBatch } from './imports-api.js';

export function BatchHistory({ onChanged }: { onChanged(): void }) {
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
