// The public-report triage page (issue 22, `?page=reports`): the queue of new reports in the area (or the
// whole scope), oldest first, verified or dismissed (with a reason) by the roles that may triage; a form to
// record a report in a district; the history of the report last handled, and a link to it on the map.
// Loaded lazily. The text of a report is never shown in the queue: the list route does not serve it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dataOf, invalidateApiAnswers, useApiRequest } from '../api/use-api-request.js';
import { usePermissions } from '../auth/session-context.js';
import { Link, useRoute } from '../state/router.js';
import { PageHeader } from '../ui/page-header.js';
import { changeReportStatus, getReportHistory, getReportQueue } from './reports-api.js';
import { addReportsResources } from './reports-locales.js';
import { errorText } from './error-text.js';
import { RecordForm } from './record-form.js';
import { ReportPhotos } from './report-photos.js';
import '../people/people.css';

export default function ReportsPage() {
  const { view } = useRoute('reports');
  const { i18n } = useTranslation();
  addReportsResources(i18n);
  const { t } = useTranslation('reports');
  const { t: tPanels } = useTranslation('panels');
  const permissions = usePermissions();
  const mayWrite = permissions.reports.write;
  const area = view.region;
  const [handled, setHandled] = useState<{ id: number; message: string; regency: string | null } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const queue = useApiRequest(`reports:queue:${area ?? '*'}`, (signal) => getReportQueue(area, signal));
  const history = useApiRequest(handled ? `reports:history:${handled.id}` : null, (signal) => getReportHistory(handled?.id ?? 0, signal));
  const [reasons, setReasons] = useState<Record<number, string>>({});

  const act = async (id: number, status: 'verified' | 'dismissed') => {
    const reason = reasons[id]?.trim();
    if (status === 'dismissed' && !reason) {
      setFailure(t('queue.reasonNeeded'));
      return;
    }
    try {
      const report = await changeReportStatus(id, status, status === 'dismissed' ? reason : undefined);
      setFailure(null);
      setHandled({ id, message: t(status === 'verified' ? 'done.verified' : 'done.dismissed', { id }), regency: report.regencyCode });
      // The queue and every report's history load again.
      void invalidateApiAnswers('reports');
    } catch (error) {
      setFailure(errorText(error));
    }
  };

  const items = dataOf(queue)?.items ?? [];
  return (
    <div className="people-page" data-testid="reports-page">
      <PageHeader title={t('title')} backLabel={t('backToMap')} />
      <main className="people-main">
        {failure && (
          <p className="error-box" role="alert" data-testid="reports-error">
            {failure}
          </p>
        )}
        {handled && (
          <section className="people-card" data-testid="report-handled">
            <p role="status">{handled.message}</p>
            <Link to={{ page: 'map', region: handled.regency ?? view.region, select: { kind: 'report', id: handled.id } }} data-testid="report-map-link">
              {t('mapLink')}
            </Link>
            <h3>{t('history.title', { id: handled.id })}</h3>
            <ol data-testid="report-history">
              {(dataOf(history)?.items ?? []).map((change) => (
                <li key={change.id}>
                  {tPanels(`reportStatus.${change.status}` as 'reportStatus.new', { defaultValue: change.status })} —{' '}
                  {new Date(change.changedAt).toLocaleString(view.lang === 'en' ? 'en-GB' : 'id-ID', { timeZone: 'Asia/Jakarta' })}{' '}
                  {t('history.by', { who: change.changedBy })}
                  {change.reason ? ` — ${change.reason}` : ''}
                </li>
              ))}
            </ol>
            {permissions.personalData && <ReportPhotos reportId={handled.id} mayAdd={mayWrite} onFailed={setFailure} />}
          </section>
        )}
        {mayWrite && (
          <RecordForm
            withPhotos={permissions.personalData}
            asOf={view.asOf}
            region={area}
            onSaved={(id, district, regency) => {
              setFailure(null);
              setHandled({ id, message: t('form.saved', { id, district }), regency });
              void invalidateApiAnswers('reports');
            }}
            onFailed={setFailure}
          />
        )}
        <section className="people-card">
          <h2>{t('queue.title')}</h2>
          {!mayWrite && <p className="people-note">{t('queue.readOnly')}</p>}
          {queue.status === 'error' && (
            <p className="error-box" role="alert">
              {t('failed', { message: errorText(queue.error) })}
            </p>
          )}
          {queue.status === 'ok' && items.length === 0 && (
            <p className="people-note" data-testid="queue-empty">
              {t('queue.empty')}
            </p>
          )}
          {items.length > 0 && (
            <table className="people-table" data-testid="report-queue">
              <thead>
                <tr>
                  <th>#</th>
                  <th>{t('queue.received')}</th>
                  <th>{t('form.channel')}</th>
                  <th>{t('form.category')}</th>
                  <th>{t('queue.place')}</th>
                  {mayWrite && <th />}
                </tr>
              </thead>
              <tbody>
                {items.map((report) => (
                  <tr key={report.id} data-testid={`queue-report-${report.id}`}>
                    <td>{report.id}</td>
                    <td>{new Date(report.receivedAt).toLocaleString(view.lang === 'en' ? 'en-GB' : 'id-ID', { timeZone: 'Asia/Jakarta' })}</td>
                    <td>{tPanels(`channel.${report.channel}` as 'channel.apoa', { defaultValue: report.channel })}</td>
                    <td>{tPanels(`reportCategory.${report.category}` as 'reportCategory.other', { defaultValue: report.category })}</td>
                    <td>{report.districtCode ?? '—'}</td>
                    {mayWrite && (
                      <td>
                        <button type="button" onClick={() => void act(report.id, 'verified')} data-testid={`verify-${report.id}`}>
                          {t('queue.verify')}
                        </button>{' '}
                        <input
                          aria-label={t('queue.reason')}
                          placeholder={t('queue.reason')}
                          value={reasons[report.id] ?? ''}
                          onChange={(event) => setReasons({ ...reasons, [report.id]: event.target.value })}
                          data-testid={`reason-${report.id}`}
                        />{' '}
                        <button type="button" onClick={() => void act(report.id, 'dismissed')} data-testid={`dismiss-${report.id}`}>
                          {t('queue.dismiss')}
                        </button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </main>
    </div>
  );
}
