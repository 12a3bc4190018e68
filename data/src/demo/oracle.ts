// The oracle view (issue 23, docs/planning.md "Oracle view"): for every regency-month the backtest ranks
// (a regency on the first day of a month in which one of its places was checked), the true chance that a
// check of each of its places would find a violation, by the generator's own field model with its own
// drivers as of that first day. It draws no random number — the demo is the same with or without it —
// and it is exact, since the drivers are the generator's own (a database query would re-implement its
// windows and drift). The backtest ranks pools by it (`oracle`) and measures every ranking's expected
// findings against it.
import { dayOf, violationChance, type ViolationDrivers } from './field-model.js';

/** One place's true violation chance on the first day of a month. */
export interface OracleRow {
  /** First day of the month, YYYY-MM-DD. */
  month: string;
  regencyCode: string;
  /** A company site's key, or `district:<code>`. */
  placeKey: string;
  chance: number;
}

/** A place of a regency as the field model sees it: every driver but the months since its last check, as of a day. */
export interface OraclePlace {
  key: string;
  /** The backtest ranks a regency-month's sites when a site was checked, its districts when another place was. */
  kind: 'company_site' | 'district';
  drivers(day: number): Omit<ViolationDrivers, 'monthsSinceCheck'>;
}

const MONTH_DAYS = 30.44;

/** The last of the sorted days strictly before `day`, or null. */
export function lastBefore(sortedDays: readonly number[] | undefined, day: number): number | null {
  if (!sortedDays?.length) return null;
  let lo = 0;
  let hi = sortedDays.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sortedDays[mid]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? null : sortedDays[lo - 1]!;
}

/**
 * The oracle's rows: for each regency-month of `checks` (an operation's regency, date and the kinds of
 * place it checked), each place of the regency of a kind checked that month — the pools the backtest
 * ranks — with its chance on the month's first day. `checkDays` holds each place's check days (sorted):
 * only checks before the first day count for its months since the last check.
 */
export function oracleRows(
  checks: ReadonlyArray<{ regencyCode: string; date: string; kinds: ReadonlyArray<OraclePlace['kind']> }>,
  placesOf: (regencyCode: string) => readonly OraclePlace[],
  checkDays: ReadonlyMap<string, readonly number[]>,
): OracleRow[] {
  const regencyMonths = new Map<string, Set<OraclePlace['kind']>>();
  for (const c of checks) {
    const key = `${c.date.slice(0, 7)}-01|${c.regencyCode}`;
    const kinds = regencyMonths.get(key) ?? new Set();
    for (const k of c.kinds) kinds.add(k);
    regencyMonths.set(key, kinds);
  }
  const rows: OracleRow[] = [];
  for (const [regencyMonth, kinds] of [...regencyMonths].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const [month, regencyCode] = regencyMonth.split('|') as [string, string];
    const day = dayOf(month);
    for (const place of placesOf(regencyCode)) {
      if (!kinds.has(place.kind)) continue;
      const last = lastBefore(checkDays.get(place.key), day);
      rows.push({
        month,
        regencyCode,
        placeKey: place.key,
        chance: violationChance({ ...place.drivers(day), monthsSinceCheck: last === null ? null : (day - last) / MONTH_DAYS }),
      });
    }
  }
  return rows;
}
