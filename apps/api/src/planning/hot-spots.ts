// Hot spots of findings and verified reports: events binned on H3 hexagons (h3-js), Getis-Ord Gi*
// (@pantau/domain) with the cell and its gridDisk ring as the neighbourhood. The study area is every
// hexagon whose centre lies in the area (or the user's scope), plus any hexagon holding an event, so
// the statistic compares a neighbourhood with the whole area, zeros included.
import { createHash } from 'node:crypto';
import { cellToBoundary, getHexagonAreaAvg, gridDisk, latLngToCell, polygonToCells, UNITS } from 'h3-js';
import { hotSpotEvents, studyAreaPolygons, type Executor } from '@pantau/db';
import { giStar, giStarGlobals, HOT_SPOT_PARAMS, monthsBefore, type GiStar, type HotSpotClass, type Scope } from '@pantau/domain';
import { AppError } from '../errors.js';

export interface HotSpotCell {
  h3: string;
  findings: number;
  reports: number;
  z: number;
  p: number;
  class: HotSpotClass;
  /** [lng, lat] ring, closed. */
  boundary: Array<[number, number]>;
}

export interface HotSpotAnalysis {
  method: string;
  resolution: number;
  rings: number;
  months: number;
  from: string;
  to: string;
  studyCells: number;
  findings: number;
  reports: number;
  /** Set when the events are too few to read much into (fewer than 30, the usual minimum): a lone event then makes a hot spot. */
  note: string | null;
  /** Cells with an event or a significant Gi*, hottest first. */
  cells: HotSpotCell[];
}

/** Study grids by resolution and outline: boundaries rarely change, and covering a country takes a while. */
const gridCache = new Map<string, string[]>();
const GRID_CACHE_SIZE = 16;

function studyGrid(geometries: unknown[], resolution: number): string[] {
  const key = createHash('sha1')
    .update(`${resolution}:${JSON.stringify(geometries)}`)
    .digest('base64url');
  const cached = gridCache.get(key);
  if (cached) return cached;
  const cells = new Set<string>();
  for (const g of geometries as Array<{ type: string; coordinates: number[][][] | number[][][][] } | null>) {
    if (!g) continue;
    const polygons = g.type === 'Polygon' ? [g.coordinates as number[][][]] : g.type === 'MultiPolygon' ? (g.coordinates as number[][][][]) : [];
    for (const polygon of polygons) for (const cell of polygonToCells(polygon, resolution, true)) cells.add(cell);
  }
  const out = [...cells];
  if (gridCache.size >= GRID_CACHE_SIZE) gridCache.delete(gridCache.keys().next().value!);
  gridCache.set(key, out);
  return out;
}

export const hotSpotMethod = (resolution: number, months: number) => `Getis-Ord Gi* (H3 res ${resolution}, k=${HOT_SPOT_PARAMS.rings}, ${months} months)`;

/** Gi* of findings and verified reports in the `months` before asOf, over `area` (null = the scope). */
export async function hotSpotAnalysis(
  db: Executor,
  area: string | null,
  asOf: string,
  months: number,
  resolution: number,
  scope: Scope,
): Promise<HotSpotAnalysis> {
  const from = monthsBefore(asOf, months);
  const [events, study] = await Promise.all([hotSpotEvents(db, area, from, asOf, scope), studyAreaPolygons(db, area, scope)]);
  const estimate = study.km2 / getHexagonAreaAvg(resolution, UNITS.km2);
  if (estimate > HOT_SPOT_PARAMS.maxCells) {
    throw new AppError(
      'invalid_parameter',
      `Invalid parameter: resolution: about ${Math.round(estimate)} hexagons at resolution ${resolution} for this area (at most ${HOT_SPOT_PARAMS.maxCells}); choose a coarser resolution or a smaller area.`,
      [{ parameter: 'resolution', message: 'too fine for this area' }],
    );
  }
  const grid = studyGrid(study.geometries, resolution);
  const values = new Map<string, number>();
  const counts = new Map<string, { findings: number; reports: number }>();
  for (const e of events) {
    const cell = latLngToCell(e.lat, e.lng, resolution);
    const c = counts.get(cell) ?? { findings: 0, reports: 0 };
    if (e.kind === 'finding') c.findings++;
    else c.reports++;
    counts.set(cell, c);
    values.set(cell, (values.get(cell) ?? 0) + 1);
  }
  // The study area: the grid and the cells holding events (an islet smaller than a cell has no centre inside).
  const inStudy = new Set(grid);
  for (const cell of values.keys()) inStudy.add(cell);
  const globals = giStarGlobals([...values.values(), ...new Array<number>(inStudy.size - values.size).fill(0)]);
  // Gi* of one cell: its value and those of its ring that lie in the study area.
  const gi = (cell: string): GiStar => {
    let localSum = 0;
    let k = 0;
    for (const member of gridDisk(cell, HOT_SPOT_PARAMS.rings)) {
      if (!inStudy.has(member)) continue;
      k++;
      localSum += values.get(member) ?? 0;
    }
    return giStar(localSum, k, globals);
  };
  // Only cells near an event have a non-zero local sum. The others differ only by how many of their
  // neighbours lie in the area; when no such count makes an empty neighbourhood significant (sparse
  // events: it never does) they are all "not significant" and need no work.
  const near = new Set<string>();
  for (const cell of values.keys()) for (const member of gridDisk(cell, HOT_SPOT_PARAMS.rings)) if (inStudy.has(member)) near.add(member);
  const maxK = gridDisk(grid[0] ?? [...inStudy][0] ?? '', HOT_SPOT_PARAMS.rings).length;
  const emptyCanMatter = inStudy.size > 0 && Array.from({ length: maxK }, (_, i) => giStar(0, i + 1, globals)).some((g) => g.class !== 'not_significant');
  const cells: HotSpotCell[] = [];
  for (const h3 of emptyCanMatter ? inStudy : near) {
    const g = gi(h3);
    const c = counts.get(h3);
    if (!c && g.class === 'not_significant') continue;
    cells.push({
      h3,
      findings: c?.findings ?? 0,
      reports: c?.reports ?? 0,
      z: g.z,
      p: g.p,
      class: g.class,
      boundary: cellToBoundary(h3, true) as Array<[number, number]>,
    });
  }
  cells.sort((a, b) => b.z - a.z || a.h3.localeCompare(b.h3));
  return {
    method: hotSpotMethod(resolution, months),
    resolution,
    rings: HOT_SPOT_PARAMS.rings,
    months,
    from,
    to: asOf,
    studyCells: inStudy.size,
    findings: events.filter((e) => e.kind === 'finding').length,
    reports: events.filter((e) => e.kind === 'report').length,
    note:
      events.length < HOT_SPOT_PARAMS.minEvents
        ? `Only ${events.length} events (fewer than ${HOT_SPOT_PARAMS.minEvents}): a single event can make its cell a hot spot.`
        : null,
    cells,
  };
}
