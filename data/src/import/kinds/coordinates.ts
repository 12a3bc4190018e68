// Coordinates from two cells: decimal degrees (comma or point), checked against Indonesia's extent,
// with swapped latitude and longitude recognised and reported.
import { INDONESIA_BBOX } from '@pantau/domain';
import { fail } from '../normalise/dates.js';
import type { CellReader } from './cells.js';

const number = (raw: string) => Number(raw.replace(',', '.'));
const inside = (lng: number, lat: number) => lng >= INDONESIA_BBOX[0] && lng <= INDONESIA_BBOX[2] && lat >= INDONESIA_BBOX[1] && lat <= INDONESIA_BBOX[3];

/** [lng, lat], null when both cells are empty, undefined after an issue. */
export function readCoordinates(cells: CellReader): [number, number] | null | undefined {
  if (!cells.has('lat') && !cells.has('lng')) return null;
  if (!cells.has('lat') || !cells.has('lng')) { cells.issue(cells.has('lat') ? 'lng' : 'lat', fail('coordinates_incomplete')); return undefined; }
  const lat = number(cells.raw('lat'));
  const lng = number(cells.raw('lng'));
  if (!Number.isFinite(lat) || !Number.isFinite(lng)) { cells.issue(Number.isFinite(lat) ? 'lng' : 'lat', fail('coordinates_not_number')); return undefined; }
  if (inside(lng, lat)) return [lng, lat];
  if (inside(lat, lng)) { cells.issue('lat', fail('coordinates_swapped', { lat: String(lat), lng: String(lng) }), `${cells.raw('lat')}, ${cells.raw('lng')}`); return undefined; }
  cells.issue('lat', fail('coordinates_outside_indonesia', { bbox: INDONESIA_BBOX.join(', ') }), `${cells.raw('lat')}, ${cells.raw('lng')}`);
  return undefined;
}
