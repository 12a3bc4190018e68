// The account menu in the header: who is signed in, with which role and work area; the admin pages
// the role may open; change the password; sign out here or everywhere. A disclosure button: Escape or a click outside
// closes it and gives the focus back to the button.
import { agencyName } from '@pantau/domain';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../state/router.js';
import { ChangePasswordForm } from './change-password-form.js';
import { useSession } from './session-context.js';

export function UserMenu() {
  const { t, i18n } = useTranslation('access');
  const { session, signOut, signOutEverywhere } = useSession();
  const { user, permissions } = session;
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [changingPassword, setChangingPassword] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  const end = async (call: () => Promise<void>) => {
    setBusy(true);
    setFailure(null);
    try {
      await call();
    } catch (error) {
      setFailure(t('account.signOutFailed', { message: error instanceof Error ? error.message : String(error) }));
      setBusy(false);
    }
  };

  // A plain click opens the page and closes the menu; a new tab leaves it open.
  const closeMenu = () => setOpen(false);

  const roleLabel = t(`roles.${user.role}`);
  return (
    <div
      className="user-menu"
      ref={rootRef}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.preventDefault();
          close();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="header-button user-menu-button"
        aria-expanded={open}
        aria-controls={`${id}-menu`}
        title={t('account.menuTitle', { email: user.email })}
        onClick={() => setOpen((shown) => !shown)}
        data-testid="user-menu-button"
      >
        {/* The header has little room: the initial stands for the account, the menu names it in full. */}
        <span className="user-menu-avatar" aria-hidden="true">
          {user.email.charAt(0).toUpperCase()}
        </span>
        <span className="visually-hidden">
          {t('account.menu')}: {user.email}, {roleLabel}
        </span>
        <span aria-hidden="true">▾</span>
      </button>
      <div className="user-menu-popover" id={`${id}-menu`} hidden={!open} data-testid="user-menu">
        <p className="user-menu-email" data-testid="user-email">
          {user.email}
        </p>
        <dl className="user-menu-facts">
          <div>
            <dt>{t('account.role')}</dt>
            <dd data-testid="user-role" data-role={user.role}>
              {roleLabel}
            </dd>
          </div>
          <div>
            <dt>{t('account.agency')}</dt>
            <dd data-testid="user-agency">{agencyName(user.agency, i18n.language === 'en' ? 'en' : 'id')}</dd>
          </div>
          <div>
            <dt>{t('account.scope')}</dt>
            <dd data-testid="user-scope">{user.scope.label}</dd>
          </div>
        </dl>
        {(permissions.manageUsers || permissions.audit || permissions.planning.write) && (
          <ul className="user-menu-links">
            {permissions.planning.write && (
              <li>
                <Link to={{ page: 'meetings' }} onFollow={closeMenu} data-testid="open-meetings">
                  {t('account.meetings')}
                </Link>
              </li>
            )}
            {permissions.manageUsers && (
              <li>
                <Link to={{ page: 'users' }} onFollow={closeMenu} data-testid="open-users">
                  {t('account.users')}
                </Link>
              </li>
            )}
            {permissions.audit && (
              <li>
                <Link to={{ page: 'audit' }} onFollow={closeMenu} data-testid="open-audit">
                  {t('account.audit')}
                </Link>
              </li>
            )}
          </ul>
        )}
        <div className="user-menu-actions">
          {changingPassword ? (
            <ChangePasswordForm email={user.email} onClose={() => setChangingPassword(false)} />
          ) : (
            <button type="button" className="button" disabled={busy} onClick={() => setChangingPassword(true)} data-testid="change-password-open">
              {t('account.changePassword')}
            </button>
          )}
          <button type="button" className="button" disabled={busy} onClick={() => void end(signOut)} data-testid="sign-out">
            {t('account.signOut')}
          </button>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void end(signOutEverywhere)}
            title={t('account.signOutEverywhereHint')}
            data-testid="sign-out-everywhere"
          >
            {t('account.signOutEverywhere')}
          </button>
        </div>
        {failure && (
          <p className="user-menu-error" role="alert">
            {failure}
          </p>
        )}
      </div>
    </div>
  );
}
