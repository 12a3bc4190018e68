// The query parameters of OGC API – Features Part 1 (bbox, datetime, limit, offset, f), parsed by
// the standard's rules into what the collections' queries take. Pure: no request, no database.
import { requestDateProblem, todayInJakarta } from '@pantau/domain';
import { AppError } from '../errors.js';

/** Page size when `limit` is absent (the standard's example default). */
export const DEFAULT_LIMIT = 10;
/** The largest page: a larger `limit` is served as this one (the standard: no error, the maximum instead). */
export const MAX_LIMIT = 10_000;

/** [west, south, east, north] in CRS84 (longitude, latitude); west > east crosses the antimeridian. */
export type BBox = readonly [number, number, number, number];

/** A datetime as calendar days (WIB): an instant is one day; an interval's open end is undefined. */
export type Period = { kind: 'instant'; day: string } | { kind: 'interval'; from?: string; to?: string };

export type Format = 'json' | 'html';

const invalid = (parameter: string, message: string): AppError =>
  new AppError('invalid_parameter', `Invalid parameter: ${parameter}. ${message}`, [{ parameter, message }]);

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** `bbox=west,south,east,north` (CRS84). Six numbers (with heights) are refused: the data has none. */
export function parseBBox(value: string): BBox {
  const parts = value.split(',').map((p) => p.trim());
  if (parts.length === 6) throw invalid('bbox', 'Six numbers (a box with heights) are not supported: the data is two-dimensional. Send west,south,east,north.');
  if (parts.length !== 4 || !parts.every((p) => DECIMAL.test(p)))
    throw invalid('bbox', 'Four comma-separated numbers: west,south,east,north in degrees (CRS84, longitude first).');
  const [west, south, east, north] = parts.map(Number) as [number, number, number, number];
  if ([west, east].some((x) => x < -180 || x > 180) || [south, north].some((y) => y < -90 || y > 90))
    throw invalid('bbox', 'Longitudes lie within -180..180 and latitudes within -90..90.');
  if (south > north) throw invalid('bbox', 'The southern edge (2nd number) may not lie north of the northern edge (4th number).');
  return [west, south, east, north];
}

/** The boxes a bbox covers: two when it crosses the antimeridian (west > east). */
export function bboxParts([west, south, east, north]: BBox): BBox[] {
  return west <= east
    ? [[west, south, east, north]]
    : [
        [west, south, 180, north],
        [-180, south, east, north],
      ];
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** One end of a datetime: an RFC 3339 date (a day) or date-time (its day in WIB, the day the records are kept in). */
function dayOf(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const problem = requestDateProblem(value);
    if (problem) throw invalid('datetime', `${value} is not ${problem}.`);
    return value;
  }
  const match = DATE_TIME.exec(value);
  const instant = match ? new Date(value) : undefined;
  if (!match || !instant || Number.isNaN(instant.getTime()) || requestDateProblem(match[1]!))
    throw invalid('datetime', `${value} is neither a date (2024-06-13) nor a date-time (2024-06-13T10:00:00Z) from 1900 to 2100.`);
  const day = todayInJakarta(instant);
  const problem = requestDateProblem(day);
  if (problem) throw invalid('datetime', `${value} is not ${problem}.`);
  return day;
}

/** `datetime`: an instant, a closed interval `a/b`, or a half-bounded one `../b`, `a/..` (an empty end is open too). */
export function parseDatetime(value: string): Period {
  const ends = value.split('/');
  if (ends.length === 1) return { kind: 'instant', day: dayOf(value) };
  if (ends.length !== 2)
    throw invalid('datetime', 'An instant (2024-06-13) or an interval with one slash (2024-01-01/2024-06-13, ../2024-06-13, 2024-01-01/..).');
  const [start, end] = ends.map((e) => e.trim()) as [string, string];
  const open = (e: string) => e === '..' || e === '';
  const from = open(start) ? undefined : dayOf(start);
  const to = open(end) ? undefined : dayOf(end);
  if (from && to && from > to) throw invalid('datetime', `The interval's start (${start}) is after its end (${end}).`);
  return { kind: 'interval', from, to };
}

/** `limit`: a whole number from 1; above MAX_LIMIT it is served as MAX_LIMIT. */
export function parseLimit(value: string | undefined): number {
  if (value === undefined) return DEFAULT_LIMIT;
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw invalid('limit', `A whole number from 1 (at most ${MAX_LIMIT} are served; a larger limit gets ${MAX_LIMIT}).`);
  return Math.min(Number(value), MAX_LIMIT);
}

/** `offset`: how many matching features to skip, a whole number from 0. */
export function parseOffset(value: string | undefined): number {
  if (value === undefined) return 0;
  if (!/^\d{1,9}$/.test(value)) throw invalid('offset', 'A whole number from 0 to 999999999 (the features to skip; the next link carries it).');
  return Number(value);
}

/**
 * The response format: `f` first, else the Accept header (HTML only when the client prefers it to
 * JSON, as a browser does), else JSON.
 */
export function negotiateFormat(f: string | undefined, accept: string | undefined): Format {
  if (f !== undefined) {
    if (f === 'json' || f === 'html') return f;
    throw invalid('f', 'json or html.');
  }
  const weights = new Map<string, number>();
  for (const part of (accept ?? '').split(',')) {
    const [type, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (!type) continue;
    const q = params.find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    weights.set(type, Math.max(weights.get(type) ?? 0, Number.isFinite(weight) ? weight : 0));
  }
  const json = Math.max(weights.get('application/geo+json') ?? 0, weights.get('application/json') ?? 0);
  return (weights.get('text/html') ?? 0) > json ? 'html' : 'json';
}

/** A parameter given more than once is refused, rather than one of its values silently chosen. */
export function single(queries: Record<string, string[]>, name: string): string | undefined {
  const values = queries[name];
  if (!values) return undefined;
  if (values.length > 1) throw invalid(name, 'Give it once.');
  return values[0];
}
