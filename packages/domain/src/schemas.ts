// zod schemas shared by the write path (data/), the API (apps/api) and the web app.
import { z } from 'zod';
import {
  ACTION_KINDS,
  AREA_CODE_PATTERN,
  AREA_LEVELS,
  COMPANY_SECTORS,
  ENTRY_POINT_KINDS,
  FOLLOW_UP_STATUSES,
  OFFICE_CLASSES,
  PERMIT_PURPOSES,
  PERMIT_TYPES,
  REPORT_CATEGORIES,
  REPORT_CHANNELS,
  REPORT_STATUSES,
  RISK_CATEGORIES,
  RISK_SEVERITIES,
  SEXES,
  TARGET_KINDS,
  TARGET_OUTCOMES,
} from './constants.js';
import { isIsoDate, requestDateProblem } from './dates.js';
import { AGENCIES } from './agencies.js';

export const areaCode = z.string().regex(AREA_CODE_PATTERN, 'an official area code such as 19, 19.04 or 19.04.01');
export const isoDate = z.string().refine(isIsoDate, 'a date as YYYY-MM-DD');
/**
 * The one schema of a date in a request: every date query parameter (asOf, from, to, since, …) and
 * every date in a request body (plans, briefings). 1900-01-01 … 2100-12-31, a real calendar day.
 */
export const requestDate = z.string().superRefine((value, ctx) => {
  const problem = requestDateProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
export const nationalityCode = z.string().regex(/^[A-Z]{3}$/, 'an ISO 3166-1 alpha-3 code such as CHN');
export const lngLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
/** plan:<id>: an operation recorded from a plan's outcome (data/src/planning); app: a record made in the app (a report recorded by an officer, a risk area drawn). */
export const origin = z.string().regex(/^(reference|demo|app|batch:[0-9a-f-]{36}|plan:\d{1,12})$/, 'reference, demo, app, batch:<uuid> or plan:<id>');

export const areaLevel = z.enum(AREA_LEVELS);
export const permitType = z.enum(PERMIT_TYPES);
export const permitPurpose = z.enum(PERMIT_PURPOSES);

/**
 * The English text of a record written in Indonesian (its own columns): reference and demo records
 * carry both languages, and the API serves the one the request asks for. Imported records, written in
 * whatever language the file had, leave it out and read the same in both.
 */
const englishText = <T extends z.ZodRawShape>(shape: T) => z.object(shape).partial().strict().optional();

export const regionalOfficeRecord = z.object({
  key: z.string().min(1),
  name: z.string().min(1),
  provinceCode: areaCode,
  origin,
});

export const officeRecord = z.object({
  key: z.string().min(1),
  name: z.string().min(1),
  officeClass: z.enum(OFFICE_CLASSES),
  provinceCode: areaCode,
  workAreaCodes: z.array(areaCode),
  workAreaNote: z.string().nullable(),
  textEn: englishText({ workAreaNote: z.string().min(1) }),
  origin,
});

export const companyRecord = z.object({
  key: z.string().min(1),
  name: z.string().min(1),
  /** Null when the source does not say (the reference companies). */
  sector: z.enum(COMPANY_SECTORS).nullable(),
  registrationNumber: z.string().min(1).nullable(),
  origin,
});

export const companySiteRecord = z.object({
  key: z.string().min(1),
  companyKey: z.string().min(1),
  name: z.string().min(1),
  position: lngLat,
  textEn: englishText({ name: z.string().min(1) }),
  origin,
  /** The regency the source row names beside its coordinates: the write warns when the point lies far outside it. */
  namedRegencyCode: areaCode.optional(),
});

export const permitRecord = z
  .object({
    permitNumber: z.string().min(1),
    permitType,
    purpose: permitPurpose,
    nationality: nationalityCode,
    sex: z.enum(SEXES).nullable(),
    holderName: z.string().min(1),
    /** The holder in the people register (issue 20); absent or null: not identified. */
    personKey: z.string().min(1).nullable().optional(),
    passportNumber: z.string().min(1).nullable().optional(),
    holderBirthDate: isoDate.nullable().optional(),
    sponsorCompanyKey: z.string().min(1).nullable(),
    issuedOn: isoDate,
    expiresOn: isoDate,
    cancelledOn: isoDate.nullable(),
    /** The district of residence, or null when only the regency is known. */
    districtCode: areaCode.nullable(),
    regencyCode: areaCode,
    origin,
  })
  .refine((p) => p.expiresOn > p.issuedOn, { message: 'expires_on must be after issued_on', path: ['expiresOn'] })
  .refine((p) => p.districtCode === null || p.districtCode.startsWith(`${p.regencyCode}.`), {
    message: 'the district is not in the regency',
    path: ['districtCode'],
  });

export const enforcementActionRecord = z.object({
  kind: z.enum(ACTION_KINDS),
  count: z.number().int().positive(),
  nationality: nationalityCode.nullable(),
});

export const operationTargetRecord = z.object({
  place: z.string().min(1),
  kind: z.enum(TARGET_KINDS),
  position: lngLat.nullable(),
  /** The company site checked, when the target is one. */
  siteKey: z.string().nullable(),
  foreignersChecked: z.number().int().min(0),
  violations: z.number().int().min(0),
  outcome: z.enum(TARGET_OUTCOMES),
  findings: z.string().nullable(),
  actions: z.array(enforcementActionRecord),
  textEn: englishText({ place: z.string().min(1), findings: z.string().min(1) }),
});

export const operationRecord = z.object({
  key: z.string().min(1),
  date: isoDate,
  officeKey: z.string().nullable(),
  team: z.string().min(1),
  regencyCode: areaCode,
  notes: z.string().nullable(),
  targets: z.array(operationTargetRecord),
  textEn: englishText({ notes: z.string().min(1) }),
  origin,
});

export const riskAreaRecord = z.object({
  key: z.string().min(1),
  name: z.string().min(1),
  category: z.enum(RISK_CATEGORIES),
  severity: z.enum(RISK_SEVERITIES),
  /** GeoJSON Polygon or MultiPolygon in EPSG:4326. */
  geometry: z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.any()) }),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  source: z.string().min(1),
  description: z.string().nullable(),
  textEn: englishText({ name: z.string().min(1), description: z.string().min(1), source: z.string().min(1) }),
  origin,
});

export const entryPointRecord = z.object({
  key: z.string().min(1),
  name: z.string().min(1),
  kind: z.enum(ENTRY_POINT_KINDS),
  position: lngLat,
  origin,
  /** The regency the source row names beside its coordinates: the write warns when the point lies far outside it. */
  namedRegencyCode: areaCode.optional(),
});

export const meetingRecord = z.object({
  key: z.string().min(1),
  date: isoDate,
  title: z.string().min(1),
  venue: z.string().nullable(),
  regencyCode: areaCode,
  organiser: z.string().min(1),
  attendees: z.array(z.string()),
  notes: z.array(z.string()),
  /** The venue's point [lng, lat] (inside the regency), when known (migration 0021). */
  position: lngLat.nullable().optional(),
  agenda: z.array(z.string()).optional(),
  /** What the meeting decided, in order (meeting_decisions). */
  decisions: z.array(z.object({ text: z.string().min(1) })).optional(),
  /**
   * Tasks handed to member agencies (meeting_follow_ups): `decision` is the 1-based decision it serves;
   * a task done or dropped says on which day (`changedOn`), and its history gets that change.
   */
  followUps: z
    .array(
      z.object({
        decision: z.number().int().min(1).nullable(),
        task: z.string().min(1),
        ownerAgency: z.enum(AGENCIES),
        dueDate: isoDate,
        status: z.enum(FOLLOW_UP_STATUSES),
        changedOn: isoDate.nullable(),
      }),
    )
    .optional(),
  textEn: englishText({ title: z.string().min(1), venue: z.string().min(1), organiser: z.string().min(1), notes: z.array(z.string()) }),
  origin,
});

export const reportRecord = z.object({
  key: z.string().min(1),
  receivedAt: z.string().datetime({ offset: true }),
  channel: z.enum(REPORT_CHANNELS),
  category: z.enum(REPORT_CATEGORIES),
  status: z.enum(REPORT_STATUSES),
  position: lngLat,
  summary: z.string().nullable(),
  origin,
  /** The regency the source row names beside its coordinates: the write warns when the point lies far outside it. */
  namedRegencyCode: areaCode.optional(),
});

export type RegionalOfficeRecord = z.infer<typeof regionalOfficeRecord>;
export type OfficeRecord = z.infer<typeof officeRecord>;
export type CompanyRecord = z.infer<typeof companyRecord>;
export type CompanySiteRecord = z.infer<typeof companySiteRecord>;
export type PermitRecord = z.infer<typeof permitRecord>;
export type OperationRecord = z.infer<typeof operationRecord>;
export type OperationTargetRecord = z.infer<typeof operationTargetRecord>;
export type EnforcementActionRecord = z.infer<typeof enforcementActionRecord>;
export type RiskAreaRecord = z.infer<typeof riskAreaRecord>;
export type EntryPointRecord = z.infer<typeof entryPointRecord>;
export type MeetingRecord = z.infer<typeof meetingRecord>;
export type ReportRecord = z.infer<typeof reportRecord>;
