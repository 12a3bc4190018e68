// Permit lists: one row per permit.
import { normaliseValue, type PermitRecord } from '@pantau/domain';
import { companies, permits, queryOne, queryRows, sql } from '@pantau/db';
import { districtOf, jsonParam } from '../../write/area-lookup.js';
import { writePermits } from '../../write/write-permits.js';
import { parseDate } from '../normalise/dates.js';
import { parseNationality, parsePermitType, parsePurpose, parseSex } from '../normalise/vocabularies.js';
import type { ImportKindHandler, KindContext } from '../types.js';
import { CellReader, nonEmptyText } from './cells.js';
import { readCoordinates } from './coordinates.js';

const companyName = (name: string) => normaliseValue(name).replace(/^(pt|cv|pt\.|cv\.)\s+/, '').replace(/[^a-z0-9 ]/g, '').replace(/\s+/g, ' ').trim();

/** Normalised name or registration number → company key (null: a name several companies share). */
async function loadSponsors(tx: KindContext['tx']): Promise<Map<string, string | null>> {
  const sponsors = new Map<string, string | null>();
  const rows = await queryRows<{ key: string; name: string; registration_number: string | null }>(tx, sql`select key, name, registration_number from ${companies}`);
  for (const r of rows) {
    const name = companyName(r.name);
    sponsors.set(name, sponsors.has(name) ? null : r.key);
    if (r.registration_number) sponsors.set(r.registration_number.trim(), r.key);
  }
  return sponsors;
}

export function permitsHandler(): ImportKindHandler<PermitRecord> {
  // Read once, at the first row that names a sponsor: files without sponsors never pay for it.
  let sponsorsLoaded: Promise<Map<string, string | null>> | undefined;
  let purposeMissingWarned = false;
  return {
    kind: 'permits',
    required: [['permitNumber'], ['permitType'], ['nationality'], ['holderName'], ['issuedOn'], ['expiresOn'], ['districtCode', 'district', 'regencyCode', 'regency', 'lat']],

    async toRecord(row, context) {
      const cells = new CellReader(row);
      const permitNumber = cells.required('permitNumber', nonEmptyText);
      const permitType = cells.required('permitType', parsePermitType);
      const nationality = cells.required('nationality', parseNationality);
      const holderName = cells.required('holderName', nonEmptyText);
      const issuedOn = cells.required('issuedOn', parseDate);
      const expiresOn = cells.required('expiresOn', parseDate);
      const cancelledOn = cells.optional('cancelledOn', parseDate);
      const sex = cells.optional('sex', parseSex);
      let purpose = cells.optional('purpose', parsePurpose);
      if (purpose === null) {
        if (!purposeMissingWarned) context.warn('Some rows give no purpose: they are imported as "work" (bekerja).');
        purposeMissingWarned = true;
        purpose = 'work';
      }
      if (issuedOn && expiresOn && expiresOn <= issuedOn) cells.issue('expiresOn', `expiry (${expiresOn}) is not after issue (${issuedOn})`);
      if (issuedOn && cancelledOn && cancelledOn < issuedOn) cells.issue('cancelledOn', `cancellation (${cancelledOn}) is before issue (${issuedOn})`);

      let sponsorCompanyKey: string | null = null;
      if (cells.has('sponsor')) {
        const raw = cells.raw('sponsor');
        const sponsors = await (sponsorsLoaded ??= loadSponsors(context.tx));
        const key = sponsors.get(raw) ?? sponsors.get(companyName(raw));
        if (key) sponsorCompanyKey = key;
        else context.warn(`Sponsors not found among the companies (imported without sponsor; import the companies first): e.g. "${raw}" on row ${row.row}.`);
      }

      let area: { districtCode: string | null; regencyCode: string } | undefined;
      const byName = context.areas.match({
        districtCode: cells.raw('districtCode'), district: cells.raw('district'), regencyCode: cells.raw('regencyCode'),
        regency: cells.raw('regency'), province: cells.raw('province'),
      });
      const hasAreaColumns = ['districtCode', 'district', 'regencyCode', 'regency'].some((f) => cells.has(f));
      if (hasAreaColumns) {
        if (byName.ok) area = byName.value;
        else cells.issue(byName.field ?? 'regency', byName.reason);
      } else {
        const position = readCoordinates(cells);
        if (position) {
          const point = sql`ST_SetSRID(ST_MakePoint(${position[0]}::float8, ${position[1]}::float8), 4326)`;
          const found = await queryOne<{ code: string | null }>(context.tx, sql`select ${districtOf(point)} as code`);
          if (found?.code) area = { districtCode: found.code, regencyCode: found.code.slice(0, 5) };
          else cells.issue('lat', 'the point lies in no district (at sea?)', `${cells.raw('lat')}, ${cells.raw('lng')}`);
        } else if (position === null) cells.issue('regency', 'no area: give a district or regency (code or name), or coordinates');
      }

      if (cells.issues.length || !permitNumber || !permitType || !nationality || !holderName || !issuedOn || !expiresOn || cancelledOn === undefined || sex === undefined || !area) {
        return { issues: cells.issues };
      }
      return {
        issues: [],
        record: { permitNumber, permitType, purpose: purpose!, nationality, sex, holderName, sponsorCompanyKey, issuedOn, expiresOn, cancelledOn,
          districtCode: area.districtCode, regencyCode: area.regencyCode, origin: context.origin },
      };
    },

    key: (p) => `${p.permitType}:${p.permitNumber}`,

    async existing({ tx }, records) {
      const keys = records.map((p) => ({ n: p.permitNumber, t: p.permitType }));
      const rows = await queryRows<{ n: string; t: string; origin: string }>(tx, sql`
        select p.permit_number as n, p.permit_type as t, p.origin from ${permits} p
        join jsonb_to_recordset(${jsonParam(keys)}) as k(n text, t text) on k.n = p.permit_number and k.t = p.permit_type`);
      return new Map(rows.map((r) => [`${r.t}:${r.n}`, r.origin]));
    },

    write: ({ tx }, records) => writePermits(tx, records),
  };
}
