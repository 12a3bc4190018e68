// The admin pages (users and API tokens, audit trail), loaded only when an admin opens one: the header keeps the
// language switch and the account menu; the map's view stays in the URL for the way back.
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { pageHref } from '../auth/pages.js';
import { usePermissions } from '../auth/session-context.js';
import { UserMenu } from '../auth/user-menu.js';
import { LanguageSwitch } from '../controls/language-switch.js';
import type { HistoryMode, ViewUpdate } from '../state/use-view-state.js';
import type { Page } from '../state/routes.js';
import type { ViewState } from '../state/view-state.js';
import { addAdminResources } from './admin-locales.js';
import { AuditPage } from './audit-page.js';
import { TokensSection } from './tokens-section.js';
import { UsersPage } from './users-page.js';
import './admin.css';
import { followInApp } from '../ui/modifier-click.js';

export interface AdminPageProps {
  page: Exclude<Page, 'map'>;
  view: ViewState;
  updateView(update: ViewUpdate, mode?: HistoryMode): void;
}

export function AdminPage(props: AdminPageProps) {
  const { i18n } = useTranslation();
  addAdminResources(i18n);
  return <AdminPageContent {...props} />;
}

function AdminPageContent({ page, view, updateView }: AdminPageProps) {
  const { t } = useTranslation('admin');
  const { t: tCommon } = useTranslation();
  const permissions = usePermissions();

  const go = (target: Page) => (event: MouseEvent<HTMLAnchorElement>) => followInApp(event, () => updateView({ page: target }));
  const tabs = [
    ...(permissions.manageUsers ? [{ page: 'users' as const, label: t('nav.users') }] : []),
    ...(permissions.audit ? [{ page: 'audit' as const, label: t('nav.audit') }] : []),
  ];

  return (
    <div className="page admin-page">
      <header className="page-header">
        <div className="page-title">
          <h1>
            <a className="admin-home" href={pageHref(view, 'map')} onClick={go('map')} title={t('backToMap')}>
              {tCommon('title')}
            </a>
          </h1>
          <p className="admin-subtitle">{t('title')}</p>
        </div>
        <nav className="admin-nav" aria-label={t('nav.label')}>
          <a href={pageHref(view, 'map')} onClick={go('map')} className="admin-tab" data-testid="admin-back-to-map">
            ← {t('nav.map')}
          </a>
          {tabs.map((tab) => (
            <a
              key={tab.page}
              href={pageHref(view, tab.page)}
              onClick={go(tab.page)}
              className="admin-tab"
              aria-current={tab.page === page ? 'page' : undefined}
              data-testid={`admin-tab-${tab.page}`}
            >
              {tab.label}
            </a>
          ))}
        </nav>
        <div className="page-status">
          <LanguageSwitch lang={view.lang} onChange={(lang) => updateView({ lang })} />
          <UserMenu pageHref={(target) => pageHref(view, target)} onOpenPage={(target) => updateView({ page: target })} />
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
