// Joins the permit counts to the areas on the map and classifies them.
import type { AreaFeatureCollection, AreaPermitCount, PermitStats } from '../api/types.js';
import { classifyCounts, type ChoroplethClass } from './choropleth-classes.js';

/** The permit types the choropleth counts: holders of a valid limited or permanent stay permit. */
export const CHOROPLETH_PERMIT_TYPES = ['itas', 'itap'] as const;

/** What the map shades: counts per area code and the classes they fall in. */
export interface Choropleth {
  classes: readonly ChoroplethClass[];
  /** Every area of the level has an entry (0 when the API left it out). */
  countByCode: ReadonlyMap<string, number>;
}

export function holderCount(permitCount: AreaPermitCount): number {
  return permitCount.itas + permitCount.itap;
}

/**
 * Every area on the map gets a count: the API leaves out areas with no holders, and those are 0, not
 * unknown. Classes are computed over all areas of the level, zeros included.
 */
export function buildChoropleth(areas: AreaFeatureCollection, stats: PermitStats): Choropleth {
  const statsByCode = new Map(stats.areas.map((area) => [area.code, area]));
  const countByCode = new Map<string, number>();
  for (const feature of areas.features) {
    const permitCount = statsByCode.get(feature.properties.code);
    countByCode.set(feature.properties.code, permitCount ? holderCount(permitCount) : 0);
  }
  return { classes: classifyCounts([...countByCode.values()]), countByCode };
}
