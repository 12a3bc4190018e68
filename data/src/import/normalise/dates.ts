// Dates as officers write them: 13/06/2024, 2024-06-13, 13-Jun-2024, 13 Juni 2024 (Indonesian or
// English months), or a spreadsheet date. Day first, as in Indonesia. Two-digit years are refused.
import { format, isValid, parse } from 'date-fns';
import { enUS, id } from 'date-fns/locale';
import { importReason, type ImportReason, type ImportReasonCode, type ImportReasonParams } from '@pantau/domain';

/** A value read from a cell, or why not: a reason code with its parameters and English sentence. */
export type Parsed<T> = { ok: true; value: T } | Failed;
export type Failed = { ok: false } & ImportReason;

/** A refusal (see @pantau/domain import-reasons). */
export function fail<C extends ImportReasonCode>(
  code: C,
  ...params: Record<never, never> extends ImportReasonParams<C> ? [params?: ImportReasonParams<C>] : [params: ImportReasonParams<C>]
): Failed {
  return { ok: false, ...importReason(code, ...params) };
}

const FORMATS = [
  'yyyy-MM-dd',
  'dd/MM/yyyy',
  'd/M/yyyy',
  'dd-MM-yyyy',
  'd-M-yyyy',
  'dd.MM.yyyy',
  'd.M.yyyy',
  'd MMMM yyyy',
  'd MMM yyyy',
  'dd-MMM-yyyy',
  'd-MMM-yyyy',
  'd-MMMM-yyyy',
  'd/MMM/yyyy',
  'MMMM d, yyyy',
  'MMM d, yyyy',
  'yyyy/MM/dd',
];
const LOCALES = [id, enUS];
const REFERENCE = new Date(2000, 0, 1);
/** Indonesian abbreviations date-fns's `id` locale does not know. */
const MONTH_SPELLINGS: Array<[RegExp, string]> = [
  [/\b(agu|ags|agus)\b/i, 'Agt'],
  [/\bpebruari\b/i, 'Februari'],
  [/\bnopember\b/i, 'November'],
  [/\bsept\b/i, 'Sep'],
];

/** 2024-06-13 and 13/06/2024 (or 13-06-2024, 13.06.2024): most cells of most files, read without date-fns. */
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_FIRST = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function numericDate(text: string): Parsed<string> | undefined {
  const iso = ISO_DAY.exec(text);
  const dayFirst = iso ? undefined : DAY_FIRST.exec(text);
  if (!iso && !dayFirst) return undefined;
  const [year, month, day] = iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : [Number(dayFirst![4]), Number(dayFirst![3]), Number(dayFirst![1])];
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  return { ok: true, value: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

/**
 * An Excel serial date (days since 1899-12-30, as a cell not formatted as a date holds it, or as
 * exported to text): 45456 is 2024-06-13. Only from 5 digits (1927 on), so that a year or a day
 * count is never read as a date.
 */
function serialDate(raw: unknown, text: string): Parsed<string> | undefined {
  const serial = typeof raw === 'number' ? raw : /^\d{5}(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(serial) || serial < 10_000 || serial > 73_415) return undefined; // 1927-05-18 … 2100-12-31
  const day = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return { ok: true, value: day.toISOString().slice(0, 10) };
}

export function parseDate(raw: unknown): Parsed<string> {
  if (raw instanceof Date) return isValid(raw) ? { ok: true, value: raw.toISOString().slice(0, 10) } : fail('not_a_date');
  const text = String(raw ?? '').trim();
  if (!text) return fail('empty');
  const serial = serialDate(raw, text);
  if (serial) return serial;
  const numeric = numericDate(text);
  if (numeric) return numeric;
  // A date with a time (2024-06-13 08:00 or 2024-06-13T08:00:00): keep the day.
  const value = MONTH_SPELLINGS.reduce((s, [re, to]) => s.replace(re, to), text.replace(/[T ]\d{1,2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/, ''));
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}$/.test(value) || /^\d{1,2}[\s-][A-Za-z]+[\s-]\d{2}$/.test(value)) {
    return fail('two_digit_year');
  }
  for (const locale of LOCALES) {
    for (const pattern of FORMATS) {
      const date = parse(value, pattern, REFERENCE, { locale });
      if (isValid(date) && date.getFullYear() >= 1900 && date.getFullYear() <= 2100) return { ok: true, value: format(date, 'yyyy-MM-dd') };
    }
  }
  return fail('not_a_date');
}
