// The cards along the map's bottom edge change size after a fit: the legend gains its classes, an
// "outside the selected area" row, a note, another language. A fit made before that can leave the
// selected area under the legend. This hook watches the cards and fits the area again when one of
// them now covers it — unless the user has moved the map since (then where the area sits is theirs).
import type { Map as MapLibreMap, MapLibreEvent } from 'maplibre-gl';
import { useEffect, useRef, type RefObject } from 'react';
import type { Box } from './fit-padding.js';

export type Bbox = readonly [number, number, number, number];

function overlap(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** The area's box on the page, as the map draws it now. */
function areaOnPage(map: MapLibreMap, [west, south, east, north]: Bbox): Box {
  const container = map.getContainer().getBoundingClientRect();
  const topLeft = map.project([west, north]);
  const bottomRight = map.project([east, south]);
  return { left: container.left + topLeft.x, top: container.top + topLeft.y, right: container.left + bottomRight.x, bottom: container.top + bottomRight.y };
}

export function useRefitWhenCovered(map: MapLibreMap | null, cardsRef: RefObject<HTMLElement | null>, bbox: Bbox | null, refit: () => void): void {
  const latest = useRef({ bbox, refit });
  latest.current = { bbox, refit };
  const bboxKey = bbox?.join(',') ?? null;

  useEffect(() => {
    const root = cardsRef.current;
    if (!root || !map || bboxKey === null) return;
    let movedByUser = false;
    let waitingForMoveEnd = false;
    const onMoveStart = (event: MapLibreEvent<unknown>) => {
      // A drag, a wheel or a key moves the map for the user; a fit or a flight has no such event.
      movedByUser = event.originalEvent !== undefined;
    };
    const check = () => {
      const area = latest.current.bbox;
      if (!area || movedByUser) return;
      if (map.isMoving()) {
        // A fit under way was planned with the cards as they were: look again where it ends.
        if (!waitingForMoveEnd) {
          waitingForMoveEnd = true;
          map.once('moveend', () => {
            waitingForMoveEnd = false;
            check();
          });
        }
        return;
      }
      const drawn = areaOnPage(map, area);
      const cards = [...root.children].filter((card) => !card.classList.contains('time-slider')).map((card) => card.getBoundingClientRect());
      if (cards.some((card) => card.width > 0 && card.height > 0 && overlap(card, drawn))) latest.current.refit();
    };
    const resizes = new ResizeObserver(check);
    const observeCards = () => {
      resizes.disconnect();
      resizes.observe(root);
      for (const card of root.children) resizes.observe(card);
    };
    observeCards();
    // A card added later (the overlay key when the sidebar closes) is watched too.
    const children = new MutationObserver(() => {
      observeCards();
      check();
    });
    children.observe(root, { childList: true });
    map.on('movestart', onMoveStart);
    return () => {
      resizes.disconnect();
      children.disconnect();
      map.off('movestart', onMoveStart);
    };
  }, [map, cardsRef, bboxKey]);
}
