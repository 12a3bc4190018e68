// The permit write path's quick check may skip zod only where zod would accept the record as it is.
import { permitRecord } from '@pantau/domain';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { plainlyValidPermit } from './write-permits.js';

const VALID = {
  permitNumber: 'A-001',
  permitType: 'itas',
  purpose: 'work',
  nationality: 'CHN',
  sex: 'male',
  holderName: 'WANG WEI',
  sponsorCompanyKey: null,
  issuedOn: '2024-06-13',
  expiresOn: '2025-06-12',
  cancelledOn: null,
  districtCode: '19.04.01',
  regencyCode: '19.04',
  origin: 'batch:0b6e1f8a-3c2d-4e5f-8a9b-0c1d2e3f4a5b',
};

/** For each field, values zod accepts and values it refuses (wrong type, empty, near misses). */
const CANDIDATES: Record<string, unknown[]> = {
  permitNumber: ['A-001', 'x', '', ' ', null, undefined, 7],
  permitType: ['itas', 'itap', 'visit', 'ITAS', 'kitas', '', null],
  purpose: ['work', 'family', 'investment', 'study', 'retirement', 'Work', 'tourism', null],
  nationality: ['CHN', 'KOR', 'chn', 'CN', 'CHNA', '', null, undefined],
  sex: ['male', 'female', null, 'L', undefined, ''],
  holderName: ['WANG WEI', 'A', '', null, undefined],
  sponsorCompanyKey: [null, 'pt-timah', '', undefined, 3],
  issuedOn: ['2024-06-13', '2024-02-29', '2023-02-29', '2024-13-01', '13/06/2024', '2024-6-13', '', null],
  expiresOn: ['2025-06-12', '2024-06-13', '2024-06-12', '2025-02-30', null, '2030-01-01'],
  cancelledOn: [null, '2024-07-01', '2024-02-30', '', undefined],
  districtCode: ['19.04.01', '19.01.02', '32.16.01', null, '19.04', '19.04.1', '', undefined],
  regencyCode: ['19.04', '19.01', '19', '19.04.01', '1904', '', null],
  origin: ['demo', 'reference', 'batch:0b6e1f8a-3c2d-4e5f-8a9b-0c1d2e3f4a5b', 'batch:', 'batch:xyz', 'Demo', '', null],
};

describe('plainlyValidPermit', () => {
  test('accepts a well-formed record, as zod does', () => {
    expect(permitRecord.safeParse(VALID).success).toBe(true);
    expect(plainlyValidPermit(VALID)).toBe(true);
  });

  test('never accepts a record zod refuses (property, over mixes of good and bad fields)', () => {
    const record = fc.record(Object.fromEntries(Object.entries(CANDIDATES).map(([field, values]) => [field, fc.constantFrom(...values)])));
    fc.assert(
      fc.property(record, (r) => {
        if (plainlyValidPermit(r)) expect(permitRecord.safeParse(r).success).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  test('agrees with zod on records that differ from a valid one in a single field', () => {
    for (const [field, values] of Object.entries(CANDIDATES)) {
      for (const value of values) {
        const r = { ...VALID, [field]: value };
        expect(plainlyValidPermit(r), `${field} = ${JSON.stringify(value)}`).toBe(permitRecord.safeParse(r).success);
      }
    }
  });

  test('refuses what is not a record at all', () => {
    for (const value of [null, undefined, 'permit', 3, [], [VALID]]) expect(plainlyValidPermit(value)).toBe(false);
  });
});
