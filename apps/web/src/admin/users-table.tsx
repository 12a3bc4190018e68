// The accounts, each with its role, work area, last sign-in and the actions on it.
import { agencyName } from '@pantau/domain';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session-context.js';
import { useFormat } from '../i18n/format.js';
import type { AdminUser } from './admin-api.js';
import { formatAuditTime } from './audit-format.js';

export function UsersTable({
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
