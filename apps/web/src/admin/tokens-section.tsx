// API tokens of channel systems (an APOA-like app posting public reports), beside the users: the list
// (visible id part, scope, capabilities, created, last used, revoked — never a secret), a small form to
// make one (its secret shown once, right after) and revocation. The same path as `pnpm pantau token`.
import type { ApiTokenAnswer, TokenCapability } from '@pantau/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { invalidateApiAnswers, useApiRequest } from '../api/use-api-request.js';
import { useFormat } from '../i18n/format.js';
import { createApiToken, listApiTokens, revokeApiToken } from './admin-api.js';
import { formatAuditTime } from './audit-format.js';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function TokensSection() {
  const { t } = useTranslation('admin');
  const { lang } = useFormat();
  const id = useId();
  const tokens = useApiRequest('admin-tokens', listApiTokens);
  const [name, setName] = useState('');
  const [scope, setScope] = useState('');
  const [attach, setAttach] = useState(true);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [shown, setShown] = useState<{ name: string; secret: string } | null>(null);
  const reload = () => void invalidateApiAnswers('admin-tokens');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      // report:attach only with report:create: a token attaches photos to the reports it posted.
      const capabilities: TokenCapability[] = attach ? ['report:create', 'report:attach'] : ['report:create'];
      const codes = scope
        .split(',')
        .map((code) => code.trim())
        .filter(Boolean);
      const created = await createApiToken({ name: name.trim(), scope: codes, capabilities });
      setShown({ name: created.token.name, secret: created.secret });
      setName('');
      setScope('');
      reload();
    } catch (error) {
      setFailure(t('form.failed', { message: message(error) }));
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (token: ApiTokenAnswer) => {
    if (!window.confirm(t('tokens.revokeConfirm', { name: token.name }))) return;
    setFailure(null);
    try {
      await revokeApiToken(token.id);
      reload();
    } catch (error) {
      setFailure(t('form.failed', { message: message(error) }));
    }
  };

  return (
    <section className="admin-section" aria-labelledby={`${id}-title`} data-testid="tokens-section">
      <div className="admin-section-head">
        <h2 id={`${id}-title`}>{t('tokens.title')}</h2>
      </div>
      <p className="admin-muted">{t('tokens.intro')}</p>
      {shown && (
        <section className="password-notice" aria-live="polite" data-testid="token-secret-notice">
          <h3>{t('tokens.secretTitle', { name: shown.name })}</h3>
          <p className="password-value">
            <code data-testid="token-secret">{shown.secret}</code>
          </p>
          <p>{t('tokens.secretNote')}</p>
          <button type="button" className="button" onClick={() => setShown(null)}>
            {t('password.done')}
          </button>
        </section>
      )}
      <form className="admin-form" onSubmit={(event) => void submit(event)} data-testid="token-form">
        <div className="admin-form-grid">
          <div className="field">
            <label htmlFor={`${id}-name`}>{t('tokens.name')}</label>
            <input id={`${id}-name`} value={name} onChange={(event) => setName(event.target.value)} required maxLength={63} placeholder="apoa" />
          </div>
          <div className="field">
            <label htmlFor={`${id}-scope`}>{t('tokens.scope')}</label>
            <input id={`${id}-scope`} value={scope} onChange={(event) => setScope(event.target.value)} required placeholder="19, 19.04" />
          </div>
          <label className="check-row">
            <input type="checkbox" checked={attach} onChange={(event) => setAttach(event.target.checked)} /> {t('tokens.attach')}
          </label>
        </div>
        <div className="admin-form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('tokens.add')}
          </button>
        </div>
      </form>
      {failure && (
        <p className="admin-error" role="alert">
          {failure}
        </p>
      )}
      {tokens.status === 'error' ? (
        <p className="admin-error" role="alert">
          {t('error', { message: message(tokens.error) })}
        </p>
      ) : tokens.status !== 'ok' ? (
        <p role="status">{t('loading')}</p>
      ) : tokens.data.length === 0 ? (
        <p className="admin-muted">{t('tokens.empty')}</p>
      ) : (
        <div className="admin-table-wrap">
          <table className="admin-table" data-testid="tokens-table">
            <thead>
              <tr>
                <th scope="col">{t('tokens.name')}</th>
                <th scope="col">{t('tokens.prefix')}</th>
                <th scope="col">{t('tokens.scope')}</th>
                <th scope="col">{t('tokens.capabilities')}</th>
                <th scope="col">{t('tokens.created')}</th>
                <th scope="col">{t('tokens.lastUsed')}</th>
                <th scope="col">{t('users.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.map((token) => (
                <tr key={token.id} data-testid="token-row" data-name={token.name} className={token.revokedAt ? 'admin-row-disabled' : undefined}>
                  <th scope="row">{token.name}</th>
                  <td>
                    <code>{token.prefix}…</code>
                  </td>
                  <td>{token.scope.join(', ')}</td>
                  <td>{token.capabilities.join(', ')}</td>
                  <td className="admin-nowrap">
                    {formatAuditTime(token.createdAt, lang)} <span className="admin-muted">· {token.createdBy}</span>
                  </td>
                  <td className="admin-nowrap">
                    {token.lastUsedAt ? formatAuditTime(token.lastUsedAt, lang) : <span className="admin-muted">{t('users.never')}</span>}
                  </td>
                  <td>
                    {token.revokedAt ? (
                      <span className="admin-status admin-status-off">{t('tokens.revokedAt', { at: formatAuditTime(token.revokedAt, lang) })}</span>
                    ) : (
                      <button type="button" className="button admin-small" onClick={() => void revoke(token)} data-testid="token-revoke">
                        {t('tokens.revoke')}
                        <span className="visually-hidden"> {token.name}</span>
                      </button>
                    )}
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
