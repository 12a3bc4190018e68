// Coverage gaps: places with foreign permit holders that no operation has checked for a while. The
// last check and the holders are the planning factors (activeHolders, lastCheckedOn); this module
// only says what counts as a gap.

export const COVERAGE_MONTHS = { default: 12, min: 1, max: 120 } as const;

/** The same day `months` calendar months before `isoDate` (31 March − 1 month = 28/29 February). */
export function monthsBefore(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** A gap: holders on asOf, and no check since the cutoff (`months` before asOf) — or never. */
export function isCoverageGap(activeHolders: number, lastCheckedOn: string | null, asOf: string, months: number): boolean {
  return activeHolders > 0 && (lastCheckedOn === null || lastCheckedOn < monthsBefore(asOf, months));
}

/** Map classes of months since the last check (lower bounds), and "never checked". */
export const COVERAGE_CLASSES = [
  { key: 'months_12', min: 0 },
  { key: 'months_24', min: 24 },
  { key: 'months_36', min: 36 },
  { key: 'never', min: null },
] as const;
export type CoverageClass = (typeof COVERAGE_CLASSES)[number]['key'];

export function coverageClass(monthsSinceCheck: number | null): CoverageClass {
  if (monthsSinceCheck === null) return 'never';
  return monthsSinceCheck >= 36 ? 'months_36' : monthsSinceCheck >= 24 ? 'months_24' : 'months_12';
}
