import { lazy, Suspense, useEffect, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { setRequestLanguage } from './api/api-client.js';
import { AuthGate } from './auth/auth-gate.js';
import { ForbiddenPage } from './auth/forbidden-page.js';
import { allowedPage, type ShownPage } from './auth/pages.js';
import { usePermissions } from './auth/session-context.js';
import { DashboardPage } from './dashboard/dashboard-page.js';
import { createI18n } from './i18n/i18n.js';
import { RouterProvider, useRouter, useRouterState } from './state/router.js';

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
  return <Suspense fallback={<p className="session-check">{t('loading')}</p>}>{lazyPage(page)}</Suspense>;
}

function lazyPage(page: Exclude<ShownPage, 'forbidden' | 'map'>) {
  switch (page) {
    case 'briefing':
      return <BriefingPage />;
    case 'briefing-print':
      return <BriefingPrintPage />;
    case 'import':
      return <ImportPage />;
    case 'person':
      return <PersonPage />;
    case 'company':
      return <CompanyPage />;
    case 'reports':
      return <ReportsPage />;
    case 'meetings':
      return <MeetingsPage />;
    case 'planning':
      return <PlanningPage />;
    case 'plan-print':
      return <PlanPrintPage />;
    case 'users':
    case 'audit':
      return <AdminPage />;
  }
}
