// Users: who has an account, with which role and work area, whether it is disabled and when it last
// signed in; add an account, change its role or scope, disable or enable it, reset its password.
// A password (generated or reset) is shown once, right after the change.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invalidateApiAnswers, useApiRequest } from '../api/use-api-request.js';
import { changeUser, listUsers, resetPassword, type AdminUser } from './admin-api.js';
import { apiMessage } from './admin-errors.js';
import { PasswordNotice, type ShownPassword } from './password-notice.js';
import { UserFormView } from './user-form-view.js';
import { UsersTable } from './users-table.js';

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
