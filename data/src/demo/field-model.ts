// The demo's field model: how Timpora teams choose their targets and how likely a check finds a
// violation. Written from what officers and the news sources say drives violations, independently of
// the planning score (packages/domain/src/planning), which it must not import: the backtest is only a
// test of the score if the score has to discover these drivers from the records they leave behind.
// Every driver here is observable in the data (permits, reports, risk areas, past operations), but with
// its own windows, radii and functional forms. Documented in docs/demo-world.md.

const DAY_MS = 86_400_000;
/** Day number of an ISO date (days since 1970-01-01), for cheap date arithmetic in the generator. */
export const dayOf = (iso: string): number => Math.round(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS);

/** What an officer would name when asked why a check found (or would find) foreigners in violation. */
export interface ViolationDrivers {
  /** Permits of the sponsor (at a site) or of the district's residents (elsewhere, a fifth of them) that expired in the 180 days before, not cancelled and never renewed: people who may have stayed on. */
  unrenewedLapses: number;
  /** Public reports judged credible (verified) within 500 m of a site, or in the district elsewhere, received in the 120 days before. */
  verifiedReports: number;
  /** Inside an illegal-work or overstay risk area valid on the day. */
  inWorkRisk: boolean;
  /** Months since the place was last checked; null = never. */
  monthsSinceCheck: number | null;
  /** Share (0..1) of the place's holders on visit permits, plus half the share from the five nationalities deported most (2023). */
  watchedShare: number;
  /** Growth of the sponsor's valid holders over 12 months, relative to max(year-ago, 10); 0 elsewhere. */
  growth: number;
  /** Foreigners present at the check. */
  peopleChecked: number;
  /** Lodging or a tourist spot (visa-on-arrival guests working or overstaying). */
  touristPlace: boolean;
}

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

/**
 * Chance that a check finds at least one foreigner in violation: a logistic model, every term
 * non-decreasing in its driver. Intercept −3.6 (≈ 2.7% for a recently checked, quiet place).
 */
export function violationChance(d: ViolationDrivers): number {
  const z =
    -3.6 +
    1.3 * (1 - Math.exp(-Math.max(0, d.unrenewedLapses) / 2)) +
    1.4 * (1 - Math.exp(-Math.max(0, d.verifiedReports))) +
    (d.inWorkRisk ? 1.1 : 0) +
    0.9 * (d.monthsSinceCheck === null ? 1 : Math.min(1, Math.max(0, d.monthsSinceCheck) / 30)) +
    0.8 * clamp01(d.watchedShare) +
    0.7 * clamp01(d.growth) +
    0.3 * Math.log10(1 + Math.max(0, d.peopleChecked)) +
    (d.touristPlace ? 0.4 : 0);
  return 1 / (1 + Math.exp(-z));
}

/** What a division head knows when choosing among places of a regency: no growth or mix, which need analysis. */
export interface TargetSignals {
  unrenewedLapses: number;
  verifiedReports: number;
  inWorkRisk: boolean;
  monthsSinceCheck: number | null;
  holders: number;
}

/**
 * Weight of a place when a team picks a target from intelligence (half the picks; the other half are
 * routine, by the size of the place): credible reports first, then risk areas, lapsed permits, and
 * places with foreigners long unvisited (a team does not go to an empty site because nobody went yet).
 * A place with none of these keeps a small weight (0.05): intelligence follows a reason.
 */
export function intelligenceWeight(s: TargetSignals): number {
  return (
    0.05 +
    3 * Math.min(1, Math.max(0, s.verifiedReports)) +
    1.5 * (s.inWorkRisk ? 1 : 0) +
    1.2 * Math.min(1, Math.max(0, s.unrenewedLapses) / 3) +
    (s.monthsSinceCheck === null ? 1 : Math.min(1, Math.max(0, s.monthsSinceCheck) / 24)) * Math.min(1, Math.max(0, s.holders) / 5)
  );
}

/** One permit as the field model sees it (days as day numbers). */
export interface PermitTrace {
  issued: number;
  expires: number;
  cancelled: number | null;
  renewed: boolean;
  visit: boolean;
  nationality: string;
}

/** The permits of one sponsor or one district, with the counts the field model asks of them. */
export class PermitLedger {
  readonly traces: PermitTrace[] = [];
  private lapseDays: number[] | null = null;

  add(trace: PermitTrace): void {
    this.traces.push(trace);
    this.lapseDays = null;
  }

  /** Lapses (expired, not cancelled, not renewed) with expiry in [from, to). */
  lapsesBetween(from: number, to: number): number {
    if (!this.lapseDays)
      this.lapseDays = this.traces
        .filter((t) => !t.renewed && t.cancelled === null)
        .map((t) => t.expires)
        .sort((a, b) => a - b);
    return lowerBound(this.lapseDays, to) - lowerBound(this.lapseDays, from);
  }

  validOn(day: number): PermitTrace[] {
    return this.traces.filter((t) => t.issued <= day && day < t.expires && (t.cancelled === null || t.cancelled > day));
  }
}

function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Counts of sorted day numbers in [from, to). */
export function countBetween(sortedDays: readonly number[], from: number, to: number): number {
  return lowerBound(sortedDays, to) - lowerBound(sortedDays, from);
}

/** Share of holders on visit permits plus half the share from the watched nationalities, capped at 1. */
export function watchedShare(holders: readonly PermitTrace[], watched: ReadonlySet<string>): number {
  if (!holders.length) return 0;
  const visit = holders.filter((h) => h.visit).length / holders.length;
  const watchedNationality = holders.filter((h) => watched.has(h.nationality)).length / holders.length;
  return clamp01(visit + 0.5 * watchedNationality);
}

/** Approximate ground distance in km (equirectangular; fine within a regency). */
export function distanceKm(a: readonly [number, number], b: readonly [number, number]): number {
  const k = Math.cos(((a[1] + b[1]) / 2) * (Math.PI / 180));
  return Math.hypot((a[0] - b[0]) * 111.32 * k, (a[1] - b[1]) * 110.57);
}
