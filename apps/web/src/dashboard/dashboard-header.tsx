import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../auth/session-context.js';
import { UserMenu } from '../auth/user-menu.js';
import { LanguageSwitch } from '../controls/language-switch.js';
import { useFormat } from '../i18n/format.js';
import { SearchBox } from '../panels/search-box.js';
import type { SearchSelection } from '../panels/types.js';
import { Link, useRoute } from '../state/router.js';

// The dashboard's "add to briefing" menu loads with the briefing code, not with the map.
const AddToBriefing = lazy(() => import('../briefing/add-to-briefing.js'));

interface DashboardHeaderProps {
  demo: boolean;
  shownAsOf: string | null;
  regionName: string | null;
  onSearch: (result: SearchSelection) => void;
  exporting: boolean;
  canExport: boolean;
  onExport: () => void;
}

export function DashboardHeader({ demo, shownAsOf, regionName, onSearch, exporting, canExport, onExport }: DashboardHeaderProps) {
  const { t } = useTranslation();
  const { t: tData } = useTranslation('data');
  const format = useFormat();
  const permissions = usePermissions();
  const { view, update } = useRoute('map');
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
          <Link className="header-button header-link" to={{ page: 'planning' }} data-testid="open-planning">
            {t('planningLink')}
          </Link>
        )}
        {permissions.import && (
          <Link className="header-button header-link" to={{ page: 'import' }} data-testid="open-import">
            {tData('import.open')}
          </Link>
        )}
        <Suspense fallback={null}>
          <AddToBriefing view={view} shownAsOf={shownAsOf} areaName={regionName} />
        </Suspense>
        <button type="button" className="header-button" onClick={onExport} disabled={exporting || !canExport} data-testid="export-png">
          {exporting ? t('export.busy') : t('export.button')}
        </button>
        <LanguageSwitch lang={view.lang} onChange={(lang) => update({ lang })} />
        <UserMenu />
      </div>
    </header>
  );
}
