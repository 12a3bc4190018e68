// The admin pages (users and API tokens, audit trail), loaded only when an admin opens one: the header keeps the
// language switch and the account menu; the map's view stays in the URL for the way back.
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../auth/session-context.js';
import { UserMenu } from '../auth/user-menu.js';
import { LanguageSwitch } from '../controls/language-switch.js';
import { Link, useRoute } from '../state/router.js';
import { addAdminResources } from './admin-locales.js';
import { AuditPage } from './audit-page.js';
import { TokensSection } from './tokens-section.js';
import { UsersPage } from './users-page.js';
import './admin.css';

export function AdminPage() {
  const { i18n } = useTranslation();
  addAdminResources(i18n);
  return <AdminPageContent />;
}

function AdminPageContent() {
  const { t } = useTranslation('admin');
  const { t: tCommon } = useTranslation();
  const permissions = usePermissions();
  const { view, update } = useRoute('users', 'audit');
  const { page } = view;

  const tabs = [
    ...(permissions.manageUsers ? [{ page: 'users' as const, label: t('nav.users') }] : []),
    ...(permissions.audit ? [{ page: 'audit' as const, label: t('nav.audit') }] : []),
  ];

  return (
    <div className="page admin-page">
      <header className="page-header">
        <div className="page-title">
          <h1>
            <Link className="admin-home" to={{ page: 'map' }} title={t('backToMap')}>
              {tCommon('title')}
            </Link>
          </h1>
          <p className="admin-subtitle">{t('title')}</p>
        </div>
        <nav className="admin-nav" aria-label={t('nav.label')}>
          <Link to={{ page: 'map' }} className="admin-tab" data-testid="admin-back-to-map">
            ← {t('nav.map')}
          </Link>
          {tabs.map((tab) => (
            <Link
              key={tab.page}
              to={{ page: tab.page }}
              className="admin-tab"
              aria-current={tab.page === page ? 'page' : undefined}
              data-testid={`admin-tab-${tab.page}`}
            >
              {tab.label}
            </Link>
          ))}
        </nav>
        <div className="page-status">
          <LanguageSwitch lang={view.lang} onChange={(lang) => update({ lang })} />
          <UserMenu />
        </div>
      </header>
      <main className="admin-main">
        {page === 'users' ? (
          <>
            <UsersPage />
            <TokensSection />
          </>
        ) : (
          <AuditPage />
        )}
      </main>
    </div>
  );
}
