// Query parameters shared by aggregates, lists and tiles, described once for validation and OpenAPI.
import { z } from '@hono/zod-openapi';
import { AREA_CODE_PATTERN, OFFICE_AREA_PATTERN, requestDateProblem, PERMIT_PURPOSES, PERMIT_TYPES, type PermitFilter } from '@pantau/domain';
import type { Context } from 'hono';
import { errorBody } from '../errors.js';

const csv = (allowed: readonly string[] | RegExp, what: string) =>
  z
    .string()
    .refine(
      (s) => s.split(',').every((v) => (allowed instanceof RegExp ? allowed.test(v.trim()) : allowed.includes(v.trim()))),
      allowed instanceof RegExp ? `comma-separated ${what}` : `comma-separated values among ${allowed.join(', ')}`,
    );

/**
 * Every date query parameter (asOf, from, to, since, a, b, …): the domain's request-date rule
 * (1900-01-01 … 2100-12-31, a calendar day), which bodies use through `requestDate`. Built here from
 * the same rule rather than reusing that schema: zod 4 gives `.openapi()` only to schemas made after
 * @hono/zod-openapi is loaded.
 */
export const isoDateParam = z
  .string()
  .superRefine((value, ctx) => {
    const problem = requestDateProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .openapi({ format: 'date', example: '2024-06-13' });
export const areaCodeParam = z.string().regex(AREA_CODE_PATTERN, 'an area code such as 19, 19.04 or 19.04.01');

export const provinceCodeParam = z.string().regex(/^\d{2}$/, 'a province code such as 19');

/** A planning area: an area code, or an office's work area as `office:<office key>`. */
export const planningAreaParam = z
  .string()
  .refine((s) => AREA_CODE_PATTERN.test(s) || OFFICE_AREA_PATTERN.test(s), 'an area code such as 19, 19.04 or 19.04.01, or office:<office key>');

/** A whole number between min and max, as a query string. */
export const wholeNumberParam = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'a whole number')
    .refine((s) => Number(s) >= min && Number(s) <= max, `between ${min} and ${max}`);

/** The largest id of a PostgreSQL `integer`/`serial` column: the SQL fails on a bigger one (issue 18 fuzz). */
export const MAX_RECORD_ID = 2_147_483_647;

/** A record id as a path or query string: a whole number a database id column can hold. */
export const recordIdParam = (what: string) =>
  z
    .string()
    .regex(/^\d{1,10}$/, what)
    .refine((s) => Number(s) <= MAX_RECORD_ID, `${what}, at most ${MAX_RECORD_ID}`);

export const permitFilterParams = {
  asOf: isoDateParam.optional().openapi({ description: 'Count permits valid on this day (default: today, WIB).', example: '2024-06-13' }),
  permitType: csv(PERMIT_TYPES, 'permit types').optional().openapi({ description: 'itas, itap, visit (comma-separated).', example: 'itas,itap' }),
  nationality: csv(/^[A-Z]{3}$/, 'ISO 3166-1 alpha-3 codes')
    .optional()
    .openapi({ description: 'ISO alpha-3 codes (comma-separated).', example: 'CHN,JPN' }),
  purpose: csv(PERMIT_PURPOSES, 'purposes').optional().openapi({ description: 'work, family, investment, study, retirement.', example: 'work' }),
  sponsor: recordIdParam('a company id').optional().openapi({ description: 'Only permits this company sponsors (its id, GET /companies).', example: '42' }),
};

/**
 * The language of records that carry both (reference and demo names, notes, findings): `lang`, else the
 * Accept-Language header, else Indonesian (see textLangOf).
 */
export const langParam = z
  .enum(['id', 'en'])
  .optional()
  .openapi({ description: 'Language of bilingual record text (default: Accept-Language, then id).', example: 'en' });

/** The language the request reads records in: set by the language detector (app.ts) from `lang` or Accept-Language. */
export function textLangOf(c: Context): 'id' | 'en' {
  return c.get('language') === 'en' ? 'en' : 'id';
}

export const listParams = {
  lang: langParam,
  area: areaCodeParam.optional().openapi({ description: 'Only rows inside this province, regency or district.', example: '19.04' }),
  bbox: z
    .string()
    .regex(/^-?\d+(\.\d+)?(,-?\d+(\.\d+)?){3}$/, 'minLng,minLat,maxLng,maxLat')
    .refine((s) => {
      const [a, b, c, d] = s.split(',').map(Number) as [number, number, number, number];
      return a < c && b < d && a >= -180 && c <= 180 && b >= -90 && d <= 90;
    }, 'minLng < maxLng and minLat < maxLat, within -180..180 and -90..90')
    .optional()
    .openapi({ description: 'minLng,minLat,maxLng,maxLat (EPSG:4326).', example: '105.8,-2.9,106.9,-1.9' }),
  from: isoDateParam.optional().openapi({ description: 'Earliest date (inclusive).', example: '2024-01-01' }),
  to: isoDateParam.optional().openapi({ description: 'Latest date (inclusive).', example: '2024-12-31' }),
  limit: z
    .string()
    .regex(/^\d+$/, 'a whole number')
    .refine((s) => Number(s) >= 1 && Number(s) <= 500, 'between 1 and 500')
    .optional()
    .openapi({ description: 'Page size, 1–500 (default 50).', example: '50' }),
  cursor: recordIdParam('the nextCursor of a previous page').optional().openapi({ description: 'nextCursor from the previous page.' }),
};

export const csvList = (value: string | undefined) =>
  value
    ?.split(',')
    .map((v) => v.trim())
    .filter(Boolean);

export function toPermitFilter(
  query: { asOf?: string; permitType?: string; nationality?: string; purpose?: string; sponsor?: string },
  today: string,
): PermitFilter {
  return {
    asOf: query.asOf ?? today,
    permitTypes: csvList(query.permitType),
    nationalities: csvList(query.nationality),
    purposes: csvList(query.purpose),
    ...(query.sponsor === undefined ? {} : { sponsor: Number(query.sponsor) }),
  };
}

export function toListFilter(query: { area?: string; bbox?: string; from?: string; to?: string; limit?: string; cursor?: string }) {
  return {
    area: query.area,
    bbox: query.bbox ? (query.bbox.split(',').map(Number) as [number, number, number, number]) : undefined,
    from: query.from,
    to: query.to,
    limit: query.limit ? Number(query.limit) : 50,
    after: query.cursor ? Number(query.cursor) : undefined,
  };
}

export const errorResponses = {
  400: {
    description: 'A parameter is invalid (invalid_parameter), or the query carries one this endpoint does not list (unknown_parameter); the message names it.',
    content: { 'application/json': { schema: errorBody } },
  },
  401: { description: 'No valid session: sign in (unauthenticated).', content: { 'application/json': { schema: errorBody } } },
  403: { description: 'Your role may not do this (forbidden).', content: { 'application/json': { schema: errorBody } } },
  500: { description: 'Unexpected error; the body carries a request id.', content: { 'application/json': { schema: errorBody } } },
} as const;
