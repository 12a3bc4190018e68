// The shape of the demo data. Proportions come from the published figures in
// shared/data/reference-statistics.json (read at run time, never copied here); the tables below only
// fill what those figures do not say (provinces outside the published list, hot-spot regencies,
// local nationality mixes), from public knowledge of where foreign workers are.
import type { CompanySector, PermitPurpose } from '@pantau/domain';

export interface ReferenceStatistics {
  foreign_workers: Array<{
    what: string;
    year: number | string;
    value: number;
    series?: Record<string, number>;
    by_province?: Record<string, number>;
    by_nationality?: Record<string, number>;
    by_sex?: Record<string, number>;
  }>;
  enforcement: Array<{ what: string; year: number | string; value?: number; by_nationality_top5?: Record<string, number>; note?: string }>;
  apoa: Array<{ by_province_top5?: Record<string, number> }>;
  stay_permits: Array<{ what: string; year: number | string; itas_by_nationality_top?: Record<string, number>; itas?: number; itap?: number }>;
}

/** Foreign-worker stock of provinces the published table leaves out (people, same scale as Nov 2022). */
const UNLISTED_PROVINCE_STOCK: Record<string, number> = {
  '11': 250,
  '12': 2100,
  '13': 350,
  '15': 600,
  '16': 1400,
  '18': 700,
  '19': 900,
  '33': 2300,
  '34': 450,
  '36': 0,
  '52': 1100,
  '53': 300,
  '61': 1000,
  '62': 1200,
  '63': 900,
  '64': 2400,
  '65': 600,
  '71': 800,
  '73': 1600,
  '74': 3200,
  '91': 120,
  '92': 60,
  '94': 900,
  '95': 30,
  '96': 450,
  '97': 20,
};

/**
 * Province stock weights: the published Nov 2022 table first, the table above for the rest. The
 * published national total is larger than its provinces (42 % "work across several provinces"): in the
 * demo everyone works somewhere, so that remainder is spread over the provinces in proportion to their
 * stock, except Bali, whose tourism workers stay put, so that each province keeps its published share of
 * the national total.
 */
export function provinceWeights(stats: ReferenceStatistics, provinceCodes: readonly string[]): Map<string, number> {
  const table = stats.foreign_workers.find((f) => f.by_province && f.year === '2022-11');
  const weights = new Map<string, number>();
  for (const [key, value] of Object.entries(table?.by_province ?? {})) weights.set(key.slice(0, 2), value);
  for (const code of provinceCodes) {
    if (!weights.has(code)) weights.set(code, UNLISTED_PROVINCE_STOCK[code] ?? 40);
  }
  const placed = [...weights.values()].reduce((a, b) => a + b, 0);
  const spreadOver = [...weights].filter(([code]) => provinceProfile(code).nationalities !== 'bali').reduce((s, [, v]) => s + v, 0);
  const remainder = (table?.value ?? 0) - placed;
  if (remainder > 0 && spreadOver > 0) {
    for (const [code, value] of weights) if (provinceProfile(code).nationalities !== 'bali') weights.set(code, value * (1 + remainder / spreadOver));
  }
  return weights;
}

/**
 * Share of a province's foreign workers in each named regency; the remainder spreads over the
 * province's other regencies with log-normal weights.
 */
export const HOT_SPOTS: Record<string, Record<string, number>> = {
  '72': { '72.06': 0.72, '72.12': 0.1, '72.71': 0.05 }, // Morowali nickel (IMIP), Morowali Utara, Palu
  '21': { '21.71': 0.62, '21.01': 0.18, '21.02': 0.08 }, // Batam, Bintan (Lobam, Galang Batang), Karimun
  '31': { '31.71': 0.22, '31.74': 0.34, '31.73': 0.16, '31.72': 0.16, '31.75': 0.11 },
  '32': { '32.16': 0.3, '32.15': 0.2, '32.75': 0.08, '32.01': 0.1, '32.14': 0.06, '32.04': 0.06 }, // Bekasi, Karawang, Bogor, Purwakarta, Bandung
  '36': { '36.03': 0.32, '36.72': 0.28, '36.71': 0.15, '36.74': 0.12 }, // Tangerang, Cilegon
  '51': { '51.03': 0.55, '51.71': 0.2, '51.04': 0.15 }, // Badung (Kuta, Canggu), Denpasar, Gianyar (Ubud)
  '82': { '82.02': 0.55, '82.04': 0.3 }, // Weda Bay (Halmahera Tengah), Obi (Halmahera Selatan)
  '81': { '81.04': 0.2, '81.71': 0.2 },
  '74': { '74.02': 0.45, '74.09': 0.25, '74.71': 0.1 }, // Morosi (Konawe), Konawe Utara, Kendari
  '19': { '19.01': 0.3, '19.04': 0.16, '19.71': 0.24, '19.03': 0.15 }, // tin: Bangka, Bangka Tengah, Pangkalpinang
  '35': { '35.78': 0.35, '35.15': 0.15, '35.25': 0.15, '35.10': 0.05 }, // Surabaya, Sidoarjo, Gresik, Banyuwangi
  '14': { '14.05': 0.25, '14.72': 0.2, '14.71': 0.25 }, // Pelalawan (pulp), Dumai, Pekanbaru
  '64': { '64.02': 0.3, '64.08': 0.25, '64.71': 0.2 }, // Kutai Kartanegara, Kutai Timur, Balikpapan
  '12': { '12.71': 0.45, '12.07': 0.1 }, // Medan, Deli Serdang
  '73': { '73.71': 0.5 }, // Makassar
  '94': { '94.04': 0.8 }, // Mimika (Grasberg)
};

/**
 * The country-wide nationality mix of foreign workers: the mean of the published tables (Nov 2022 and
 * Jan–Sep 2024, as shares), with `other` spread over the rest.
 */
export function publishedWorkerMix(stats: ReferenceStatistics): Array<[string, number]> {
  const tables = stats.foreign_workers.filter((f) => f.by_nationality);
  const mean = new Map<string, number>();
  for (const t of tables) {
    const total = Object.values(t.by_nationality!).reduce((a, b) => a + b, 0);
    for (const [code, value] of Object.entries(t.by_nationality!)) mean.set(code, (mean.get(code) ?? 0) + value / total / tables.length);
  }
  return spreadOther(Object.fromEntries(mean.size ? mean : [['CHN', 1]]), [
    'TWN',
    'THA',
    'VNM',
    'FRA',
    'DEU',
    'NLD',
    'PAK',
    'BGD',
    'TUR',
    'ITA',
    'CAN',
    'NZL',
    'RUS',
  ]);
}

/** Share of a province's permit records that are work permits (work purpose, not a visit). */
export function workFraction(profile: ProvinceProfile): number {
  const total = profile.purposes.reduce((s, [, w]) => s + w, 0);
  return ((profile.purposes.find(([p]) => p === 'work')?.[1] ?? 0) / total) * (1 - profile.visitShare);
}

/**
 * The mix of the provinces with the national profile: what is left of the published country-wide mix once
 * Bali, the smelter provinces and the Riau Islands (mixes of their own) have their workers, so that the
 * country's work-permit holders match the published shares (a national mix everywhere would count the
 * smelters' Chinese crews twice).
 */
export function nationalMix(stats: ReferenceStatistics, provinceCodes: readonly string[]): Array<[string, number]> {
  const stocks = provinceWeights(stats, provinceCodes);
  const target = publishedWorkerMix(stats);
  const share = (mix: Array<[string, number]>) => {
    const sum = mix.reduce((s, [, v]) => s + v, 0);
    return new Map(mix.map(([k, v]) => [k, v / sum]));
  };
  let all = 0;
  let national = 0;
  const others = new Map<string, number>();
  for (const code of provinceCodes) {
    const workers = stocks.get(code) ?? 0;
    all += workers;
    const kind = provinceProfile(code).nationalities;
    if (kind === 'national') {
      national += workers;
      continue;
    }
    for (const [k, v] of share(kind === 'bali' ? baliMix(stats) : kind === 'smelter' ? SMELTER_MIX : RIAU_ISLANDS_MIX))
      others.set(k, (others.get(k) ?? 0) + v * workers);
  }
  if (national <= 0) return target;
  // Never below a fifth of the published share: every nationality still turns up everywhere.
  return [...share(target)].map(([k, v]) => [k, Math.max(v * all - (others.get(k) ?? 0), v * all * 0.2) / national] as [string, number]);
}

/** Bali's ITAS holders: tourism, retirement and families, led by Australians (2021). */
export function baliMix(stats: ReferenceStatistics): Array<[string, number]> {
  const table = stats.stay_permits.find((s) => s.itas_by_nationality_top)?.itas_by_nationality_top ?? { AUS: 1 };
  const sum = Object.values(table).reduce((a, b) => a + b, 0);
  return [...Object.entries(table), ['CHN', sum * 0.05], ['IND', sum * 0.04], ['UKR', sum * 0.04], ['other', sum * 0.25]].flatMap(([k, v]) =>
    k === 'other' ? spreadOther({ other: Number(v) }, ['CAN', 'NZL', 'ESP', 'SGP', 'MYS']) : [[k, Number(v)] as [string, number]],
  );
}

/** Smelter provinces: Chinese crews dominate (IMIP, Weda Bay, Obi, Morosi). */
export const SMELTER_MIX: Array<[string, number]> = [
  ['CHN', 86],
  ['IND', 3],
  ['KOR', 2],
  ['JPN', 2],
  ['PHL', 2],
  ['AUS', 1],
  ['MYS', 1],
  ['USA', 1],
  ['TWN', 2],
];
/** Riau Islands: manufacturing and shipyards next to Singapore. */
export const RIAU_ISLANDS_MIX: Array<[string, number]> = [
  ['CHN', 30],
  ['SGP', 18],
  ['MYS', 14],
  ['KOR', 10],
  ['JPN', 8],
  ['IND', 7],
  ['PHL', 6],
  ['GBR', 3],
  ['AUS', 2],
  ['TWN', 2],
];

function spreadOther(table: Record<string, number>, others: string[]): Array<[string, number]> {
  const entries: Array<[string, number]> = [];
  for (const [code, value] of Object.entries(table)) {
    if (code === 'other') others.forEach((o, i) => entries.push([o, (value * 2 * (others.length - i)) / (others.length * (others.length + 1))]));
    else entries.push([code, value]);
  }
  return entries;
}

/** Permits issued by year: the published TKA series, extended flat-ish around it. */
export function yearWeights(stats: ReferenceStatistics): Map<number, number> {
  const series = stats.foreign_workers.find((f) => f.series)?.series ?? {};
  const known = new Map(Object.entries(series).map(([y, v]) => [Number(y), v]));
  const first = known.get(2019) ?? 150000;
  const last = known.get(2023) ?? 160000;
  const weights = new Map<number, number>();
  for (let year = 2014; year <= 2026; year++) {
    weights.set(year, known.get(year) ?? (year < 2019 ? first * (0.86 + 0.04 * (year - 2014)) : last * (1 + 0.04 * (year - 2023))));
  }
  return weights;
}

/** How the published foreign-worker series moved from the year before (2020: 0.83, 2021: 0.80, 2022: 1.30, …); 1 outside it. */
export function workActivity(stats: ReferenceStatistics): (year: number) => number {
  const series = stats.foreign_workers.find((f) => f.series)?.series ?? {};
  return (year) => {
    const now = series[year];
    const before = series[year - 1];
    return now !== undefined && before !== undefined && before > 0 ? now / before : 1;
  };
}

export interface ProvinceProfile {
  nationalities: 'national' | 'bali' | 'smelter' | 'riau_islands';
  purposes: Array<[PermitPurpose, number]>;
  sectors: Array<[CompanySector, number]>;
  /** Share of visit permits (ITK) among stay records here. */
  visitShare: number;
}

const WORK_PURPOSES: Array<[PermitPurpose, number]> = [
  ['work', 80],
  ['family', 10],
  ['investment', 7],
  ['study', 2],
  ['retirement', 1],
];
const INDUSTRY: Array<[CompanySector, number]> = [
  ['manufacturing', 45],
  ['construction', 15],
  ['trade', 12],
  ['services', 12],
  ['energy', 8],
  ['hospitality_tourism', 4],
  ['education', 4],
];

export function provinceProfile(code: string): ProvinceProfile {
  switch (code) {
    case '51':
      return {
        nationalities: 'bali',
        purposes: [
          ['work', 30],
          ['family', 25],
          ['retirement', 20],
          ['investment', 18],
          ['study', 7],
        ],
        sectors: [
          ['hospitality_tourism', 60],
          ['services', 20],
          ['trade', 10],
          ['construction', 6],
          ['education', 4],
        ],
        visitShare: 0.22,
      };
    case '72':
    case '82':
    case '74':
      return {
        nationalities: 'smelter',
        purposes: [
          ['work', 95],
          ['investment', 3],
          ['family', 2],
        ],
        sectors: [
          ['mining_smelting', 70],
          ['construction', 15],
          ['energy', 10],
          ['services', 5],
        ],
        visitShare: 0.04,
      };
    case '21':
      return {
        nationalities: 'riau_islands',
        purposes: WORK_PURPOSES,
        sectors: [
          ['manufacturing', 50],
          ['fisheries_maritime', 15],
          ['construction', 10],
          ['hospitality_tourism', 15],
          ['trade', 10],
        ],
        visitShare: 0.1,
      };
    case '31':
      return {
        nationalities: 'national',
        purposes: [
          ['work', 70],
          ['family', 14],
          ['investment', 10],
          ['study', 5],
          ['retirement', 1],
        ],
        sectors: [
          ['services', 45],
          ['trade', 25],
          ['education', 8],
          ['construction', 10],
          ['hospitality_tourism', 12],
        ],
        visitShare: 0.1,
      };
    case '19':
    case '81':
    case '94':
      return {
        nationalities: 'national',
        purposes: WORK_PURPOSES,
        sectors: [
          ['mining_smelting', 60],
          ['energy', 10],
          ['construction', 15],
          ['fisheries_maritime', 10],
          ['services', 5],
        ],
        visitShare: 0.06,
      };
    case '14':
    case '15':
    case '16':
    case '61':
    case '62':
    case '63':
    case '64':
    case '65':
      return {
        nationalities: 'national',
        purposes: WORK_PURPOSES,
        sectors: [
          ['agriculture_plantation', 35],
          ['energy', 25],
          ['mining_smelting', 20],
          ['construction', 10],
          ['manufacturing', 10],
        ],
        visitShare: 0.05,
      };
    default:
      return { nationalities: 'national', purposes: WORK_PURPOSES, sectors: INDUSTRY, visitShare: 0.07 };
  }
}
