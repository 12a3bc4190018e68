// A signed-in user with a work area (an office's regencies, a province) sees that area: the map
// starts on it when the link names no area and no map position, and an area outside it (the
// province above an office's regencies, a link made by someone else) brings the map back to it
// instead of an error — the API answers 404 for anything outside the scope.
import { useCallback, useEffect, useRef } from 'react';
import { getArea } from '../api/pantau-api.js';

export type Bbox = readonly [number, number, number, number];

/** The smallest box around every box, or `null` for none. */
export function unionBbox(boxes: readonly Bbox[]): Bbox | null {
  if (boxes.length === 0) return null;
  return boxes.reduce<Bbox>(
    (union, box) => [Math.min(union[0], box[0]), Math.min(union[1], box[1]), Math.max(union[2], box[2]), Math.max(union[3], box[3])],
    [Infinity, Infinity, -Infinity, -Infinity],
  );
}

/** Whether an area lies within the scope (`null`: the national scope, everything). */
export function withinScope(code: string, scopeCodes: readonly string[] | null): boolean {
  return scopeCodes === null || scopeCodes.some((scopeCode) => code === scopeCode || code.startsWith(`${scopeCode}.`));
}

/** The codes to fit the first view to: the scope's, when the link names neither area nor map position. */
export function scopeToFit(scopeCodes: readonly string[] | null, view: { region: string | null; map: unknown }): readonly string[] | null {
  if (scopeCodes === null || scopeCodes.length === 0 || view.region !== null || view.map !== null) return null;
  return scopeCodes;
}

/**
 * Returns a function that fits the map to the scope's areas (a no-op for the national scope), and
 * calls it once at the start when `fitAtStart`.
 */
export function useScopeCamera(scopeCodes: readonly string[] | null, fitAtStart: boolean, fit: (bbox: Bbox) => void): () => void {
  const fitRef = useRef(fit);
  fitRef.current = fit;
  const bboxRef = useRef<Promise<Bbox | null> | null>(null);
  const codesKey = scopeCodes?.join(',') ?? '';

  const fitToScope = useCallback(() => {
    if (scopeCodes === null || scopeCodes.length === 0) return;
    bboxRef.current ??= Promise.all(scopeCodes.map((code) => getArea(code))).then(
      (areas) => unionBbox(areas.map((area) => area.bbox)),
      // Without the boxes the map stays where it is; the page reports API failures elsewhere.
      () => null,
    );
    void bboxRef.current.then((bbox) => {
      if (bbox) fitRef.current(bbox);
    });
    // `scopeCodes` is read through its key.
  }, [codesKey]);

  // Decided once, with the view the page was opened with; later map moves write a position into the view.
  const fitAtStartRef = useRef(fitAtStart);
  useEffect(() => {
    if (fitAtStartRef.current) fitToScope();
  }, [fitToScope]);
  return fitToScope;
}
