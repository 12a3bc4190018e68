// "Ubah kata sandi": the signed-in user's own password change, inside the account menu. The current
// password is asked for again (a borrowed unlocked browser must not be enough to take the account);
// the server ends the user's sessions on other devices and keeps this one.
import { MIN_PASSWORD_LENGTH } from '@pantau/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { changePassword } from './auth-api.js';
import { changePasswordErrorProblem, changePasswordFormProblem, type ChangePasswordProblem } from './change-password.js';

export interface ChangePasswordFormProps {
  email: string;
  onClose(): void;
}

export function ChangePasswordForm({ email, onClose }: ChangePasswordFormProps) {
  const { t } = useTranslation('access');
  const id = useId();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [repeatPassword, setRepeatPassword] = useState('');
  const [problem, setProblem] = useState<ChangePasswordProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = changePasswordFormProblem({ currentPassword, newPassword, repeatPassword }, email);
    setProblem(found);
    if (found) return;
    setBusy(true);
    try {
      await changePassword(currentPassword, newPassword);
      setDone(true);
      setCurrentPassword('');
      setNewPassword('');
      setRepeatPassword('');
    } catch (error) {
      setProblem(changePasswordErrorProblem(error));
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <div className="change-password" data-testid="change-password-done">
        <p role="status">{t('changePassword.done')}</p>
        <button type="button" className="button" onClick={onClose}>
          {t('changePassword.close')}
        </button>
      </div>
    );
  }
  const message = problem ? t(`changePassword.problems.${problem.key}`, problem) : null;
  return (
    <form className="change-password" onSubmit={(event) => void submit(event)} noValidate data-testid="change-password-form">
      <h2 className="change-password-title">{t('changePassword.title')}</h2>
      {/* Password managers use the hidden user name to know which account this is. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <label htmlFor={`${id}-current`}>{t('changePassword.current')}</label>
      <input
        id={`${id}-current`}
        type="password"
        autoComplete="current-password"
        value={currentPassword}
        onChange={(event) => setCurrentPassword(event.target.value)}
        data-testid="change-password-current"
      />
      <label htmlFor={`${id}-new`}>{t('changePassword.new')}</label>
      <input
        id={`${id}-new`}
        type="password"
        autoComplete="new-password"
        value={newPassword}
        aria-describedby={`${id}-rule`}
        onChange={(event) => setNewPassword(event.target.value)}
        data-testid="change-password-new"
      />
      <p id={`${id}-rule`} className="change-password-rule">
        {t('changePassword.rule', { min: MIN_PASSWORD_LENGTH })}
      </p>
      <label htmlFor={`${id}-repeat`}>{t('changePassword.repeat')}</label>
      <input
        id={`${id}-repeat`}
        type="password"
        autoComplete="new-password"
        value={repeatPassword}
        onChange={(event) => setRepeatPassword(event.target.value)}
        data-testid="change-password-repeat"
      />
      {message && (
        <p className="user-menu-error" role="alert" data-testid="change-password-error" data-code={problem!.key}>
          {message}
        </p>
      )}
      <div className="change-password-actions">
        <button type="submit" className="button" disabled={busy} data-testid="change-password-submit">
          {t('changePassword.submit')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={onClose}>
          {t('changePassword.cancel')}
        </button>
      </div>
    </form>
  );
}
