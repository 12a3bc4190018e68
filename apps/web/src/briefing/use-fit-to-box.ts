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
        // Line heights, borders and padding do not shrink in proportion: step down until it fits.
        let scale = fitScale(box.scrollHeight, box.clientHeight);
        for (let step = 0; step < 12 && scale < 1; step++) {
          box.style.setProperty('--fit', String(scale));
          if (box.scrollHeight <= box.clientHeight || scale <= MIN_SCALE) break;
          scale = Math.max(MIN_SCALE, Math.round((scale - 0.05) * 100) / 100);
        }
      });
    };
    const resized = new ResizeObserver(fit);
    resized.observe(box);
    // Panels fill in as their data arrives.
    const changed = new MutationObserver(fit);
    changed.observe(box, { childList: true, subtree: true, characterData: true });
    fit();
    stopRef.current = () => { cancelAnimationFrame(frame); resized.disconnect(); changed.disconnect(); };
  }, []);
}
