// The people register read back (issue 20): person search, a person's record with everything that hangs
// off them, and a sponsor's workers counted as people. Personal data: the API serves these only to roles
// allowed it (names on the company page too), every read audited. Holder figures come from people-count.ts.
import { sql, type SQL } from 'drizzle-orm';
import type { Scope } from '@pantau/domain';
import { queryRows, type Executor } from '../connect.js';
import { holderOf, pendingPeople, permitValidOnSql, validHolders } from './people-count.js';
import { scopeCondition } from './scope.js';

// Latin letters with diacritics and their plain letters, position for position: the same table folds the
// stored names (SQL translate) and what was typed (JS), so "Müller" finds "MULLER" and "muller" finds "Müller".
const ACCENTED = 'ÀÁÂÃÄÅĀĂĄàáâãäåāăąÇĆČçćčĎďÈÉÊËĒĖĘĚèéêëēėęěĞğÌÍÎÏĪİìíîïīıŁłÑŃŇñńňÒÓÔÕÖØŌòóôõöøōŘřŚŞŠśşšŢŤţťÙÚÛÜŪŮùúûüūůÝŸýÿŹŻŽźżž';
const PLAIN = 'AAAAAAAAAaaaaaaaaaCCCcccDdEEEEEEEEeeeeeeeeGgIIIIIIiiiiiiLlNNNnnnOOOOOOOoooooooRrSSSsssTTttUUUUUUuuuuuuYYyyZZZzzz';

/**
 * A name as it is compared: diacritics folded, lower case, every space removed, so "li na" finds "LI  NA"
 * and "LINA". Mirrored by `nameKeySql` in SQL.
 */
export function nameKey(text: string): string {
  const folded = [...text]
    .map((ch) => {
      const at = ACCENTED.indexOf(ch);
      return at >= 0 ? PLAIN[at]! : ch;
    })
    .join('');
  return folded
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, '');
}

/**
 * `nameKey` in SQL, over a text expression: the migration's immutable `pantau_name_key` (translate, not
 * the unaccent extension, which PGlite lacks), whose trigram index answers the name search.
 */
export const nameKeySql = (text: SQL): SQL => sql`pantau_name_key(${text})`;

/** The folding table, for the test that checks the migration's function uses the same one. */
export const NAME_FOLDING = { accented: ACCENTED, plain: PLAIN } as const;

/** Passport and permit numbers as compared: upper case, no spaces. */
const numberKey = (text: string) => text.toUpperCase().replace(/\s+/g, '');
const numberKeySql = (text: SQL): SQL => sql`upper(regexp_replace(${text}, '\\s+', '', 'g'))`;

/**
 * Person row `pe` is in the scope: they live or work there (the person's own area) or have a permit, an
 * application or a lodging there. Row-level security narrows the same rows again inside a request.
 */
export function personInScope(scope: Scope, pe = 'pe'): SQL {
  if (scope === null) return sql`true`;
  const id = sql.raw(`${pe}.id`);
  return sql`(${scopeCondition(sql.raw(`${pe}.regency_code`), scope)}
    or exists (select 1 from permits x where x.person_id = ${id} and ${scopeCondition(sql`x.regency_code`, scope)})
    or exists (select 1 from permit_applications x where x.person_id = ${id} and ${scopeCondition(sql`x.regency_code`, scope)})
    or exists (select 1 from lodgings x where x.person_id = ${id} and ${scopeCondition(sql`x.regency_code`, scope)}))`;
}

export type PersonMatch = 'name' | 'passport' | 'permit';

export interface PersonSearchHit {
  id: number;
  name: string;
  nationality: string;
  sex: string | null;
  birthDate: string | null;
  /** The passport number in use (the latest). */
  passportNumber: string | null;
  regencyCode: string;
  matchedBy: PersonMatch;
}

/**
 * People in the scope whose name contains `q` (accent-, case- and spacing-insensitive), or whose passport
 * (current or an earlier one) or permit number is `q`. Exact number matches first, then names equal to,
 * starting with and containing what was typed.
 */
export async function searchPeople(db: Executor, q: string, limit: number, scope: Scope): Promise<PersonSearchHit[]> {
  const key = nameKey(q);
  const number = numberKey(q);
  const nameExpr = nameKeySql(sql`pe.name`);
  const pattern = `%${key.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  const rows = await queryRows<{
    id: number;
    name: string;
    nationality: string;
    sex: string | null;
    birth_date: string | null;
    passport: string | null;
    regency_code: string;
    matched_by: PersonMatch;
    rank: number;
  }>(
    db,
    sql`
    with matches as (
      select pp.person_id as id, 'passport' as matched_by, 0 as rank from person_passports pp where ${numberKeySql(sql`pp.passport_number`)} = ${number}
      union all
      select p.person_id, 'permit', 0 from permits p where p.person_id is not null and ${numberKeySql(sql`p.permit_number`)} = ${number} and ${scopeCondition(sql`p.regency_code`, scope)}
      union all
      select pe.id, 'name', case when ${nameExpr} = ${key} then 1 when ${nameExpr} like ${`${key.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`} then 2 else 3 end
      from people pe where ${key.length > 0 ? sql`${nameExpr} like ${pattern}` : sql`false`}
    ), best as (select id, (array_agg(matched_by order by rank))[1] as matched_by, min(rank) as rank from matches group by id)
    select pe.id, pe.name, pe.nationality, pe.sex, pe.birth_date::text as birth_date, pe.regency_code, b.matched_by, b.rank,
      (select pp.passport_number from person_passports pp where pp.person_id = pe.id order by pp.valid_from desc nulls last, pp.id desc limit 1) as passport
    from best b join people pe on pe.id = b.id
    where ${personInScope(scope)}
    order by b.rank, pe.name, pe.id
    limit ${limit}`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    name: r.name,
    nationality: r.nationality,
    sex: r.sex,
    birthDate: r.birth_date,
    passportNumber: r.passport,
    regencyCode: r.regency_code,
    matchedBy: r.matched_by,
  }));
}

export interface PersonRecord {
  id: number;
  name: string;
  sex: string | null;
  birthDate: string | null;
  nationality: string;
  regencyCode: string;
  districtCode: string | null;
  /** Newest first: the first is the passport in use, the others earlier numbers (aliases). */
  passports: Array<{ passportNumber: string; nationality: string; validFrom: string | null; current: boolean }>;
  applications: Array<{
    id: number;
    permitType: string;
    status: string;
    appliedOn: string;
    decidedOn: string | null;
    office: string | null;
    sponsor: { id: number; name: string } | null;
    purpose: string | null;
  }>;
  permits: Array<{
    id: number;
    permitNumber: string;
    permitType: string;
    purpose: string;
    issuedOn: string;
    expiresOn: string;
    cancelledOn: string | null;
    sponsor: { id: number; name: string } | null;
    regencyCode: string;
  }>;
  /** Entry point names outside the caller's scope are not visible to it (row-level security): null there. */
  movements: Array<{ id: number; direction: string; date: string; entryPoint: { id: number; name: string } | null }>;
  lodgings: Array<{ id: number; place: string; address: string | null; fromOn: string; toOn: string | null; regencyCode: string }>;
  checks: Array<{ operationId: number; date: string; team: string; targetId: number; place: string; outcome: string; checked: boolean }>;
}

const sponsorOf = (id: number | null, name: string | null) => (id === null || name === null ? null : { id: Number(id), name });

/** One person in the scope with everything that hangs off them (each part within the scope), or null. */
export async function personRecord(db: Executor, id: number, scope: Scope): Promise<PersonRecord | null> {
  const [person] = await queryRows<{
    id: number;
    name: string;
    sex: string | null;
    birth_date: string | null;
    nationality: string;
    regency_code: string;
    district_code: string | null;
  }>(
    db,
    sql`
    select pe.id, pe.name, pe.sex, pe.birth_date::text as birth_date, pe.nationality, pe.regency_code, pe.district_code
    from people pe where pe.id = ${id} and ${personInScope(scope)}`,
  );
  if (!person) return null;
  const [passports, applications, permits, movements, lodgings, checks] = await Promise.all([
    queryRows<{ passport_number: string; nationality: string; valid_from: string | null }>(
      db,
      sql`
      select passport_number, nationality, valid_from::text as valid_from from person_passports where person_id = ${id} order by valid_from desc nulls last, id desc`,
    ),
    queryRows<{
      id: number;
      permit_type: string;
      status: string;
      applied_on: string;
      decided_on: string | null;
      office: string | null;
      sponsor_id: number | null;
      sponsor: string | null;
      purpose: string | null;
    }>(
      db,
      sql`
      select a.id, a.permit_type, a.status, a.applied_on::text as applied_on, a.decided_on::text as decided_on, o.name as office,
        a.sponsor_company_id as sponsor_id, c.name as sponsor, a.purpose
      from permit_applications a left join offices o on o.id = a.office_id left join companies c on c.id = a.sponsor_company_id
      where a.person_id = ${id} and ${scopeCondition(sql`a.regency_code`, scope)} order by a.applied_on, a.id`,
    ),
    queryRows<{
      id: number;
      permit_number: string;
      permit_type: string;
      purpose: string;
      issued_on: string;
      expires_on: string;
      cancelled_on: string | null;
      sponsor_id: number | null;
      sponsor: string | null;
      regency_code: string;
    }>(
      db,
      sql`
      select p.id, p.permit_number, p.permit_type, p.purpose, p.issued_on::text as issued_on, p.expires_on::text as expires_on, p.cancelled_on::text as cancelled_on,
        p.sponsor_company_id as sponsor_id, c.name as sponsor, p.regency_code
      from permits p left join companies c on c.id = p.sponsor_company_id
      where p.person_id = ${id} and ${scopeCondition(sql`p.regency_code`, scope)} order by p.issued_on, p.id`,
    ),
    queryRows<{ id: number; direction: string; date: string; entry_point_id: number | null; entry_point: string | null }>(
      db,
      sql`
      select m.id, m.direction, m.date::text as date, e.id as entry_point_id, e.name as entry_point
      from movements m left join entry_points e on e.id = m.entry_point_id where m.person_id = ${id} order by m.date, m.id`,
    ),
    queryRows<{ id: number; place: string; address: string | null; from_on: string; to_on: string | null; regency_code: string }>(
      db,
      sql`
      select id, place, address, from_on::text as from_on, to_on::text as to_on, regency_code from lodgings
      where person_id = ${id} and ${scopeCondition(sql`regency_code`, scope)} order by from_on, id`,
    ),
    queryRows<{ operation_id: number; date: string; team: string; target_id: number; place: string; outcome: string; checked: boolean }>(
      db,
      sql`
      select o.id as operation_id, o.date::text as date, o.team, t.id as target_id, t.place, t.outcome, otp.checked
      from operation_target_people otp join operation_targets t on t.id = otp.target_id join operations o on o.id = t.operation_id
      where otp.person_id = ${id} and ${scopeCondition(sql`t.regency_code`, scope)} order by o.date, t.id`,
    ),
  ]);
  return {
    id: Number(person.id),
    name: person.name,
    sex: person.sex,
    birthDate: person.birth_date,
    nationality: person.nationality,
    regencyCode: person.regency_code,
    districtCode: person.district_code,
    passports: passports.map((p, i) => ({ passportNumber: p.passport_number, nationality: p.nationality, validFrom: p.valid_from, current: i === 0 })),
    applications: applications.map((a) => ({
      id: Number(a.id),
      permitType: a.permit_type,
      status: a.status,
      appliedOn: a.applied_on,
      decidedOn: a.decided_on,
      office: a.office,
      sponsor: sponsorOf(a.sponsor_id, a.sponsor),
      purpose: a.purpose,
    })),
    permits: permits.map((p) => ({
      id: Number(p.id),
      permitNumber: p.permit_number,
      permitType: p.permit_type,
      purpose: p.purpose,
      issuedOn: p.issued_on,
      expiresOn: p.expires_on,
      cancelledOn: p.cancelled_on,
      sponsor: sponsorOf(p.sponsor_id, p.sponsor),
      regencyCode: p.regency_code,
    })),
    movements: movements.map((m) => ({
      id: Number(m.id),
      direction: m.direction,
      date: m.date,
      entryPoint: m.entry_point_id === null || m.entry_point === null ? null : { id: Number(m.entry_point_id), name: m.entry_point },
    })),
    lodgings: lodgings.map((l) => ({ id: Number(l.id), place: l.place, address: l.address, fromOn: l.from_on, toOn: l.to_on, regencyCode: l.regency_code })),
    checks: checks.map((c) => ({
      operationId: Number(c.operation_id),
      date: c.date,
      team: c.team,
      targetId: Number(c.target_id),
      place: c.place,
      outcome: c.outcome,
      checked: Boolean(c.checked),
    })),
  };
}

/** How far ahead a valid permit counts as expiring, and how far back an unrenewed one counts as lapsed. */
export const EXPIRING_WITHIN_DAYS = 60;
export const LAPSED_WITHIN_DAYS = 365;

export type WorkerStatus = 'itap' | 'itas' | 'visit' | 'pending' | 'lapsed';

export interface CompanyWorker {
  /** The person's id; null for a permit whose holder nobody identified. */
  personId: number | null;
  name: string;
  nationality: string;
  status: WorkerStatus;
  /** Valid: the last day of the sponsor's latest valid permit; lapsed: the day the permit ended; pending: null. */
  until: string | null;
  expiringSoon: boolean;
}

export interface CompanyWorkers {
  company: { id: number; name: string; sector: string | null; registrationNumber: string | null };
  asOf: string;
  sites: Array<{ id: number; name: string; regencyCode: string | null; districtCode: string | null; lng: number; lat: number }>;
  /** People, never permits: valid holders by their strongest type, as everywhere (people-count.ts). */
  counts: { itas: number; itap: number; visit: number; validTotal: number; permits: number; expiringSoon: number; lapsed: number; pending: number };
  workers: CompanyWorker[];
  checks: Array<{
    operationId: number;
    date: string;
    team: string;
    targetId: number;
    place: string;
    via: 'site' | 'workers';
    foreignersChecked: number;
    violations: number;
    outcome: string;
    findings: string | null;
    workersChecked: number;
  }>;
}

/**
 * A sponsor's page on `asOf`: its sites in the scope, its workers counted as people (valid ITAS/ITAP/visit
 * by the one holder definition, those whose permits end within 60 days, those whose permit lapsed in the
 * last year with no valid permit, no open application and no departure since, and those waiting for a
 * permit), and the checks at its sites or of its workers. Null when no site of it is in the scope.
 */
export async function companyWorkers(db: Executor, companyId: number, asOf: string, scope: Scope): Promise<CompanyWorkers | null> {
  const siteScope = scopeCondition(sql`s.regency_code`, scope);
  const [company] = await queryRows<{ id: number; name: string; sector: string | null; registration_number: string | null }>(
    db,
    sql`
    select c.id, c.name, c.sector, c.registration_number from companies c
    where c.id = ${companyId} and exists (select 1 from company_sites s where s.company_id = c.id and ${siteScope})`,
  );
  if (!company) return null;
  const day = sql`${asOf}::date`;
  const filter = { sponsor: companyId };
  const permitScope = scopeCondition(sql`p.regency_code`, scope);
  const [sites, valid, pending, lapsed, checks] = await Promise.all([
    queryRows<{ id: number; name: string; regency_code: string | null; district_code: string | null; lng: number; lat: number }>(
      db,
      sql`
      select s.id, s.name, s.regency_code, s.district_code, round(ST_X(s.geom)::numeric, 6) as lng, round(ST_Y(s.geom)::numeric, 6) as lat
      from company_sites s where s.company_id = ${companyId} and ${siteScope} order by s.id`,
    ),
    queryRows<{ holder: number; holder_type: 'itas' | 'itap' | 'visit'; permits: number; nationality: string; until: string; name: string }>(
      db,
      sql`
      select h.holder, h.holder_type, h.permits, coalesce(pe.nationality, h.nationality) as nationality, e.until, coalesce(pe.name, e.holder_name) as name
      from (${validHolders({ day, filter, where: permitScope })}) h
      join (select ${holderOf()} as holder, max(p.expires_on)::text as until, min(p.holder_name) as holder_name from permits p
        where ${permitValidOnSql(day)} and p.sponsor_company_id = ${companyId} and ${permitScope} group by 1) e on e.holder = h.holder
      left join people pe on pe.id = h.holder
      order by name, h.holder`,
    ),
    queryRows<{ person_id: number; name: string; nationality: string }>(
      db,
      sql`
      select w.person_id, pe.name, pe.nationality
      from (${pendingPeople({ day, filter, where: scopeCondition(sql`a.regency_code`, scope) })}) w join people pe on pe.id = w.person_id
      order by pe.name, w.person_id`,
    ),
    queryRows<{ person_id: number; name: string; nationality: string; until: string }>(
      db,
      sql`
      select distinct on (p.person_id) p.person_id, pe.name, pe.nationality, p.expires_on::text as until
      from permits p join people pe on pe.id = p.person_id
      where p.sponsor_company_id = ${companyId} and ${permitScope} and p.cancelled_on is null
        and p.expires_on <= ${day} and p.expires_on > ${day} - ${LAPSED_WITHIN_DAYS}::int
        and not exists (select 1 from permits q where q.person_id = p.person_id and ${permitValidOnSql(day, 'q')})
        and not exists (select 1 from permit_applications a where a.person_id = p.person_id and a.applied_on <= ${day} and (a.decided_on is null or a.decided_on > ${day}))
        and not exists (select 1 from movements m where m.person_id = p.person_id and m.direction = 'departure' and m.date >= p.issued_on and m.date <= ${day})
      order by p.person_id, p.expires_on desc`,
    ),
    queryRows<{
      operation_id: number;
      date: string;
      team: string;
      target_id: number;
      place: string;
      via: 'site' | 'workers';
      foreigners_checked: number;
      violations: number;
      outcome: string;
      findings: string | null;
      workers_checked: number;
    }>(
      db,
      sql`
      select o.id as operation_id, o.date::text as date, o.team, t.id as target_id, t.place,
        case when s.company_id = ${companyId} then 'site' else 'workers' end as via,
        t.foreigners_checked, t.violations, t.outcome, t.findings,
        (select count(distinct otp.person_id)::int from operation_target_people otp where otp.target_id = t.id and otp.checked
          and (exists (select 1 from permits q where q.person_id = otp.person_id and q.sponsor_company_id = ${companyId})
            or exists (select 1 from permit_applications a where a.person_id = otp.person_id and a.sponsor_company_id = ${companyId}))) as workers_checked
      from operation_targets t join operations o on o.id = t.operation_id left join company_sites s on s.id = t.company_site_id
      where ${scopeCondition(sql`t.regency_code`, scope)} and (s.company_id = ${companyId} or exists (
        select 1 from operation_target_people otp where otp.target_id = t.id
          and (exists (select 1 from permits q where q.person_id = otp.person_id and q.sponsor_company_id = ${companyId})
            or exists (select 1 from permit_applications a where a.person_id = otp.person_id and a.sponsor_company_id = ${companyId}))))
      order by o.date, t.id`,
    ),
  ]);
  const soon = (until: string) => Date.parse(until) - Date.parse(asOf) <= EXPIRING_WITHIN_DAYS * 86_400_000;
  const workers: CompanyWorker[] = [
    ...valid.map((h) => ({
      personId: Number(h.holder) > 0 ? Number(h.holder) : null,
      name: h.name,
      nationality: h.nationality,
      status: h.holder_type,
      until: h.until,
      expiringSoon: soon(h.until),
    })),
    ...pending.map((w) => ({
      personId: Number(w.person_id),
      name: w.name,
      nationality: w.nationality,
      status: 'pending' as const,
      until: null,
      expiringSoon: false,
    })),
    ...lapsed.map((w) => ({
      personId: Number(w.person_id),
      name: w.name,
      nationality: w.nationality,
      status: 'lapsed' as const,
      until: w.until,
      expiringSoon: false,
    })),
  ];
  const byType = (type: string) => valid.filter((h) => h.holder_type === type).length;
  return {
    company: { id: Number(company.id), name: company.name, sector: company.sector, registrationNumber: company.registration_number },
    asOf,
    sites: sites.map((s) => ({
      id: Number(s.id),
      name: s.name,
      regencyCode: s.regency_code,
      districtCode: s.district_code,
      lng: Number(s.lng),
      lat: Number(s.lat),
    })),
    counts: {
      itas: byType('itas'),
      itap: byType('itap'),
      visit: byType('visit'),
      validTotal: valid.length,
      permits: valid.reduce((sum, h) => sum + Number(h.permits), 0),
      expiringSoon: workers.filter((w) => w.expiringSoon).length,
      lapsed: lapsed.length,
      pending: pending.length,
    },
    workers,
    checks: checks.map((c) => ({
      operationId: Number(c.operation_id),
      date: c.date,
      team: c.team,
      targetId: Number(c.target_id),
      place: c.place,
      via: c.via,
      foreignersChecked: Number(c.foreigners_checked),
      violations: Number(c.violations),
      outcome: c.outcome,
      findings: c.findings,
      workersChecked: Number(c.workers_checked),
    })),
  };
}
