// Records of the lists (/companies, /operations, …) and of their one-record routes (/companies/{id}, …).
// Free text that may name people is absent for a role without personal data (@pantau/domain fields.ts).
import { z } from 'zod';
import { bboxSchema, originSchema, pageSchema } from './common.js';

export const companySiteSchema = z.object({
  id: z.number(), name: z.string(), lng: z.number(), lat: z.number(), districtCode: z.string().nullable(), regencyCode: z.string().nullable(),
});
export type CompanySiteAnswer = z.infer<typeof companySiteSchema>;

export const companyAnswerSchema = z.object({
  id: z.number(), name: z.string(), sector: z.string().nullable(), registrationNumber: z.string().nullable(), origin: originSchema,
  /** Valid permits the company sponsors on asOf. */
  activePermits: z.number(),
  /** Its sites in the area asked for (all of them for one company). */
  sites: z.array(companySiteSchema),
}).meta({ id: 'Company' });
export type CompanyAnswer = z.infer<typeof companyAnswerSchema>;

export const enforcementActionCountSchema = z.object({ kind: z.string(), count: z.number(), nationality: z.string().nullable() });
export const operationTargetSchema = z.object({
  id: z.number(), place: z.string(), kind: z.string(), lng: z.number().nullable(), lat: z.number().nullable(), districtCode: z.string().nullable(),
  foreignersChecked: z.number().nullable(), violations: z.number().nullable(), outcome: z.string().nullable(),
  findings: z.string().nullable().optional(),
  actions: z.array(enforcementActionCountSchema),
});
export type OperationTargetAnswer = z.infer<typeof operationTargetSchema>;

export const operationAnswerSchema = z.object({
  id: z.number(), date: z.string(), team: z.string(), office: z.string().nullable(), regencyCode: z.string(),
  notes: z.string().nullable().optional(),
  origin: originSchema, targets: z.array(operationTargetSchema),
}).meta({ id: 'Operation' });
export type OperationAnswer = z.infer<typeof operationAnswerSchema>;

const geoJsonGeometrySchema = z.object({ type: z.string(), coordinates: z.array(z.unknown()) });

export const riskAreaAnswerSchema = z.object({
  id: z.number(), name: z.string(), category: z.string(), severity: z.string(), validFrom: z.string(), validTo: z.string().nullable(), source: z.string(),
  description: z.string().nullable().optional(),
  regencyCode: z.string().nullable(), origin: originSchema, bbox: bboxSchema,
  /** Current version: 1 until the area is changed in the app (GET /risk-areas/{id}/versions). */
  version: z.number(),
  /** GeoJSON geometry: with `geometry=true` on the list, always for one risk area. */
  geometry: geoJsonGeometrySchema.optional(),
}).meta({ id: 'RiskArea' });

/** A risk area's attributes as they were before a change (description only for roles with personal data). */
export const riskAreaAttributesSchema = z.object({
  name: z.string(), category: z.string(), severity: z.string(), validFrom: z.string(), validTo: z.string().nullable(), source: z.string(),
  description: z.string().nullable().optional(), regencyCode: z.string().nullable(), provinceCode: z.string().nullable(),
});

/** One change of a risk area: the version it made, how, by whom, when, and the area as it was before (null for a create). */
export const riskAreaVersionSchema = z.object({
  version: z.number(), action: z.enum(['create', 'update', 'retire']), changedBy: z.string(), changedAt: z.string(),
  geometryBefore: geoJsonGeometrySchema.nullable(), before: riskAreaAttributesSchema.nullable(),
}).meta({ id: 'RiskAreaVersion' });
export type RiskAreaVersionAnswer = z.infer<typeof riskAreaVersionSchema>;

/** GET /risk-areas/{id}/versions: newest change first. */
export const riskAreaVersionsSchema = z.object({
  riskAreaId: z.number(), currentVersion: z.number(), items: z.array(riskAreaVersionSchema),
}).meta({ id: 'RiskAreaVersions' });
export type RiskAreaVersionsAnswer = z.infer<typeof riskAreaVersionsSchema>;
export type GeoJsonGeometry = z.infer<typeof geoJsonGeometrySchema>;
export type RiskAreaAnswer = z.infer<typeof riskAreaAnswerSchema>;

export const entryPointAnswerSchema = z.object({
  id: z.number(), name: z.string(), kind: z.string(), lng: z.number(), lat: z.number(), districtCode: z.string().nullable(), regencyCode: z.string().nullable(), origin: originSchema,
}).meta({ id: 'EntryPoint' });
export type EntryPointAnswer = z.infer<typeof entryPointAnswerSchema>;

export const meetingAnswerSchema = z.object({
  id: z.number(), date: z.string(), title: z.string(), venue: z.string().nullable(), regencyCode: z.string(), organiser: z.string(), attendees: z.array(z.string()),
  notes: z.array(z.string()).optional(),
  origin: originSchema,
}).meta({ id: 'Meeting' });
export type MeetingAnswer = z.infer<typeof meetingAnswerSchema>;

/** Never the reporter. `receivedAt` is an instant (ISO, UTC). */
export const reportAnswerSchema = z.object({
  id: z.number(), receivedAt: z.string(), channel: z.string(), category: z.string(), status: z.string(), lng: z.number(), lat: z.number(),
  districtCode: z.string().nullable(), origin: originSchema,
}).meta({ id: 'Report' });
export type ReportAnswer = z.infer<typeof reportAnswerSchema>;

export const companyPageSchema = pageSchema(companyAnswerSchema);
export const operationPageSchema = pageSchema(operationAnswerSchema);
export const riskAreaPageSchema = pageSchema(riskAreaAnswerSchema);
export const entryPointPageSchema = pageSchema(entryPointAnswerSchema);
export const meetingPageSchema = pageSchema(meetingAnswerSchema);
export const reportPageSchema = pageSchema(reportAnswerSchema);
