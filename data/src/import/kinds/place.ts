// Where a point record stands: its coordinates, or else the label point of the area it names
// (and the import says so, since that is an approximation).
import type { KindContext } from '../types.js';
import type { CellReader } from './cells.js';
import { readCoordinates } from './coordinates.js';

export function readPlace(cells: CellReader, context: KindContext, what: string): [number, number] | undefined {
  const position = readCoordinates(cells);
  if (position) return position;
  if (position === undefined) return undefined;
  const area = context.areas.match({
    districtCode: cells.raw('districtCode'), district: cells.raw('district'), regencyCode: cells.raw('regencyCode'), regency: cells.raw('regency'), province: cells.raw('province'),
  });
  if (!area.ok) { cells.issue(area.field ?? 'regency', `${area.reason}; or give latitude and longitude`); return undefined; }
  const label = context.areas.labelOf(area.value.districtCode ?? area.value.regencyCode);
  if (!label) { cells.issue('regency', 'the area has no label point'); return undefined; }
  context.warn(`Some ${what} have no coordinates: they are placed at the label point of their district or regency.`);
  return label;
}
