// A person's history as one list by date: the record's parts (applications, permits, movements, lodgings,
// checks) each give the days something happened. Pure, so the order is tested without a browser.
import type { PersonPage } from './people-api.js';

export type TimelineEntry =
  | { kind: 'applied'; date: string; application: PersonPage['applications'][number] }
  | { kind: 'decided'; date: string; application: PersonPage['applications'][number] }
  | { kind: 'issued'; date: string; permit: PersonPage['permits'][number] }
  | { kind: 'cancelled'; date: string; permit: PersonPage['permits'][number] }
  | { kind: 'expired'; date: string; permit: PersonPage['permits'][number] }
  | { kind: 'arrival' | 'departure'; date: string; movement: PersonPage['movements'][number] }
  | { kind: 'lodged'; date: string; lodging: PersonPage['lodgings'][number] }
  | { kind: 'checked'; date: string; check: PersonPage['checks'][number] };

/** On one day, the order things happen in: an arrival before the stay, an application before its permit. */
const SAME_DAY_ORDER: Record<TimelineEntry['kind'], number> = {
  arrival: 0,
  lodged: 1,
  applied: 2,
  decided: 3,
  issued: 4,
  checked: 5,
  expired: 6,
  cancelled: 7,
  departure: 8,
};

/**
 * Every dated event of the person, oldest first. A permit ends either by cancellation or, when not
 * cancelled, on its expiry day — shown only once that day has come (`today`), so a valid permit has no end yet.
 */
export function personTimeline(person: PersonPage, today: string): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const application of person.applications) {
    entries.push({ kind: 'applied', date: application.appliedOn, application });
    if (application.decidedOn) entries.push({ kind: 'decided', date: application.decidedOn, application });
  }
  for (const permit of person.permits) {
    entries.push({ kind: 'issued', date: permit.issuedOn, permit });
    if (permit.cancelledOn) entries.push({ kind: 'cancelled', date: permit.cancelledOn, permit });
    else if (permit.expiresOn <= today) entries.push({ kind: 'expired', date: permit.expiresOn, permit });
  }
  for (const movement of person.movements) entries.push({ kind: movement.direction === 'departure' ? 'departure' : 'arrival', date: movement.date, movement });
  for (const lodging of person.lodgings) entries.push({ kind: 'lodged', date: lodging.fromOn, lodging });
  for (const check of person.checks) entries.push({ kind: 'checked', date: check.date, check });
  return entries.sort((a, b) => a.date.localeCompare(b.date) || SAME_DAY_ORDER[a.kind] - SAME_DAY_ORDER[b.kind]);
}
