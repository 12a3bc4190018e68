// GET /areas/{code}/overstays and /expiring (issue 20): counts for every role; the people and permits
// behind them only for roles with personal data.
import { z } from 'zod';
import { studyAreaRefSchema } from './common.js';

const sponsorSchema = z.object({ id: z.number(), name: z.string() }).nullable();
const personalNote = 'Left out for roles without personal data (agency_member, viewer), which get the counts only; reading it is audited.';

export const areaOverstaysResponseSchema = z
  .object({
    area: studyAreaRefSchema,
    asOf: z.string(),
    minDays: z.number(),
    counts: z.object({
      total: z.number(),
      itas: z.number(),
      itap: z.number(),
      visit: z.number(),
      byDistrict: z.array(z.object({ code: z.string().nullable(), name: z.string().nullable(), count: z.number() })),
      byNationality: z.array(z.object({ code: z.string(), count: z.number() })),
    }),
    items: z
      .array(
        z.object({
          personId: z.number(),
          name: z.string(),
          sex: z.string().nullable(),
          nationality: z.string(),
          passportNumber: z.string().nullable(),
          permit: z.object({ id: z.number(), type: z.string(), number: z.string(), expiresOn: z.string() }),
          daysOver: z.number(),
          sponsor: sponsorSchema,
          districtCode: z.string().nullable(),
          districtName: z.string().nullable(),
          regencyCode: z.string(),
          regencyName: z.string().nullable(),
        }),
      )
      .optional()
      .meta({ description: personalNote }),
    nextCursor: z.number().nullable().optional().meta({ description: 'Pass as `cursor` for the next page; null on the last.' }),
  })
  .meta({ id: 'AreaOverstays' });
export type AreaOverstaysResponse = z.infer<typeof areaOverstaysResponseSchema>;

export const areaExpiringResponseSchema = z
  .object({
    area: studyAreaRefSchema,
    asOf: z.string(),
    within: z.number(),
    counts: z.object({
      permits: z.number(),
      people: z.number(),
      notRenewed: z.number(),
      notRenewedPeople: z.number(),
      bySponsor: z
        .array(z.object({ id: z.number().nullable(), name: z.string().nullable(), permits: z.number(), people: z.number(), notRenewed: z.number() }))
        .optional()
        .meta({ description: 'Left out for the aggregates-only role (viewer).' }),
    }),
    items: z
      .array(
        z.object({
          permitId: z.number(),
          permitNumber: z.string(),
          permitType: z.string(),
          expiresOn: z.string(),
          daysLeft: z.number(),
          renewed: z.boolean(),
          personId: z.number().nullable(),
          name: z.string(),
          nationality: z.string(),
          passportNumber: z.string().nullable(),
          sponsor: sponsorSchema,
          districtCode: z.string().nullable(),
          districtName: z.string().nullable(),
          regencyCode: z.string(),
          regencyName: z.string().nullable(),
        }),
      )
      .optional()
      .meta({ description: personalNote }),
    nextCursor: z.number().nullable().optional(),
  })
  .meta({ id: 'AreaExpiring' });
export type AreaExpiringResponse = z.infer<typeof areaExpiringResponseSchema>;
