// The briefing pages: the list (with the three meeting templates for a regency and a date), the
// builder (title, date, venue, audience, language; slides reordered, duplicated, deleted, titled,
// annotated, with panels), present mode, and the exports. Viewers and non-owners read and present.
import { useTranslation } from 'react-i18next';
import { UserMenu } from '../auth/user-menu.js';
import { LanguageSwitch } from '../controls/language-switch.js';
import { Link, useRoute } from '../state/router.js';
import { BriefingEditor } from './briefing-editor.js';
import { BriefingList } from './briefing-list.js';
import { addBriefingResources } from './briefing-locales.js';
import { OfflineIndicator } from './offline-control.js';
import './briefing.css';

export default function BriefingPage() {
  const { i18n } = useTranslation();
  addBriefingResources(i18n);
  return <BriefingPageContent />;
}

function BriefingPageContent() {
  const { t } = useTranslation('briefing');
  const { view, update } = useRoute('briefing');
  return (
    <div className="briefing-page">
      <header className="page-header">
        <div className="page-title">
          <h1>{t('title')}</h1>
        </div>
        <div className="page-status">
          <Link className="header-button header-link" to={{ page: 'map' }} data-testid="back-to-map">
            {t('backToMap')}
          </Link>
          {view.briefing !== null && (
            <Link className="header-button header-link" to={{ page: 'briefing' }}>
              {t('allBriefings')}
            </Link>
          )}
          <LanguageSwitch lang={view.lang} onChange={(lang) => update({ lang })} />
          <UserMenu />
        </div>
      </header>
      <main className="briefing-main">
        <OfflineIndicator />
        {view.briefing === null ? <BriefingList /> : <BriefingEditor key={view.briefing} id={view.briefing} />}
      </main>
    </div>
  );
}
