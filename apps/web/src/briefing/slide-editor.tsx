// The selected slide: its fields for an editor (its note for a reader), a link to its view on the map, and its preview.
import type { Briefing, Slide } from '@pantau/domain';
import { useTranslation } from 'react-i18next';
import type { MapContext } from '../state/view-state.js';
import { SlideFields } from './slide-fields.js';
import { SlideFrame } from './slide-frame.js';
import { dashboardHref } from './slide-view.js';

export function SlideEditor({
  slide,
  number,
  briefing,
  canEdit,
  demo,
  lang,
  onChange,
}: {
  slide: Slide;
  /** The slide's place in the briefing, from 1. */
  number: number;
  briefing: Briefing;
  canEdit: boolean;
  demo: boolean;
  lang: MapContext['lang'];
  onChange(update: Partial<Slide>): void;
}) {
  const { t } = useTranslation('briefing');
  return (
    <div className="slide-editor">
      {canEdit && <SlideFields slide={slide} audience={briefing.audience} onChange={onChange} />}
      {!canEdit && slide.note && <p className="slide-note">{slide.note}</p>}
      <a href={dashboardHref(slide.view, lang)} className="slide-open-map">
        {t('openOnMap')}
      </a>
      <div className="slide-preview" data-testid="slide-preview">
        <SlideFrame
          key={`${slide.id}:${JSON.stringify(slide.view)}`}
          slide={slide}
          number={number}
          count={briefing.slides.length}
          date={briefing.date}
          demo={demo}
        />
      </div>
    </div>
  );
}
