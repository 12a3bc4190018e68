// The briefing pages: the list (with the three meeting templates for a regency and a date), the
// builder (title, date, venue, audience, language; slides reordered, duplicated, deleted, titled,
// annotated, with panels), present mode, and the exports. Viewers and non-owners read and present.
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { pageHref } from '../auth/pages.js';
import { UserMenu } from '../auth/user-menu.js';
import { LanguageSwitch } from '../controls/language-switch.js';
import type { ViewUpdate } from '../state/use-view-state.js';
import { followInApp } from '../ui/modifier-click.js';
import { BriefingEditor } from './briefing-editor.js';
import { BriefingList } from './briefing-list.js';
import { addBriefingResources } from './briefing-locales.js';
import type { BriefingPageProps } from './briefing-page-props.js';
import { OfflineIndicator } from './offline-control.js';
import './briefing.css';

export type { BriefingPageProps };

export default function BriefingPage(props: BriefingPageProps) {
  const { i18n } = useTranslation();
  addBriefingResources(i18n);
  return <BriefingPageContent {...props} />;
}

function BriefingPageContent({ view, updateView }: BriefingPageProps) {
  const { t } = useTranslation('briefing');
  const open = (event: MouseEvent<HTMLAnchorElement>, update: ViewUpdate) => followInApp(event, () => updateView(update));
  return (
    <div className="briefing-page">
      <header className="page-header">
        <div className="page-title">
          <h1>{t('title')}</h1>
        </div>
        <div className="page-status">
          <a
            className="header-button header-link"
            href={pageHref({ ...view, briefing: null, slide: null }, 'map')}
            onClick={(event) => open(event, { page: 'map', briefing: null, slide: null })}
            data-testid="back-to-map"
          >
            {t('backToMap')}
          </a>
          {view.briefing !== null && (
            <a
              className="header-button header-link"
              href={pageHref({ ...view, briefing: null, slide: null }, 'briefing')}
              onClick={(event) => open(event, { briefing: null, slide: null })}
            >
              {t('allBriefings')}
            </a>
          )}
          <LanguageSwitch lang={view.lang} onChange={(lang) => updateView({ lang })} />
          <UserMenu pageHref={(page) => pageHref(view, page)} onOpenPage={(page) => updateView({ page })} />
        </div>
      </header>
      <main className="briefing-main">
        <OfflineIndicator />
        {view.briefing === null ? (
          <BriefingList view={view} updateView={updateView} />
        ) : (
          <BriefingEditor key={view.briefing} id={view.briefing} view={view} updateView={updateView} />
        )}
      </main>
    </div>
  );
}
