// "Tambah ke briefing / Add to briefing" on the dashboard: the current view (area, layers, filters,
// date, map position) becomes a new slide at the end of one of your briefings, or of a new one.
import { newSlideId, type BriefingContent, type Slide } from '@pantau/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dataOf, useApiRequest } from '../api/use-api-request.js';
import { useSession } from '../auth/session-context.js';
import { Link, useRouter } from '../state/router.js';
import type { MapContext } from '../state/view-state.js';
import { addBriefingResources } from './briefing-locales.js';
import { createBriefing, getBriefing, listBriefings, saveBriefing } from './briefings-api.js';
import { captureSlideView } from './slide-view.js';

export interface AddToBriefingProps {
  view: MapContext;
  shownAsOf: string | null;
  /** The name of the area shown, for the slide's title. */
  areaName: string | null;
}

export default function AddToBriefing(props: AddToBriefingProps) {
  const { i18n } = useTranslation();
  addBriefingResources(i18n);
  return <AddToBriefingMenu {...props} />;
}

const NEW = 'new';

function AddToBriefingMenu({ view, shownAsOf, areaName }: AddToBriefingProps) {
  const { t } = useTranslation('briefing');
  const { navigate } = useRouter();
  const { session } = useSession();
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useState<string>(NEW);
  const [message, setMessage] = useState<{ text: string; briefing?: number; slide?: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const list = useApiRequest(open ? 'briefings' : null, listBriefings);
  const own = (dataOf(list) ?? []).filter((item) => item.canEdit);

  const add = async () => {
    setBusy(true);
    try {
      const captured = captureSlideView(view, shownAsOf);
      const title = areaName ?? t('defaultSlideTitle');
      const makeSlide = (slides: readonly Slide[]): Slide => ({
        id: newSlideId(slides),
        title,
        note: '',
        view: captured,
        panels: captured.region ? [{ kind: 'figures' }] : [],
      });
      if (target === NEW) {
        // The briefing's area: the shown regency (or province), else the user's own area.
        const code = captured.region?.slice(0, 5) ?? session.user.scope.areaCodes?.[0]?.slice(0, 5) ?? null;
        const date = captured.asOf ?? shownAsOf ?? new Date().toISOString().slice(0, 10);
        // Validated by the server (a zod object parse here would probe for eval, refused by the CSP).
        const content: BriefingContent = {
          title: t('newTitle', { date }),
          date,
          venue: '',
          audience: 'mixed_agency',
          lang: view.lang,
          areaCode: code,
          slides: [makeSlide([])],
        };
        const created = await createBriefing(content);
        setMessage({ text: t('addedTo', { title: created.title }), briefing: created.id, slide: 1 });
      } else {
        const { briefing } = await getBriefing(Number(target));
        const saved = await saveBriefing(briefing.id, { ...briefing, slides: [...briefing.slides, makeSlide(briefing.slides)] });
        setMessage({ text: t('addedTo', { title: saved.title }), briefing: saved.id, slide: saved.slides.length });
      }
    } catch (error) {
      setMessage({ text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  // The briefing list (every role may read and present briefings of its area).
  const listLink = (
    <Link className="header-button header-link" to={{ page: 'briefing' }} data-testid="open-briefings">
      {t('list')}
    </Link>
  );
  // The aggregates-only role reads and presents briefings; it does not build them.
  if (!session.permissions.lists) return listLink;
  return (
    <div className="add-to-briefing">
      {listLink}
      <button
        type="button"
        className="header-button"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        data-testid="add-to-briefing"
        title={t('addToBriefing')}
        aria-label={t('addToBriefing')}
      >
        {t('addShort')}
      </button>
      {open && (
        <div className="add-to-briefing-menu" role="dialog" aria-label={t('addToBriefing')}>
          <label>
            {t('addTo')}
            <select value={target} onChange={(event) => setTarget(event.target.value)} data-testid="add-target">
              <option value={NEW}>{t('newBriefing')}</option>
              {own.map((item) => (
                <option key={item.id} value={String(item.id)}>
                  {item.title}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button" disabled={busy} onClick={() => void add()} data-testid="add-confirm">
            {t('addSlide')}
          </button>
          {message && (
            <p role="status" data-testid="add-status">
              {message.text}{' '}
              {message.briefing !== undefined && (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => navigate({ page: 'briefing', briefing: message.briefing ?? 0, slide: message.slide ?? 1 })}
                >
                  {t('openBriefing')}
                </button>
              )}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
