import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ViewState } from '../state/view-state.js';
import { pageHref } from './pages.js';
import { followInApp } from '../ui/modifier-click.js';

/** A page the user's role may not open: said plainly, with the way back to the map. */
export function ForbiddenPage({ view, onBack }: { view: ViewState; onBack(): void }) {
  const { t } = useTranslation('access');
  const back = (event: MouseEvent<HTMLAnchorElement>) => followInApp(event, onBack);
  return (
    <main className="forbidden-page" data-testid="forbidden-page">
      <div className="forbidden-card" role="alert">
        <h1>{t('forbidden.title')}</h1>
        <p>{t('forbidden.lead')}</p>
        <a className="button" href={pageHref(view, 'map')} onClick={back} data-testid="forbidden-back">
          {t('forbidden.back')}
        </a>
      </div>
    </main>
  );
}
