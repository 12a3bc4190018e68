// The briefing builder: the briefing's details, its actions (present, save, exports, share, delete), the
// offline copy, the slide list and the selected slide; present mode in its place while presenting.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getMeta } from '../api/pantau-api.js';
import { dataOf, useApiRequest } from '../api/use-api-request.js';
import { useRoute } from '../state/router.js';
import { BriefingActions } from './briefing-actions.js';
import { BriefingDetailsForm } from './briefing-details-form.js';
import { messageOf } from './error-message.js';
import { OfflineControl } from './offline-control.js';
import { PresentMode } from './present-mode.js';
import { SlideEditor } from './slide-editor.js';
import { SlideList } from './slide-list.js';
import { useBriefingDraft } from './use-briefing-draft.js';

export function BriefingEditor({ id }: { id: number }) {
  const { t } = useTranslation('briefing');
  const { view, update } = useRoute('briefing');
  const { loaded, draft, canEdit, dirty, status, setStatus, change, changeSlide, save, remove } = useBriefingDraft(id, update);
  const meta = useApiRequest('meta', getMeta);
  const [presenting, setPresenting] = useState(false);
  const demo = dataOf(meta)?.demo ?? false;
  const selected = Math.min(Math.max((view.slide ?? 1) - 1, 0), Math.max((draft?.slides.length ?? 1) - 1, 0));
  const selectSlide = useCallback((index: number) => update({ slide: index + 1 }, 'replace'), [update]);
  const exitPresent = useCallback(() => setPresenting(false), []);

  if (loaded.status === 'error')
    return (
      <p className="briefing-error" role="alert">
        {messageOf(loaded.error)}
      </p>
    );
  if (!draft) return <p>{t('loading')}</p>;

  const slide = draft.slides[selected];
  if (presenting && draft.slides.length > 0) {
    return <PresentMode briefing={draft} start={selected} demo={demo} onSlide={selectSlide} onExit={exitPresent} />;
  }
  return (
    <div className="briefing-editor" data-testid="briefing-editor">
      <BriefingDetailsForm briefing={draft} canEdit={canEdit} onChange={change} />
      <BriefingActions
        id={id}
        briefing={draft}
        canEdit={canEdit}
        dirty={dirty}
        status={status}
        onPresent={() => setPresenting(true)}
        onSave={save}
        onRemove={remove}
        onStatus={setStatus}
      />
      <OfflineControl briefing={draft} dirty={dirty} />
      <div className="briefing-workspace">
        <SlideList slides={draft.slides} selected={selected} canEdit={canEdit} onChange={(slides) => change({ slides })} onSelect={selectSlide} />
        {slide ? (
          <SlideEditor
            slide={slide}
            number={selected + 1}
            briefing={draft}
            canEdit={canEdit}
            demo={demo}
            lang={view.lang}
            onChange={(update) => changeSlide(selected, update)}
          />
        ) : (
          <p>{t('noSlides')}</p>
        )}
      </div>
    </div>
  );
}
