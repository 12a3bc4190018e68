// The briefing's slides in order: each picked to edit, and for an editor moved up or down, duplicated or deleted.
import { duplicateSlide, moveSlide, type Slide } from '@pantau/domain';
import { useTranslation } from 'react-i18next';

export function SlideList({
  slides,
  selected,
  canEdit,
  onChange,
  onSelect,
}: {
  slides: Slide[];
  selected: number;
  canEdit: boolean;
  onChange(slides: Slide[]): void;
  onSelect(index: number): void;
}) {
  const { t } = useTranslation('briefing');
  return (
    <ol className="slide-list" aria-label={t('slideList')}>
      {slides.map((item, index) => (
        <li key={item.id} className={index === selected ? 'selected' : ''} data-testid="slide-item">
          <button type="button" className="slide-pick" onClick={() => onSelect(index)} aria-current={index === selected}>
            {index + 1}. {item.title || t('untitled')}
          </button>
          {canEdit && (
            <span className="slide-tools">
              <button
                type="button"
                aria-label={t('moveUp')}
                title={t('moveUp')}
                disabled={index === 0}
                onClick={() => {
                  onChange(moveSlide(slides, index, index - 1));
                  onSelect(index - 1);
                }}
              >
                ↑
              </button>
              <button
                type="button"
                aria-label={t('moveDown')}
                title={t('moveDown')}
                disabled={index === slides.length - 1}
                onClick={() => {
                  onChange(moveSlide(slides, index, index + 1));
                  onSelect(index + 1);
                }}
              >
                ↓
              </button>
              <button
                type="button"
                aria-label={t('duplicate')}
                title={t('duplicate')}
                onClick={() => {
                  onChange(duplicateSlide(slides, index));
                  onSelect(index + 1);
                }}
                data-testid="duplicate-slide"
              >
                ⧉
              </button>
              <button
                type="button"
                aria-label={t('deleteSlide')}
                title={t('deleteSlide')}
                onClick={() => {
                  onChange(slides.filter((_, n) => n !== index));
                  onSelect(Math.max(index - 1, 0));
                }}
                data-testid="delete-slide"
              >
                ✕
              </button>
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}
