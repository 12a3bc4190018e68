// Where the district names of a printed plan's map may go: inside the map frame, off the scale bar,
// the attribution and the numbered targets, and off each other. A name near the frame's edge slides
// inward as long as its text still covers the point it names; one that cannot is left out rather than
// printed cut at the page edge (issue 19 item 10).
import type { Box } from '../map/fit-padding.js';

/** Space kept between a name and the frame's edge or another name. */
export const LABEL_MARGIN = 3;

export interface Placement {
  /** Index of the name in the list given. */
  index: number;
  /** How far the name moves from its point, in pixels. */
  dx: number;
  dy: number;
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** The shift that brings [start, end] inside [min, max], or null when the span does not fit or would move more than `slack`. */
function shiftInto(start: number, end: number, min: number, max: number, slack: number): number | null {
  if (end - start > max - min) return null;
  const shift = start < min ? min - start : end > max ? max - end : 0;
  return Math.abs(shift) <= slack ? shift : null;
}

/**
 * Places names, in the order given (the most important first), as boxes centred on their points.
 * Returns the names kept and their shifts; the others are dropped.
 */
export function placeLabels(frame: Box, names: readonly Box[], keepOut: readonly Box[]): Placement[] {
  const inner = { left: frame.left + LABEL_MARGIN, top: frame.top + LABEL_MARGIN, right: frame.right - LABEL_MARGIN, bottom: frame.bottom - LABEL_MARGIN };
  const placed: Box[] = [];
  const kept: Placement[] = [];
  names.forEach((name, index) => {
    // The name must still name its point: over it (at most half its length off centre), or just
    // above or below it (at most its height).
    const dx = shiftInto(name.left, name.right, inner.left, inner.right, (name.right - name.left) / 2);
    const dy = shiftInto(name.top, name.bottom, inner.top, inner.bottom, name.bottom - name.top);
    if (dx === null || dy === null) return;
    const box = { left: name.left + dx, right: name.right + dx, top: name.top + dy, bottom: name.bottom + dy };
    const padded = { left: box.left - LABEL_MARGIN, right: box.right + LABEL_MARGIN, top: box.top - LABEL_MARGIN, bottom: box.bottom + LABEL_MARGIN };
    if (keepOut.some((zone) => overlaps(padded, zone)) || placed.some((other) => overlaps(padded, other))) return;
    placed.push(box);
    kept.push({ index, dx, dy });
  });
  return kept;
}
