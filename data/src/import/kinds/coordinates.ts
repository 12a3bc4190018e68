// Where a row stands: a GeoJSON feature's point geometry, or two cells of latitude and longitude in
// decimal degrees (point or comma) or degrees-minutes-seconds (3°35'12" LU). Checked against
// Indonesia's extent: (0, 0) is a placeholder and refused; latitude and longitude given the other way
// round are swapped back when only the swap lands in Indonesia (the row says so); a point outside is
// refused with the extent.
import { INDONESIA_BBOX } from '@pantau/domain';
import { sexagesimalToDecimal } from 'geolib';
import { fail } from '../normalise/dates.js';
import type { CellReader } from './cells.js';

const inside = (lng: number, lat: number) => lng >= INDONESIA_BBOX[0] && lng <= INDONESIA_BBOX[2] && lat >= INDONESIA_BBOX[1] && lat <= INDONESIA_BBOX[3];

/** Indonesian hemispheres (Lintang Utara/Selatan, Bujur Timur/Barat) as the letters geolib reads. */
const HEMISPHERES: Record<string, string> = { LU: 'N', LS: 'S', BT: 'E', BB: 'W', N: 'N', S: 'S', E: 'E', W: 'W', U: 'N', T: 'E', B: 'W' };
const LOOKS_SEXAGESIMAL = /[°º˚'′’"″”]|\d\s*(LU|LS|BT|BB|[NSEW])\s*$/i;

/** Decimal degrees from a cell, and whether it was written in degrees-minutes-seconds; NaN when it is neither. */
export function readDegrees(raw: string): { value: number; sexagesimal: boolean } {
  const text = raw.trim();
  if (!LOOKS_SEXAGESIMAL.test(text)) return { value: Number(text.replace(',', '.')), sexagesimal: false };
  let body = text
    .toUpperCase()
    .replace(/[º˚]/g, '°')
    .replace(/[’′]/g, "'")
    .replace(/[”″]|''/g, '"')
    .replace(/(\d),(\d)/g, '$1.$2');
  let hemisphere = '';
  const trailing = /\s*(LU|LS|BT|BB|[NSEWUTB])\s*$/.exec(body);
  const leading = trailing ? null : /^\s*(LU|LS|BT|BB|[NSEWUTB])\s*/.exec(body);
  if (trailing) {
    hemisphere = HEMISPHERES[trailing[1]!]!;
    body = body.slice(0, trailing.index);
  } else if (leading) {
    hemisphere = HEMISPHERES[leading[1]!]!;
    body = body.slice(leading[0].length);
  }
  const negative = body.startsWith('-');
  // "3 35 12" (spaces for the symbols) as "3°35'12"".
  const spaced = /^-?(\d{1,3})\s+(\d{1,2}(?:\.\d+)?)(?:\s+(\d{1,2}(?:\.\d+)?))?$/.exec(body.trim());
  body = spaced ? `${spaced[1]}°${spaced[2]}'${spaced[3] ? `${spaced[3]}"` : ''}` : body.replace(/^-/, '').replace(/\s+/g, '');
  // geolib wants minutes with their mark: 3°35 → 3°35'.
  if (/°\d+(\.\d+)?$/.test(body)) body += "'";
  if (/^\d+(\.\d+)?°$/.test(body))
    return { value: (negative ? -1 : 1) * Number(body.slice(0, -1)) * (hemisphere === 'S' || hemisphere === 'W' ? -1 : 1), sexagesimal: true };
  try {
    const value = sexagesimalToDecimal(`${body}${hemisphere}`);
    return { value: negative ? -value : value, sexagesimal: true };
  } catch {
    // geolib throws on a form it cannot read: NaN makes readCoordinates report the cell (coordinates_not_number).
    return { value: Number.NaN, sexagesimal: true };
  }
}

/** The [lng, lat] of a Point (or a MultiPoint of one point); 'not_point' for another geometry; null for none. */
function pointOf(geometry: unknown): [number, number] | 'not_point' | null {
  if (geometry === null || geometry === undefined) return null;
  const g = geometry as { type?: string; coordinates?: unknown };
  const c =
    g.type === 'Point' ? g.coordinates : g.type === 'MultiPoint' && Array.isArray(g.coordinates) && g.coordinates.length === 1 ? g.coordinates[0] : undefined;
  if (Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number') return [c[0], c[1]];
  return 'not_point';
}

/** [lng, lat], null when the row gives no location of its own, undefined after an issue. */
export function readCoordinates(cells: CellReader): [number, number] | null | undefined {
  const point = pointOf(cells.geometry);
  if (point === 'not_point') {
    cells.issue('geometry', fail('geometry_not_point'), String((cells.geometry as { type?: unknown }).type ?? ''));
    return undefined;
  }
  if (point) return checked(cells, 'geometry', point[0], point[1], `${point[1]}, ${point[0]}`);
  if (!cells.has('lat') && !cells.has('lng')) return null;
  if (!cells.has('lat') || !cells.has('lng')) {
    cells.issue(cells.has('lat') ? 'lng' : 'lat', fail('coordinates_incomplete'));
    return undefined;
  }
  const lat = readDegrees(cells.raw('lat'));
  const lng = readDegrees(cells.raw('lng'));
  if (!Number.isFinite(lat.value) || !Number.isFinite(lng.value)) {
    cells.issue(Number.isFinite(lat.value) ? 'lng' : 'lat', fail('coordinates_not_number'));
    return undefined;
  }
  const written = `${cells.raw('lat')}, ${cells.raw('lng')}`;
  if (lat.sexagesimal || lng.sexagesimal) cells.fix('lat', fail('coordinates_sexagesimal_read', { lat: round(lat.value), lng: round(lng.value) }), written);
  return checked(cells, 'lat', lng.value, lat.value, written);
}

const round = (value: number) => String(Math.round(value * 1e6) / 1e6);

function checked(cells: CellReader, field: string, lng: number, lat: number, written: string): [number, number] | undefined {
  if (lat === 0 && lng === 0) {
    cells.issue(field, fail('coordinates_zero'), written);
    return undefined;
  }
  if (inside(lng, lat)) return [lng, lat];
  if (inside(lat, lng)) {
    cells.fix(field, fail('coordinates_swapped_fixed', { lat: round(lng), lng: round(lat) }), written);
    return [lat, lng];
  }
  cells.issue(field, fail('coordinates_outside_indonesia', { bbox: INDONESIA_BBOX.join(', ') }), written);
  return undefined;
}
