// Answers of the briefing endpoints. The content itself is briefingContentSchema (briefing/types.ts).
import { z } from 'zod';
import { BRIEFING_AUDIENCES, BRIEFING_LANGS, briefingContentSchema } from '../briefing/types.js';

/** A briefing as stored: its content, owner and times. */
export const briefingSchema = briefingContentSchema
  .extend({
    id: z.number(),
    ownerId: z.number(),
    ownerEmail: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Briefing' });

/** GET /briefings: a briefing without its slides, and whether the caller may change it. */
export const briefingListItemSchema = z
  .object({
    id: z.number(),
    title: z.string(),
    date: z.string(),
    venue: z.string(),
    audience: z.enum(BRIEFING_AUDIENCES),
    lang: z.enum(BRIEFING_LANGS),
    areaCode: z.string().nullable(),
    ownerId: z.number(),
    ownerEmail: z.string(),
    slideCount: z.number(),
    updatedAt: z.string(),
    canEdit: z.boolean(),
  })
  .meta({ id: 'BriefingListItem' });
export type BriefingListItem = z.infer<typeof briefingListItemSchema>;

/** GET /briefings/{id} */
export const briefingResponseSchema = z.object({ briefing: briefingSchema, canEdit: z.boolean() });
