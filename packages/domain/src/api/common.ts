// Pieces the API's answers share: an area named by code, a count by nationality, a point, a page.
import { z } from 'zod';
import { AREA_LEVELS } from '../constants.js';

export const areaRefSchema = z.object({ code: z.string(), name: z.string(), level: z.enum(AREA_LEVELS) });
export type AreaRef = z.infer<typeof areaRefSchema>;

/** The area a planning answer is computed over: an area, or an office's work area (level `work_area`). */
export const studyAreaRefSchema = z.object({ code: z.string(), name: z.string(), level: z.string() });

export const nationalityCountSchema = z.object({ code: z.string(), count: z.number() });
export type NationalityCount = z.infer<typeof nationalityCountSchema>;

export const lngLatObjectSchema = z.object({ lng: z.number(), lat: z.number() });
/** [west, south, east, north] */
export const bboxSchema = z.tuple([z.number(), z.number(), z.number(), z.number()]);
export const areaCodesSchema = z.object({ province: z.string().nullable(), regency: z.string().nullable(), district: z.string().nullable() });

/** `reference`, `demo`, `batch:<uuid>` or `plan:<id>`: where a row came from (a string here: answers are not re-validated on the way out). */
export const originSchema = z.string();

/** A page of a list: `nextCursor` is passed as `cursor` for the next page; null on the last. */
export const pageSchema = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.number().int().nullable() });
