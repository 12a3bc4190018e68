// Permit lists: one row per permit.
import { importNote, normaliseValue, type PermitRecord } from '@pantau/domain';
import { companies, permits, queryOne, queryRows, sql } from '@pantau/db';
import { districtOf, jsonParam } from '../../write/area-lookup.js';
import { PERMIT_COLUMNS, permitRows, validPermits, writePermits } from '../../write/write-permits.js';
import { fail, parseDate } from '../normalise/dates.js';
import { parseNationality, parsePermitType, parsePurpose, parseSex } from '../normalise/vocabularies.js';
import type { ImportKindHandler, KindContext, RowOutcome } from '../types.js';
import type { AreaInput } from '../normalise/area-matcher.js';
import { CellReader, NO_ISSUES, nonEmptyText, remembered } from './cells.js';
import { readCoordinates } from './coordinates.js';

const companyName = (name: string) => normaliseValue(name).replace(/^(pt|cv|pt\.|cv\.)\s+/, '').replace(/[^a-z0-9 ]/g, '').replace(/\s+/g, ' ').trim();

interface Sponsors {
  /** Normalised name or registration number → company key (null: a name several companies share). */
  byName: Map<string, string | null>;
  /** Company key → id. */
  ids: Map<string, number>;
}

async function loadSponsors(tx: KindContext['tx']): Promise<Sponsors> {
  const sponsors = new Map<string, string | null>();
  const ids = new Map<string, number>();
  const rows = await queryRows<{ id: number; key: string; name: string; registration_number: string | null }>(tx, sql`select id, key, name, registration_number from ${companies}`);
  for (const r of rows) {
    ids.set(r.key, Number(r.id));
    const name = companyName(r.name);
    sponsors.set(name, sponsors.has(name) ? null : r.key);
    if (r.registration_number) sponsors.set(r.registration_number.trim(), r.key);
  }
  return { byName: sponsors, ids };
}

type PermitArea = Pick<PermitRecord, 'districtCode' | 'regencyCode'>;
type PermitCells = { [K in keyof Omit<PermitRecord, 'districtCode' | 'regencyCode'>]: PermitRecord[K] | null | undefined };
const AREA_FIELDS = ['districtCode', 'district', 'regencyCode', 'regency'];

/** The record, or the row's issues when a cell was refused or left a required value out. */
function permitOutcome(cells: CellReader, v: PermitCells, area: PermitArea | undefined): RowOutcome<PermitRecord> {
  if (cells.issues.length || !v.permitNumber || !v.permitType || !v.nationality || !v.holderName || !v.issuedOn || !v.expiresOn || v.cancelledOn === undefined || v.sex === undefined || !area) {
    return { issues: cells.issues };
  }
  return {
    issues: NO_ISSUES,
    record: { permitNumber: v.permitNumber, permitType: v.permitType, purpose: v.purpose!, nationality: v.nationality, sex: v.sex, holderName: v.holderName,
      sponsorCompanyKey: v.sponsorCompanyKey ?? null, issuedOn: v.issuedOn, expiresOn: v.expiresOn, cancelledOn: v.cancelledOn,
      districtCode: area.districtCode, regencyCode: area.regencyCode, origin: v.origin! },
  };
}

export function permitsHandler(): ImportKindHandler<PermitRecord> {
  // Read once, at the first row that names a sponsor: files without sponsors never pay for it.
  let sponsorsLoaded: Promise<Sponsors> | undefined;
  let sponsors: Sponsors | undefined;
  let purposeMissingWarned = false;
  // Per import: every distinct spelling is parsed once (the same answers, the same reasons).
  const permitTypeOf = remembered(parsePermitType);
  const nationalityOf = remembered(parseNationality);
  const dateOf = remembered(parseDate);
  const sexOf = remembered(parseSex);
  const purposeOf = remembered(parsePurpose);
  const areaMatches = new Map<string, ReturnType<KindContext['areas']['match']>>();
  const matchArea = (context: KindContext, input: AreaInput) => {
    const key = `${input.districtCode}\u0000${input.district}\u0000${input.regencyCode}\u0000${input.regency}\u0000${input.province}`;
    let found = areaMatches.get(key);
    if (found === undefined) {
      found = context.areas.match(input);
      if (areaMatches.size >= 20_000) areaMatches.clear();
      areaMatches.set(key, found);
    }
    return found;
  };

  const handler: ImportKindHandler<PermitRecord> = {
    kind: 'permits',
    required: [['permitNumber'], ['permitType'], ['nationality'], ['holderName'], ['issuedOn'], ['expiresOn'], ['districtCode', 'district', 'regencyCode', 'regency', 'lat']],
    // Synchronous for most rows; a promise only while the sponsors load, or for a row located by coordinates.
    toRecord(row, context) {
      const cells = new CellReader(row);
      if (!sponsors && cells.has('sponsor')) {
        return (sponsorsLoaded ??= loadSponsors(context.tx)).then((loaded) => { sponsors = loaded; return handler.toRecord(row, context); });
      }
      const permitNumber = cells.required('permitNumber', nonEmptyText);
      const permitType = cells.required('permitType', permitTypeOf);
      const nationality = cells.required('nationality', nationalityOf);
      const holderName = cells.required('holderName', nonEmptyText);
      const issuedOn = cells.required('issuedOn', dateOf);
      const expiresOn = cells.required('expiresOn', dateOf);
      const cancelledOn = cells.optional('cancelledOn', dateOf);
      const sex = cells.optional('sex', sexOf);
      let purpose = cells.optional('purpose', purposeOf);
      if (purpose === null) {
        if (!purposeMissingWarned) context.warn(importNote('purpose_missing'));
        purposeMissingWarned = true;
        purpose = 'work';
      }
      if (issuedOn && expiresOn && expiresOn <= issuedOn) cells.issue('expiresOn', fail('expiry_not_after_issue', { expiresOn, issuedOn }));
      if (issuedOn && cancelledOn && cancelledOn < issuedOn) cells.issue('cancelledOn', fail('cancelled_before_issue', { cancelledOn, issuedOn }));

      let sponsorCompanyKey: string | null = null;
      if (sponsors && cells.has('sponsor')) {
        const raw = cells.raw('sponsor');
        const key = sponsors.byName.get(raw) ?? sponsors.byName.get(companyName(raw));
        if (key) sponsorCompanyKey = key;
        else context.warn(importNote('sponsor_not_found', { name: raw, row: row.row }));
      }

      let area: PermitArea | undefined;
      if (AREA_FIELDS.some((f) => cells.has(f))) {
        const byName = matchArea(context, {
          districtCode: cells.raw('districtCode'), district: cells.raw('district'), regencyCode: cells.raw('regencyCode'),
          regency: cells.raw('regency'), province: cells.raw('province'),
        });
        if (byName.ok) area = byName.value;
        else cells.issue(byName.field ?? 'regency', byName);
      } else {
        const position = readCoordinates(cells);
        if (position) {
          const point = sql`ST_SetSRID(ST_MakePoint(${position[0]}::float8, ${position[1]}::float8), 4326)`;
          return queryOne<{ code: string | null }>(context.tx, sql`select ${districtOf(point)} as code`).then((found) => {
            if (found?.code) return permitOutcome(cells, { permitNumber, permitType, purpose, nationality, sex, holderName, sponsorCompanyKey, issuedOn, expiresOn, cancelledOn, origin: context.origin },
              { districtCode: found.code, regencyCode: found.code.slice(0, 5) });
            cells.issue('lat', fail('point_in_no_district'), `${cells.raw('lat')}, ${cells.raw('lng')}`);
            return { issues: cells.issues };
          });
        }
        if (position === null) cells.issue('regency', fail('no_area'));
      }
      return permitOutcome(cells, { permitNumber, permitType, purpose, nationality, sex, holderName, sponsorCompanyKey, issuedOn, expiresOn, cancelledOn, origin: context.origin }, area);
    },
    key: (p) => `${p.permitType}:${p.permitNumber}`,
    describe: (p) => `${p.permitNumber} (${p.permitType.toUpperCase()})`,

    async existing({ tx }, records) {
      const keys = records.map((p) => ({ n: p.permitNumber, t: p.permitType }));
      const rows = await queryRows<{ n: string; t: string; origin: string; area: string | null }>(tx, sql`
        select p.permit_number as n, p.permit_type as t, p.origin, coalesce(p.district_code, p.regency_code, p.province_code) as area from ${permits} p
        join jsonb_to_recordset(${jsonParam(keys)}) as k(n text, t text) on k.n = p.permit_number and k.t = p.permit_type`);
      return new Map(rows.map((r) => [`${r.t}:${r.n}`, { origin: r.origin, areaCode: r.area }]));
    },
    write: ({ tx }, records) => writePermits(tx, records),
    uniqueKeyInDatabase: true, // permits_number_type_key
    bulk: {
      table: 'permits',
      columns: PERMIT_COLUMNS,
      // The areas the import already holds and the sponsors already read: no query.
      async open({ areas: areaCodes }) {
        const companyIds = sponsors?.ids ?? new Map<string, number>();
        return (records) => permitRows(validPermits(records), { areaCodes, companyIds });
      },
    },
  };
  return handler;
}
