// The header of a page beside the map (reports, meetings): its title, the way back to the map and the
// language switch, the same on each.
import { LanguageSwitch } from '../controls/language-switch.js';
import { Link, useRouter } from '../state/router.js';

export function PageHeader({ title, backLabel }: { title: string; backLabel: string }) {
  const { view, update } = useRouter();
  return (
    <header className="page-header">
      <div className="page-title">
        <h1>{title}</h1>
      </div>
      <div className="page-status">
        <Link className="header-button header-link" to={{ page: 'map' }} data-testid="back-to-map">
          {backLabel}
        </Link>
        <LanguageSwitch lang={view.lang} onChange={(lang) => update({ lang })} />
      </div>
    </header>
  );
}
