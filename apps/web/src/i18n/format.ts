import { LOCALES, type Lang } from './messages.js';

export interface Formatters {
  /** 1234 → "1.234" in Indonesian. */
  number(value: number): string;
  /** "2024-06-13" → "13 Juni 2024" in Indonesian. */
  date(isoDate: string): string;
}

export function createFormatters(lang: Lang): Formatters {
  const numberFormat = new Intl.NumberFormat(LOCALES[lang]);
  // ISO dates are calendar dates, not instants: format them at UTC so no time zone shifts the day.
  const dateFormat = new Intl.DateTimeFormat(LOCALES[lang], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return {
    number: (value) => numberFormat.format(value),
    date: (isoDate) => dateFormat.format(new Date(`${isoDate}T00:00:00Z`)),
  };
}
