// The people register (issue 20): GET /people (search), /people/{id} (a person's record) and
// /companies/{id}/workers (a sponsor's workers counted as people). The routes declare these, the web's
// person, company and search screens read their types, the contract test checks real answers.
import { z } from 'zod';

const sponsorSchema = z.object({ id: z.number(), name: z.string() }).nullable();

export const personHitSchema = z.object({
  id: z.number(),
  name: z.string(),
  nationality: z.string(),
  sex: z.string().nullable(),
  birthDate: z.string().nullable(),
  passportNumber: z.string().nullable(),
  regencyCode: z.string(),
  matchedBy: z.enum(['name', 'passport', 'permit']),
});
export type PersonHit = z.infer<typeof personHitSchema>;

export const personSearchResponseSchema = z.object({ items: z.array(personHitSchema) }).meta({ id: 'PersonSearch' });
export type PersonSearchResponse = z.infer<typeof personSearchResponseSchema>;

export const personRecordResponseSchema = z
  .object({
    id: z.number(),
    name: z.string(),
    sex: z.string().nullable(),
    birthDate: z.string().nullable(),
    nationality: z.string(),
    regencyCode: z.string(),
    districtCode: z.string().nullable(),
    passports: z.array(z.object({ passportNumber: z.string(), nationality: z.string(), validFrom: z.string().nullable(), current: z.boolean() })),
    applications: z.array(
      z.object({
        id: z.number(),
        permitType: z.string(),
        status: z.string(),
        appliedOn: z.string(),
        decidedOn: z.string().nullable(),
        office: z.string().nullable(),
        sponsor: sponsorSchema,
        purpose: z.string().nullable(),
      }),
    ),
    permits: z.array(
      z.object({
        id: z.number(),
        permitNumber: z.string(),
        permitType: z.string(),
        purpose: z.string(),
        issuedOn: z.string(),
        expiresOn: z.string(),
        cancelledOn: z.string().nullable(),
        sponsor: sponsorSchema,
        regencyCode: z.string(),
      }),
    ),
    movements: z.array(
      z.object({ id: z.number(), direction: z.string(), date: z.string(), entryPoint: z.object({ id: z.number(), name: z.string() }).nullable() }),
    ),
    lodgings: z.array(
      z.object({ id: z.number(), place: z.string(), address: z.string().nullable(), fromOn: z.string(), toOn: z.string().nullable(), regencyCode: z.string() }),
    ),
    checks: z.array(
      z.object({
        operationId: z.number(),
        date: z.string(),
        team: z.string(),
        targetId: z.number(),
        place: z.string(),
        outcome: z.string(),
        checked: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'PersonRecord' });
export type PersonRecordResponse = z.infer<typeof personRecordResponseSchema>;

export const WORKER_STATUSES = ['itap', 'itas', 'visit', 'pending', 'lapsed'] as const;
export type WorkerStatus = (typeof WORKER_STATUSES)[number];

export const companyWorkersResponseSchema = z
  .object({
    company: z.object({ id: z.number(), name: z.string(), sector: z.string().nullable(), registrationNumber: z.string().nullable() }),
    asOf: z.string(),
    sites: z.array(
      z.object({ id: z.number(), name: z.string(), regencyCode: z.string().nullable(), districtCode: z.string().nullable(), lng: z.number(), lat: z.number() }),
    ),
    counts: z
      .object({
        itas: z.number(),
        itap: z.number(),
        visit: z.number(),
        validTotal: z.number(),
        permits: z.number(),
        expiringSoon: z.number(),
        lapsed: z.number(),
        pending: z.number(),
      })
      .meta({
        description:
          'People: valid holders by their strongest type (validTotal), their valid permits, those whose permits end within 60 days, lapsed in the last year without renewal, open application and departure, and waiting for a permit.',
      }),
    workers: z
      .array(
        z.object({
          personId: z.number().nullable(),
          name: z.string(),
          nationality: z.string(),
          status: z.enum(WORKER_STATUSES),
          until: z.string().nullable(),
          expiringSoon: z.boolean(),
        }),
      )
      .optional()
      .meta({ description: 'Left out for roles without personal data.' }),
    checks: z.array(
      z.object({
        operationId: z.number(),
        date: z.string(),
        team: z.string(),
        targetId: z.number(),
        place: z.string(),
        via: z.enum(['site', 'workers']),
        foreignersChecked: z.number(),
        violations: z.number(),
        outcome: z.string(),
        findings: z.string().nullable().optional().meta({ description: 'Left out for roles without personal data.' }),
        workersChecked: z.number(),
      }),
    ),
  })
  .meta({ id: 'CompanyWorkers' });
export type CompanyWorkersResponse = z.infer<typeof companyWorkersResponseSchema>;
