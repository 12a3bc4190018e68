// Present mode: full screen, one slide at a time, large type on a projector palette; arrow keys,
// Page Up/Down (what a presentation clicker sends), Space, Home and End move; Escape leaves. The
// presenter sees a clock and the slide number; the map stays live and interactive.
import type { Briefing } from '@pantau/domain';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OfflineIndicator } from './offline-control.js';
import { SlideFrame } from './slide-frame.js';

/** Keys that move forward: arrows, Page Down (what a presentation clicker sends) and Space. */
const FORWARD_KEYS = ['ArrowRight', 'PageDown', ' ', 'ArrowDown'];

/** The slide a key moves to from `index` (of `count`), or null for keys that do not move. */
export function slideAfterKey(key: string, index: number, count: number): number | null {
  switch (key) {
    case 'ArrowRight':
    case 'PageDown':
    case ' ':
    case 'ArrowDown':
      return Math.min(index + 1, count - 1);
    case 'ArrowLeft':
    case 'PageUp':
    case 'ArrowUp':
      return Math.max(index - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** Where the presenter is: the slide, and the part of it (a slide whose tables continue shows them in parts). */
export interface PresentStep {
  index: number;
  part: number;
}

/**
 * The step a key moves to, or null for keys that do not move: forward and back go through a slide's
 * parts before the next or previous slide (which opens on its first part); Home and End go to a slide.
 */
export function stepAfterKey(key: string, at: PresentStep, size: { count: number; parts: number }): PresentStep | null {
  const slide = slideAfterKey(key, at.index, size.count);
  if (slide === null) return null;
  if (key === 'Home' || key === 'End') return { index: slide, part: 0 };
  if (FORWARD_KEYS.includes(key)) {
    if (at.part < size.parts - 1) return { index: at.index, part: at.part + 1 };
    return slide === at.index ? at : { index: slide, part: 0 };
  }
  if (at.part > 0) return { index: at.index, part: at.part - 1 };
  return slide === at.index ? at : { index: slide, part: 0 };
}

export function PresentMode({
  briefing,
  start,
  demo,
  onSlide,
  onExit,
}: {
  briefing: Briefing;
  start: number;
  demo: boolean;
  onSlide(index: number): void;
  onExit(): void;
}) {
  const { t } = useTranslation('briefing');
  const [step, setStep] = useState<PresentStep>({ index: Math.min(Math.max(start, 0), briefing.slides.length - 1), part: 0 });
  const { index, part } = step;
  /** The current slide's parts, as it reports them once its tables are in. */
  const [parts, setParts] = useState(1);
  const [now, setNow] = useState(() => new Date());
  const rootRef = useRef<HTMLDivElement>(null);
  const count = briefing.slides.length;

  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  useEffect(() => {
    // Without permission (or in a frame) the browser refuses: the slides still fill the window.
    rootRef.current?.requestFullscreen?.().catch(() => {});
    const onFullscreenExit = () => {
      if (!document.fullscreenElement) onExit();
    };
    document.addEventListener('fullscreenchange', onFullscreenExit);
    return () => {
      document.removeEventListener('fullscreenchange', onFullscreenExit);
      // Leaving fullscreen on unmount is a courtesy: a refusal (already left, document hidden) changes nothing.
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    };
  }, [onExit]);
  const goTo = useCallback(
    (next: PresentStep) => {
      if (next.index !== step.index) {
        // The next slide says how many parts it has once its tables are in.
        setParts(1);
        onSlide(next.index);
      }
      setStep(next);
    },
    [step.index, onSlide],
  );
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        onExit();
        return;
      }
      // Keys typed into the map (its own +/- and arrows when focused) stay with the map.
      if (event.target instanceof HTMLElement && event.target.closest('.maplibregl-canvas-container') && event.key.startsWith('Arrow')) return;
      const next = stepAfterKey(event.key, step, { count, parts });
      if (next === null) return;
      event.preventDefault();
      goTo(next);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [step, count, parts, goTo, onExit]);

  const slide = briefing.slides[index];
  if (!slide) return null;
  const time = now.toLocaleTimeString(briefing.lang === 'id' ? 'id-ID' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
  return (
    <div className="present" ref={rootRef} data-testid="present" role="dialog" aria-label={t('present')}>
      <SlideFrame
        key={slide.id}
        slide={slide}
        number={index + 1}
        count={count}
        date={briefing.date}
        demo={demo}
        part={Math.min(part, parts - 1)}
        onParts={setParts}
      />
      <div className="present-bar">
        <OfflineIndicator />
        <button
          type="button"
          onClick={() => goTo(stepAfterKey('ArrowLeft', step, { count, parts }) ?? step)}
          disabled={index === 0 && part === 0}
          aria-label={t('previous')}
        >
          ‹
        </button>
        <span data-testid="present-position">
          {index + 1} / {count}
        </span>
        {parts > 1 && <span data-testid="present-part">{t('part', { part: part + 1, parts })}</span>}
        <button
          type="button"
          onClick={() => goTo(stepAfterKey('ArrowRight', step, { count, parts }) ?? step)}
          disabled={index === count - 1 && part >= parts - 1}
          aria-label={t('next')}
        >
          ›
        </button>
        <time className="present-clock" data-testid="present-clock">
          {time}
        </time>
        <button type="button" onClick={onExit}>
          {t('exitPresent')}
        </button>
      </div>
    </div>
  );
}
