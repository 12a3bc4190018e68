// Where a point record stands: its coordinates, or else the label point of the area it names
// (and the import says so, since that is an approximation). A row giving both keeps its point, and the
// regency it names is checked against the point when the record is written (regencyCheck).
import { importNote } from '@pantau/domain';
import type { RegencyCheck } from '../../write/located-points.js';
import { fail } from '../normalise/dates.js';
import type { KindContext } from '../types.js';
import type { CellReader } from './cells.js';
import { readCoordinates } from './coordinates.js';

export interface Place {
  position: [number, number];
  /** The regency the row names beside its coordinates (matched as any area name is), to check the point against. */
  namedRegencyCode?: string;
}

const REGENCY_FIELDS = ['districtCode', 'district', 'regencyCode', 'regency'] as const;

export function readPlace(cells: CellReader, context: KindContext, records: 'company_sites' | 'entry_points' | 'reports'): Place | undefined {
  const position = readCoordinates(cells);
  if (position === undefined) return undefined;
  const area = () =>
    context.areas.match({
      districtCode: cells.raw('districtCode'),
      district: cells.raw('district'),
      regencyCode: cells.raw('regencyCode'),
      regency: cells.raw('regency'),
      province: cells.raw('province'),
    });
  if (position) {
    if (!REGENCY_FIELDS.some((field) => cells.has(field))) return { position };
    // A regency the matcher cannot tell does not stop a row whose point says where it is.
    const named = area();
    return named.ok ? { position, namedRegencyCode: named.value.regencyCode } : { position };
  }
  const matched = area();
  // Coordinates would do as well: the reason says so (`orCoordinates`).
  if (!matched.ok) {
    cells.issue(matched.field ?? 'regency', {
      ...matched,
      params: { ...matched.params, orCoordinates: true },
      reason: `${matched.reason}; or give latitude and longitude`,
    });
    return undefined;
  }
  const label = context.areas.labelOf(matched.value.districtCode ?? matched.value.regencyCode);
  if (!label) {
    cells.issue('regency', fail('no_label_point'));
    return undefined;
  }
  context.warn(importNote('placed_at_label_point', { records }));
  return { position: label };
}

/**
 * The regency check of a kind's write: each point far outside the regency its row names is a note on
 * that row (`rowOf`: record key → file row), in row order.
 */
export function regencyCheck(context: KindContext, rowOf: ReadonlyMap<string, number>): RegencyCheck {
  return {
    toleranceM: context.regencyToleranceM,
    onFar(points) {
      const byRow = points.map((p) => ({ ...p, row: rowOf.get(p.key) ?? 0 })).sort((a, b) => a.row - b.row);
      for (const p of byRow)
        context.warn(
          importNote('point_far_from_regency', {
            row: p.row,
            km: Math.round(p.metres / 100) / 10,
            named: p.named,
            namedCode: p.namedCode,
            found: p.found ?? '',
            foundCode: p.foundCode ?? '',
          }),
        );
    },
  };
}
