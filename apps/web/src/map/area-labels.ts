// Names of the shaded areas on the map, drawn by deck.gl's TextLayer with the system font (it builds
// its own glyph atlas on a canvas), so no glyphs are fetched from anywhere. deck.gl is loaded on first
// use: it is ~270 KB gzip and the map is usable without it. Label points come from the areas drawn on
// screen: the centre of each area's largest visible piece, when that piece is big enough to hold a name.
import { booleanPointInPolygon } from '@turf/turf';
import type { Map as MapLibreMap, MapGeoJSONFeature } from 'maplibre-gl';
import type { MapLevel } from '../state/view-state.js';

export interface AreaLabel {
  code: string;
  name: string;
  position: [number, number];
}

type Ring = number[][];

/** Signed area and centroid of a ring (shoelace), in the ring's own units. */
function ringCentroid(ring: Ring): { area: number; x: number; y: number } {
  let area = 0;
  let x = 0;
  let y = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0 = 0, y0 = 0] = ring[j] ?? [];
    const [x1 = 0, y1 = 0] = ring[i] ?? [];
    const cross = x0 * y1 - x1 * y0;
    area += cross;
    x += (x0 + x1) * cross;
    y += (y0 + y1) * cross;
  }
  area /= 2;
  if (area === 0) return { area: 0, x: ring[0]?.[0] ?? 0, y: ring[0]?.[1] ?? 0 };
  return { area: Math.abs(area), x: x / (6 * area), y: y / (6 * area) };
}

function outerRings(feature: Pick<MapGeoJSONFeature, 'geometry'>): Ring[] {
  const geometry = feature.geometry;
  if (geometry.type === 'Polygon') return geometry.coordinates[0] ? [geometry.coordinates[0]] : [];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.flatMap((polygon) => (polygon[0] ? [polygon[0]] : []));
  return [];
}

/** Short names for the map: "Kabupaten Bangka Tengah" → "Bangka Tengah" (cities keep "Kota"). */
export function shortAreaName(name: string): string {
  return name.replace(/^Kabupaten\s+/i, '').replace(/^Kab\.\s+/i, '');
}

interface Piece {
  ring: Ring;
  area: number;
  x: number;
  y: number;
  box: [number, number, number, number];
}

function pieceOf(ring: Ring): Piece {
  const centroid = ringCentroid(ring);
  const box: Piece['box'] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x = 0, y = 0] of ring) {
    box[0] = Math.min(box[0], x);
    box[1] = Math.min(box[1], y);
    box[2] = Math.max(box[2], x);
    box[3] = Math.max(box[3], y);
  }
  return { ring, ...centroid, box };
}

const boxesTouch = (a: Piece['box'], b: Piece['box'], slack: number) =>
  a[0] <= b[2] + slack && b[0] <= a[2] + slack && a[1] <= b[3] + slack && b[1] <= a[3] + slack;

/**
 * The pieces of one area grouped into the parts they were cut from: vector tiles cut an area at tile
 * edges (at zoom 3 the equator and 135° E halve Kalimantan's and Papua's provinces), and pieces whose
 * boxes touch are taken as one part again. Islands apart stay apart.
 */
function partsOf(pieces: Piece[]): Array<{ area: number; x: number; y: number }> {
  const group = pieces.map((_, i) => i);
  const root = (i: number): number => (group[i] === i ? i : (group[i] = root(group[i]!)));
  const slack = 1e-6;
  for (let i = 0; i < pieces.length; i++) {
    for (let j = i + 1; j < pieces.length; j++) {
      if (boxesTouch(pieces[i]!.box, pieces[j]!.box, slack)) group[root(i)] = root(j);
    }
  }
  const members = new Map<number, Piece[]>();
  pieces.forEach((piece, i) => members.set(root(i), [...(members.get(root(i)) ?? []), piece]));
  return [...members.values()].map((part) => {
    const area = part.reduce((sum, piece) => sum + piece.area, 0);
    const largest = part.reduce((a, b) => (b.area > a.area ? b : a));
    if (part.length === 1 || area === 0) return { area, x: largest.x, y: largest.y };
    // The part's centre, weighted by its pieces' areas, when it lies on the part (a crescent's does
    // not): then the name stands where the whole area is, not in one tile's half of it.
    const x = part.reduce((sum, piece) => sum + piece.x * piece.area, 0) / area;
    const y = part.reduce((sum, piece) => sum + piece.y * piece.area, 0) / area;
    const inside = part.some((piece) => piece.ring.length >= 4 && booleanPointInPolygon([x, y], { type: 'Polygon', coordinates: [piece.ring] }));
    return inside ? { area, x, y } : { area, x: largest.x, y: largest.y };
  });
}

/**
 * One label per area code: the centre of its largest part among the drawn features (tiles cut an
 * area into pieces; touching pieces are joined again), if that part covers at least `minArea` square
 * degrees; biggest parts first.
 */
export function labelPoints(features: ReadonlyArray<Pick<MapGeoJSONFeature, 'geometry' | 'properties'>>, minArea: number): AreaLabel[] {
  const pieces = new Map<string, { name: string; pieces: Piece[] }>();
  for (const feature of features) {
    const code = feature.properties.code;
    const name = feature.properties.name;
    if (typeof code !== 'string' || typeof name !== 'string') continue;
    const entry = pieces.get(code) ?? { name, pieces: [] };
    for (const ring of outerRings(feature)) entry.pieces.push(pieceOf(ring));
    pieces.set(code, entry);
  }
  const best = [...pieces.entries()].flatMap(([code, { name, pieces: found }]) => {
    if (found.length === 0) return [];
    const part = partsOf(found).reduce((a, b) => (b.area > a.area ? b : a));
    return [{ code, name, ...part }];
  });
  return (
    best
      .filter((part) => part.area >= minArea)
      // The biggest areas first: where names compete for room (a printed map), they win.
      .sort((a, b) => b.area - a.area)
      .map((part) => ({ code: part.code, name: shortAreaName(part.name), position: [part.x, part.y] }))
  );
}

/** Smallest part worth a label at a zoom: about 36×36 px on screen (names that collide are dropped below). */
function minLabelArea(zoom: number): number {
  const degreesPerPixel = 360 / (512 * 2 ** zoom);
  return (36 * degreesPerPixel) ** 2;
}

/** Names wrap at this many times the text size (the TextLayer's `maxWidth`). */
const LABEL_MAX_WIDTH = 10;

/**
 * The screen box a name takes at a text size, estimated from its length (system UI fonts at weight
 * 600 average about 0.6 em a character) and wrapped at LABEL_MAX_WIDTH em.
 */
export function labelBox(name: string, at: { x: number; y: number }, size: number): { x0: number; y0: number; x1: number; y1: number } {
  const natural = name.length * 0.6 * size;
  const width = Math.min(natural, LABEL_MAX_WIDTH * size);
  const height = Math.ceil(natural / (LABEL_MAX_WIDTH * size)) * 1.2 * size;
  return { x0: at.x - width / 2, y0: at.y - height / 2, x1: at.x + width / 2, y1: at.y + height / 2 };
}

/**
 * The labels that fit without covering each other, biggest areas first (the order `labelPoints` gives):
 * a name that would overlap one already placed (with a few pixels between) is left out, as MapLibre
 * does with its own symbols.
 */
export function declutter(labels: readonly AreaLabel[], project: (position: [number, number]) => { x: number; y: number }, size: number, gap = 4): AreaLabel[] {
  const placed: Array<ReturnType<typeof labelBox>> = [];
  return labels.filter((label) => {
    const box = labelBox(label.name, project(label.position), size);
    const clear = placed.every((other) => box.x1 + gap <= other.x0 || other.x1 + gap <= box.x0 || box.y1 + gap <= other.y0 || other.y1 + gap <= box.y0);
    if (clear) placed.push(box);
    return clear;
  });
}

/** The labels drawn on each map, so the PNG export can print them at the same places. */
const shownLabels = new WeakMap<MapLibreMap, { labels: AreaLabel[]; size: number }>();

export function labelsShownOn(map: MapLibreMap): { labels: AreaLabel[]; size: number } {
  return shownLabels.get(map) ?? { labels: [], size: 0 };
}

export interface AreaLabelsHandle {
  setLevel(level: MapLevel, fillLayerId: string): void;
  /** Places the names for what the map shows now; returns how many are drawn. */
  refresh(): number;
  remove(): void;
}

let deckModules: Promise<[typeof import('@deck.gl/mapbox'), typeof import('@deck.gl/layers')]> | null = null;

/**
 * Starts loading deck.gl (once): called when the map is created, so the names are ready with the
 * first painted areas instead of a few seconds after them.
 */
export function preloadAreaLabels(): Promise<[typeof import('@deck.gl/mapbox'), typeof import('@deck.gl/layers')]> {
  deckModules ??= Promise.all([import('@deck.gl/mapbox'), import('@deck.gl/layers')]);
  // A failed load may succeed on the next map (the network came back).
  deckModules.catch(() => {
    deckModules = null;
  });
  return deckModules;
}

/**
 * Adds the label overlay to the map; it follows the map's moves and the shaded level. Null when
 * `signal` was aborted while deck.gl loaded: the map may be gone by then (present mode moves on to
 * the next slide in less time than the import takes), and deck.gl reading a removed map's projection
 * threw "Cannot read properties of undefined (reading 'getProjection')".
 */
export async function addAreaLabels(map: MapLibreMap, level: MapLevel, fillLayerId: string, signal?: AbortSignal): Promise<AreaLabelsHandle | null> {
  const [{ MapboxOverlay }, { TextLayer }] = await preloadAreaLabels();
  if (signal?.aborted) return null;
  // Over the map on deck.gl's own canvas (its interleaved mode does not work with MapLibre 6 yet); the
  // PNG export prints the same labels itself (`labelsShownOn`).
  const overlay = new MapboxOverlay({ interleaved: false, layers: [] });
  map.addControl(overlay);
  let shown = { level, fillLayerId };
  let removed = false;
  let shownSignature = '';

  let shownCount = 0;
  const update = (): number => {
    if (removed || !map.getLayer(shown.fillLayerId)) return 0;
    const features = map.queryRenderedFeatures({ layers: [shown.fillLayerId] });
    const size = shown.level === 'province' ? 14 : 13;
    const labels = declutter(labelPoints(features, minLabelArea(map.getZoom())), (position) => map.project(position), size);
    // New layers make deck.gl redraw the map, which ends in another `idle`: only when labels changed.
    const signature = `${shown.level}|${labels.map((label) => `${label.code}@${label.position.map((value) => value.toFixed(3)).join(',')}`).join(';')}`;
    if (signature === shownSignature) return shownCount;
    shownSignature = signature;
    shownCount = labels.length;
    // How many names the map shows, for the end-to-end tests (and anyone inspecting the page).
    map.getContainer().dataset.areaLabels = String(labels.length);
    shownLabels.set(map, { labels, size });
    overlay.setProps({
      layers: [
        new TextLayer<AreaLabel>({
          id: `area-labels-${shown.level}`,
          data: labels,
          getPosition: (label) => label.position,
          getText: (label) => label.name,
          getSize: size,
          getColor: [27, 31, 35, 255],
          fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif",
          fontWeight: 600,
          characterSet: 'auto',
          fontSettings: { sdf: true, fontSize: 64, buffer: 6 },
          outlineWidth: 3,
          outlineColor: [255, 255, 255, 235],
          getTextAnchor: 'middle',
          getAlignmentBaseline: 'center',
          maxWidth: LABEL_MAX_WIDTH,
          wordBreak: 'break-word',
        }),
      ],
    });
    return shownCount;
  };
  const onIdle = () => update();
  map.on('moveend', onIdle);
  map.on('idle', onIdle);
  update();

  return {
    setLevel(nextLevel, nextFillLayerId) {
      shown = { level: nextLevel, fillLayerId: nextFillLayerId };
      update();
    },
    refresh: update,
    remove() {
      if (removed) return;
      removed = true;
      map.off('moveend', onIdle);
      map.off('idle', onIdle);
      // A removed map has already taken its controls off (and has no style for deck.gl to read).
      if ((map as unknown as { _removed?: boolean })._removed !== true) {
        map.removeControl(overlay);
        delete map.getContainer().dataset.areaLabels;
      }
      shownLabels.delete(map);
    },
  };
}
