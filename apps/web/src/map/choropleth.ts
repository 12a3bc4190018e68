// The choropleth's classes, from the permit counts of every area of the level. The map colours each
// area from its own tile's count with these classes (see `fillColorExpression`).
import type { AreaPermitCount, PermitStats } from '../api/types.js';
import { classifyCounts, type ChoroplethClass } from './choropleth-classes.js';

/** The permit types the choropleth counts: holders of a valid limited or permanent stay permit. */
export const CHOROPLETH_PERMIT_TYPES = ['itas', 'itap'] as const;

export function holderCount(permitCount: AreaPermitCount): number {
  return permitCount.itas + permitCount.itap;
}

/**
 * Classes over every area of the level, zeros included: the API lists areas with no holders with 0,
 * and those are part of the distribution the breaks describe.
 */
export function choroplethClasses(stats: PermitStats): ChoroplethClass[] {
  return classifyCounts(stats.areas.map(holderCount));
}
