import { lazy, Suspense, useEffect, useState, type ComponentType } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { setRequestLanguage } from './api/api-client.js';
import { AuthGate } from './auth/auth-gate.js';
import { ForbiddenPage } from './auth/forbidden-page.js';
import { allowedPage } from './auth/pages.js';
import { usePermissions } from './auth/session-context.js';
import { DashboardPage } from './dashboard/dashboard-page.js';
import { createI18n } from './i18n/i18n.js';
import { RouterProvider, useRouter, useRouterState } from './state/router.js';
import type { Page } from './state/routes.js';

// Users and audit pages: only for the roles that manage users or read the audit trail.
const AdminPage = lazy(() => import('./admin/admin-page.js').then((module) => ({ default: module.AdminPage })));
// The import page: only for the roles that may import.
const ImportPage = lazy(() => import('./imports/import-page.js'));
// Operation planning and a plan's print page: only for the roles that read plans.
const PlanningPage = lazy(() => import('./planning/planning-page.js'));
const PlanPrintPage = lazy(() => import('./planning/plan-print-page.js'));
// Briefings (builder, present mode, print page).
const BriefingPage = lazy(() => import('./briefing/briefing-page.js'));
const BriefingPrintPage = lazy(() => import('./briefing/briefing-print.js'));
// The person and company pages (issue 20): the people register, for the roles allowed it.
const PersonPage = lazy(() => import('./people/person-page.js'));
const CompanyPage = lazy(() => import('./people/company-page.js'));
const ReportsPage = lazy(() => import('./reports/reports-page.js'));
// Coordination meetings with their decisions and follow-ups (issue 22).
const MeetingsPage = lazy(() => import('./meetings/meetings-page.js'));

/** The component of every page but the map. */
const LAZY_PAGES: Record<Exclude<Page, 'map'>, ComponentType> = {
  users: AdminPage,
  audit: AdminPage,
  import: ImportPage,
  planning: PlanningPage,
  'plan-print': PlanPrintPage,
  briefing: BriefingPage,
  'briefing-print': BriefingPrintPage,
  person: PersonPage,
  company: CompanyPage,
  reports: ReportsPage,
  meetings: MeetingsPage,
};

export function App() {
  const router = useRouterState();
  const { view } = router;
  const [i18n] = useState(() => createI18n(view.lang));
  // During render, not in an effect: the children's first requests (their effects run before this
  // component's) already carry the view's language.
  setRequestLanguage(view.lang);
  useEffect(() => {
    if (i18n.language !== view.lang) void i18n.changeLanguage(view.lang);
    document.documentElement.lang = view.lang;
  }, [i18n, view.lang]);
  return (
    <I18nextProvider i18n={i18n}>
      <RouterProvider value={router}>
        <AuthGate lang={view.lang} onLangChange={(lang) => router.update({ lang })}>
          <SignedInPage />
        </AuthGate>
      </RouterProvider>
    </I18nextProvider>
  );
}

/** The page the URL names, if the role may open it; each page reads its own params from the router. */
function SignedInPage() {
  const { t } = useTranslation('access');
  const page = allowedPage(useRouter().view.page, usePermissions());
  if (page === 'forbidden') return <ForbiddenPage />;
  if (page === 'map') return <DashboardPage />;
  const LazyPage = LAZY_PAGES[page];
  return (
    <Suspense fallback={<p className="session-check">{t('loading')}</p>}>
      <LazyPage />
    </Suspense>
  );
}
