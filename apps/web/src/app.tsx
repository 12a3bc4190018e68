import { lazy, Suspense, useEffect, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { setRequestLanguage } from './api/api-client.js';
import { AuthGate } from './auth/auth-gate.js';
import { ForbiddenPage } from './auth/forbidden-page.js';
import { allowedPage } from './auth/pages.js';
import { usePermissions } from './auth/session-context.js';
import { DashboardPage } from './dashboard/dashboard-page.js';
import { createI18n } from './i18n/i18n.js';
import { useViewState, type UpdateView } from './state/use-view-state.js';
import type { ViewState } from './state/view-state.js';

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
  const [view, updateView] = useViewState();
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
      <AuthGate lang={view.lang} onLangChange={(lang) => updateView({ lang })}>
        <SignedInPage view={view} updateView={updateView} />
      </AuthGate>
    </I18nextProvider>
  );
}

function SignedInPage({ view, updateView }: { view: ViewState; updateView: UpdateView }) {
  const { t } = useTranslation('access');
  const page = allowedPage(view.page, usePermissions());
  if (page === 'forbidden') return <ForbiddenPage view={view} onBack={() => updateView({ page: 'map' })} />;
  if (page === 'map') return <DashboardPage view={view} updateView={updateView} />;
  if (page === 'briefing' || page === 'briefing-print') {
    return (
      <Suspense fallback={<p className="session-check">{t('loading')}</p>}>
        {page === 'briefing' ? <BriefingPage view={view} updateView={updateView} /> : <BriefingPrintPage view={view} />}
      </Suspense>
    );
  }
  if (page === 'import') {
    return (
      <Suspense fallback={<p className="session-check">{t('loading')}</p>}>
        <ImportPage view={view} updateView={updateView} />
      </Suspense>
    );
  }
  if (page === 'person' || page === 'company') {
    return (
      <Suspense fallback={<p className="session-check">{t('loading')}</p>}>
        {page === 'person' ? <PersonPage view={view} updateView={updateView} /> : <CompanyPage view={view} updateView={updateView} />}
      </Suspense>
    );
  }
  if (page === 'reports') {
    return (
      <Suspense fallback={<p className="session-check">{t('loading')}</p>}>
        <ReportsPage view={view} updateView={updateView} />
      </Suspense>
    );
  }
  if (page === 'meetings') {
    return (
      <Suspense fallback={<p className="session-check">{t('loading')}</p>}>
        <MeetingsPage view={view} updateView={updateView} />
      </Suspense>
    );
  }
  if (page === 'planning' || page === 'plan-print') {
    return (
      <Suspense fallback={<p className="session-check">{t('loading')}</p>}>
        {page === 'planning' ? <PlanningPage view={view} updateView={updateView} /> : <PlanPrintPage view={view} />}
      </Suspense>
    );
  }
  return (
    <Suspense fallback={<p className="session-check">{t('loading')}</p>}>
      <AdminPage page={page} view={view} updateView={updateView} />
    </Suspense>
  );
}
