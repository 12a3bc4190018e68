import { describe, expect, test } from 'vitest';
import type { PersonPage } from './people-api.js';
import { personTimeline } from './person-timeline.js';

const sponsor = { id: 7, name: 'PT Energy Sakti Sentosa' };
const worker: PersonPage = {
  id: 1,
  name: 'WANG LEI',
  sex: 'male',
  birthDate: '1980-01-01',
  nationality: 'CHN',
  regencyCode: '17.07',
  districtCode: null,
  passports: [{ passportNumber: 'E16111701', nationality: 'CHN', validFrom: '2015-01-01', current: true }],
  applications: [
    { id: 3, permitType: 'itas', status: 'issued', appliedOn: '2016-11-01', decidedOn: '2016-11-25', office: 'Kanim Bengkulu', sponsor, purpose: 'work' },
  ],
  permits: [
    {
      id: 4,
      permitNumber: 'T1617R0000001',
      permitType: 'itas',
      purpose: 'work',
      issuedOn: '2016-11-25',
      expiresOn: '2017-11-25',
      cancelledOn: null,
      sponsor,
      regencyCode: '17.07',
    },
    {
      id: 5,
      permitNumber: 'T1717R0000001',
      permitType: 'itas',
      purpose: 'work',
      issuedOn: '2017-11-25',
      expiresOn: '2018-11-25',
      cancelledOn: '2018-03-02',
      sponsor,
      regencyCode: '17.07',
    },
  ],
  movements: [
    { id: 6, direction: 'arrival', date: '2016-10-10', entryPoint: null },
    { id: 8, direction: 'departure', date: '2018-03-02', entryPoint: null },
  ],
  lodgings: [{ id: 9, place: 'Hotel Asri', address: null, fromOn: '2016-10-11', toOn: '2016-11-30', regencyCode: '17.07' }],
  checks: [{ operationId: 2, date: '2016-11-17', team: 'Timpora Lebong', targetId: 11, place: 'Hotel Asri', outcome: 'no_violation', checked: true }],
};

describe('personTimeline', () => {
  test("a worker's history reads in order: arrival, lodging, application, the check, the permit, its renewal, departure", () => {
    expect(personTimeline(worker, '2024-06-13').map((e) => `${e.date} ${e.kind}`)).toEqual([
      '2016-10-10 arrival',
      '2016-10-11 lodged',
      '2016-11-01 applied',
      '2016-11-17 checked',
      '2016-11-25 decided',
      '2016-11-25 issued',
      '2017-11-25 issued',
      '2017-11-25 expired',
      '2018-03-02 cancelled',
      '2018-03-02 departure',
    ]);
  });

  test('a permit still valid on the day shown has no end entry yet', () => {
    const kinds = personTimeline(worker, '2017-01-01').map((e) => e.kind);
    expect(kinds.filter((k) => k === 'expired')).toEqual([]);
    expect(kinds.filter((k) => k === 'cancelled')).toEqual(['cancelled']);
  });
});
