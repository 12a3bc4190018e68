// The 11 Chinese workers the Lebong team found at Hotel Asri on 2016-11-17 (reference-events.json, source
// 000_313fcf2ded63358c.txt): foreign workers of PT Energy Sakti Sentosa and PT Bangun Tirta Lestari waiting
// for their new KITAS at Kantor Imigrasi Kelas I Bengkulu. The article gives their number, nationality,
// lodging, employers and office, not their names, dates or how they split between the two employers: those
// are generated (origin `demo`), so that the day's figures show them as people waiting for a permit
// (pending) and the operation's target links to them.
import { addDays, type LodgingRecord, type MovementRecord, type PermitApplicationRecord, type PermitRecord, type PersonRecord } from '@pantau/domain';
import type { ReferenceEvents } from '../reference/reference-events.js';
import { referenceCompanies, referenceOffices, referenceOperations } from '../reference/reference-events.js';
import { personName } from './names.js';
import type { Random } from './random.js';

export interface TargetPersonLink {
  operationKey: string;
  place: string;
  personKey: string;
  checked: boolean;
  origin: string;
}

export interface ReferencePeople {
  people: PersonRecord[];
  permits: PermitRecord[];
  applications: PermitApplicationRecord[];
  movements: MovementRecord[];
  lodgings: LodgingRecord[];
  targetLinks: TargetPersonLink[];
}

const ORIGIN = 'demo';

/** People behind the reference operations' targets that name foreign workers waiting for a permit. */
export function referencePeople(events: ReferenceEvents, random: Random, arrivalPoint: string | null): ReferencePeople {
  const out: ReferencePeople = { people: [], permits: [], applications: [], movements: [], lodgings: [], targetLinks: [] };
  const operations = referenceOperations(
    events,
    () => null,
    () => [0, 0],
  );
  const offices = referenceOffices(events);
  const companies = referenceCompanies(events);
  events.operations.forEach((operation, o) => {
    operation.targets.forEach((target) => {
      if (!/waiting for new KITAS/i.test(target.status_found)) return;
      const office = offices.find((f) => f.workAreaCodes.includes(operation.regency_code))?.key ?? null;
      const employers = companies.filter((_, i) => events.companies[i]!.regency_code === operation.regency_code);
      for (let n = 1; n <= target.foreigners_checked; n++) {
        const personKey = `demo:ref-person:${operation.date}:${operation.regency_code}:${n}`;
        const sponsor = employers.length ? employers[(n - 1) % employers.length]!.key : null;
        const arrival = addDays(operation.date, -random.int(25, 45));
        const appliedOn = addDays(operation.date, -random.int(7, 20));
        const issuedOn = addDays(operation.date, random.int(4, 15));
        const birthDate = addDays(operation.date, -365 * random.int(24, 50) - random.int(0, 364));
        const name = personName(target.nationality, random);
        const passport = `E${operation.date.replace(/-/g, '').slice(2)}${String(n).padStart(2, '0')}`;
        out.people.push({
          key: personKey,
          name,
          sex: 'male',
          birthDate,
          nationality: target.nationality,
          passports: [{ number: passport, validFrom: addDays(arrival, -random.int(60, 900)) }],
          districtCode: null,
          regencyCode: operation.regency_code,
          origin: ORIGIN,
        });
        out.applications.push({
          personKey,
          permitType: 'itas',
          status: 'issued',
          appliedOn,
          decidedOn: issuedOn,
          officeKey: office,
          sponsorCompanyKey: sponsor,
          purpose: 'work',
          districtCode: null,
          regencyCode: operation.regency_code,
          origin: ORIGIN,
        });
        out.permits.push({
          permitNumber: `T${issuedOn.slice(2, 4)}${operation.regency_code.slice(0, 2)}R${String(n).padStart(7, '0')}`,
          permitType: 'itas',
          purpose: 'work',
          nationality: target.nationality,
          sex: 'male',
          holderName: name,
          personKey,
          passportNumber: passport,
          holderBirthDate: birthDate,
          sponsorCompanyKey: sponsor,
          issuedOn,
          expiresOn: addDays(issuedOn, 365),
          cancelledOn: null,
          districtCode: null,
          regencyCode: operation.regency_code,
          origin: ORIGIN,
        });
        out.movements.push({ personKey, direction: 'arrival', date: arrival, entryPointKey: arrivalPoint, origin: ORIGIN });
        out.lodgings.push({
          personKey,
          place: target.place,
          address: null,
          fromOn: addDays(arrival, 1),
          toOn: addDays(issuedOn, random.int(1, 10)),
          position: null,
          districtCode: null,
          regencyCode: operation.regency_code,
          origin: ORIGIN,
        });
        out.targetLinks.push({ operationKey: operations[o]!.key, place: target.place, personKey, checked: true, origin: ORIGIN });
      }
    });
  });
  return out;
}
