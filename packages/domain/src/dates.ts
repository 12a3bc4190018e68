// Dates in data and APIs are ISO `YYYY-MM-DD` strings; comparing them as strings orders them correctly.

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number written by the ASCII digits value[from, to), or -1 when one is not a digit. */
function digits(value: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** True when `value` is a real calendar date written as YYYY-MM-DD (rejects 2024-02-30). Read by character: it runs for every date of an import. */
export function isIsoDate(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 7);
  const day = digits(value, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

/**
 * The days a user may ask about (query parameters, dates in request bodies). Outside it the date
 * arithmetic of the queries (months before asOf, end of month) leaves PostgreSQL's and JavaScript's
 * date range, and no record of Pantau's domain is older or newer.
 */
export const REQUEST_DATE_RANGE = { min: '1900-01-01', max: '2100-12-31' } as const;

/** Why `value` is not a date a request may carry, or undefined when it is one. */
export function requestDateProblem(value: string): string | undefined {
  if (!isIsoDate(value)) return 'a date as YYYY-MM-DD';
  if (value < REQUEST_DATE_RANGE.min || value > REQUEST_DATE_RANGE.max) return `a date from ${REQUEST_DATE_RANGE.min} to ${REQUEST_DATE_RANGE.max}`;
  return undefined;
}

/** The calendar date of `instant` in Western Indonesia Time (UTC+7), the default for "today". */
export function todayInJakarta(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
