// Records of the lists (/companies, /operations, …) and of their one-record routes (/companies/{id}, …).
// Free text that may name people is absent for a role without personal data (@pantau/domain fields.ts).
import { z } from 'zod';
import { AGENCIES } from '../agencies.js';
import { bboxSchema, lngLatObjectSchema, originSchema, pageSchema } from './common.js';

export const companySiteSchema = z.object({
  id: z.number(),
  name: z.string(),
  lng: z.number(),
  lat: z.number(),
  districtCode: z.string().nullable(),
  regencyCode: z.string().nullable(),
});
export type CompanySiteAnswer = z.infer<typeof companySiteSchema>;

export const companyAnswerSchema = z
  .object({
    id: z.number(),
    name: z.string(),
    sector: z.string().nullable(),
    registrationNumber: z.string().nullable(),
    origin: originSchema,
    /** Valid permits the company sponsors on asOf. */
    activePermits: z.number(),
    /** Its sites in the area asked for (all of them for one company). */
    sites: z.array(companySiteSchema),
  })
  .meta({ id: 'Company' });
export type CompanyAnswer = z.infer<typeof companyAnswerSchema>;

export const enforcementActionCountSchema = z.object({ kind: z.string(), count: z.number(), nationality: z.string().nullable() });
export const operationTargetSchema = z.object({
  id: z.number(),
  place: z.string(),
  kind: z.string(),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  districtCode: z.string().nullable(),
  foreignersChecked: z.number().nullable(),
  violations: z.number().nullable(),
  outcome: z.string().nullable(),
  findings: z.string().nullable().optional(),
  actions: z.array(enforcementActionCountSchema),
});
export type OperationTargetAnswer = z.infer<typeof operationTargetSchema>;

export const operationAnswerSchema = z
  .object({
    id: z.number(),
    date: z.string(),
    team: z.string(),
    office: z.string().nullable(),
    regencyCode: z.string(),
    notes: z.string().nullable().optional(),
    origin: originSchema,
    targets: z.array(operationTargetSchema),
  })
  .meta({ id: 'Operation' });
export type OperationAnswer = z.infer<typeof operationAnswerSchema>;

const geoJsonGeometrySchema = z.object({ type: z.string(), coordinates: z.array(z.unknown()) });

export const riskAreaAnswerSchema = z
  .object({
    id: z.number(),
    name: z.string(),
    category: z.string(),
    severity: z.string(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    source: z.string(),
    description: z.string().nullable().optional(),
    regencyCode: z.string().nullable(),
    origin: originSchema,
    bbox: bboxSchema,
    /** Current version: 1 until the area is changed in the app (GET /risk-areas/{id}/versions). */
    version: z.number(),
    /** GeoJSON geometry: with `geometry=true` on the list, always for one risk area. */
    geometry: geoJsonGeometrySchema.optional(),
  })
  .meta({ id: 'RiskArea' });

/** A risk area's attributes as they were before a change (description only for roles with personal data). */
export const riskAreaAttributesSchema = z.object({
  name: z.string(),
  category: z.string(),
  severity: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  source: z.string(),
  description: z.string().nullable().optional(),
  regencyCode: z.string().nullable(),
  provinceCode: z.string().nullable(),
});

/** One change of a risk area: the version it made, how, by whom, when, and the area as it was before (null for a create). */
export const riskAreaVersionSchema = z
  .object({
    version: z.number(),
    action: z.enum(['create', 'update', 'retire']),
    changedBy: z.string(),
    changedAt: z.string(),
    geometryBefore: geoJsonGeometrySchema.nullable(),
    before: riskAreaAttributesSchema.nullable(),
  })
  .meta({ id: 'RiskAreaVersion' });
export type RiskAreaVersionAnswer = z.infer<typeof riskAreaVersionSchema>;

/** GET /risk-areas/{id}/versions: newest change first. */
export const riskAreaVersionsSchema = z
  .object({
    riskAreaId: z.number(),
    currentVersion: z.number(),
    items: z.array(riskAreaVersionSchema),
  })
  .meta({ id: 'RiskAreaVersions' });
export type RiskAreaVersionsAnswer = z.infer<typeof riskAreaVersionsSchema>;
export type GeoJsonGeometry = z.infer<typeof geoJsonGeometrySchema>;
export type RiskAreaAnswer = z.infer<typeof riskAreaAnswerSchema>;

export const entryPointAnswerSchema = z
  .object({
    id: z.number(),
    name: z.string(),
    kind: z.string(),
    lng: z.number(),
    lat: z.number(),
    districtCode: z.string().nullable(),
    regencyCode: z.string().nullable(),
    origin: originSchema,
  })
  .meta({ id: 'EntryPoint' });
export type EntryPointAnswer = z.infer<typeof entryPointAnswerSchema>;

export const meetingAnswerSchema = z
  .object({
    id: z.number(),
    date: z.string(),
    title: z.string(),
    venue: z.string().nullable(),
    regencyCode: z.string(),
    organiser: z.string(),
    attendees: z.array(z.string()),
    notes: z.array(z.string()).optional(),
    origin: originSchema,
    /** The venue's point; null for meetings imported without one (the map shows them at their regency). */
    venuePoint: lngLatObjectSchema.nullable(),
    /** The organising office's key (GET /offices), when recorded. */
    officeKey: z.string().nullable(),
    attendance: z.array(z.object({ agency: z.enum(AGENCIES), names: z.array(z.string()), unit: z.string().nullable().optional() })),
    agenda: z.array(z.string()),
    /** The briefing presented (GET /briefings/{id}; a province-wide one may lie outside a regency scope). */
    briefingId: z.number().nullable(),
    /** Follow-up tasks still open. */
    openFollowUps: z.number(),
  })
  .meta({ id: 'Meeting' });
export type MeetingAnswer = z.infer<typeof meetingAnswerSchema>;

/** Never the reporter. `receivedAt` is an instant (ISO, UTC). */
export const reportAnswerSchema = z
  .object({
    id: z.number(),
    receivedAt: z.string(),
    channel: z.string(),
    category: z.string(),
    status: z.string(),
    lng: z.number(),
    lat: z.number(),
    districtCode: z.string().nullable(),
    origin: originSchema,
  })
  .meta({ id: 'Report' });
export type ReportAnswer = z.infer<typeof reportAnswerSchema>;

/**
 * One report (GET /reports/{id}, and the answer of POST and PATCH): the list's fields, its areas, and for
 * roles allowed personal data the text, the address and the reporter's contact (left out for the others).
 */
export const reportDetailSchema = reportAnswerSchema
  .extend({
    regencyCode: z.string().nullable(),
    provinceCode: z.string().nullable(),
    externalId: z.string().nullable(),
    summary: z.string().nullable().optional(),
    address: z.string().nullable().optional(),
    reporterContact: z.string().nullable().optional(),
  })
  .meta({ id: 'ReportDetail' });
export type ReportDetailAnswer = z.infer<typeof reportDetailSchema>;

/** One change of a report's status: when (ISO, UTC), who (an account's email, or `system:reconstructed`), why. */
export const reportStatusChangeSchema = z
  .object({
    id: z.number(),
    status: z.string(),
    changedAt: z.string(),
    changedBy: z.string(),
    /** Free text that may name people: left out for roles without personal data. */
    reason: z.string().nullable().optional(),
    /** "acted": the operation target that followed. */
    operationTargetId: z.number().nullable(),
  })
  .meta({ id: 'ReportStatusChange' });
export type ReportStatusChangeAnswer = z.infer<typeof reportStatusChangeSchema>;

/** GET /reports/{id}/history: the changes, oldest first (the last one is the current status). */
export const reportHistorySchema = z
  .object({ reportId: z.number(), status: z.string(), items: z.array(reportStatusChangeSchema) })
  .meta({ id: 'ReportHistory' });
export type ReportHistoryAnswer = z.infer<typeof reportHistorySchema>;

/** A photo attached to a report (migration 0027): its description; the content is GET …/attachments/{attachmentId}. */
export const reportAttachmentSchema = z
  .object({
    id: z.number(),
    reportId: z.number(),
    fileName: z.string(),
    contentType: z.enum(['image/jpeg', 'image/png', 'image/webp']),
    bytes: z.number(),
    sha256: z.string(),
    addedAt: z.string(),
    addedBy: z.string(),
  })
  .meta({ id: 'ReportAttachment' });
export type ReportAttachmentAnswer = z.infer<typeof reportAttachmentSchema>;
/** GET /reports/{id}/attachments: the report's photos, oldest first. */
export const reportAttachmentsSchema = z.object({ reportId: z.number(), items: z.array(reportAttachmentSchema) }).meta({ id: 'ReportAttachments' });
export type ReportAttachmentsAnswer = z.infer<typeof reportAttachmentsSchema>;

export const companyPageSchema = pageSchema(companyAnswerSchema);
export const operationPageSchema = pageSchema(operationAnswerSchema);
export const riskAreaPageSchema = pageSchema(riskAreaAnswerSchema);
export const entryPointPageSchema = pageSchema(entryPointAnswerSchema);
export const meetingPageSchema = pageSchema(meetingAnswerSchema);
export const reportPageSchema = pageSchema(reportAnswerSchema);
