// The synthetic part of the demo data. Deterministic: the same seed and scale give the same records.
// How it is shaped (proportions from reference-statistics.json via profiles.ts):
// - foreign workers sit where the published figures put them (province stock), concentrated in
//   known hot spots within each province, and in a few districts within each regency;
// - work permits are sponsored by a company of the same regency, larger companies sponsoring more;
// - holders renew their permits, except at some careless sponsors, whose lapsed holders may stay on;
// - teams pick targets half from intelligence (credible reports, risk areas, lapsed permits, places long
//   unvisited) and half by routine (large sites); a check's chance of a violation rises with drivers an
//   officer would name (field-model.ts), never from the planning score itself;
// - most targets end "no violation", as in the sources; report statuses are those of the last day.
import {
  addDays,
  daysBetween,
  type Agency,
  type CompanyRecord,
  type CompanySiteRecord,
  type EntryPointRecord,
  type MeetingRecord,
  type OfficeRecord,
  type OperationRecord,
  type PermitPurpose,
  type PermitRecord,
  type RegionalOfficeRecord,
  type ReportRecord,
  type RiskAreaRecord,
  type RiskCategory,
  type EnforcementActionRecord,
} from '@pantau/domain';
import { circle } from '@turf/turf';
import type { Geography, AreaInfo } from './geography.js';
import { companyName, personName, shortAreaName } from './names.js';
import {
  baliMix,
  HOT_SPOTS,
  nationalMix,
  provinceProfile,
  provinceWeights,
  RIAU_ISLANDS_MIX,
  SMELTER_MIX,
  workActivity,
  workFraction,
  yearWeights,
  type ReferenceStatistics,
} from './profiles.js';
import { Random, WeightedPicker } from './random.js';
import { historiesOf, type DemoHistories } from './histories.js';
import { oracleRows, type OraclePlace, type OracleRow } from './oracle.js';
import {
  countBetween,
  dayOf,
  distanceKm,
  intelligenceWeight,
  PermitLedger,
  violationChance,
  watchedShare,
  type PermitTrace,
  type TargetSignals,
} from './field-model.js';

export interface DemoOptions {
  seed: number;
  scale: number;
  /** Regencies already in a (reference) office's work area. */
  coveredRegencies: ReadonlySet<string>;
  /** Exact valid counts to hit on a date (from reference meetings), e.g. Bangka Tengah 22 ITAS / 6 ITAP. */
  pins: ReadonlyArray<{ regencyCode: string; date: string; itas: number; itap: number }>;
  /** Record the oracle view (true violation chances, oracle.ts; default true). It draws no random number: the demo is the same without it. */
  oracle?: boolean;
}

export const DEMO_SIZES = { permits: 120_000, companies: 8_000, operations: 3_000, riskAreas: 400, meetings: 500, reports: 5_000 } as const;
/** Permits are issued up to this day; the data set does not depend on the day it is generated. */
export const DEMO_LAST_DAY = '2026-10-31';
const ORIGIN = 'demo';

interface RegencyModel {
  area: AreaInfo;
  weight: number;
  districts: WeightedPicker<string>;
  companies: Array<{
    key: string;
    sector: string;
    weight: number;
    renewal: number;
    siteKeys: string[];
    siteDistricts: string[];
    sitePositions: Array<[number, number]>;
  }>;
  companyPicker: WeightedPicker<number> | null;
}

export interface DemoDataset {
  regionalOffices: RegionalOfficeRecord[];
  offices: OfficeRecord[];
  companies: CompanyRecord[];
  sites: CompanySiteRecord[];
  /** Generated lazily in chunks: 1.2 M permits at scale 10 do not need to sit in memory at once. */
  permitChunks: () => Generator<PermitRecord[]>;
  /** The same permits with their people, applications and movements (histories.ts), chunk by chunk. */
  historyChunks: () => Generator<DemoHistories>;
  riskAreas: RiskAreaRecord[];
  entryPoints: EntryPointRecord[];
  operations: OperationRecord[];
  meetings: MeetingRecord[];
  reports: ReportRecord[];
  /** Each ranked regency-month's places with their true chance of a violation (empty with `oracle: false`). */
  oracle: OracleRow[];
  expected: { permits: number };
}

export function generateDemo(geo: Geography, stats: ReferenceStatistics, options: DemoOptions): DemoDataset {
  const root = new Random(options.seed);
  const size = (n: number) => Math.max(1, Math.round(n * options.scale));
  const model = buildRegencyModels(geo, stats, root.fork('weights'));
  const regencyPicker = new WeightedPicker([...model.values()].map((m) => [m.area.code, m.weight] as const));

  const { regionalOffices, offices, officeOfRegency } = generateOrganisation(geo, options.coveredRegencies);
  const { companies, sites } = generateCompanies(
    geo,
    model,
    regencyPicker,
    size(DEMO_SIZES.companies),
    options.pins.map((p) => p.regencyCode),
    root.fork('companies'),
  );
  const { riskAreas, shapes } = generateRiskAreas(geo, model, size(DEMO_SIZES.riskAreas), root.fork('risk'));
  const entryPoints = generateEntryPoints();
  // Entry points no longer draw numbers; the fork stays so every stream after it (operations, meetings,
  // reports) is what it was and the fixtures' figures do not move.
  root.fork('entry');
  // One sponsor in five is careless with renewals: its holders' permits often lapse (and some stay on).
  const diligence = root.fork('diligence');
  for (const m of model.values())
    for (const c of m.companies) c.renewal = diligence.chance(0.2) ? 0.25 + 0.2 * diligence.next() : 0.75 + 0.2 * diligence.next();
  const permitCount = size(DEMO_SIZES.permits);
  const entryPointKeys = entryPoints.map((e) => e.key);
  const historyChunks = () =>
    generateHistories(
      generatePermits(geo, model, stats, permitCount, options, new Random(options.seed).fork('permits')),
      options.seed,
      entryPointKeys,
      (code) => officeOfRegency.get(code)?.key ?? null,
    );
  const permitChunks = function* () {
    for (const chunk of historyChunks()) yield chunk.permits;
  };
  const { reports, facts } = generateReports(geo, model, stats, size(DEMO_SIZES.reports), root.fork('reports'));
  const world = buildFieldWorld(model, permitChunks(), facts, shapes, watchedNationalities(stats));
  const checkDays = new Map<string, number[]>();
  const operations = generateOperations(
    geo,
    model,
    world,
    officeOfRegency,
    size(DEMO_SIZES.operations),
    new DeportationMix(deportationShares(stats)),
    root.fork('operations'),
    checkDays,
  );
  // After the operations (it needs every check day) and before anything else reads the world; it draws no number.
  const oracle =
    options.oracle === false
      ? []
      : oracleRows(
          operations.map((o) => ({ ...o, kinds: o.targets.map((t) => (t.kind === 'company_site' ? ('company_site' as const) : ('district' as const))) })),
          oraclePlaces(geo, model, world),
          checkDays,
        );
  settleReportStatuses(reports, facts, operations);
  const meetings = generateMeetings(geo, model, officeOfRegency, offices, size(DEMO_SIZES.meetings), root.fork('meetings'));
  // Forked last, so every stream above is what it was before meetings had decisions.
  addMeetingOutcomes(meetings, root.fork('meeting-outcomes'));
  return {
    regionalOffices,
    offices,
    companies,
    sites,
    permitChunks,
    historyChunks,
    riskAreas,
    entryPoints,
    operations,
    meetings,
    reports,
    oracle,
    expected: { permits: permitCount },
  };
}

function buildRegencyModels(geo: Geography, stats: ReferenceStatistics, random: Random): Map<string, RegencyModel> {
  const provinceWeight = provinceWeights(
    stats,
    geo.provinces.map((p) => p.code),
  );
  const models = new Map<string, RegencyModel>();
  for (const province of geo.provinces) {
    const regencies = geo.childrenOf.get(province.code) ?? [];
    const hot = HOT_SPOTS[province.code] ?? {};
    const hotShare = Object.entries(hot)
      .filter(([c]) => regencies.some((r) => r.code === c))
      .reduce((s, [, v]) => s + v, 0);
    const rest = regencies.filter((r) => !(r.code in hot));
    const restWeights = rest.map(() => random.logNormal(0.9) * (random.chance(0.15) ? 0.1 : 1));
    const restTotal = restWeights.reduce((a, b) => a + b, 0) || 1;
    const stock = provinceWeight.get(province.code) ?? 40;
    for (const regency of regencies) {
      const share = regency.code in hot ? hot[regency.code]! : ((1 - hotShare) * restWeights[rest.indexOf(regency)]!) / restTotal;
      const districts = geo.childrenOf.get(regency.code) ?? [];
      if (!districts.length) continue;
      // Foreigners cluster: a few districts of a regency hold most of them.
      const districtPicker = new WeightedPicker(districts.map((d) => [d.code, random.logNormal(1.3)] as const));
      models.set(regency.code, { area: regency, weight: stock * share, districts: districtPicker, companies: [], companyPicker: null });
    }
  }
  return models;
}

function generateOrganisation(geo: Geography, covered: ReadonlySet<string>) {
  const regionalOffices: RegionalOfficeRecord[] = geo.provinces.map((p) => ({
    key: `demo:kanwil:${p.code}`,
    name: `Kantor Wilayah Imigrasi ${p.name}`,
    provinceCode: p.code,
    origin: ORIGIN,
  }));
  const offices: OfficeRecord[] = [];
  const officeOfRegency = new Map<string, { key: string; name: string }>();
  for (const province of geo.provinces) {
    const open = (geo.childrenOf.get(province.code) ?? []).filter((r) => !covered.has(r.code));
    // Demo offices cover the regencies no reference office covers, four to six at a time.
    for (let i = 0; i < open.length; i += 5) {
      const group = open.slice(i, i + 5);
      const seat = group[0]!;
      const office = {
        key: `demo:office:${seat.code}`,
        name: `Kantor Imigrasi Kelas ${i === 0 ? 'I' : 'II'} ${shortAreaName(seat.name)}`,
        officeClass: i === 0 ? ('I' as const) : ('II' as const),
        provinceCode: province.code,
        workAreaCodes: group.map((r) => r.code),
        workAreaNote: null,
        origin: ORIGIN,
      };
      offices.push(office);
      for (const r of group) officeOfRegency.set(r.code, { key: office.key, name: office.name });
    }
  }
  return { regionalOffices, offices, officeOfRegency };
}

/** Sponsors a regency with a real meeting's figures has at least (see generateCompanies). */
const PINNED_REGENCY_SPONSORS = 3;

/**
 * Companies follow foreign workers, but less steeply: many small sponsors, a few giants. A regency a real
 * meeting reported holders for (`sponsored`, the pins: Bangka Tengah's 28) keeps at least
 * `PINNED_REGENCY_SPONSORS` whatever the scale: its holders work for companies there, and its planning views
 * (sites to rank, sites never checked) need a few; a small demo would otherwise leave it one or none.
 */
function generateCompanies(
  geo: Geography,
  model: Map<string, RegencyModel>,
  regencyPicker: WeightedPicker<string>,
  count: number,
  sponsored: readonly string[],
  random: Random,
) {
  const companies: CompanyRecord[] = [];
  const sites: CompanySiteRecord[] = [];
  const addCompany = (i: number, regencyCode: string) => {
    const m = model.get(regencyCode)!;
    const profile = provinceProfile(regencyCode.slice(0, 2));
    const sector = new WeightedPicker(profile.sectors).pick(random);
    const key = `demo:company:${i + 1}`;
    companies.push({
      key,
      name: companyName(sector, random),
      sector,
      registrationNumber: `DEMO-NIB-${String(9120000000000 + i * 7919).padStart(13, '0')}`,
      origin: ORIGIN,
    });
    const siteCount = random.chance(0.85) ? 1 : random.chance(0.8) ? 2 : 3;
    const entry = {
      key,
      sector,
      renewal: 0.85,
      weight: random.logNormal(1.4) * (sector === 'mining_smelting' ? 4 : 1),
      siteKeys: [] as string[],
      siteDistricts: [] as string[],
      sitePositions: [] as Array<[number, number]>,
    };
    for (let s = 0; s < siteCount; s++) {
      const district = m.districts.pick(random);
      const position = geo.pointIn(district, random);
      const siteKey = `${key}:site:${s + 1}`;
      sites.push({
        key: siteKey,
        companyKey: key,
        name: s === 0 ? 'Kantor dan lokasi utama' : `Lokasi kerja ${s + 1}`,
        textEn: { name: s === 0 ? 'Main office and site' : `Work site ${s + 1}` },
        position,
        origin: ORIGIN,
      });
      entry.siteKeys.push(siteKey);
      entry.siteDistricts.push(district);
      entry.sitePositions.push(position);
    }
    m.companies.push(entry);
  };
  for (let i = 0; i < count; i++) addCompany(i, random.chance(0.8) ? regencyPicker.pick(random) : random.pick([...model.keys()]));
  // After the random placements, so that adding these does not move them.
  let added = 0;
  for (const code of new Set(sponsored)) {
    const m = model.get(code);
    while (m && m.companies.length < PINNED_REGENCY_SPONSORS) addCompany(count + added++, code);
  }
  for (const m of model.values()) {
    if (m.companies.length) m.companyPicker = new WeightedPicker(m.companies.map((c, i) => [i, c.weight] as const));
  }
  return { companies, sites };
}

function nationalityPicker(provinceCode: string, stats: ReferenceStatistics, provinceCodes: readonly string[]): WeightedPicker<string> {
  const kind = provinceProfile(provinceCode).nationalities;
  const mix =
    kind === 'bali' ? baliMix(stats) : kind === 'smelter' ? SMELTER_MIX : kind === 'riau_islands' ? RIAU_ISLANDS_MIX : nationalMix(stats, provinceCodes);
  return new WeightedPicker(mix);
}

function* generatePermits(
  geo: Geography,
  model: Map<string, RegencyModel>,
  stats: ReferenceStatistics,
  count: number,
  options: DemoOptions,
  random: Random,
): Generator<PermitRecord[]> {
  // The published stocks count workers: a province where few permits are for work (Bali) needs more
  // permits in all for its workers to weigh what the figures say.
  const regencyPicker = new WeightedPicker(
    [...model.values()].map((m) => [m.area.code, m.weight / workFraction(provinceProfile(m.area.code.slice(0, 2)))] as const),
  );
  // The worker series falls in 2020–2021 and recovers: fewer arrive in a falling year (and fewer renew,
  // below), more in a rising one, so that the mid-year stock, not only the issuance, follows the series.
  // A permit issued or renewed in the second half of a year first counts in the next year's stock.
  const series = workActivity(stats);
  const activity = (day: string) => series(Number(addDays(day, 182).slice(0, 4)));
  const years = yearWeights(stats);
  const monthPicker = new WeightedPicker(
    [...years.entries()]
      .filter(([y]) => y >= 2014)
      .flatMap(([y, w]) => Array.from({ length: 12 }, (_, m) => [`${y}-${pad(m + 1)}`, w * activity(`${y}-${pad(m + 1)}-15`) ** ARRIVAL_RESPONSE] as const)),
  );
  const nationalityPickers = new Map<string, WeightedPicker<string>>();
  const sexes = stats.foreign_workers.find((f) => f.by_sex)?.by_sex ?? { male: 86, female: 14 };
  const maleShare = (sexes.male ?? 86) / ((sexes.male ?? 86) + (sexes.female ?? 14));
  const pinned = new Map(options.pins.map((p) => [p.regencyCode, p]));
  const held = new Map<string, PermitRecord[]>(); // permits of pinned regencies, adjusted at the end
  let serial = 0;
  let chunk: PermitRecord[] = [];

  // A new holder gets a name no earlier holder of the nationality has, when a few draws find one.
  const usedNames = new Set<string>();
  const newHolderName = (nationality: string) => {
    let name = personName(nationality, random);
    for (let tries = 0; tries < 3 && usedNames.has(`${nationality}|${name}`); tries++) name = personName(nationality, random);
    usedNames.add(`${nationality}|${name}`);
    return name;
  };
  const renewalChance = new Map<string, number>();
  for (const m of model.values()) for (const c of m.companies) renewalChance.set(c.key, c.renewal);
  const makePermit = (regencyCode: string): PermitRecord => {
    const m = model.get(regencyCode)!;
    const provinceCode = regencyCode.slice(0, 2);
    const profile = provinceProfile(provinceCode);
    const purpose: PermitPurpose = new WeightedPicker(profile.purposes).pick(random);
    let district = m.districts.pick(random);
    let sponsor: string | null = null;
    if ((purpose === 'work' || purpose === 'investment') && m.companyPicker) {
      const company = m.companies[m.companyPicker.pick(random)]!;
      sponsor = company.key;
      district = company.siteDistricts[0] ?? district;
    }
    // ITAP goes mostly to families, retirees and investors; with renewals and conversions it is about
    // 2.6 % of the stay permits issued (Jan–Sep 2024, reference statistics).
    const permitType = random.chance(profile.visitShare)
      ? 'visit'
      : random.chance(purpose === 'family' ? 0.14 : purpose === 'retirement' ? 0.12 : purpose === 'investment' ? 0.05 : 0.004)
        ? 'itap'
        : 'itas';
    const issuedOn = clampDay(`${monthPicker.pick(random)}-${pad(random.int(1, 28))}`);
    const days = permitType === 'visit' ? random.pick([30, 60]) : permitType === 'itap' ? 5 * 365 : random.chance(0.6) ? 365 : 730;
    const expiresOn = addDays(issuedOn, days);
    const cancelledOn = permitType === 'itas' && random.chance(0.04) ? addDays(issuedOn, random.int(10, days - 1)) : null;
    let nationalities = nationalityPickers.get(provinceCode);
    if (!nationalities) {
      nationalities = nationalityPicker(
        provinceCode,
        stats,
        geo.provinces.map((p) => p.code),
      );
      nationalityPickers.set(provinceCode, nationalities);
    }
    const nationality = nationalities.pick(random);
    const male = purpose === 'work' ? random.chance(maleShare) : random.chance(0.55);
    serial += 1;
    return {
      permitNumber: `${permitType === 'itap' ? 'P' : permitType === 'visit' ? 'K' : 'T'}${issuedOn.slice(2, 4)}${provinceCode}${String(serial).padStart(8, '0')}`,
      permitType,
      purpose,
      nationality,
      sex: male ? 'male' : 'female',
      holderName: newHolderName(nationality),
      sponsorCompanyKey: sponsor,
      issuedOn,
      expiresOn,
      cancelledOn,
      districtCode: district,
      regencyCode,
      origin: ORIGIN,
    };
  };

  // Person keys and conversions draw from a stream of their own, so the permits' stream stays as it was.
  const lives = new Random(options.seed).fork('people');
  let personSerial = 0;
  /**
   * A holder's permit and its renewals: one person, each renewal issued the day the previous permit ends
   * (nobody holds two permits of a type at once); after four ITAS some convert to an ITAP.
   */
  const makeHolder = (regencyCode: string): PermitRecord[] => {
    const personKey = `demo:person:${++personSerial}`;
    const chain = [{ ...makePermit(regencyCode), personKey }];
    for (let last = chain[0]!; chain.length < 4 && last.permitType !== 'visit' && last.cancelledOn === null;) {
      const chance =
        (last.sponsorCompanyKey ? (renewalChance.get(last.sponsorCompanyKey) ?? 0.85) : 0.7) * Math.min(1, activity(last.expiresOn)) ** RENEWAL_RESPONSE;
      if (!random.chance(chance)) break;
      random.int(3, 30); // the lead time of the renewal application, drawn as before (see historiesOf)
      const issuedOn = last.expiresOn;
      if (issuedOn > DEMO_LAST_DAY) break;
      const days = last.permitType === 'itap' ? 5 * 365 : random.chance(0.6) ? 365 : 730;
      serial += 1;
      last = {
        ...last,
        permitNumber: `${last.permitNumber[0]}${issuedOn.slice(2, 4)}${last.permitNumber.slice(3, 5)}${String(serial).padStart(8, '0')}`,
        issuedOn,
        expiresOn: addDays(issuedOn, days),
      };
      chain.push(last);
    }
    const last = chain[chain.length - 1]!;
    if (
      chain.length === 4 &&
      last.permitType === 'itas' &&
      last.cancelledOn === null &&
      last.expiresOn <= DEMO_LAST_DAY &&
      lives.chance(last.purpose === 'work' ? 0.04 : 0.16)
    ) {
      serial += 1;
      chain.push({
        ...last,
        permitType: 'itap',
        permitNumber: `P${last.expiresOn.slice(2, 4)}${last.permitNumber.slice(3, 5)}${String(serial).padStart(8, '0')}`,
        issuedOn: last.expiresOn,
        expiresOn: addDays(last.expiresOn, 5 * 365),
      });
    }
    return chain;
  };

  // `count` permit records in all, renewals included.
  for (let made = 0; made < count;) {
    const regencyCode = regencyPicker.pick(random);
    const permits = makeHolder(regencyCode).slice(0, count - made);
    made += permits.length;
    if (pinned.has(regencyCode)) {
      const list = held.get(regencyCode) ?? [];
      held.set(regencyCode, list);
      list.push(...permits);
      continue;
    }
    chunk.push(...permits);
    if (chunk.length >= 10_000) {
      yield chunk;
      chunk = [];
    }
  }
  for (const pin of options.pins) {
    if (!model.has(pin.regencyCode)) continue;
    chunk.push(...pinValidCounts(held.get(pin.regencyCode) ?? [], pin, () => makePermit(pin.regencyCode), random));
  }
  if (chunk.length) yield chunk;
}

/** Each chunk of permits with the people and histories behind it (one stream of its own, after the permits'). */
function* generateHistories(
  permitChunks: Iterable<PermitRecord[]>,
  seed: number,
  entryPointKeys: readonly string[],
  officeOf: (code: string) => string | null,
): Generator<DemoHistories> {
  const random = new Random(seed).fork('histories');
  let moved = 0;
  const context = { entryPointKeys, officeOf, nextPersonKey: () => `demo:person:moved:${++moved}` };
  for (const chunk of permitChunks) yield historiesOf(chunk, random, context);
}

/** How strongly first permits and renewals follow the worker series' year-on-year change (see generatePermits). */
const ARRIVAL_RESPONSE = 2;
const RENEWAL_RESPONSE = 2;

const pad = (n: number) => String(n).padStart(2, '0');
const clampDay = (d: string) => (d > DEMO_LAST_DAY ? DEMO_LAST_DAY : d);

export function isValidOn(p: Pick<PermitRecord, 'issuedOn' | 'expiresOn' | 'cancelledOn'>, day: string): boolean {
  return p.issuedOn <= day && day < p.expiresOn && (p.cancelledOn === null || p.cancelledOn > day);
}

/**
 * Adjusts a regency's permits so that exactly `pin.itas` ITAS and `pin.itap` ITAP are valid on
 * `pin.date` (a figure a real meeting reported): surplus holders arrive after the date, missing ones
 * are drawn from the regency's other permits (or new ones) and moved to straddle it.
 */
export function pinValidCounts(
  permits: PermitRecord[],
  pin: { date: string; itas: number; itap: number },
  make: () => PermitRecord,
  random: Random,
): PermitRecord[] {
  const out = [...permits];
  for (const type of ['itas', 'itap'] as const) {
    const target = pin[type];
    const valid = out.filter((p) => p.permitType === type && isValidOn(p, pin.date));
    for (const p of valid.slice(target)) {
      const shift = random.int(1, 400);
      const duration = daysBetween(p.issuedOn, p.expiresOn);
      p.issuedOn = addDays(pin.date, shift);
      p.expiresOn = addDays(p.issuedOn, duration);
      p.cancelledOn = null;
      p.personKey = null; // moved out of its holder's history: a person of its own (historiesOf)
    }
    let missing = target - Math.min(valid.length, target);
    const spare = out.filter((p) => p.permitType === type && !isValidOn(p, pin.date));
    while (missing > 0) {
      let p = spare.shift();
      if (!p) {
        do {
          p = make();
        } while (p.permitType !== type);
        out.push(p);
      }
      const duration = type === 'itap' ? 5 * 365 : 365;
      p.issuedOn = addDays(pin.date, -random.int(1, duration - 1));
      p.expiresOn = addDays(p.issuedOn, duration);
      p.cancelledOn = null;
      p.personKey = null;
      missing -= 1;
    }
  }
  return out;
}

const EMIGRATION_PROVINCES = ['21', '14', '61', '52', '53', '19', '35', '12', '32', '18'];
const BORDER_PROVINCES = ['61', '64', '65', '53', '91', '95', '21', '14', '11'];

/** A risk area as the field model sees it: its circle and validity (day numbers; `to` inclusive). */
export interface RiskShape {
  regencyCode: string;
  category: RiskCategory;
  centre: [number, number];
  radiusKm: number;
  from: number;
  to: number | null;
}

function generateRiskAreas(
  geo: Geography,
  model: Map<string, RegencyModel>,
  count: number,
  random: Random,
): { riskAreas: RiskAreaRecord[]; shapes: RiskShape[] } {
  const byWeight = new WeightedPicker([...model.values()].map((m) => [m.area.code, m.weight] as const));
  const inProvinces = (codes: string[]) => [...model.values()].filter((m) => codes.includes(m.area.code.slice(0, 2))).map((m) => m.area.code);
  const emigration = inProvinces(EMIGRATION_PROVINCES);
  const border = inProvinces(BORDER_PROVINCES);
  const categories = new WeightedPicker<RiskCategory>([
    ['illegal_work', 35],
    ['overstay', 20],
    ['social_conflict', 15],
    ['illegal_emigration_route', 18],
    ['illegal_entry_point', 12],
  ]);
  const out: RiskAreaRecord[] = [];
  const shapes: RiskShape[] = [];
  for (let i = 0; i < count; i++) {
    const category = categories.pick(random);
    const regencyCode =
      category === 'illegal_emigration_route' ? random.pick(emigration) : category === 'illegal_entry_point' ? random.pick(border) : byWeight.pick(random);
    const m = model.get(regencyCode)!;
    // Work-related risks sit where the companies are; the others anywhere in the regency.
    const company = (category === 'illegal_work' || category === 'social_conflict') && m.companyPicker ? m.companies[m.companyPicker.pick(random)] : undefined;
    const center = company?.sitePositions[0] ?? geo.pointIn(m.districts.pick(random), random);
    const radiusKm = category === 'illegal_emigration_route' || category === 'illegal_entry_point' ? 5 + random.next() * 15 : 1.5 + random.next() * 6;
    const validFrom = `${random.int(2016, 2025)}-${pad(random.int(1, 12))}-01`;
    const severity = random.chance(0.2) ? 'high' : random.chance(0.55) ? 'medium' : 'low';
    const validTo = random.chance(0.6) ? null : addDays(validFrom, random.int(365, 3 * 365));
    shapes.push({ regencyCode, category, centre: center, radiusKm, from: dayOf(validFrom), to: validTo === null ? null : dayOf(validTo) });
    out.push({
      key: `demo:risk:${i + 1}`,
      name: `${RISK_NAMES[category]} ${shortAreaName(m.area.name)} ${i + 1}`,
      textEn: { name: `${RISK_NAMES_EN[category]} ${shortAreaName(m.area.name)} ${i + 1}`, source: DEMO_SOURCE.en },
      category,
      severity,
      geometry: circle(center, radiusKm, { steps: 32, units: 'kilometers' }).geometry,
      validFrom,
      validTo,
      source: DEMO_SOURCE.id,
      description: null,
      origin: ORIGIN,
    });
  }
  return { riskAreas: out, shapes };
}

/** Where a demo record says it comes from, as the slides' key words the demo ("Sumber: data demo Pantau (sintetis)"). */
const DEMO_SOURCE = { id: 'data demo Pantau (sintetis)', en: 'Pantau demo data (synthetic)' } as const;

const RISK_NAMES_EN: Record<RiskCategory, string> = {
  illegal_work: 'Illegal foreign work risk',
  overstay: 'Overstay risk',
  social_conflict: 'Social conflict risk',
  illegal_emigration_route: 'Non-procedural migrant worker route',
  illegal_entry_point: 'Illegal entry route',
  visit_permit_misuse: 'Visit permit misuse risk',
};
const RISK_NAMES: Record<RiskCategory, string> = {
  illegal_work: 'Rawan TKA ilegal',
  overstay: 'Rawan overstay',
  social_conflict: 'Rawan konflik sosial',
  illegal_emigration_route: 'Jalur PMI nonprosedural',
  illegal_entry_point: 'Jalur masuk ilegal',
  visit_permit_misuse: 'Rawan penyalahgunaan izin kunjungan',
};

/** Major checkpoints at their approximate places; the rest spread over coastal and border regencies. */
/**
 * Immigration checkpoints (TPI) where real ones stand: each province's main airport, the international
 * seaports and the land border posts (PLBN). Positions are the terminal or the quay, so a harbour's may
 * lie on the water: the loader gives it the nearest area within 25 km. No checkpoint is placed in a
 * regency at random (a seaport in a landlocked regency, an airport where there is none).
 */
export const DEMO_ENTRY_POINTS: ReadonlyArray<readonly [string, 'airport' | 'seaport' | 'land_border', number, number]> = [
  // The main airport of each of the 38 provinces.
  ['TPI Bandara Sultan Iskandar Muda', 'airport', 95.4206, 5.5229],
  ['TPI Bandara Kualanamu', 'airport', 98.8851, 3.6422],
  ['TPI Bandara Minangkabau', 'airport', 100.2866, -0.7869],
  ['TPI Bandara Sultan Syarif Kasim II', 'airport', 101.4453, 0.4608],
  ['TPI Bandara Sultan Thaha', 'airport', 103.6441, -1.638],
  ['TPI Bandara Sultan Mahmud Badaruddin II', 'airport', 104.7, -2.8982],
  ['TPI Bandara Fatmawati Soekarno', 'airport', 102.339, -3.8637],
  ['TPI Bandara Radin Inten II', 'airport', 105.1789, -5.2423],
  ['TPI Bandara Depati Amir', 'airport', 106.1389, -2.1622],
  ['TPI Bandara Hang Nadim', 'airport', 104.1189, 1.1211],
  ['TPI Bandara Halim Perdanakusuma', 'airport', 106.8908, -6.2666],
  ['TPI Bandara Kertajati', 'airport', 108.158, -6.6489],
  ['TPI Bandara Jenderal Ahmad Yani', 'airport', 110.3748, -6.9727],
  ['TPI Bandara Yogyakarta', 'airport', 110.0573, -7.9006],
  ['TPI Bandara Juanda', 'airport', 112.7869, -7.3798],
  ['TPI Bandara Soekarno-Hatta', 'airport', 106.6559, -6.1256],
  ['TPI Bandara I Gusti Ngurah Rai', 'airport', 115.1672, -8.7482],
  ['TPI Bandara Zainuddin Abdul Madjid', 'airport', 116.2767, -8.7573],
  ['TPI Bandara El Tari', 'airport', 123.6709, -10.1716],
  ['TPI Bandara Supadio', 'airport', 109.4039, -0.1507],
  ['TPI Bandara Tjilik Riwut', 'airport', 113.9427, -2.2251],
  ['TPI Bandara Syamsudin Noor', 'airport', 114.7626, -3.4424],
  ['TPI Bandara Sultan Aji Muhammad Sulaiman', 'airport', 116.8944, -1.2683],
  ['TPI Bandara Juwata', 'airport', 117.5695, 3.3267],
  ['TPI Bandara Sam Ratulangi', 'airport', 124.9259, 1.5493],
  ['TPI Bandara Mutiara SIS Al-Jufrie', 'airport', 119.9097, -0.9186],
  ['TPI Bandara Sultan Hasanuddin', 'airport', 119.5541, -5.0617],
  ['TPI Bandara Haluoleo', 'airport', 122.418, -4.0816],
  ['TPI Bandara Djalaluddin', 'airport', 122.85, 0.6372],
  ['TPI Bandara Tampa Padang', 'airport', 119.0274, -2.5833],
  ['TPI Bandara Pattimura', 'airport', 128.0891, -3.7103],
  ['TPI Bandara Sultan Babullah', 'airport', 127.381, 0.8314],
  ['TPI Bandara Sentani', 'airport', 140.5163, -2.5769],
  ['TPI Bandara Rendani', 'airport', 134.0489, -0.8918],
  ['TPI Bandara Mopah', 'airport', 140.4184, -8.5203],
  ['TPI Bandara Mozes Kilangin', 'airport', 136.8868, -4.5283],
  ['TPI Bandara Wamena', 'airport', 138.957, -4.1025],
  ['TPI Bandara Domine Eduard Osok', 'airport', 131.2883, -0.8926],
  // International seaports.
  ['TPI Pelabuhan Sabang', 'seaport', 95.32, 5.89],
  ['TPI Pelabuhan Belawan', 'seaport', 98.7006, 3.786],
  ['TPI Pelabuhan Tanjung Balai Asahan', 'seaport', 99.8, 2.97],
  ['TPI Pelabuhan Teluk Bayur', 'seaport', 100.3756, -1.0006],
  ['TPI Pelabuhan Dumai', 'seaport', 101.45, 1.686],
  ['TPI Pelabuhan Bengkalis', 'seaport', 102.11, 1.47],
  ['TPI Pelabuhan Selat Panjang', 'seaport', 102.71, 1.01],
  ['TPI Pelabuhan Batam Center', 'seaport', 104.0479, 1.1283],
  ['TPI Pelabuhan Sekupang', 'seaport', 103.936, 1.1186],
  ['TPI Pelabuhan Harbour Bay', 'seaport', 103.998, 1.153],
  ['TPI Pelabuhan Tanjung Uban', 'seaport', 104.2169, 1.0655],
  ['TPI Pelabuhan Sri Bintan Pura', 'seaport', 104.443, 0.921],
  ['TPI Pelabuhan Tanjung Balai Karimun', 'seaport', 103.3926, 0.9948],
  ['TPI Pelabuhan Pangkal Balam', 'seaport', 106.135, -2.105],
  ['TPI Pelabuhan Muntok', 'seaport', 105.165, -2.062],
  ['TPI Pelabuhan Koba', 'seaport', 106.43, -2.5],
  ['TPI Pelabuhan Tanjung Pandan', 'seaport', 107.626, -2.736],
  ['TPI Pelabuhan Tanjung Priok', 'seaport', 106.8846, -6.104],
  ['TPI Pelabuhan Cirebon', 'seaport', 108.571, -6.714],
  ['TPI Pelabuhan Tanjung Emas', 'seaport', 110.425, -6.945],
  ['TPI Pelabuhan Tanjung Intan', 'seaport', 109.018, -7.739],
  ['TPI Pelabuhan Tanjung Perak', 'seaport', 112.7311, -7.1985],
  ['TPI Pelabuhan Ketapang Banyuwangi', 'seaport', 114.3966, -8.143],
  ['TPI Pelabuhan Benoa', 'seaport', 115.2108, -8.7452],
  ['TPI Pelabuhan Padang Bai', 'seaport', 115.51, -8.53],
  ['TPI Pelabuhan Celukan Bawang', 'seaport', 114.852, -8.189],
  ['TPI Pelabuhan Lembar', 'seaport', 116.073, -8.728],
  ['TPI Pelabuhan Tenau', 'seaport', 123.546, -10.199],
  ['TPI Pelabuhan Dwikora Pontianak', 'seaport', 109.34, -0.022],
  ['TPI Pelabuhan Kumai', 'seaport', 111.73, -2.74],
  ['TPI Pelabuhan Trisakti Banjarmasin', 'seaport', 114.56, -3.33],
  ['TPI Pelabuhan Semayang Balikpapan', 'seaport', 116.806, -1.271],
  ['TPI Pelabuhan Samarinda', 'seaport', 117.15, -0.51],
  ['TPI Pelabuhan Malundung Tarakan', 'seaport', 117.583, 3.288],
  ['TPI Pelabuhan Tunon Taka Nunukan', 'seaport', 117.66, 4.135],
  ['TPI Pelabuhan Bitung', 'seaport', 125.193, 1.443],
  ['TPI Pelabuhan Pantoloan', 'seaport', 119.856, -0.711],
  ['TPI Pelabuhan Soekarno-Hatta Makassar', 'seaport', 119.406, -5.133],
  ['TPI Pelabuhan Yos Sudarso Ambon', 'seaport', 128.179, -3.693],
  ['TPI Pelabuhan Ahmad Yani Ternate', 'seaport', 127.388, 0.783],
  ['TPI Pelabuhan Jayapura', 'seaport', 140.715, -2.541],
  ['TPI Pelabuhan Sorong', 'seaport', 131.245, -0.88],
  // Land border posts.
  ['PLBN Entikong', 'land_border', 110.3521, 0.993],
  ['PLBN Aruk', 'land_border', 109.3087, 1.7846],
  ['PLBN Badau', 'land_border', 111.858, 1.031],
  ['PLBN Jagoi Babang', 'land_border', 109.835, 1.395],
  ['PLBN Motaain', 'land_border', 124.9494, -9.0998],
  ['PLBN Wini', 'land_border', 124.511, -9.233],
  ['PLBN Motamasin', 'land_border', 125.098, -9.458],
  ['PLBN Skouw', 'land_border', 140.9707, -2.6306],
  ['PLBN Sota', 'land_border', 140.96, -8.42],
];

function generateEntryPoints(): EntryPointRecord[] {
  return DEMO_ENTRY_POINTS.map(([name, kind, lng, lat], i) => ({ key: `demo:tpi:${i + 1}`, name, kind, position: [lng, lat], origin: ORIGIN }));
}

/** Nationalities the field model watches: the five deported most (2023, reference statistics). */
function watchedNationalities(stats: ReferenceStatistics): Set<string> {
  const top = stats.enforcement.find((e) => e.by_nationality_top5)?.by_nationality_top5 ?? {};
  return new Set(Object.keys(top));
}

/** A report as the field model sees it: where, when, and whether it holds up when looked into. */
interface ReportFact {
  regencyCode: string;
  districtCode: string;
  position: [number, number];
  day: number;
  credible: boolean;
}

/** What the field model knows of the world when the teams go out: permits by sponsor and district, credible reports, risk areas. */
interface FieldWorld {
  sponsors: Map<string, PermitLedger>;
  districts: Map<string, PermitLedger>;
  /** Sorted days of credible reports within 1.5 km of each site / in each district. */
  siteReports: Map<string, number[]>;
  districtReports: Map<string, number[]>;
  /** Illegal-work and overstay risk areas by regency. */
  workRisks: Map<string, RiskShape[]>;
  watched: Set<string>;
}

const REPORT_RADIUS_KM = 0.5;

function buildFieldWorld(
  model: Map<string, RegencyModel>,
  permitChunks: Iterable<PermitRecord[]>,
  facts: ReportFact[],
  shapes: RiskShape[],
  watched: Set<string>,
): FieldWorld {
  const sponsors = new Map<string, PermitLedger>();
  const districts = new Map<string, PermitLedger>();
  const byHolder = new Map<string, PermitTrace[]>();
  const ledger = (map: Map<string, PermitLedger>, key: string) => {
    let l = map.get(key);
    if (!l) {
      l = new PermitLedger();
      map.set(key, l);
    }
    return l;
  };
  for (const chunk of permitChunks) {
    for (const p of chunk) {
      const trace: PermitTrace = {
        issued: dayOf(p.issuedOn),
        expires: dayOf(p.expiresOn),
        cancelled: p.cancelledOn ? dayOf(p.cancelledOn) : null,
        renewed: false,
        visit: p.permitType === 'visit',
        nationality: p.nationality,
      };
      if (p.sponsorCompanyKey) ledger(sponsors, p.sponsorCompanyKey).add(trace);
      if (p.districtCode) ledger(districts, p.districtCode).add(trace);
      // A holder is known by name and nationality, as Pantau itself tells a renewal from a lapse.
      const holder = `${p.holderName}|${p.nationality}`;
      const list = byHolder.get(holder);
      if (list) list.push(trace);
      else byHolder.set(holder, [trace]);
    }
  }
  for (const list of byHolder.values()) {
    if (list.length < 2) continue;
    const latest = Math.max(...list.map((t) => t.issued));
    for (const t of list) if (t.issued < latest) t.renewed = true;
  }
  const siteReports = new Map<string, number[]>();
  const districtReports = new Map<string, number[]>();
  const credibleByRegency = new Map<string, ReportFact[]>();
  for (const f of facts) {
    if (!f.credible) continue;
    credibleByRegency.set(f.regencyCode, [...(credibleByRegency.get(f.regencyCode) ?? []), f]);
    districtReports.set(f.districtCode, [...(districtReports.get(f.districtCode) ?? []), f.day]);
  }
  for (const [regencyCode, list] of credibleByRegency) {
    for (const c of model.get(regencyCode)?.companies ?? []) {
      c.siteKeys.forEach((key, i) => {
        const days = list.filter((f) => distanceKm(f.position, c.sitePositions[i]!) <= REPORT_RADIUS_KM).map((f) => f.day);
        if (days.length) siteReports.set(key, days);
      });
    }
  }
  for (const days of [...siteReports.values(), ...districtReports.values()]) days.sort((a, b) => a - b);
  const workRisks = new Map<string, RiskShape[]>();
  for (const r of shapes)
    if (r.category === 'illegal_work' || r.category === 'overstay') workRisks.set(r.regencyCode, [...(workRisks.get(r.regencyCode) ?? []), r]);
  return { sponsors, districts, siteReports, districtReports, workRisks, watched };
}

/** Inside (with a margin for the 32-sided polygon) a work or overstay risk area of the regency, valid on the day. */
function inWorkRisk(world: FieldWorld, regencyCode: string, position: [number, number], day: number): boolean {
  return (world.workRisks.get(regencyCode) ?? []).some(
    (r) => r.from <= day && (r.to === null || r.to >= day) && distanceKm(r.centre, position) < 0.99 * r.radiusKm,
  );
}

const MONTH_DAYS = 30.44;

/**
 * The places of a regency as the oracle sees them (oracle.ts): every company site and every district the
 * teams can pick from, with the drivers `generateOperations` computes for a check — the same windows and
 * radii — and the people checked at their expectation (55 % of a site's valid holders, at most 150, else 2;
 * 3 in a district, where a team's kind of place is a draw, so no tourist-place term).
 */
function oraclePlaces(geo: Geography, model: Map<string, RegencyModel>, world: FieldWorld): (regencyCode: string) => OraclePlace[] {
  // A company's sites share its sponsor's drivers: computed once per company and day.
  const sponsorOn = new Map<string, { lapses: number; holders: number; watched: number; growth: number }>();
  const sponsor = (companyKey: string, day: number) => {
    const key = `${companyKey}|${day}`;
    let s = sponsorOn.get(key);
    if (!s) {
      const ledger = world.sponsors.get(companyKey);
      const holders = ledger?.validOn(day) ?? [];
      const yearAgo = ledger?.validOn(day - 365).length ?? 0;
      s = {
        lapses: ledger?.lapsesBetween(day - 180, day) ?? 0,
        holders: holders.length,
        watched: watchedShare(holders, world.watched),
        growth: (holders.length - yearAgo) / Math.max(yearAgo, 10),
      };
      sponsorOn.set(key, s);
    }
    return s;
  };
  return (regencyCode) => {
    const sites = (model.get(regencyCode)?.companies ?? []).flatMap((company) =>
      company.siteKeys.map((key, index): OraclePlace => ({
        key,
        kind: 'company_site',
        drivers: (day) => {
          const s = sponsor(company.key, day);
          return {
            unrenewedLapses: s.lapses,
            verifiedReports: countBetween(world.siteReports.get(key) ?? [], day - 120, day),
            inWorkRisk: inWorkRisk(world, regencyCode, company.sitePositions[index]!, day),
            watchedShare: s.watched,
            growth: s.growth,
            peopleChecked: s.holders ? Math.min(150, Math.max(1, Math.round(0.55 * s.holders))) : 2,
            touristPlace: company.sector === 'hospitality_tourism',
          };
        },
      })),
    );
    const districts = (geo.childrenOf.get(regencyCode) ?? [])
      .filter((d) => world.districts.has(d.code) || world.districtReports.has(d.code))
      .map((d): OraclePlace => ({
        key: `district:${d.code}`,
        kind: 'district',
        drivers: (day) => ({
          unrenewedLapses: (world.districts.get(d.code)?.lapsesBetween(day - 180, day) ?? 0) / 5,
          verifiedReports: countBetween(world.districtReports.get(d.code) ?? [], day - 120, day),
          inWorkRisk: inWorkRisk(world, regencyCode, d.label, day),
          watchedShare: watchedShare(world.districts.get(d.code)?.validOn(day) ?? [], world.watched),
          growth: 0,
          peopleChecked: 3,
          touristPlace: false,
        }),
      }));
    return [...sites, ...districts];
  };
}

/** Share of targets picked from intelligence rather than routine. */
export const INTELLIGENCE_SHARE = 0.7;

function generateOperations(
  geo: Geography,
  model: Map<string, RegencyModel>,
  world: FieldWorld,
  officeOfRegency: Map<string, { key: string; name: string }>,
  count: number,
  deportations: DeportationMix,
  random: Random,
  /** Filled with each place's check days, in date order (site key or `district:<code>`). */
  checkDays: Map<string, number[]>,
): OperationRecord[] {
  const picker = new WeightedPicker([...model.values()].map((m) => [m.area.code, Math.pow(m.weight + 1, 0.6)] as const));
  const lastChecked = new Map<string, number>();
  const dates = Array.from({ length: count }, () => `${random.int(2016, 2026)}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`)
    .map(clampDay)
    .sort();
  const actionKinds = new WeightedPicker<EnforcementActionRecord['kind']>([
    ['deportation', 45],
    ['entry_ban', 25],
    ['detention', 20],
    ['fine', 7],
    ['permit_cancellation', 3],
  ]);
  const violators = new WeightedPicker([
    ['CHN', 507],
    ['NGA', 420],
    ['MYS', 332],
    ['VNM', 142],
    ['IND', 93],
    ['PHL', 60],
    ['KOR', 40],
    ['BGD', 40],
  ] as const);
  const months = (key: string, day: number) => {
    const last = lastChecked.get(key);
    return last === undefined ? null : (day - last) / MONTH_DAYS;
  };
  const checkedOn = (key: string, day: number) => {
    lastChecked.set(key, day);
    const days = checkDays.get(key);
    if (days) days.push(day);
    else checkDays.set(key, [day]);
  };
  const sitesOf = new Map<string, Array<{ company: RegencyModel['companies'][number]; index: number }>>();
  for (const m of model.values())
    sitesOf.set(
      m.area.code,
      m.companies.flatMap((company) => company.siteKeys.map((_, index) => ({ company, index }))),
    );

  const siteSignals = (regencyCode: string, company: RegencyModel['companies'][number], index: number, day: number): TargetSignals => ({
    unrenewedLapses: world.sponsors.get(company.key)?.lapsesBetween(day - 180, day) ?? 0,
    verifiedReports: countBetween(world.siteReports.get(company.siteKeys[index]!) ?? [], day - 120, day),
    inWorkRisk: inWorkRisk(world, regencyCode, company.sitePositions[index]!, day),
    monthsSinceCheck: months(company.siteKeys[index]!, day),
    holders: world.sponsors.get(company.key)?.validOn(day).length ?? 0,
  });
  // Elsewhere (lodging, ports, residences…) a team sees a part of the district: a fifth of its lapses.
  const districtSignals = (regencyCode: string, district: string, position: [number, number], day: number): TargetSignals => ({
    unrenewedLapses: (world.districts.get(district)?.lapsesBetween(day - 180, day) ?? 0) / 5,
    verifiedReports: countBetween(world.districtReports.get(district) ?? [], day - 120, day),
    inWorkRisk: inWorkRisk(world, regencyCode, position, day),
    monthsSinceCheck: months(`district:${district}`, day),
    holders: (world.districts.get(district)?.validOn(day).length ?? 0) / 5,
  });

  return dates.map((date, i) => {
    const day = dayOf(date);
    const regencyCode = picker.pick(random);
    const m = model.get(regencyCode)!;
    const touristProvince = ['51', '52', '21', '31'].includes(regencyCode.slice(0, 2));
    const sites = sitesOf.get(regencyCode) ?? [];
    const targets = Array.from({ length: random.int(1, 3) }, () => {
      const useSite = m.companyPicker !== null && sites.length > 0 && random.chance(0.65);
      // Most picks follow intelligence; the rest are routine (large sites, the usual districts).
      const fromIntelligence = random.chance(INTELLIGENCE_SHARE);
      if (useSite) {
        let company: RegencyModel['companies'][number];
        let index: number;
        if (fromIntelligence) {
          const choice = new WeightedPicker(sites.map((s, n) => [n, intelligenceWeight(siteSignals(regencyCode, s.company, s.index, day))] as const)).pick(
            random,
          );
          ({ company, index } = sites[choice]!);
        } else {
          company = m.companies[m.companyPicker!.pick(random)]!;
          index = random.int(0, company.siteKeys.length - 1);
        }
        const signals = siteSignals(regencyCode, company, index, day);
        const ledger = world.sponsors.get(company.key);
        const holders = ledger?.validOn(day) ?? [];
        const yearAgo = ledger?.validOn(day - 365).length ?? 0;
        const checked = holders.length ? Math.min(150, Math.max(1, Math.round(holders.length * (0.3 + 0.5 * random.next())))) : random.poisson(2);
        const p = violationChance({
          ...signals,
          watchedShare: watchedShare(holders, world.watched),
          growth: (holders.length - yearAgo) / Math.max(yearAgo, 10),
          peopleChecked: checked,
          touristPlace: company.sector === 'hospitality_tourism',
        });
        checkedOn(company.siteKeys[index]!, day);
        // Those found are among the sponsor's holders.
        const nationality = () => (holders.length ? random.pick(holders).nationality : violators.pick(random));
        return target(
          [`Lokasi ${company.siteKeys.length > 1 ? index + 1 : 'utama'} perusahaan`, `Company site ${company.siteKeys.length > 1 ? index + 1 : '(main)'}`],
          'company_site',
          company.sitePositions[index]!,
          company.siteKeys[index]!,
          checked,
          p,
          nationality,
        );
      }
      const kind = random.pick(
        touristProvince
          ? (['lodging', 'tourist_spot', 'tourist_spot', 'residence'] as const)
          : (['lodging', 'port', 'residence', 'mine', 'plantation'] as const),
      );
      const districts = geo.childrenOf.get(regencyCode)?.filter((d) => world.districts.has(d.code) || world.districtReports.has(d.code)) ?? [];
      const district =
        fromIntelligence && districts.length
          ? new WeightedPicker(districts.map((d) => [d.code, intelligenceWeight(districtSignals(regencyCode, d.code, d.label, day))] as const)).pick(random)
          : m.districts.pick(random);
      const position = geo.pointIn(district, random);
      const signals = districtSignals(regencyCode, district, position, day);
      const checked = random.poisson(3);
      const p = violationChance({
        ...signals,
        watchedShare: watchedShare(world.districts.get(district)?.validOn(day) ?? [], world.watched),
        growth: 0,
        peopleChecked: checked,
        touristPlace: kind === 'tourist_spot' || kind === 'lodging',
      });
      checkedOn(`district:${district}`, day);
      return target(
        [`${KIND_LABEL[kind]} di ${shortAreaName(m.area.name)}`, `${KIND_LABEL_EN[kind]} in ${shortAreaName(m.area.name)}`],
        kind,
        position,
        null,
        checked,
        p,
        () => violators.pick(random),
      );
    });
    return {
      key: `demo:operation:${i + 1}`,
      date,
      officeKey: officeOfRegency.get(regencyCode)?.key ?? null,
      team: `Timpora ${shortAreaName(m.area.name)}`,
      regencyCode,
      notes: null,
      targets,
      origin: ORIGIN,
    };
  });

  /** `place`: its Indonesian and English names. */
  function target(
    [place, placeEn]: [string, string],
    kind: OperationRecord['targets'][number]['kind'],
    position: [number, number],
    siteKey: string | null,
    checked: number,
    p: number,
    nationality: () => string,
  ) {
    const notFound = random.chance(0.04);
    const violations = !notFound && checked > 0 && random.chance(p) ? Math.min(checked, 1 + random.poisson(checked * 0.06)) : 0;
    const actions: EnforcementActionRecord[] = [];
    for (let left = violations; left > 0;) {
      const n = Math.min(left, 1 + random.poisson(0.5));
      const kind = actionKinds.pick(random);
      left -= n;
      if (kind !== 'deportation') {
        actions.push({ kind, count: n, nationality: nationality() });
        continue;
      }
      // Those deported follow the published mix: one action per nationality among them.
      const deported = new Map<string, number>();
      for (let k = 0; k < n; k++) {
        const share = deportations.next();
        const code = share === OTHER ? otherThan(deportations.named, nationality) : share;
        deported.set(code, (deported.get(code) ?? 0) + 1);
      }
      for (const [code, count] of deported) actions.push({ kind, count, nationality: code });
    }
    return {
      place,
      kind,
      position,
      siteKey,
      foreignersChecked: notFound ? 0 : checked,
      violations,
      outcome: notFound ? ('not_found' as const) : violations > 0 ? ('violation' as const) : ('no_violation' as const),
      findings: violations > 0 ? `${violations} orang asing diduga melanggar izin tinggal` : null,
      actions,
      textEn: {
        place: placeEn,
        ...(violations > 0 ? { findings: `${violations} ${violations === 1 ? 'foreigner' : 'foreigners'} suspected of breaching their stay permit` } : {}),
      },
    };
  }
}

const OTHER = 'other';

/** The published deportations by nationality (2023): the five named, and the rest as `other`. */
function deportationShares(stats: ReferenceStatistics): Array<[string, number]> {
  const published = stats.enforcement.find((e) => e.what === 'deportations' && e.by_nationality_top5);
  const named = Object.entries(published?.by_nationality_top5 ?? {});
  const total = published?.value ?? named.reduce((s, [, v]) => s + v, 0);
  const rest = Math.max(0, total - named.reduce((s, [, v]) => s + v, 0));
  return total > 0 ? [...named.map(([k, v]) => [k, v / total] as [string, number]), [OTHER, rest / total]] : [[OTHER, 1]];
}

/**
 * Who is deported next, person by person: the nationality furthest below its published share so far
 * (a running apportionment), so the mix holds however few people a small demo deports.
 */
export class DeportationMix {
  private readonly deported = new Map<string, number>();
  private total = 0;
  readonly named: ReadonlySet<string>;
  constructor(private readonly shares: ReadonlyArray<readonly [string, number]>) {
    this.named = new Set(shares.map(([k]) => k).filter((k) => k !== OTHER));
  }
  next(): string {
    let best = this.shares[0]![0];
    let deficit = -Infinity;
    for (const [code, share] of this.shares) {
      const d = share * (this.total + 1) - (this.deported.get(code) ?? 0);
      if (d > deficit) {
        deficit = d;
        best = code;
      }
    }
    this.deported.set(best, (this.deported.get(best) ?? 0) + 1);
    this.total += 1;
    return best;
  }
}

/** A nationality found at the place that is not one of the `named` (a few tries), else one of the watched others. */
function otherThan(named: ReadonlySet<string>, found: () => string): string {
  for (let tries = 0; tries < 5; tries++) {
    const code = found();
    if (!named.has(code)) return code;
  }
  return OTHER_DEPORTED[named.size % OTHER_DEPORTED.length]!;
}
const OTHER_DEPORTED = ['PHL', 'KOR', 'BGD'] as const;

const KIND_LABEL_EN: Record<string, string> = {
  lodging: 'Lodging',
  tourist_spot: 'Tourist spot',
  residence: 'Residence',
  port: 'Port',
  mine: 'Mining area',
  plantation: 'Plantation',
  company_site: 'Company site',
  other: 'Place',
};
const KIND_LABEL: Record<string, string> = {
  lodging: 'Penginapan',
  tourist_spot: 'Objek wisata',
  residence: 'Tempat tinggal',
  port: 'Pelabuhan',
  mine: 'Area tambang',
  plantation: 'Perkebunan',
  company_site: 'Lokasi perusahaan',
  other: 'Lokasi',
};

function generateMeetings(
  geo: Geography,
  model: Map<string, RegencyModel>,
  officeOfRegency: Map<string, { key: string; name: string }>,
  offices: OfficeRecord[],
  count: number,
  random: Random,
): MeetingRecord[] {
  const picker = new WeightedPicker([...model.values()].map((m) => [m.area.code, Math.pow(m.weight + 1, 0.4)] as const));
  void offices;
  return Array.from({ length: count }, (_, i) => {
    const regencyCode = picker.pick(random);
    const name = shortAreaName(geo.byCode.get(regencyCode)!.name);
    const date = clampDay(`${random.int(2016, 2026)}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`);
    const hall = random.chance(0.5);
    return {
      key: `demo:meeting:${i + 1}`,
      date,
      title: `Rapat Koordinasi Timpora ${name}`,
      venue: hall ? `Aula Kantor Bupati/Wali Kota ${name}` : `Hotel di ${name}`,
      regencyCode,
      textEn: { title: `Timpora coordination meeting, ${name}`, venue: hall ? `Regent's/Mayor's office hall, ${name}` : `A hotel in ${name}` },
      organiser: officeOfRegency.get(regencyCode)?.name ?? 'Kantor Imigrasi setempat',
      attendees: [`Kesbangpol ${name}`, `Polres ${name}`, 'Kodim setempat', `Kejaksaan Negeri ${name}`, `Disnaker ${name}`, `Disdukcapil ${name}`],
      notes: [],
      origin: ORIGIN,
    };
  });
}

/** What a Rakor Timpora typically decides, and the tasks it hands to member agencies (from the source articles' meetings). */
const MEETING_DECISIONS: ReadonlyArray<{ text: string; tasks: ReadonlyArray<{ task: string; agency: Agency }> }> = [
  {
    text: 'Melaksanakan operasi gabungan ke perusahaan penjamin TKA',
    tasks: [
      { task: 'Menyusun rencana operasi gabungan dan daftar sasaran', agency: 'imigrasi' },
      { task: 'Menyiapkan personel pengamanan operasi gabungan', agency: 'polri' },
    ],
  },
  {
    text: 'Pendataan ulang TKA pada perusahaan yang belum melapor',
    tasks: [
      { task: 'Menyampaikan data RPTKA dan TKA per perusahaan', agency: 'disnaker' },
      { task: 'Mencocokkan data SKTT orang asing dengan data izin tinggal', agency: 'disdukcapil' },
    ],
  },
  {
    text: 'Sosialisasi kewajiban pelaporan orang asing kepada pengelola penginapan',
    tasks: [
      { task: 'Mengundang pengelola hotel dan penginapan', agency: 'kesbangpol' },
      { task: 'Menyiapkan materi sosialisasi aplikasi APOA', agency: 'imigrasi' },
    ],
  },
  {
    text: 'Menindaklanjuti laporan masyarakat tentang orang asing bekerja tanpa izin',
    tasks: [
      { task: 'Verifikasi lapangan atas laporan masyarakat', agency: 'imigrasi' },
      { task: 'Memeriksa izin kerja di lokasi yang dilaporkan', agency: 'disnaker' },
    ],
  },
  {
    text: 'Pengawasan kegiatan keagamaan dan pendidikan yang melibatkan orang asing',
    tasks: [{ task: 'Mendata lembaga yang menerima orang asing', agency: 'kemenag' }],
  },
  {
    text: 'Pengawasan jalur masuk tidak resmi di wilayah pesisir',
    tasks: [
      { task: 'Patroli bersama di jalur pesisir', agency: 'tni' },
      { task: 'Berbagi informasi pergerakan orang asing', agency: 'bin' },
    ],
  },
];

/** The longest a demo task stays open past its due date before a later meeting closes or drops it. */
const LATE_CLOSURE_DAYS = 365;

/**
 * Decisions and follow-ups of each demo meeting: one to three decisions, their tasks due two to eight
 * weeks later. A task due before the demo's last day was mostly done on time (70 %), sometimes dropped
 * (10 %); the rest ran late: closed (done late or dropped) within a year of its due date, or, when that
 * year has not yet passed on the demo's last day, still open and overdue. Later tasks are open.
 */
export function addMeetingOutcomes(meetings: MeetingRecord[], random: Random): void {
  for (const meeting of meetings) {
    // A partial Fisher–Yates shuffle: the first `count` decisions, each once.
    const order = [...MEETING_DECISIONS.keys()];
    const count = random.int(1, 3);
    for (let i = 0; i < count; i++) {
      const j = random.int(i, order.length - 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const picks = order.slice(0, count);
    meeting.decisions = picks.map((k) => ({ text: MEETING_DECISIONS[k]!.text }));
    meeting.followUps = picks.flatMap((k, i) =>
      MEETING_DECISIONS[k]!.tasks.map(({ task, agency }) => {
        const dueDate = addDays(meeting.date, 7 * random.int(2, 8));
        const roll = random.next();
        const pastDue = dueDate < DEMO_LAST_DAY;
        if (pastDue && roll < 0.8) {
          const changedOn = clampDay(addDays(meeting.date, random.int(3, Math.max(3, daysBetween(meeting.date, dueDate) + 10))));
          return { decision: i + 1, task, ownerAgency: agency, dueDate, status: roll < 0.7 ? 'done' : 'dropped', changedOn } as const;
        }
        // A task left open is taken up again at later meetings: within a year it is done late or dropped,
        // so no list shows tasks years overdue (real minutes close or drop them).
        if (pastDue && daysBetween(dueDate, DEMO_LAST_DAY) > LATE_CLOSURE_DAYS) {
          // From the roll already drawn (0.8–1), so the draws of every later meeting stay as they were;
          // a task dropped waited longer than one done late.
          const changedOn = clampDay(addDays(dueDate, 14 + Math.floor(((roll - 0.8) / 0.2) * (LATE_CLOSURE_DAYS - 14))));
          return { decision: i + 1, task, ownerAgency: agency, dueDate, status: roll < 0.9 ? 'done' : 'dropped', changedOn } as const;
        }
        return { decision: i + 1, task, ownerAgency: agency, dueDate, status: 'open', changedOn: null } as const;
      }),
    );
  }
}

function generateReports(
  geo: Geography,
  model: Map<string, RegencyModel>,
  stats: ReferenceStatistics,
  count: number,
  random: Random,
): { reports: ReportRecord[]; facts: ReportFact[] } {
  // APOA reports follow guests more than workers: Bali and the Riau Islands weigh more.
  const apoaTop = stats.apoa.find((a) => a.by_province_top5)?.by_province_top5 ?? {};
  const boost = new Map(Object.entries(apoaTop).map(([k, v]) => [k.slice(0, 2), v]));
  const maxBoost = Math.max(1, ...boost.values());
  const picker = new WeightedPicker(
    [...model.values()].map((m) => [m.area.code, (m.weight + 5) * (1 + 4 * ((boost.get(m.area.code.slice(0, 2)) ?? 0) / maxBoost))] as const),
  );
  const channels = new WeightedPicker([
    ['apoa', 50],
    ['whatsapp', 25],
    ['phone', 15],
    ['walk_in', 10],
  ] as const);
  const categories = new WeightedPicker([
    ['illegal_work', 30],
    ['suspicious_activity', 25],
    ['unreported_residence', 20],
    ['overstay', 12],
    ['permit_misuse', 10],
    ['other', 3],
  ] as const);
  const lastDay = dayOf(DEMO_LAST_DAY);
  const facts: ReportFact[] = [];
  const reports: ReportRecord[] = [];
  const add = (m: RegencyModel, day: string, category: ReportRecord['category'], districtCode: string, position: [number, number], credible: boolean) => {
    // The last weeks' reports are partly still waiting.
    const pending = lastDay - dayOf(day) < 45 && random.chance(0.7);
    facts.push({ regencyCode: m.area.code, districtCode, position, day: dayOf(day), credible: credible && !pending });
    reports.push({
      key: `demo:report:${reports.length + 1}`,
      receivedAt: `${day}T${pad(random.int(0, 23))}:${pad(random.int(0, 59))}:00+07:00`,
      channel: channels.pick(random),
      category,
      status: pending ? 'new' : credible ? 'verified' : 'dismissed',
      position,
      summary: null,
      origin: ORIGIN,
    });
  };
  while (reports.length < count) {
    const m = model.get(picker.pick(random))!;
    const year = random.int(2019, 2026);
    const day = clampDay(`${year}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`);
    const category = categories.pick(random);
    // Half the reports about work and stay name a company: more often one that is careless with permits.
    const about =
      WORK_REPORTS.has(category) && m.companies.length && random.chance(0.5)
        ? m.companies[new WeightedPicker(m.companies.map((c, n) => [n, c.weight * (c.renewal < 0.5 ? 5 : 1)] as const)).pick(random)]!
        : null;
    const siteIndex = about ? random.int(0, about.siteKeys.length - 1) : 0;
    const districtCode = about ? about.siteDistricts[siteIndex]! : m.districts.pick(random);
    const position: [number, number] = about ? nearby(about.sitePositions[siteIndex]!, 0.3, random) : geo.pointIn(districtCode, random);
    // Half the reports hold up when looked into.
    const credible = random.chance(0.5);
    add(m, day, category, districtCode, position, credible);
    // What goes on at a site is seen by more than one person: a report naming a site is sometimes
    // followed within weeks by others about the same place (neighbours, workers, the village head),
    // more often at careless sponsors, and they hold up together more often than not.
    if (!about || !random.chance(about.renewal < 0.5 ? 0.25 : 0.08)) continue;
    const followers = random.int(2, 4);
    for (let k = 0; k < followers && reports.length < count; k++) {
      const later = clampDay(addDays(day, random.int(3, 60)));
      add(
        m,
        later,
        random.chance(0.7) ? category : categories.pick(random),
        districtCode,
        nearby(about.sitePositions[siteIndex]!, 0.3, random),
        random.chance(credible ? 0.7 : 0.3),
      );
    }
  }
  return { reports, facts };
}

const WORK_REPORTS = new Set(['illegal_work', 'overstay', 'permit_misuse']);

/** A point within `km` of `p` (uniform in the square; enough for a report's address). */
function nearby(p: [number, number], km: number, random: Random): [number, number] {
  const k = Math.cos((p[1] * Math.PI) / 180);
  return [p[0] + ((random.next() * 2 - 1) * km) / (111.32 * k), p[1] + ((random.next() * 2 - 1) * km) / 110.57];
}

/** Statuses on the last day: a credible report followed within 120 days by a check within 2 km was acted on. */
function settleReportStatuses(reports: ReportRecord[], facts: ReportFact[], operations: OperationRecord[]): void {
  const checks = new Map<string, Array<{ day: number; position: [number, number] }>>();
  for (const o of operations) {
    const list = checks.get(o.regencyCode) ?? [];
    checks.set(o.regencyCode, list);
    for (const t of o.targets) list.push({ day: dayOf(o.date), position: t.position as [number, number] });
  }
  reports.forEach((r, i) => {
    const f = facts[i]!;
    if (r.status !== 'verified') return;
    if ((checks.get(f.regencyCode) ?? []).some((c) => c.day >= f.day && c.day <= f.day + 120 && distanceKm(c.position, f.position) <= 2)) r.status = 'acted';
  });
}
