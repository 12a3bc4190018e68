// The form that adds an account or changes one's role, agency and work area.
import { ROLES, scopedToProvinces, TIMPORA_AGENCIES } from '@pantau/domain';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.js';
import { changeUser, createUser, type AdminUser } from './admin-api.js';
import { apiMessage } from './admin-errors.js';
import { EMPTY_USER_FORM, formOfUser, newUserRequest, scopeKindsFor, userChangeRequest, withRole, type FormError, type UserForm } from './user-form.js';

type AdminT = ReturnType<typeof useTranslation<'admin'>>['t'];

function fieldError(t: AdminT, errors: readonly FormError[], field: FormError['field']): string | null {
  const error = errors.find((candidate) => candidate.field === field);
  return error ? t(`form.errors.${error.key}`, error.values ?? {}) : null;
}

/** Add (no `user`) or change the role and scope of `user`. */
export function UserFormView({
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
