// People and their histories behind the demo permits (issue 20): one person per chain of permits (the
// generator's renewals and conversions), with a birth date, a passport (some replaced, the old number kept
// as an alias), the application behind each stay permit, an arrival before the first permit and a departure
// that ends the last one, except for those who stay on after it ends (overstay).
import { addDays, type MovementRecord, type PermitApplicationRecord, type PermitRecord, type PersonRecord } from '@pantau/domain';
import { DEMO_LAST_DAY_OF_HISTORY } from './history-days.js';
import type { Random } from './random.js';

export interface DemoHistories {
  people: PersonRecord[];
  permits: PermitRecord[];
  applications: PermitApplicationRecord[];
  movements: MovementRecord[];
}

export interface HistoryContext {
  /** Entry points people arrive and leave through. */
  entryPointKeys: readonly string[];
  /** The immigration office of a regency (its applications go there), or null. */
  officeOf: (regencyCode: string) => string | null;
  /** Next number for a person without a key (moved by a pin). */
  nextPersonKey: () => string;
}

/** Share of people who stay on after their last permit ends, with no departure (overstay). */
export const OVERSTAY_SHARE = 0.06;

/**
 * Completes `permits` (whole chains, as the generator yields them) with their people and histories. Permits
 * without a person key (moved by a pin) get a person of their own. Permit records gain the holder's passport
 * number and birth date.
 */
export function historiesOf(permits: readonly PermitRecord[], random: Random, context: HistoryContext): DemoHistories {
  const byPerson = new Map<string, PermitRecord[]>();
  const out: DemoHistories = { people: [], permits: [], applications: [], movements: [] };
  for (const p of permits) {
    const key = p.personKey ?? context.nextPersonKey();
    const list = byPerson.get(key);
    if (list) list.push(p);
    else byPerson.set(key, [p]);
  }
  for (const [personKey, held] of byPerson) {
    held.sort((a, b) => (a.issuedOn < b.issuedOn ? -1 : a.issuedOn > b.issuedOn ? 1 : 0));
    const first = held[0]!;
    const last = held[held.length - 1]!;
    // Unique per nationality: the person's number (M for a person a pin moved, who has a number series of its own).
    const serial = `${personKey.includes(':moved:') ? 'M' : ''}${personKey.replace(/\D/g, '').padStart(7, '0')}`;
    const birthDate = addDays(first.issuedOn, -365 * random.int(22, 58) - random.int(0, 364));
    // One in twenty replaced a passport halfway: the old number stays as an alias.
    const replacedOn = held.length > 1 && random.chance(0.05) ? held[Math.floor(held.length / 2)]!.issuedOn : null;
    const passports = [{ number: `${first.nationality.slice(0, 1)}${serial}`, validFrom: addDays(first.issuedOn, -random.int(30, 1500)) }];
    if (replacedOn) passports.push({ number: `${first.nationality.slice(0, 1)}R${serial}`, validFrom: replacedOn });
    out.people.push({
      key: personKey,
      name: first.holderName,
      sex: first.sex,
      birthDate,
      nationality: first.nationality,
      passports,
      districtCode: last.districtCode,
      regencyCode: last.regencyCode,
      origin: first.origin,
    });
    let earliestApplied = first.issuedOn;
    for (const p of held) {
      const passport = replacedOn && p.issuedOn >= replacedOn ? passports[1]! : passports[0]!;
      out.permits.push({ ...p, personKey, passportNumber: passport.number, holderBirthDate: birthDate });
      if (p.permitType === 'visit') continue;
      // The application behind the permit, decided the day it was issued; a few people had one refused first.
      const appliedOn = addDays(p.issuedOn, -random.int(5, 40));
      const application = {
        personKey,
        permitType: p.permitType,
        officeKey: context.officeOf(p.regencyCode),
        sponsorCompanyKey: p.sponsorCompanyKey,
        purpose: p.purpose,
        districtCode: p.districtCode,
        regencyCode: p.regencyCode,
        origin: p.origin,
      };
      if (p === first && random.chance(0.02)) {
        const refusedOn = addDays(appliedOn, -random.int(10, 60));
        const refusedApplied = addDays(refusedOn, -random.int(10, 40));
        out.applications.push({ ...application, status: 'refused', appliedOn: refusedApplied, decidedOn: refusedOn });
        if (refusedApplied < earliestApplied) earliestApplied = refusedApplied;
      }
      if (appliedOn < earliestApplied) earliestApplied = appliedOn;
      out.applications.push({ ...application, status: 'issued', appliedOn, decidedOn: p.issuedOn });
    }
    const arrival = addDays(earliestApplied, -random.int(1, 30));
    out.movements.push({ personKey, direction: 'arrival', date: arrival, entryPointKey: random.pick(context.entryPointKeys), origin: first.origin });
    // The last permit ends the stay: cancelled on departure, or expired and left, or expired and stayed on.
    const end = last.cancelledOn ?? last.expiresOn;
    if (end <= DEMO_LAST_DAY_OF_HISTORY && (last.cancelledOn !== null || !random.chance(OVERSTAY_SHARE))) {
      out.movements.push({ personKey, direction: 'departure', date: end, entryPointKey: random.pick(context.entryPointKeys), origin: first.origin });
    }
  }
  return out;
}
