import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { TIMPORA_AGENCIES, TIMPORA_AGENCY_CODES } from './agencies.js';
import { orderRoute, pathKm, type LngLat } from './route.js';
import { planCreateInput, planOutcomeInput, planTransitionAllowed } from './plans.js';

// Around Bangka Tengah: Koba, Pangkalan Baru, Simpang Katis, Lubuk Besar.
const koba = { lng: 106.44, lat: -2.49 };
const pangkalanBaru = { lng: 106.14, lat: -2.17 };
const simpangKatis = { lng: 106.25, lat: -2.33 };
const lubukBesar = { lng: 106.53, lat: -2.63 };

const point = fc.record({ lng: fc.double({ min: 105, max: 107, noNaN: true }), lat: fc.double({ min: -3.5, max: -1.5, noNaN: true }) });
const points = fc.array(point, { minLength: 0, maxLength: 12 });

describe('route order', () => {
  test('a line of places is visited along the line, from the start', () => {
    const r = orderRoute([lubukBesar, pangkalanBaru, koba, simpangKatis], pangkalanBaru);
    expect(r.order).toEqual([1, 3, 2, 0]);
    expect(r.legKm[1]).toBe(0);
    expect(r.legKm[3]).toBeGreaterThan(20);
    expect(r.totalKm).toBeCloseTo(
      r.legKm.reduce<number>((s, v) => s + (v ?? 0), 0),
      9,
    );
  });

  test('without a start the path begins at an end of the line and the first leg is null', () => {
    const r = orderRoute([koba, lubukBesar, pangkalanBaru, simpangKatis]);
    expect([
      [2, 3, 0, 1],
      [1, 0, 3, 2],
    ]).toContainEqual(r.order);
    expect(r.legKm[r.order[0]!]).toBeNull();
  });

  test('no points, one point', () => {
    expect(orderRoute([])).toEqual({ order: [], legKm: [], totalKm: 0 });
    expect(orderRoute([koba])).toEqual({ order: [0], legKm: [null], totalKm: 0 });
    expect(orderRoute([koba], pangkalanBaru).legKm[0]).toBeGreaterThan(40);
  });

  test('the order is a permutation of the input', () => {
    fc.assert(
      fc.property(points, fc.option(point, { nil: null }), (ps, start) => {
        expect([...orderRoute(ps, start).order].sort((a, b) => a - b)).toEqual(ps.map((_, i) => i));
      }),
    );
  });

  test('the total is the path length and never longer than the input order', () => {
    fc.assert(
      fc.property(points, fc.option(point, { nil: null }), (ps, start) => {
        const r = orderRoute(ps, start);
        expect(r.totalKm).toBeCloseTo(pathKm(ps, r.order, start), 6);
        expect(r.totalKm).toBeLessThanOrEqual(
          pathKm(
            ps,
            ps.map((_, i) => i),
            start,
          ) + 1e-9,
        );
      }),
    );
  });

  test('deterministic: the same points give the same route', () => {
    fc.assert(
      fc.property(points, fc.option(point, { nil: null }), (ps, start) => {
        expect(orderRoute(ps, start)).toEqual(
          orderRoute(
            ps.map((p) => ({ ...p })),
            start,
          ),
        );
      }),
    );
  });

  test('2-opt leaves no crossing on a small square visited crosswise', () => {
    const square: LngLat[] = [
      { lng: 106, lat: -2 },
      { lng: 106.1, lat: -2.1 },
      { lng: 106.1, lat: -2 },
      { lng: 106, lat: -2.1 },
    ];
    const r = orderRoute(square, { lng: 105.95, lat: -2 });
    // Around the square's edges: 3 sides of about 11 km, plus about 5.6 km from the start.
    expect(r.totalKm).toBeLessThan(40);
  });
});

describe('plan contract', () => {
  test('agencies have unique codes and both languages', () => {
    expect(new Set(TIMPORA_AGENCY_CODES).size).toBe(TIMPORA_AGENCIES.length);
    expect(TIMPORA_AGENCY_CODES).toContain('imigrasi');
    for (const a of TIMPORA_AGENCIES) expect(a.id.length * a.en.length).toBeGreaterThan(0);
  });

  test('a plan body names the bad field', () => {
    const ok = { title: 'Operasi Juni', date: '2024-06-14', areaCode: '19.04', targets: [{ candidateId: 'site:12' }] };
    expect(planCreateInput.safeParse(ok).success).toBe(true);
    const bad = planCreateInput.safeParse({ ...ok, targets: [{ candidateId: 'site:12' }, { candidateId: 'site:12' }] });
    expect(bad.success || bad.error.issues.map((i) => i.path.join('.'))).toEqual(['targets.1.candidateId']);
    const team = planCreateInput.safeParse({ ...ok, teams: [{ key: 'a', name: 'Tim A', agencies: ['imigrasi', 'cia'] }] });
    expect(team.success || team.error.issues.map((i) => i.path.join('.'))).toEqual(['teams.0.agencies.1']);
    const unknownTeam = planCreateInput.safeParse({ ...ok, teams: [], targets: [{ candidateId: 'site:1', teamKey: 'b' }] });
    expect(unknownTeam.success || unknownTeam.error.issues.map((i) => i.path.join('.'))).toEqual(['targets.0.teamKey']);
  });

  test('an outcome counts violations only with the outcome violation', () => {
    const t = { planTargetId: 1, foreignersChecked: 11, violations: 0, outcome: 'no_violation', actions: [] };
    expect(planOutcomeInput.safeParse({ targets: [t] }).success).toBe(true);
    expect(planOutcomeInput.safeParse({ targets: [{ ...t, outcome: 'violation' }] }).success).toBe(false);
    expect(planOutcomeInput.safeParse({ targets: [t, t] }).success).toBe(false);
  });

  test('status changes', () => {
    expect(planTransitionAllowed('draft', 'approved')).toBe(true);
    expect(planTransitionAllowed('approved', 'draft')).toBe(true);
    expect(planTransitionAllowed('done', 'draft')).toBe(false);
    expect(planTransitionAllowed('draft', 'done')).toBe(false);
  });
});
