// Present mode: full screen, one slide at a time, large type on a projector palette; arrow keys,
// Page Up/Down (what a presentation clicker sends), Space, Home and End move; Escape leaves. The
// presenter sees a clock and the slide number; the map stays live and interactive.
import type { Briefing } from '@pantau/domain';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OfflineIndicator } from './offline-control.js';
import { SlideFrame } from './slide-frame.js';

/** The slide a key moves to from `index` (of `count`), or null for keys that do not move. */
export function slideAfterKey(key: string, index: number, count: number): number | null {
  switch (key) {
    case 'ArrowRight': case 'PageDown': case ' ': case 'ArrowDown': return Math.min(index + 1, count - 1);
    case 'ArrowLeft': case 'PageUp': case 'ArrowUp': return Math.max(index - 1, 0);
    case 'Home': return 0;
    case 'End': return count - 1;
    default: return null;
  }
}

export function PresentMode({ briefing, start, demo, onSlide, onExit }: { briefing: Briefing; start: number; demo: boolean; onSlide(index: number): void; onExit(): void }) {
  const { t } = useTranslation('briefing');
  const [index, setIndex] = useState(Math.min(Math.max(start, 0), briefing.slides.length - 1));
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
    const onFullscreenExit = () => { if (!document.fullscreenElement) onExit(); };
    document.addEventListener('fullscreenchange', onFullscreenExit);
    return () => {
      document.removeEventListener('fullscreenchange', onFullscreenExit);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    };
  }, [onExit]);
  const go = useCallback((next: number) => { setIndex(next); onSlide(next); }, [onSlide]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') { onExit(); return; }
      // Keys typed into the map (its own +/- and arrows when focused) stay with the map.
      if (event.target instanceof HTMLElement && event.target.closest('.maplibregl-canvas-container') && event.key.startsWith('Arrow')) return;
      const next = slideAfterKey(event.key, index, count);
      if (next === null) return;
      event.preventDefault();
      go(next);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [index, count, go, onExit]);

  const slide = briefing.slides[index];
  if (!slide) return null;
  const time = now.toLocaleTimeString(briefing.lang === 'id' ? 'id-ID' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
  return (
    <div className="present" ref={rootRef} data-testid="present" role="dialog" aria-label={t('present')}>
      <SlideFrame key={slide.id} slide={slide} number={index + 1} count={count} date={briefing.date} demo={demo} />
      <div className="present-bar">
        <OfflineIndicator />
        <button type="button" onClick={() => go(Math.max(index - 1, 0))} disabled={index === 0} aria-label={t('previous')}>‹</button>
        <span data-testid="present-position">{index + 1} / {count}</span>
        <button type="button" onClick={() => go(Math.min(index + 1, count - 1))} disabled={index === count - 1} aria-label={t('next')}>›</button>
        <time className="present-clock" data-testid="present-clock">{time}</time>
        <button type="button" onClick={onExit}>{t('exitPresent')}</button>
      </div>
    </div>
  );
}
