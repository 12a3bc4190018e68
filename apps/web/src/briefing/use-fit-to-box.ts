// Shrink to fit: a slide's panels (a ten-row candidate table beside the map) must show whole on any
// screen, in present mode and in the printed PDF, without scrolling and without pushing the footer
// off the slide. The box's type is scaled down (never up) until its content fits its height.
import { useCallback, useRef } from 'react';

/** Smallest scale of the type: below it a table is unreadable from the back of the room anyway. */
const MIN_SCALE = 0.4;

/** Font scale that makes content of `contentHeight` (at scale 1) fit `boxHeight`, between MIN_SCALE and 1. */
export function fitScale(contentHeight: number, boxHeight: number): number {
  if (contentHeight <= boxHeight || contentHeight <= 0) return 1;
  return Math.max(MIN_SCALE, Math.floor((boxHeight / contentHeight) * 100) / 100);
}

/** A callback ref for a box whose type is scaled down (the `--fit` custom property) until nothing overflows it. */
export function useFitToBox<T extends HTMLElement>(): (box: T | null) => void {
  const stopRef = useRef<(() => void) | null>(null);
  // A callback ref: the box may appear after the first render (a panel added in the builder).
  return useCallback((box: T | null) => {
    stopRef.current?.();
    stopRef.current = null;
    if (!box) return;
    let frame = 0;
    const fit = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        box.style.removeProperty('--fit');
        const fits = (scale: number) => {
          box.style.setProperty('--fit', String(scale));
          return box.scrollHeight <= box.clientHeight;
        };
        if (box.scrollHeight <= box.clientHeight) return;
        // Line heights, borders and padding do not shrink in proportion, and wrapped names unwrap as
        // the type shrinks: search for the largest scale that fits (stepping down from the first
        // guess stopped far below it, at the smallest type, with room to spare).
        let low = Math.max(MIN_SCALE, fitScale(box.scrollHeight, box.clientHeight));
        if (!fits(low)) {
          low = MIN_SCALE;
          if (!fits(low)) return;
        }
        let high = 1;
        for (let step = 0; step < 7 && high - low > 0.01; step++) {
          const middle = Math.round(((low + high) / 2) * 100) / 100;
          if (fits(middle)) low = middle;
          else high = middle;
        }
        fits(low);
      });
    };
    const resized = new ResizeObserver(fit);
    resized.observe(box);
    // Panels fill in as their data arrives.
    const changed = new MutationObserver(fit);
    changed.observe(box, { childList: true, subtree: true, characterData: true });
    fit();
    stopRef.current = () => {
      cancelAnimationFrame(frame);
      resized.disconnect();
      changed.disconnect();
    };
  }, []);
}
