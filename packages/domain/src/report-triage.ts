// Public reports recorded and triaged in the app (issue 22): what an officer sends, and which status
// changes are allowed. Pure: the write path (data/src/reports) and the web app share it.
import { z } from 'zod';
import { REPORT_CATEGORIES, REPORT_CHANNELS, type ReportStatus } from './constants.js';
import { areaCode } from './schemas.js';

/** The triage: new → verified or dismissed; verified → acted on or dismissed. Dismissed and acted are final. */
export const REPORT_TRANSITIONS: Record<ReportStatus, readonly ReportStatus[]> = {
  new: ['verified', 'dismissed'],
  verified: ['acted', 'dismissed'],
  dismissed: [],
  acted: [],
};

export const reportTransitionAllowed = (from: ReportStatus, to: ReportStatus): boolean => REPORT_TRANSITIONS[from].includes(to);

/** The longest free text a report keeps (a WhatsApp message, a letter's gist). */
export const REPORT_TEXT_MAX = 4000;

const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * POST /reports: a report as an officer (or a channel system) records it. The place is a point, or a
 * district whose point-on-surface stands for it (the address text is kept as the reporter said it).
 */
export const reportIntakeInput = z
  .object({
    channel: z.enum(REPORT_CHANNELS),
    category: z.enum(REPORT_CATEGORIES),
    summary: text(REPORT_TEXT_MAX),
    /** When the report came in (default: now); never in the future. */
    receivedAt: z.string().datetime({ offset: true }).optional(),
    lat: z.number().min(-90).max(90).optional(),
    lng: z.number().min(-180).max(180).optional(),
    districtCode: areaCode.refine((code) => code.split('.').length === 3, 'a district code such as 19.04.01').optional(),
    address: text(500).optional(),
    reporterContact: text(200).optional(),
    externalId: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces')
      .optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    const point = input.lat !== undefined || input.lng !== undefined;
    if (point && (input.lat === undefined || input.lng === undefined))
      ctx.addIssue({ code: 'custom', path: [input.lat === undefined ? 'lat' : 'lng'], message: 'lat and lng go together' });
    if (!point && input.districtCode === undefined)
      ctx.addIssue({ code: 'custom', path: ['districtCode'], message: 'a place is needed: lat and lng, or a districtCode' });
    if (point && input.districtCode !== undefined)
      ctx.addIssue({ code: 'custom', path: ['districtCode'], message: 'either lat and lng or a districtCode, not both' });
  });
export type ReportIntakeInput = z.infer<typeof reportIntakeInput>;

/** PATCH /reports/{id}: a status change. A dismissal needs a reason; "acted" names the operation target that followed. */
export const reportTriageInput = z
  .object({
    status: z.enum(['verified', 'dismissed', 'acted']),
    reason: text(1000).optional(),
    targetId: z.number().int().positive().optional(),
  })
  .strict();
export type ReportTriageInput = z.infer<typeof reportTriageInput>;
