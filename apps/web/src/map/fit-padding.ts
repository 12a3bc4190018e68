// The padding of a fit (MapLibre's fitBounds), so the fitted area lands in the part of the map that
// nothing covers: the cards along the bottom edge (the legend, the overlay key; the time slider is
// inside the base padding) push the area either to their right or above them, whichever leaves the
// larger box. The side panels are beside the map (they narrow its container), not over it.
import { fitPadding, type Padding } from './svg/mercator.js';

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export type Sides = { top: number; bottom: number; left: number; right: number };

/** The space kept between a card and the fitted area. */
export const CLEARANCE = 16;
/** Below this share of the base padding's box, clearing the cards costs more than it gains. */
const MIN_ROOM_SHARE = 0.25;

/**
 * The padding that keeps a fitted area off the `cards` (page coordinates, like `map`). Cards inside
 * the base padding are already clear; the others, all along the bottom left, are cleared by moving
 * the area right of them or above them, whichever leaves the larger box.
 */
export function paddingClearOf(map: Box, base: Sides, cards: readonly Box[]): Sides {
  const width = map.right - map.left;
  const height = map.bottom - map.top;
  const intruding = cards.filter(
    (card) =>
      card.right > card.left &&
      card.bottom > card.top &&
      card.top < map.bottom - base.bottom &&
      card.left < map.right - base.right &&
      card.right > map.left + base.left,
  );
  if (intruding.length === 0) return base;
  const rightOfCards = Math.max(...intruding.map((card) => card.right - map.left + CLEARANCE));
  const aboveCards = Math.max(...intruding.map((card) => map.bottom - card.top + CLEARANCE));
  const beside = { ...base, left: Math.max(base.left, rightOfCards) };
  const above = { ...base, bottom: Math.max(base.bottom, aboveCards) };
  const room = (padding: Sides) => Math.max(0, width - padding.left - padding.right) * Math.max(0, height - padding.top - padding.bottom);
  const best = room(beside) >= room(above) ? beside : above;
  // A card as big as the map (a small window): fitting beside it would squeeze the area to a speck,
  // or leave MapLibre no room at all. The area is fitted as if the card were not there; it can be folded.
  return room(best) >= MIN_ROOM_SHARE * room(base) ? best : base;
}

/** The fit padding of a live map: its size's base padding, cleared of the cards drawn over it. */
export function mapFitPadding(container: HTMLElement): Padding {
  const base = fitPadding(container.clientWidth, container.clientHeight);
  if (typeof base === 'number') return base;
  const cards = [...(container.parentElement?.querySelectorAll('.map-bottom > *') ?? [])]
    .filter((card) => !card.classList.contains('time-slider'))
    .map((card) => card.getBoundingClientRect());
  const map = container.getBoundingClientRect();
  return paddingClearOf(map, base, cards);
}
