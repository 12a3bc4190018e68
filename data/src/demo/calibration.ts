// How close the demo data sits to the published figures it is shaped on (issue 20, "Demo data,
// calibrated"): one measuring routine over plain records, fed either by the generator's output (tests,
// any seed, no database) or by the demo rows of a database (`pantau demo --report`, what was loaded).
// Holders are people (the domain's countHolders: distinct people, unidentified permits one each); only
// "permits issued" and enforcement actions count records, as the published figures do.
import { countHolders, type CountedPermit, type PermitType } from '@pantau/domain';
import { queryRows, scopeCondition, sql, type Executor } from '@pantau/db';
import type { Scope } from '@pantau/domain';
import type { DemoDataset } from './generate-demo.js';
import type { ReferenceStatistics } from './profiles.js';

export interface CalibrationPermit extends CountedPermit {
  purpose: string | null;
  nationality: string;
  regencyCode: string;
}

/** An administrative action (TAK) with the day of its operation; `count` people. */
export interface CalibrationAction {
  date: string;
  kind: string;
  count: number;
  nationality: string | null;
}

export interface CalibrationInput {
  permits: readonly CalibrationPermit[];
  actions: readonly CalibrationAction[];
}

export interface CalibrationLine {
  measure: string;
  /** Shares in percent; series levels as a ratio to the series' own mean. */
  demo: number;
  /** The published value, or the range two published figures span. */
  reference: number | { low: number; high: number };
  /** demo − reference (0 inside a range; else the distance to its nearer end). */
  difference: number;
  /** Allowed |difference|: percentage points for shares, a relative share of the level for the series. */
  tolerance: number;
  unit: 'pp' | 'ratio' | 'check';
  within: boolean;
}

/** Percentage points allowed where the reference gives a share. */
export const SHARE_TOLERANCE_PP = 2;
/**
 * Relative error allowed on each year of the work-permit series (levels over the series' mean): demo
 * permits run one or two years and are renewed, so the stock smooths the yearly issuance it is drawn from;
 * within 10 % keeps every year recognisable on a trend slide, and the dip is checked on its own (below).
 */
export const SERIES_TOLERANCE = 0.1;

/** The two days the published work-permit stocks by nationality describe (Nov 2022; Jan–Sep 2024). */
const WORK_STOCK_DAYS = { '2022-11': '2022-11-30', '2024-01..09': '2024-09-30' } as const;
const WATCHED_NATIONALITIES = ['CHN', 'JPN', 'KOR'] as const;
const SERIES_YEARS = [2019, 2020, 2021, 2022, 2023] as const;

const isWorkPermit = (p: CalibrationPermit) => p.purpose === 'work' && p.permitType !== 'visit';
const people = (permits: readonly CountedPermit[], day: string) => countHolders(permits, [], day).total;
const pct = (part: number, whole: number) => (whole > 0 ? (100 * part) / whole : 0);
const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;

function shareLine(measure: string, demo: number, reference: number | { low: number; high: number }): CalibrationLine {
  const difference =
    typeof reference === 'number' ? demo - reference : demo < reference.low ? demo - reference.low : demo > reference.high ? demo - reference.high : 0;
  return {
    measure,
    demo: round(demo),
    reference: typeof reference === 'number' ? round(reference) : { low: round(reference.low), high: round(reference.high) },
    difference: round(difference),
    tolerance: SHARE_TOLERANCE_PP,
    unit: 'pp',
    within: Math.abs(difference) <= SHARE_TOLERANCE_PP,
  };
}

/** The demo against every figure of reference-statistics.json it is calibrated on. */
export function measureCalibration(input: CalibrationInput, stats: ReferenceStatistics): CalibrationLine[] {
  const lines: CalibrationLine[] = [];
  const work = input.permits.filter(isWorkPermit);

  // Nationality shares of the work-permit stock: the two published tables give a range (47–54 % China).
  const tables = Object.keys(WORK_STOCK_DAYS).map((year) => stats.foreign_workers.find((f) => f.year === year && f.by_nationality));
  for (const nationality of WATCHED_NATIONALITIES) {
    const published = tables.flatMap((t) => (t?.by_nationality ? [pct(t.by_nationality[nationality] ?? 0, t.value)] : []));
    if (!published.length) continue;
    const range = { low: Math.min(...published), high: Math.max(...published) };
    for (const day of Object.values(WORK_STOCK_DAYS)) {
      const all = people(work, day);
      lines.push(
        shareLine(
          `${nationality} share of work-permit holders on ${day} (%)`,
          pct(
            people(
              work.filter((p) => p.nationality === nationality),
              day,
            ),
            all,
          ),
          range,
        ),
      );
    }
  }

  // Bali's share of the work-permit stock (Nov 2022, by province).
  const byProvince = stats.foreign_workers.find((f) => f.year === '2022-11' && f.by_province);
  const bali = Object.entries(byProvince?.by_province ?? {}).find(([key]) => key.startsWith('51'));
  if (byProvince && bali) {
    const day = WORK_STOCK_DAYS['2022-11'];
    lines.push(
      shareLine(
        `Bali share of work-permit holders on ${day} (%)`,
        pct(
          people(
            work.filter((p) => p.regencyCode.startsWith('51.')),
            day,
          ),
          people(work, day),
        ),
        pct(bali[1], byProvince.value),
      ),
    );
  }

  // The yearly series: the work-permit stock in the middle of each year (people), as levels over the mean.
  const series = stats.foreign_workers.find((f) => f.series)?.series;
  if (series && SERIES_YEARS.every((y) => series[y] !== undefined)) {
    const demoSeries = SERIES_YEARS.map((year) => people(work, `${year}-06-30`));
    const referenceSeries = SERIES_YEARS.map((year) => series[year]!);
    const demoMean = demoSeries.reduce((a, b) => a + b, 0) / demoSeries.length;
    const referenceMean = referenceSeries.reduce((a, b) => a + b, 0) / referenceSeries.length;
    SERIES_YEARS.forEach((year, i) => {
      const demo = demoMean > 0 ? demoSeries[i]! / demoMean : 0;
      const reference = referenceSeries[i]! / referenceMean;
      const relative = (demo - reference) / reference;
      lines.push({
        measure: `work-permit holders on ${year}-06-30 (level / 2019–2023 mean; ${demoSeries[i]} people)`,
        demo: round(demo, 3),
        reference: round(reference, 3),
        difference: round(relative, 3),
        tolerance: SERIES_TOLERANCE,
        unit: 'ratio',
        within: Math.abs(relative) <= SERIES_TOLERANCE,
      });
    });
    // The shape: each year-on-year change goes the way the published one does (the 2020–2021 dip, the recovery).
    for (let i = 1; i < SERIES_YEARS.length; i++) {
      const demoUp = demoSeries[i]! > demoSeries[i - 1]!;
      const referenceUp = referenceSeries[i]! > referenceSeries[i - 1]!;
      lines.push({
        measure: `work-permit holders ${SERIES_YEARS[i - 1]}→${SERIES_YEARS[i]} ${referenceUp ? 'rise' : 'fall'} (1 = same direction)`,
        demo: demoUp === referenceUp ? 1 : 0,
        reference: 1,
        difference: demoUp === referenceUp ? 0 : -1,
        tolerance: 0,
        unit: 'check',
        within: demoUp === referenceUp,
      });
    }
  }

  // ITAP among stay permits issued Jan–Sep 2024 (permits, as published).
  const issued = stats.stay_permits.find((s) => s.year === '2024-01..09' && s.itas !== undefined && s.itap !== undefined);
  if (issued) {
    const inPeriod = input.permits.filter((p) => p.permitType !== 'visit' && p.issuedOn >= '2024-01-01' && p.issuedOn <= '2024-09-30');
    lines.push(
      shareLine(
        'ITAP share of stay permits issued 2024-01..09 (%)',
        pct(inPeriod.filter((p) => p.permitType === 'itap').length, inPeriod.length),
        pct(issued.itap!, issued.itas! + issued.itap!),
      ),
    );
  }

  // Deportations by nationality (2023 published; all demo years, the demo's mix does not change by year).
  const deportations = stats.enforcement.find((e) => e.what === 'deportations' && e.by_nationality_top5);
  if (deportations?.by_nationality_top5 && deportations.value) {
    const deported = input.actions.filter((a) => a.kind === 'deportation');
    const total = deported.reduce((s, a) => s + a.count, 0);
    for (const [nationality, count] of Object.entries(deportations.by_nationality_top5)) {
      const demo = deported.filter((a) => a.nationality === nationality).reduce((s, a) => s + a.count, 0);
      lines.push(shareLine(`${nationality} share of people deported (%; ${total} in the demo)`, pct(demo, total), pct(count, deportations.value)));
    }
  }
  return lines;
}

/** The generator's output, as the calibration reads it (no database). */
export function calibrationInputOfDemo(demo: DemoDataset): CalibrationInput {
  const permits: CalibrationPermit[] = [];
  for (const chunk of demo.historyChunks()) {
    for (const p of chunk.permits) {
      permits.push({
        holder: p.personKey ?? null,
        permitType: p.permitType,
        issuedOn: p.issuedOn,
        expiresOn: p.expiresOn,
        cancelledOn: p.cancelledOn,
        purpose: p.purpose ?? null,
        nationality: p.nationality,
        regencyCode: p.regencyCode,
      });
    }
  }
  const actions = demo.operations.flatMap((o) =>
    o.targets.flatMap((t) => t.actions.map((a) => ({ date: o.date, kind: a.kind, count: a.count, nationality: a.nationality ?? null }))),
  );
  return { permits, actions };
}

/** The demo rows of a database (origin `demo`) within `scope`, as the calibration reads them. */
export async function calibrationInputOfDatabase(db: Executor, scope: Scope): Promise<CalibrationInput> {
  const permitRows = await queryRows<{
    person_id: number | null;
    id: number;
    permit_type: PermitType;
    purpose: string | null;
    nationality: string;
    regency_code: string;
    issued_on: string;
    expires_on: string;
    cancelled_on: string | null;
  }>(
    db,
    sql`
    select p.person_id, p.id, p.permit_type, p.purpose, p.nationality, p.regency_code,
      p.issued_on::text as issued_on, p.expires_on::text as expires_on, p.cancelled_on::text as cancelled_on
    from permits p where p.origin = 'demo' and ${scopeCondition(sql`p.regency_code`, scope)}`,
  );
  const actionRows = await queryRows<{ date: string; kind: string; count: number; nationality: string | null }>(
    db,
    sql`
    select o.date::text as date, e.kind, e.count, e.nationality
    from enforcement_actions e join operation_targets t on t.id = e.target_id join operations o on o.id = t.operation_id
    where e.origin = 'demo' and ${scopeCondition(sql`o.regency_code`, scope)}`,
  );
  return {
    permits: permitRows.map((r) => ({
      holder: r.person_id === null ? null : String(r.person_id),
      permitType: r.permit_type,
      issuedOn: r.issued_on,
      expiresOn: r.expires_on,
      cancelledOn: r.cancelled_on,
      purpose: r.purpose,
      nationality: r.nationality,
      regencyCode: r.regency_code,
    })),
    actions: actionRows.map((r) => ({ date: r.date, kind: r.kind, count: Number(r.count), nationality: r.nationality })),
  };
}

/** The report `pantau demo --report` prints: one line per measure, demo beside reference. */
export function formatCalibration(lines: readonly CalibrationLine[]): string[] {
  const value = (v: number | { low: number; high: number }, unit: CalibrationLine['unit']) =>
    typeof v === 'number' ? (unit === 'check' ? (v === 1 ? 'yes' : 'no') : String(v)) : `${v.low}–${v.high}`;
  const width = Math.max(...lines.map((l) => l.measure.length), 7);
  const header = `${'measure'.padEnd(width)}  ${'demo'.padStart(8)}  ${'reference'.padStart(13)}  ${'diff'.padStart(7)}  ${'tolerance'.padStart(9)}  within`;
  const rows = lines.map((l) => {
    const tolerance = l.unit === 'pp' ? `±${l.tolerance} pp` : l.unit === 'ratio' ? `±${Math.round(l.tolerance * 100)} %` : 'same';
    const difference = l.unit === 'ratio' ? `${round(l.difference * 100, 1)} %` : l.unit === 'check' ? '' : String(l.difference);
    return `${l.measure.padEnd(width)}  ${value(l.demo, l.unit).padStart(8)}  ${value(l.reference, l.unit).padStart(13)}  ${difference.padStart(7)}  ${tolerance.padStart(9)}  ${l.within ? 'yes' : 'NO'}`;
  });
  const missed = lines.filter((l) => !l.within).length;
  return [header, ...rows, missed ? `${missed} of ${lines.length} measures outside their tolerance` : `all ${lines.length} measures within tolerance`];
}
