import { meetingRecord, type MeetingRecord, type PermitRecord } from '@pantau/domain';
import { describe, expect, test } from 'vitest';
import { addMeetingOutcomes, DEMO_LAST_DAY, isValidOn, pinValidCounts } from './generate-demo.js';
import { Random, WeightedPicker } from './random.js';

const permit = (permitType: 'itas' | 'itap', issuedOn: string, expiresOn: string, n: number): PermitRecord => ({
  permitNumber: `P${n}`,
  permitType,
  purpose: 'work',
  nationality: 'CHN',
  sex: 'male',
  holderName: 'X',
  sponsorCompanyKey: null,
  issuedOn,
  expiresOn,
  cancelledOn: null,
  districtCode: '19.04.01',
  regencyCode: '19.04',
  origin: 'demo',
});

describe('demo generator', () => {
  test('the same seed gives the same sequence; another seed another', () => {
    const draw = (seed: number) => {
      const r = new Random(seed);
      return Array.from({ length: 5 }, () => r.int(0, 1000));
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  test('weighted picks follow their weights', () => {
    const picker = new WeightedPicker([
      ['a', 9],
      ['b', 1],
    ] as const);
    const random = new Random(1);
    const picks = Array.from({ length: 10_000 }, () => picker.pick(random));
    const share = picks.filter((p) => p === 'a').length / picks.length;
    expect(share).toBeGreaterThan(0.87);
    expect(share).toBeLessThan(0.93);
  });

  test.each([
    ['too many valid holders', 40, 10],
    ['too few valid holders', 3, 1],
    ['none at all', 0, 0],
  ])('pinning reaches exactly 22 ITAS and 6 ITAP on the day with %s', (_, itasCount, itapCount) => {
    const random = new Random(3);
    const permits = [
      ...Array.from({ length: itasCount }, (_, i) => permit('itas', '2024-01-01', '2025-01-01', i)),
      ...Array.from({ length: itapCount }, (_, i) => permit('itap', '2022-01-01', '2027-01-01', 100 + i)),
      permit('itas', '2018-01-01', '2019-01-01', 999),
    ];
    let made = 0;
    const pinned = pinValidCounts(
      permits,
      { date: '2024-06-13', itas: 22, itap: 6 },
      () => permit(made % 2 ? 'itap' : 'itas', '2010-01-01', '2011-01-01', 1000 + made++),
      random,
    );
    expect(pinned.filter((p) => p.permitType === 'itas' && isValidOn(p, '2024-06-13'))).toHaveLength(22);
    expect(pinned.filter((p) => p.permitType === 'itap' && isValidOn(p, '2024-06-13'))).toHaveLength(6);
    for (const p of pinned) expect(p.expiresOn > p.issuedOn).toBe(true);
  });

  test('a permit is valid from its issue day up to, not including, its expiry day, and not after cancellation', () => {
    const p = permit('itas', '2024-01-01', '2025-01-01', 1);
    expect(isValidOn(p, '2024-01-01')).toBe(true);
    expect(isValidOn(p, '2024-12-31')).toBe(true);
    expect(isValidOn(p, '2025-01-01')).toBe(false);
    expect(isValidOn({ ...p, cancelledOn: '2024-06-01' }, '2024-06-01')).toBe(false);
  });

  test('every demo meeting decides something and hands tasks to agencies; tasks due before the last day are mostly closed, some overdue', () => {
    const meetings: MeetingRecord[] = Array.from({ length: 300 }, (_, i) => ({
      key: `m${i}`,
      date: `20${16 + (i % 11)}-0${1 + (i % 9)}-1${i % 10}`,
      title: 'Rapat Koordinasi Timpora',
      venue: null,
      regencyCode: '19.04',
      organiser: 'Kantor Imigrasi',
      attendees: [],
      notes: [],
      origin: 'demo',
    }));
    addMeetingOutcomes(meetings, new Random(7));
    const followUps = meetings.flatMap((m) => (m.followUps ?? []).map((f) => ({ ...f, meeting: m })));
    for (const m of meetings) {
      expect(meetingRecord.safeParse(m).success).toBe(true);
      expect(m.decisions!.length).toBeGreaterThanOrEqual(1);
      expect(m.decisions!.length).toBeLessThanOrEqual(3);
      expect(new Set(m.decisions!.map((d) => d.text)).size).toBe(m.decisions!.length);
      expect(new Set(m.followUps!.map((f) => f.task)).size).toBe(m.followUps!.length);
    }
    for (const f of followUps) {
      expect(f.decision).toBeGreaterThanOrEqual(1);
      expect(f.decision).toBeLessThanOrEqual(f.meeting.decisions!.length);
      expect(f.dueDate > f.meeting.date).toBe(true);
      if (f.status === 'open') expect(f.changedOn).toBeNull();
      else {
        expect(f.dueDate < DEMO_LAST_DAY).toBe(true);
        expect(f.changedOn! >= f.meeting.date && f.changedOn! <= DEMO_LAST_DAY).toBe(true);
      }
    }
    const past = followUps.filter((f) => f.dueDate < DEMO_LAST_DAY);
    const share = (status: string) => past.filter((f) => f.status === status).length / past.length;
    expect(share('done')).toBeGreaterThan(0.6);
    expect(share('dropped')).toBeGreaterThan(0.05);
    // Overdue tasks exist, but none more than a year overdue: later meetings close or drop them.
    const yearBefore = new Date(Date.parse(`${DEMO_LAST_DAY}T00:00:00Z`) - 365 * 86_400_000).toISOString().slice(0, 10);
    const lastYear = past.filter((f) => f.dueDate >= yearBefore);
    expect(lastYear.filter((f) => f.status === 'open').length / lastYear.length).toBeGreaterThan(0.1);
    expect(past.filter((f) => f.status === 'open' && f.dueDate < yearBefore)).toEqual([]);
    expect(past.filter((f) => f.status !== 'open' && f.changedOn! > f.dueDate).length).toBeGreaterThan(0);
    expect(followUps.filter((f) => f.dueDate >= DEMO_LAST_DAY).every((f) => f.status === 'open')).toBe(true);
  });
});
