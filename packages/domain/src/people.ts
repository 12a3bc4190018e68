// People, not permits (issue 20): the records of the people register and the one definition of a
// "holders" count, written here as a plain function that the SQL of @pantau/db is tested against.
import { z } from 'zod';
import { SEXES, type PermitType } from './constants.js';
import { areaCode, isoDate, lngLat, nationalityCode, origin, permitPurpose } from './schemas.js';

export const APPLICATION_STATUSES = ['applied', 'issued', 'refused', 'withdrawn'] as const;
export const MOVEMENT_DIRECTIONS = ['arrival', 'departure'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const personRecord = z.object({
  key: z.string().min(1),
  name: z.string().min(1),
  sex: z.enum(SEXES).nullable(),
  birthDate: isoDate.nullable(),
  nationality: nationalityCode,
  /** Passport numbers, the current one last; earlier ones stay as aliases. */
  passports: z.array(z.object({ number: z.string().min(1), validFrom: isoDate.nullable() })),
  districtCode: areaCode.nullable(),
  regencyCode: areaCode,
  origin,
});

export const permitApplicationRecord = z
  .object({
    personKey: z.string().min(1),
    permitType: z.enum(['itas', 'itap']),
    status: z.enum(APPLICATION_STATUSES),
    appliedOn: isoDate,
    /** Null while open (status `applied`). */
    decidedOn: isoDate.nullable(),
    officeKey: z.string().min(1).nullable(),
    sponsorCompanyKey: z.string().min(1).nullable(),
    purpose: permitPurpose.nullable(),
    districtCode: areaCode.nullable(),
    regencyCode: areaCode,
    origin,
  })
  .refine((a) => (a.status === 'applied') === (a.decidedOn === null), {
    message: 'an open application has no decision date, a decided one has',
    path: ['decidedOn'],
  })
  .refine((a) => a.decidedOn === null || a.decidedOn >= a.appliedOn, { message: 'decided before it was applied for', path: ['decidedOn'] });

export const movementRecord = z.object({
  personKey: z.string().min(1),
  direction: z.enum(MOVEMENT_DIRECTIONS),
  date: isoDate,
  entryPointKey: z.string().min(1).nullable(),
  origin,
});

/**
 * Crossings counted per month at a checkpoint, as immigration systems report them (no person named).
 * A month with counts is the checkpoint's figure for that month: crossings of known people are not added to it.
 */
export const movementCountRecord = z.object({
  entryPointKey: z.string().min(1),
  /** The first day of the month. */
  month: isoDate.refine((d) => d.endsWith('-01'), 'the first day of a month'),
  nationality: nationalityCode,
  direction: z.enum(MOVEMENT_DIRECTIONS),
  count: z.number().int().min(0),
  origin,
});

export const lodgingRecord = z.object({
  personKey: z.string().min(1),
  place: z.string().min(1),
  address: z.string().nullable(),
  fromOn: isoDate,
  toOn: isoDate.nullable(),
  position: lngLat.nullable(),
  districtCode: areaCode.nullable(),
  regencyCode: areaCode,
  origin,
});

export type PersonRecord = z.infer<typeof personRecord>;
export type PermitApplicationRecord = z.infer<typeof permitApplicationRecord>;
export type MovementRecord = z.infer<typeof movementRecord>;
export type MovementCountRecord = z.infer<typeof movementCountRecord>;
export type LodgingRecord = z.infer<typeof lodgingRecord>;

/** A permit as the count sees it: whose it is (null: nobody identified), its type and validity. */
export interface CountedPermit {
  holder: string | null;
  permitType: PermitType;
  issuedOn: string;
  expiresOn: string;
  cancelledOn: string | null;
}

export interface CountedApplication {
  holder: string;
  appliedOn: string;
  decidedOn: string | null;
}

export interface HolderCount {
  total: number;
  itas: number;
  itap: number;
  visit: number;
  permits: number;
  pending: number;
}

/** Valid on `day`: issued on or before, expiring after, not cancelled by then. */
export function permitValidOn(p: Pick<CountedPermit, 'issuedOn' | 'expiresOn' | 'cancelledOn'>, day: string): boolean {
  return p.issuedOn <= day && day < p.expiresOn && (p.cancelledOn === null || p.cancelledOn > day);
}

/** Open on `day`: applied for on or before it and not decided by then. */
export function applicationOpenOn(a: Pick<CountedApplication, 'appliedOn' | 'decidedOn'>, day: string): boolean {
  return a.appliedOn <= day && (a.decidedOn === null || a.decidedOn > day);
}

const RANK: Record<PermitType, number> = { visit: 1, itas: 2, itap: 3 };

/**
 * Who counts as a holder on `day`, by brute force: every distinct person with a valid permit, once,
 * under the strongest type (ITAP over ITAS over visit); a permit whose holder is not identified counts
 * as one person. `pending`: people with an open application and no valid permit. `permits`: valid permits.
 */
export function countHolders(permits: readonly CountedPermit[], applications: readonly CountedApplication[], day: string): HolderCount {
  const best = new Map<string, PermitType>();
  let unidentified = { itas: 0, itap: 0, visit: 0 };
  let valid = 0;
  for (const p of permits) {
    if (!permitValidOn(p, day)) continue;
    valid += 1;
    if (p.holder === null) {
      unidentified = { ...unidentified, [p.permitType]: unidentified[p.permitType] + 1 };
      continue;
    }
    const held = best.get(p.holder);
    if (!held || RANK[p.permitType] > RANK[held]) best.set(p.holder, p.permitType);
  }
  const count = { ...unidentified };
  for (const type of best.values()) count[type] += 1;
  const pendingPeople = new Set<string>();
  for (const a of applications) if (applicationOpenOn(a, day) && !best.has(a.holder)) pendingPeople.add(a.holder);
  return { total: count.itas + count.itap + count.visit, ...count, permits: valid, pending: pendingPeople.size };
}
