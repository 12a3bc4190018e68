// Months of the time slider and the period each month stands for.

/** "2024-06" → "2024-06-30". */
export function monthEnd(month: string): string {
  const [year = 0, monthNumber = 1] = month.split('-').map(Number);
  const last = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
}

export const monthStart = (month: string) => `${month}-01`;

/** Every month from `first` to `last` ("YYYY-MM"), both included. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [year = 0, month = 1] = first.split('-').map(Number);
  const [lastYear = 0, lastMonth = 1] = last.split('-').map(Number);
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

export type TimeMode = 'window' | 'cumulative';

/** The period and as-of date the slider sets for a month. */
export function monthPeriod(month: string, mode: TimeMode, firstMonth: string): { from: string; to: string; asOf: string } {
  const to = monthEnd(month);
  return { from: mode === 'window' ? monthStart(month) : monthStart(firstMonth), to, asOf: to };
}

/** The month the period stands for, or `null` when it is not a slider period (e.g. typed in by hand). */
export function monthOfPeriod(from: string | null, to: string | null, mode: TimeMode, firstMonth: string): string | null {
  if (from === null || to === null) return null;
  const month = to.slice(0, 7);
  const expected = monthPeriod(month, mode, firstMonth);
  return expected.from === from && expected.to === to ? month : null;
}
