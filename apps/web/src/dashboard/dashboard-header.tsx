import { lazy, Suspense, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { pageHref } from '../auth/pages.js';
import { usePermissions } from '../auth/session-context.js';
import { UserMenu } from '../auth/user-menu.js';
import { LanguageSwitch } from '../controls/language-switch.js';
import { useFormat } from '../i18n/format.js';
import { SearchBox } from '../panels/search-box.js';
import type { SearchSelection } from '../panels/types.js';
import type { Page } from '../state/routes.js';
import type { ViewState } from '../state/view-state.js';
import { followInApp } from '../ui/modifier-click.js';
import type { UpdateView } from '../state/use-view-state.js';

// The dashboard's "add to briefing" menu loads with the briefing code, not with the map.
const AddToBriefing = lazy(() => import('../briefing/add-to-briefing.js'));

interface DashboardHeaderProps {
  view: ViewState;
  updateView: UpdateView;
  demo: boolean;
  shownAsOf: string | null;
  regionName: string | null;
  onSearch: (result: SearchSelection) => void;
  exporting: boolean;
  canExport: boolean;
  onExport: () => void;
}

export function DashboardHeader({ view, updateView, demo, shownAsOf, regionName, onSearch, exporting, canExport, onExport }: DashboardHeaderProps) {
  const { t } = useTranslation();
  const { t: tData } = useTranslation('data');
  const format = useFormat();
  const permissions = usePermissions();
  // A plain click on a page link stays in the app; a middle or modified click opens it as the browser would.
  const openPage = (event: MouseEvent<HTMLAnchorElement>, page: Page) => followInApp(event, () => updateView({ page }));
  return (
    <header className="page-header">
      <div className="page-title">
        <h1>{t('title')}</h1>
        <p className="page-subtitle">{t('subtitle')}</p>
      </div>
      <div className="header-search">
        <SearchBox onSelect={onSearch} />
      </div>
      <div className="page-status">
        {demo && (
          <span className="demo-badge" data-testid="demo-badge" title={t('demoBadgeTitle')}>
            {t('demoBadge')}
          </span>
        )}
        {shownAsOf && (
          <p className="as-of">
            {t('asOfLabel')}{' '}
            <time dateTime={shownAsOf} data-testid="as-of">
              {format.date(shownAsOf)}
            </time>
          </p>
        )}
        {permissions.planning.read && (
          <a
            className="header-button header-link"
            href={pageHref(view, 'planning')}
            onClick={(event) => openPage(event, 'planning')}
            data-testid="open-planning"
          >
            {t('planningLink')}
          </a>
        )}
        {permissions.import && (
          <a className="header-button header-link" href={pageHref(view, 'import')} onClick={(event) => openPage(event, 'import')} data-testid="open-import">
            {tData('import.open')}
          </a>
        )}
        <Suspense fallback={null}>
          <AddToBriefing
            view={view}
            shownAsOf={shownAsOf}
            areaName={regionName}
            onOpen={(briefing, slide) => updateView({ page: 'briefing', briefing, slide })}
            listHref={pageHref({ ...view, briefing: null, slide: null }, 'briefing')}
            onOpenList={() => updateView({ page: 'briefing', briefing: null, slide: null })}
          />
        </Suspense>
        <button type="button" className="header-button" onClick={onExport} disabled={exporting || !canExport} data-testid="export-png">
          {exporting ? t('export.busy') : t('export.button')}
        </button>
        <LanguageSwitch lang={view.lang} onChange={(lang) => updateView({ lang })} />
        <UserMenu pageHref={(page) => pageHref(view, page)} onOpenPage={(page) => updateView({ page })} />
      </div>
    </header>
  );
}
