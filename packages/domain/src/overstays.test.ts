import { describe, expect, test } from 'vitest';
import { daysBetween, expiringWithin, lastPermitOn, overstayDays, renewedOn, type HistoryPermit, type StayHistory } from './overstays.js';

const permit = (id: number, issuedOn: string, expiresOn: string, cancelledOn: string | null = null): HistoryPermit => ({
  id,
  permitType: 'itas',
  issuedOn,
  expiresOn,
  cancelledOn,
});
const history = (permits: HistoryPermit[], more: Partial<StayHistory> = {}): StayHistory => ({ permits, applications: [], movements: [], ...more });

describe('overstayDays', () => {
  const expired = permit(1, '2023-01-10', '2024-01-10');

  test('a person whose only permit ended counts the days since its end (0 on the end day itself)', () => {
    expect(overstayDays(history([expired]), '2024-01-10')).toBe(0);
    expect(overstayDays(history([expired]), '2024-03-01')).toBe(51);
  });

  test('someone still holding a valid permit, or with no permit issued by then, is not over', () => {
    expect(overstayDays(history([expired]), '2023-12-31')).toBeNull();
    expect(overstayDays(history([expired]), '2022-12-31')).toBeNull();
    // An ITAP issued long before the last ITAS is still valid.
    expect(overstayDays(history([permit(2, '2020-01-01', '2025-01-01'), expired]), '2024-03-01')).toBeNull();
  });

  test('a renewal issued on the end day takes over; one issued later leaves a gap that counts until it is issued', () => {
    expect(overstayDays(history([expired, permit(2, '2024-01-10', '2025-01-10')]), '2024-03-01')).toBeNull();
    const late = history([expired, permit(2, '2024-02-20', '2025-02-20')]);
    expect(overstayDays(late, '2024-02-19')).toBe(40);
    expect(overstayDays(late, '2024-02-20')).toBeNull();
  });

  test('a departure after the permit was issued, or a permit cancelled before its end, means the person left', () => {
    expect(overstayDays(history([expired], { movements: [{ direction: 'departure', date: '2024-02-01' }] }), '2024-03-01')).toBeNull();
    expect(overstayDays(history([expired], { movements: [{ direction: 'departure', date: '2023-06-01' }] }), '2024-03-01')).toBeNull();
    // A departure after asOf has not happened yet on asOf; an arrival is no departure.
    expect(
      overstayDays(
        history([expired], {
          movements: [
            { direction: 'departure', date: '2024-04-01' },
            { direction: 'arrival', date: '2023-01-09' },
          ],
        }),
        '2024-03-01',
      ),
    ).toBe(51);
    expect(overstayDays(history([permit(1, '2023-01-10', '2024-01-10', '2023-09-01')]), '2024-03-01')).toBeNull();
  });

  test('an application open on the day means the person waits for a permit, not overstays', () => {
    expect(overstayDays(history([expired], { applications: [{ appliedOn: '2024-01-05', decidedOn: null }] }), '2024-03-01')).toBeNull();
    expect(overstayDays(history([expired], { applications: [{ appliedOn: '2024-01-05', decidedOn: '2024-03-15' }] }), '2024-03-01')).toBeNull();
    // Refused before the day: over again.
    expect(overstayDays(history([expired], { applications: [{ appliedOn: '2024-01-05', decidedOn: '2024-02-01' }] }), '2024-03-01')).toBe(51);
  });
});

describe('the last permit, renewals and windows', () => {
  test('the last permit is the latest issued by the day, then the longest', () => {
    const permits = [
      permit(1, '2022-01-01', '2023-01-01'),
      permit(2, '2023-01-01', '2023-06-01'),
      permit(3, '2023-01-01', '2024-01-01'),
      permit(4, '2030-01-01', '2031-01-01'),
    ];
    expect(lastPermitOn(permits, '2025-01-01')?.id).toBe(3);
    expect(lastPermitOn(permits, '2021-12-31')).toBeUndefined();
  });

  test('a permit ending soon is renewed by a longer permit issued by then or an open application, not by one issued later', () => {
    const ending = permit(1, '2023-07-01', '2024-07-01');
    expect(renewedOn(ending, history([ending]), '2024-06-13')).toBe(false);
    expect(renewedOn(ending, history([ending, permit(2, '2024-06-01', '2025-06-01')]), '2024-06-13')).toBe(true);
    expect(renewedOn(ending, history([ending, permit(2, '2024-07-01', '2025-07-01')]), '2024-06-13')).toBe(false);
    expect(renewedOn(ending, history([ending, permit(2, '2024-06-01', '2025-06-01', '2024-06-10')]), '2024-06-13')).toBe(false);
    expect(renewedOn(ending, history([ending], { applications: [{ appliedOn: '2024-06-01', decidedOn: null }] }), '2024-06-13')).toBe(true);
  });

  test('expiring within N days counts from the day to the end; a permit not valid on the day is not expiring', () => {
    expect(daysBetween('2024-06-13', '2024-07-13')).toBe(30);
    expect(daysBetween('2024-07-13', '2024-06-13')).toBe(-30);
    expect(expiringWithin(permit(1, '2023-07-13', '2024-07-13'), '2024-06-13', 30)).toBe(true);
    expect(expiringWithin(permit(1, '2023-07-14', '2024-07-14'), '2024-06-13', 30)).toBe(false);
    expect(expiringWithin(permit(1, '2023-06-13', '2024-06-13'), '2024-06-13', 30)).toBe(false);
    expect(expiringWithin(permit(1, '2023-07-13', '2024-07-13', '2024-06-01'), '2024-06-13', 30)).toBe(false);
  });
});
