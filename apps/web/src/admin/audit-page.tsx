// The audit trail: reads of personal data, imports, rollbacks, sign-ins and user changes, newest
// first, since a chosen date (WIB), optionally of one kind of action.
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiRequest } from '../api/use-api-request.js';
import { useFormat } from '../i18n/format.js';
import { listAudit } from './admin-api.js';
import { formatAuditTime, wibDateBefore } from './audit-format.js';
import { DateField } from '../controls/date-field.js';

const PAGE_SIZE = 100;
/** The API's largest page. */
const MAX_ROWS = 1000;
const DEFAULT_DAYS = 30;
const KNOWN_ACTIONS = [
  'sign_in',
  'sign_in_failed',
  'export.permits',
  'import',
  'import.rollback',
  'user.add',
  'user.change',
  'user.disable',
  'user.enable',
  'user.reset_password',
] as const;

/** Translation key of an action code (i18next reads dots as nesting). */
const actionKey = (action: string) => action.replace(/\./g, '_');

export function AuditPage() {
  const { t } = useTranslation('admin');
  const { lang } = useFormat();
  const id = useId();
  const defaultSince = useMemo(() => wibDateBefore(new Date(), DEFAULT_DAYS), []);
  const [draft, setDraft] = useState({ since: defaultSince, action: '' });
  const [query, setQuery] = useState({ since: defaultSince, action: '', limit: PAGE_SIZE });
  const audit = useApiRequest(`admin-audit:${query.since}:${query.action}:${query.limit}`, (signal) =>
    listAudit({ since: query.since || null, action: query.action || null, limit: query.limit }, signal),
  );

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setQuery({ ...draft, limit: PAGE_SIZE });
  };
  const actionLabel = (action: string) => {
    const key = `audit.actions.${actionKey(action)}`;
    const label = t(key as 'audit.actions.sign_in', { defaultValue: '' });
    return label === '' ? action : label;
  };

  return (
    <section className="admin-section" aria-labelledby="admin-audit-title" data-testid="audit-page">
      <div className="admin-section-head">
        <h2 id="admin-audit-title">{t('audit.title')}</h2>
        <p className="admin-muted">{t('audit.timeZone')}</p>
      </div>
      <form className="admin-filter" onSubmit={apply}>
        <div className="field">
          <label htmlFor={`${id}-since`}>{t('audit.since')}</label>
          <DateField id={`${id}-since`} value={draft.since} onChange={(since) => setDraft({ ...draft, since })} data-testid="audit-since" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-action`}>{t('audit.actionLabel')}</label>
          <select id={`${id}-action`} value={draft.action} onChange={(event) => setDraft({ ...draft, action: event.target.value })} data-testid="audit-action">
            <option value="">{t('audit.actions.all')}</option>
            {KNOWN_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {actionLabel(action)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-primary" data-testid="audit-apply">
          {t('audit.apply')}
        </button>
      </form>

      {audit.status === 'error' ? (
        <p className="admin-error" role="alert">
          {t('error', { message: audit.error instanceof Error ? audit.error.message : String(audit.error) })}
        </p>
      ) : audit.status !== 'ok' ? (
        <p role="status">{t('loading')}</p>
      ) : audit.data.length === 0 ? (
        <p className="admin-muted" data-testid="audit-empty">
          {t('audit.empty')}
        </p>
      ) : (
        <>
          <p className="admin-muted" role="status">
            {t('audit.shown', { count: audit.data.length })}
          </p>
          <div className="admin-table-wrap">
            <table className="admin-table" data-testid="audit-table">
              <thead>
                <tr>
                  <th scope="col">{t('audit.at')}</th>
                  <th scope="col">{t('audit.actor')}</th>
                  <th scope="col">{t('audit.action')}</th>
                  <th scope="col">{t('audit.area')}</th>
                  <th scope="col">{t('audit.target')}</th>
                  <th scope="col">{t('audit.requestId')}</th>
                </tr>
              </thead>
              <tbody>
                {audit.data.map((item) => (
                  <tr key={item.id} data-testid="audit-row" data-action={item.action}>
                    <td className="admin-nowrap">
                      <time dateTime={item.at}>{formatAuditTime(item.at, lang)}</time>
                    </td>
                    <td>{item.actor}</td>
                    <td title={item.action}>{actionLabel(item.action)}</td>
                    <td>{item.areaCode ?? '—'}</td>
                    <td className="admin-cell-target">{item.target ?? '—'}</td>
                    <td>
                      <code className="admin-request-id">{item.requestId ?? '—'}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {audit.data.length >= query.limit && query.limit < MAX_ROWS && (
            <button type="button" className="button" onClick={() => setQuery({ ...query, limit: Math.min(MAX_ROWS, query.limit + PAGE_SIZE) })}>
              {t('audit.more')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
