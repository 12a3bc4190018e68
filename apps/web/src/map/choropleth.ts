// What the choropleth shows: which level, within which parent, and the value of each area (holders, or
// holders per 1,000 km²). The map colours each area from its own tile with the same formula.
import { levelOfCode, parentCodeOf } from '@pantau/domain';
import type { AreaPermitCount } from '@pantau/domain';
import { MAP_LEVELS, type MapContext, type MapLevel, type Measure } from '../state/view-state.js';
import { classifyCounts, type ChoroplethClass } from './choropleth-classes.js';

export interface ChoroplethScope {
  level: MapLevel;
  /** Areas inside this one are classified and coloured; the others are drawn as plain land. */
  parent: string | null;
}

/** Zoom at and above which the map switches to regencies, then districts, when no level is chosen. */
export const REGENCY_ZOOM = 5.5;
export const DISTRICT_ZOOM = 8;

export function levelForZoom(zoom: number): MapLevel {
  if (zoom >= DISTRICT_ZOOM) return 'district';
  return zoom >= REGENCY_ZOOM ? 'regency' : 'province';
}

const depth = (level: MapLevel) => MAP_LEVELS.indexOf(level);

/**
 * The level follows the user's choice, else the drill-down (the children of the region), else the zoom.
 * The classes describe the region's children (a district's siblings for a district), so a province's
 * regencies are compared with each other and not with Jakarta's.
 */
export function choroplethScope(view: Pick<MapContext, 'level' | 'region'>, zoom: number): ChoroplethScope {
  const region = view.region;
  const regionLevel = region === null ? null : levelOfCode(region);
  const level: MapLevel = view.level ?? (regionLevel === null ? levelForZoom(zoom) : (MAP_LEVELS[Math.min(depth(regionLevel) + 1, 2)] ?? 'district'));
  if (region === null || regionLevel === null) return { level, parent: null };
  if (depth(level) > depth(regionLevel)) return { level, parent: region };
  if (depth(level) === depth(regionLevel)) return { level, parent: parentCodeOf(region) };
  return { level, parent: null };
}

/** The level below an area's (districts have none shown). */
export function childLevel(code: string): MapLevel {
  return MAP_LEVELS[Math.min(depth(levelOfCode(code)) + 1, 2)] ?? 'district';
}

/**
 * An area's value as the map classifies it: holders, or holders per 1,000 km² in tenths (an integer,
 * so the classes stay contiguous integer ranges and the map's step expression matches the legend).
 */
export function measureValue(total: number, areaKm2: number | null | undefined, measure: Measure): number | null {
  if (measure === 'count') return total;
  if (!areaKm2 || areaKm2 <= 0) return null;
  return Math.round((total * 10_000) / areaKm2);
}

/** What a class bound means on screen: holders, or holders per 1,000 km² (tenths → one decimal). */
export function displayValue(value: number, measure: Measure): number {
  return measure === 'density' ? value / 10 : value;
}

/**
 * Classes over every area in scope, zeros included: the API lists areas with no holders with 0, and
 * those are part of the distribution the breaks describe.
 */
export function choroplethClasses(areas: readonly AreaPermitCount[], measure: Measure, areaKm2ByCode: ReadonlyMap<string, number | null>): ChoroplethClass[] {
  const values = areas.map((area) => measureValue(area.total, areaKm2ByCode.get(area.code), measure)).filter((value): value is number => value !== null);
  return classifyCounts(values);
}
