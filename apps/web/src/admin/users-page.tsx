// Users: who has an account, with which role and work area, whether it is disabled and when it last
// signed in; add an account, change its role or scope, disable or enable it, reset its password.
// A password (generated or reset) is shown once, right after the change.
import { agencyName, ROLES, scopedToProvinces, TIMPORA_AGENCIES } from '@pantau/domain';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { invalidateApiAnswers, useApiRequest } from '../api/use-api-request.js';
import { useSession } from '../auth/session-context.js';
import { useFormat } from '../i18n/format.js';
import { changeUser, createUser, listUsers, resetPassword, type AdminUser } from './admin-api.js';
import { formatAuditTime } from './audit-format.js';
import { EMPTY_USER_FORM, formOfUser, newUserRequest, scopeKindsFor, userChangeRequest, withRole, type FormError, type UserForm } from './user-form.js';

type AdminT = ReturnType<typeof useTranslation<'admin'>>['t'];

function apiMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

interface ShownPassword {
  kind: 'created' | 'reset';
  email: string;
  password: string;
}

export function UsersPage() {
  const { t } = useTranslation('admin');
  const users = useApiRequest('admin-users', listUsers);
  // While the list reloads after a change, the previous one stays on screen instead of a flash of "loading".
  const shownUsers = useRef<AdminUser[] | null>(null);
  if (users.status === 'ok') shownUsers.current = users.data;
  const list = shownUsers.current;
  const [editing, setEditing] = useState<'new' | AdminUser | null>(null);
  const [shownPassword, setShownPassword] = useState<ShownPassword | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);
  const reload = () => void invalidateApiAnswers('admin-users');

  const act = async (user: AdminUser, action: () => Promise<void>) => {
    setBusyId(user.id);
    setFailure(null);
    try {
      await action();
      reload();
    } catch (error) {
      setFailure(t('form.failed', { message: apiMessage(error) }));
    } finally {
      setBusyId(null);
    }
  };

  const toggleDisabled = (user: AdminUser) => {
    if (!user.disabled && !window.confirm(t('users.disableConfirm', { email: user.email }))) return;
    void act(user, async () => {
      await changeUser(user.id, { disabled: !user.disabled });
    });
  };

  const reset = (user: AdminUser) => {
    if (!window.confirm(t('users.resetConfirm', { email: user.email }))) return;
    void act(user, async () => {
      const password = await resetPassword(user.id);
      setShownPassword({ kind: 'reset', email: user.email, password });
    });
  };

  return (
    <section className="admin-section" aria-labelledby="admin-users-title" data-testid="users-page">
      <div className="admin-section-head">
        <h2 id="admin-users-title">{t('users.title')}</h2>
        {list && <p className="admin-muted">{t('users.count', { count: list.length })}</p>}
        <button
          type="button"
          className="button button-primary"
          onClick={() => {
            setShownPassword(null);
            setEditing('new');
          }}
          disabled={editing === 'new'}
          data-testid="add-user"
        >
          {t('users.add')}
        </button>
      </div>

      {shownPassword && <PasswordNotice shown={shownPassword} onDone={() => setShownPassword(null)} />}

      {editing !== null && (
        <UserFormView
          key={editing === 'new' ? 'new' : editing.id}
          user={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={(result) => {
            setEditing(null);
            if (result) setShownPassword({ kind: 'created', ...result });
            reload();
          }}
        />
      )}

      {failure && (
        <p className="admin-error" role="alert">
          {failure}
        </p>
      )}

      {users.status === 'error' ? (
        <p className="admin-error" role="alert">
          {t('error', { message: apiMessage(users.error) })}
        </p>
      ) : !list ? (
        <p role="status">{t('loading')}</p>
      ) : list.length === 0 ? (
        <p className="admin-muted">{t('users.empty')}</p>
      ) : (
        <UsersTable users={list} busyId={busyId} onEdit={(user) => setEditing(user)} onToggleDisabled={toggleDisabled} onReset={reset} />
      )}
    </section>
  );
}

function UsersTable({
  users,
  busyId,
  onEdit,
  onToggleDisabled,
  onReset,
}: {
  users: readonly AdminUser[];
  busyId: number | null;
  onEdit(user: AdminUser): void;
  onToggleDisabled(user: AdminUser): void;
  onReset(user: AdminUser): void;
}) {
  const { t } = useTranslation('admin');
  const { t: tAccess } = useTranslation('access');
  const { lang } = useFormat();
  const { session } = useSession();
  return (
    <div className="admin-table-wrap">
      <table className="admin-table" data-testid="users-table">
        <thead>
          <tr>
            <th scope="col">{t('users.email')}</th>
            <th scope="col">{t('users.role')}</th>
            <th scope="col">{t('users.agency')}</th>
            <th scope="col">{t('users.scope')}</th>
            <th scope="col">{t('users.status')}</th>
            <th scope="col">{t('users.lastSignIn')}</th>
            <th scope="col">{t('users.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => {
            const self = user.id === session.user.id;
            const busy = busyId === user.id;
            return (
              <tr key={user.id} data-testid="user-row" data-email={user.email} className={user.disabled ? 'admin-row-disabled' : undefined}>
                <th scope="row" className="admin-cell-email">
                  {user.email}
                  {self && <span className="admin-self"> ({t('users.self')})</span>}
                </th>
                <td data-testid="user-row-role">{tAccess(`roles.${user.role}`)}</td>
                <td data-testid="user-row-agency">{agencyName(user.agency, lang)}</td>
                <td>
                  {user.scope.label}
                  {user.scope.areaCodes && user.role !== 'admin' && !user.scope.office && (
                    <span className="admin-muted admin-codes"> · {user.scope.areaCodes.join(', ')}</span>
                  )}
                </td>
                <td>
                  <span className={`admin-status ${user.disabled ? 'admin-status-off' : 'admin-status-on'}`} data-testid="user-row-status">
                    {user.disabled ? t('users.disabled') : t('users.active')}
                  </span>
                </td>
                <td className="admin-nowrap">
                  {user.lastSignInAt ? formatAuditTime(user.lastSignInAt, lang) : <span className="admin-muted">{t('users.never')}</span>}
                </td>
                <td>
                  <div className="admin-actions">
                    <button
                      type="button"
                      className="button admin-small"
                      onClick={() => onEdit(user)}
                      disabled={busy || self}
                      title={self ? t('users.selfHint') : undefined}
                    >
                      {t('users.edit')}
                      <span className="visually-hidden"> {user.email}</span>
                    </button>
                    <button
                      type="button"
                      className="button admin-small"
                      onClick={() => onToggleDisabled(user)}
                      disabled={busy || self}
                      title={self ? t('users.selfHint') : undefined}
                      data-testid="user-toggle-disabled"
                    >
                      {user.disabled ? t('users.enable') : t('users.disable')}
                      <span className="visually-hidden"> {user.email}</span>
                    </button>
                    <button type="button" className="button admin-small" onClick={() => onReset(user)} disabled={busy} data-testid="user-reset-password">
                      {t('users.resetPassword')}
                      <span className="visually-hidden"> {user.email}</span>
                    </button>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function fieldError(t: AdminT, errors: readonly FormError[], field: FormError['field']): string | null {
  const error = errors.find((candidate) => candidate.field === field);
  return error ? t(`form.errors.${error.key}`, error.values ?? {}) : null;
}

/** Add (no `user`) or change the role and scope of `user`. */
function UserFormView({
  user,
  onCancel,
  onSaved,
}: {
  user: AdminUser | null;
  onCancel(): void;
  /** For a new user: its email and password, shown once. */
  onSaved(created: { email: string; password: string } | null): void;
}) {
  const { t } = useTranslation('admin');
  const { t: tAccess } = useTranslation('access');
  const { lang } = useFormat();
  const id = useId();
  const [form, setForm] = useState<UserForm>(() => (user ? formOfUser(user) : EMPTY_USER_FORM));
  const [errors, setErrors] = useState<FormError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const kinds = scopeKindsFor(form.role);
  const update = (change: Partial<UserForm>) => setForm((current) => ({ ...current, ...change }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const change = user ? userChangeRequest(form) : null;
    const addition = user ? null : newUserRequest(form);
    const refused = change?.ok === false ? change.errors : addition?.ok === false ? addition.errors : null;
    setErrors(refused ?? []);
    if (refused) return;
    setBusy(true);
    try {
      if (user && change?.ok) {
        await changeUser(user.id, change.request);
        onSaved(null);
      } else if (addition?.ok) {
        const created = await createUser(addition.request);
        onSaved({ email: created.user.email, password: created.password });
      }
    } catch (error) {
      setFailure(t('form.failed', { message: apiMessage(error) }));
      setBusy(false);
    }
  };

  const emailError = fieldError(t, errors, 'email');
  const scopeError = fieldError(t, errors, 'scope');
  const passwordError = fieldError(t, errors, 'password');
  return (
    <form className="admin-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${id}-title`} data-testid="user-form">
      <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {user ? t('form.editTitle', { email: user.email }) : t('form.addTitle')}
      </h3>
      <div className="admin-form-grid">
        {!user && (
          <div className="field">
            <label htmlFor={`${id}-email`}>{t('form.email')}</label>
            <input
              id={`${id}-email`}
              type="email"
              autoComplete="off"
              value={form.email}
              onChange={(event) => update({ email: event.target.value })}
              aria-invalid={emailError !== null}
              aria-describedby={emailError ? `${id}-email-error` : undefined}
              data-testid="user-form-email"
            />
            {emailError && (
              <p className="admin-field-error" id={`${id}-email-error`}>
                {emailError}
              </p>
            )}
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-role`}>{t('form.role')}</label>
          <select
            id={`${id}-role`}
            value={form.role}
            onChange={(event) => setForm((current) => withRole(current, event.target.value as UserForm['role']))}
            data-testid="user-form-role"
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {tAccess(`roles.${role}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-agency`}>{t('form.agency')}</label>
          <select
            id={`${id}-agency`}
            value={form.agency}
            onChange={(event) => update({ agency: event.target.value as UserForm['agency'] })}
            data-testid="user-form-agency"
          >
            {TIMPORA_AGENCIES.map((agency) => (
              <option key={agency.code} value={agency.code}>
                {agency[lang]}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="field-group admin-scope">
          <legend>{t('form.scopeKind')}</legend>
          {kinds.length > 1 && (
            <div className="check-row">
              {kinds.map((kind) => (
                <label key={kind} className="check">
                  <input
                    type="radio"
                    name={`${id}-scope-kind`}
                    checked={form.scopeKind === kind}
                    onChange={() => update({ scopeKind: kind })}
                    data-testid={`user-form-scope-${kind}`}
                  />
                  <span>{t(`form.${kind}`)}</span>
                </label>
              ))}
            </div>
          )}
          {form.scopeKind === 'national' || !kinds.includes(form.scopeKind) ? (
            <p className="admin-muted">{t('form.national')}</p>
          ) : form.scopeKind === 'areas' ? (
            <div className="field">
              <label htmlFor={`${id}-areas`}>{t('form.areasLabel')}</label>
              <input
                id={`${id}-areas`}
                type="text"
                value={form.areas}
                placeholder={scopedToProvinces(form.role) ? '19' : '19.04, 19.71'}
                onChange={(event) => update({ areas: event.target.value })}
                aria-invalid={scopeError !== null}
                aria-describedby={`${id}-areas-hint${scopeError ? ` ${id}-scope-error` : ''}`}
                data-testid="user-form-areas"
              />
              <p className="field-hint" id={`${id}-areas-hint`}>
                {scopedToProvinces(form.role) ? t('form.areasHintDivision') : t('form.areasHint')}
              </p>
            </div>
          ) : (
            <div className="field">
              <label htmlFor={`${id}-office`}>{t('form.officeLabel')}</label>
              <input
                id={`${id}-office`}
                type="text"
                value={form.office}
                spellCheck={false}
                onChange={(event) => update({ office: event.target.value })}
                aria-invalid={scopeError !== null}
                aria-describedby={`${id}-office-hint${scopeError ? ` ${id}-scope-error` : ''}`}
                data-testid="user-form-office"
              />
              <p className="field-hint" id={`${id}-office-hint`}>
                {t('form.officeHint')}
              </p>
            </div>
          )}
          {scopeError && (
            <p className="admin-field-error" id={`${id}-scope-error`}>
              {scopeError}
            </p>
          )}
        </fieldset>
        {!user && (
          <div className="field">
            <label htmlFor={`${id}-password`}>{t('form.password')}</label>
            <input
              id={`${id}-password`}
              type="password"
              autoComplete="new-password"
              value={form.password}
              onChange={(event) => update({ password: event.target.value })}
              aria-invalid={passwordError !== null}
              aria-describedby={`${id}-password-hint${passwordError ? ` ${id}-password-error` : ''}`}
            />
            <p className="field-hint" id={`${id}-password-hint`}>
              {t('form.passwordHint')}
            </p>
            {passwordError && (
              <p className="admin-field-error" id={`${id}-password-error`}>
                {passwordError}
              </p>
            )}
          </div>
        )}
      </div>
      {failure && (
        <p className="admin-error" role="alert" data-testid="user-form-error">
          {failure}
        </p>
      )}
      <div className="admin-form-actions">
        <button type="submit" className="button button-primary" disabled={busy} data-testid="user-form-submit">
          {busy ? t('form.busy') : user ? t('form.save') : t('form.create')}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}

/** A password shown once: copy it now, it is not stored anywhere the page can read again. */
function PasswordNotice({ shown, onDone }: { shown: ShownPassword; onDone(): void }) {
  const { t } = useTranslation('admin');
  const [copied, setCopied] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), [shown]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(shown.password);
      setCopied(true);
    } catch {
      // No clipboard (plain HTTP, or refused): the password stays selectable on screen.
      setCopied(false);
    }
  };
  return (
    <section className="password-notice" aria-labelledby="password-notice-title" data-testid="password-notice">
      <h3 id="password-notice-title" ref={headingRef} tabIndex={-1}>
        {shown.kind === 'created' ? t('password.createdTitle', { email: shown.email }) : t('password.resetTitle', { email: shown.email })}
      </h3>
      <p className="password-value">
        <code data-testid="new-password">{shown.password}</code>
        <button type="button" className="button admin-small" onClick={() => void copy()}>
          {copied ? t('password.copied') : t('password.copy')}
        </button>
      </p>
      <p>{t('password.note')}</p>
      <button type="button" className="button" onClick={onDone} data-testid="password-done">
        {t('password.done')}
      </button>
    </section>
  );
}
