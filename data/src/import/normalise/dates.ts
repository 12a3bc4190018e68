// Dates as officers write them: 13/06/2024, 2024-06-13, 13-Jun-2024, 13 Juni 2024 (Indonesian or
// English months), or a spreadsheet date. Day first, as in Indonesia. Two-digit years are refused.
import { format, isValid, parse } from 'date-fns';
import { enUS, id } from 'date-fns/locale';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const FORMATS = ['yyyy-MM-dd', 'dd/MM/yyyy', 'd/M/yyyy', 'dd-MM-yyyy', 'd-M-yyyy', 'dd.MM.yyyy', 'd.M.yyyy',
  'd MMMM yyyy', 'd MMM yyyy', 'dd-MMM-yyyy', 'd-MMM-yyyy', 'd-MMMM-yyyy', 'd/MMM/yyyy', 'MMMM d, yyyy', 'MMM d, yyyy', 'yyyy/MM/dd'];
const LOCALES = [id, enUS];
const REFERENCE = new Date(2000, 0, 1);
/** Indonesian abbreviations date-fns's `id` locale does not know. */
const MONTH_SPELLINGS: Array<[RegExp, string]> = [[/\b(agu|ags|agus)\b/i, 'Agt'], [/\bpebruari\b/i, 'Februari'], [/\bnopember\b/i, 'November'], [/\bsept\b/i, 'Sep']];

export function parseDate(raw: unknown): Parsed<string> {
  if (raw instanceof Date) return isValid(raw) ? { ok: true, value: raw.toISOString().slice(0, 10) } : { ok: false, reason: 'not a date' };
  const text = String(raw ?? '').trim();
  if (!text) return { ok: false, reason: 'empty' };
  // A date with a time (2024-06-13 08:00 or 2024-06-13T08:00:00): keep the day.
  const value = MONTH_SPELLINGS.reduce((s, [re, to]) => s.replace(re, to), text.replace(/[T ]\d{1,2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/, ''));
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}$/.test(value) || /^\d{1,2}[\s-][A-Za-z]+[\s-]\d{2}$/.test(value)) {
    return { ok: false, reason: 'two-digit year: write the year in full (e.g. 13/06/2024)' };
  }
  for (const locale of LOCALES) {
    for (const pattern of FORMATS) {
      const date = parse(value, pattern, REFERENCE, { locale });
      if (isValid(date) && date.getFullYear() >= 1900 && date.getFullYear() <= 2100) return { ok: true, value: format(date, 'yyyy-MM-dd') };
    }
  }
  return { ok: false, reason: 'not a date (accepted: 13/06/2024, 2024-06-13, 13-Jun-2024, 13 Juni 2024)' };
}
