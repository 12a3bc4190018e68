// GET /search: areas (fuzzy, Indonesian and English names), companies and places by name.
import { z } from 'zod';
import { AREA_LEVELS } from '../constants.js';

export const searchAreaSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  level: z.enum(AREA_LEVELS),
  parentName: z.string().nullable(),
});
export const searchCompanySchema = z.object({ id: z.number(), name: z.string(), regencyCode: z.string().nullable(), lng: z.number(), lat: z.number() });
export type SearchCompany = z.infer<typeof searchCompanySchema>;
/** `kind`: entry_point or operation_target. */
export const searchPlaceSchema = z.object({ kind: z.string(), id: z.number(), name: z.string(), lng: z.number(), lat: z.number() });

export const searchResponseSchema = z
  .object({
    areas: z.array(searchAreaSchema),
    companies: z.array(searchCompanySchema).optional().meta({ description: 'Left out for roles that read no records (viewer).' }),
    places: z.array(searchPlaceSchema).optional().meta({ description: "Operation targets' places; left out for roles that read no records (viewer)." }),
    outsideScope: z.array(z.object({ name: z.string(), level: z.enum(AREA_LEVELS), parentName: z.string().nullable() })).meta({
      description:
        'When no area in your scope matches: the areas that match outside it (names only: public reference data), so the answer can say the place lies outside your work area instead of "no results".',
    }),
  })
  .meta({ id: 'SearchResults' });
export type SearchResponse = z.infer<typeof searchResponseSchema>;
