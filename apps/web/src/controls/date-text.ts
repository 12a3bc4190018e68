// Dates typed by hand, read as Indonesian officials write them: day first (13/06/2024, 13-06-2024,
// 13.06.2024), ISO (2024-06-13), or with the month's name in Indonesian or English (13 Juni 2024,
// 13 Jun 2024, 13 June 2024). A native <input type=date> follows the browser's locale instead: on
// an English browser 13/06/2024 was read as month 13 or, for 06/12, as 12 June → 6 December.

const MONTHS: Record<string, number> = {};
const MONTH_NAMES = [
  ['januari', 'january', 'jan'],
  ['februari', 'february', 'feb', 'pebruari'],
  ['maret', 'march', 'mar'],
  ['april', 'apr'],
  ['mei', 'may'],
  ['juni', 'june', 'jun'],
  ['juli', 'july', 'jul'],
  ['agustus', 'august', 'agu', 'agt', 'aug'],
  ['september', 'sep', 'sept'],
  ['oktober', 'october', 'okt', 'oct'],
  ['november', 'nov', 'nopember'],
  ['desember', 'december', 'des', 'dec'],
];
MONTH_NAMES.forEach((names, index) => names.forEach((name) => (MONTHS[name] = index + 1)));

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** `YYYY-MM-DD` for a real calendar day (no 31 April, 29 February only in leap years), else null. */
export function isoOf(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/**
 * The ISO date a typed text names, or null when it names none (incomplete, impossible, or a
 * two-digit year, which would be a guess). Day first always: the UI language does not change it.
 */
export function parseDateText(text: string): string | null {
  const trimmed = text.trim().toLowerCase();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  if (numeric) return isoOf(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
  const named = /^(\d{1,2})[\s.-]+([a-z]+)\.?[\s.-]+(\d{4})$/.exec(trimmed);
  if (named) {
    const month = MONTHS[named[2]!];
    return month === undefined ? null : isoOf(Number(named[3]), month, Number(named[1]));
  }
  return null;
}
