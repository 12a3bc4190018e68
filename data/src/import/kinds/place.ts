// Where a point record stands: its coordinates, or else the label point of the area it names
// (and the import says so, since that is an approximation).
import { importNote } from '@pantau/domain';
import { fail } from '../normalise/dates.js';
import type { KindContext } from '../types.js';
import type { CellReader } from './cells.js';
import { readCoordinates } from './coordinates.js';

export function readPlace(cells: CellReader, context: KindContext, records: 'company_sites' | 'entry_points' | 'reports'): [number, number] | undefined {
  const position = readCoordinates(cells);
  if (position) return position;
  if (position === undefined) return undefined;
  const area = context.areas.match({
    districtCode: cells.raw('districtCode'),
    district: cells.raw('district'),
    regencyCode: cells.raw('regencyCode'),
    regency: cells.raw('regency'),
    province: cells.raw('province'),
  });
  // Coordinates would do as well: the reason says so (`orCoordinates`).
  if (!area.ok) {
    cells.issue(area.field ?? 'regency', {
      ...area,
      params: { ...area.params, orCoordinates: true },
      reason: `${area.reason}; or give latitude and longitude`,
    });
    return undefined;
  }
  const label = context.areas.labelOf(area.value.districtCode ?? area.value.regencyCode);
  if (!label) {
    cells.issue('regency', fail('no_label_point'));
    return undefined;
  }
  context.warn(importNote('placed_at_label_point', { records }));
  return label;
}
