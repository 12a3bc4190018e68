// Overstays and expiring permits (issue 20), written as plain functions over one person's history:
// the SQL of @pantau/db (queries/overstays.ts) says the same thing and is tested against these.
import { applicationOpenOn, permitValidOn, type CountedApplication, type CountedPermit } from './people.js';

/** `within` of GET /areas/{code}/expiring: permits ending in the next 30, 60 or 90 days. */
export const EXPIRING_WINDOWS = [30, 60, 90] as const;
export type ExpiringWindow = (typeof EXPIRING_WINDOWS)[number];
export const EXPIRING_WINDOW_DEFAULT: ExpiringWindow = 30;

/** `minDays` of GET /areas/{code}/overstays: at least this many days past the last permit's end. */
export const OVERSTAY_MIN_DAYS = { default: 1, min: 0, max: 3650 } as const;

export type HistoryPermit = Omit<CountedPermit, 'holder'> & { id: number };
export interface HistoryMovement {
  direction: 'arrival' | 'departure';
  date: string;
}

/** What Pantau knows of one identified person: permits, applications, arrivals and departures. */
export interface StayHistory {
  permits: readonly HistoryPermit[];
  applications: ReadonlyArray<Pick<CountedApplication, 'appliedOn' | 'decidedOn'>>;
  movements: readonly HistoryMovement[];
}

/** Whole days from `from` to `to` (ISO dates; negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The permit a stay rests on as of `day`: the one issued last on or before it (latest end, then highest id, on a tie). */
export function lastPermitOn(permits: readonly HistoryPermit[], day: string): HistoryPermit | undefined {
  let last: HistoryPermit | undefined;
  for (const p of permits) {
    if (p.issuedOn > day) continue;
    if (
      !last ||
      p.issuedOn > last.issuedOn ||
      (p.issuedOn === last.issuedOn && (p.expiresOn > last.expiresOn || (p.expiresOn === last.expiresOn && p.id > last.id)))
    )
      last = p;
  }
  return last;
}

/**
 * Days a person has stayed past the end of their last permit on `day`, or null when they are not
 * overstaying: they hold a valid permit, their last permit was cancelled before its end (the demo and
 * the permit lists cancel a permit on departure), they left (a departure on or after that permit's
 * issue, up to `day`), or they wait for a decision on an open application. A permit's `expiresOn` is
 * its first day without validity, so on that day the person is 0 days over.
 */
export function overstayDays(history: StayHistory, day: string): number | null {
  const last = lastPermitOn(history.permits, day);
  if (!last) return null;
  if (history.permits.some((p) => permitValidOn(p, day))) return null;
  if (last.cancelledOn !== null && last.cancelledOn < last.expiresOn) return null;
  if (history.movements.some((m) => m.direction === 'departure' && m.date >= last.issuedOn && m.date <= day)) return null;
  if (history.applications.some((a) => applicationOpenOn(a, day))) return null;
  return daysBetween(last.expiresOn, day);
}

/**
 * Whether permit `permit` of a person is taken care of on `day`: another of their permits, issued by
 * then and not cancelled, runs longer, or they have an open application. A permit ending soon without
 * either is flagged "not renewed".
 */
export function renewedOn(permit: HistoryPermit, history: StayHistory, day: string): boolean {
  const longer = history.permits.some(
    (q) => q.id !== permit.id && q.issuedOn <= day && q.expiresOn > permit.expiresOn && (q.cancelledOn === null || q.cancelledOn > day),
  );
  return longer || history.applications.some((a) => applicationOpenOn(a, day));
}

/** Valid on `day` and ending within `within` days of it (its last valid day at most `within` days later). */
export function expiringWithin(permit: Pick<HistoryPermit, 'issuedOn' | 'expiresOn' | 'cancelledOn'>, day: string, within: number): boolean {
  return permitValidOn(permit, day) && daysBetween(day, permit.expiresOn) <= within;
}
