// The header of a page beside the map (reports, meetings): its title, the way back to the map and the
// language switch, the same on each.
import { pageHref } from '../auth/pages.js';
import { LanguageSwitch } from '../controls/language-switch.js';
import type { ViewUpdate } from '../state/use-view-state.js';
import type { ViewState } from '../state/view-state.js';
import { followInApp } from './modifier-click.js';

export function PageHeader({
  title,
  backLabel,
  view,
  updateView,
}: {
  title: string;
  backLabel: string;
  view: ViewState;
  updateView(update: ViewUpdate): void;
}) {
  return (
    <header className="page-header">
      <div className="page-title">
        <h1>{title}</h1>
      </div>
      <div className="page-status">
        <a
          className="header-button header-link"
          href={pageHref(view, 'map')}
          onClick={(event) => followInApp(event, () => updateView({ page: 'map' }))}
          data-testid="back-to-map"
        >
          {backLabel}
        </a>
        <LanguageSwitch lang={view.lang} onChange={(lang) => updateView({ lang })} />
      </div>
    </header>
  );
}
