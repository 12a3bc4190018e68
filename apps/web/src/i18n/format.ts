import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isLang, LOCALES, type Lang } from './languages.js';

export interface Formatters {
  /** 1234 → "1.234" in Indonesian. */
  number(value: number, fractionDigits?: number): string;
  /** "2024-06-13" → "13 Juni 2024" in Indonesian. */
  date(isoDate: string): string;
  /** "2024-06" → "Juni 2024". */
  month(isoMonth: string): string;
}

export function createFormatters(lang: Lang): Formatters {
  const numberFormats = new Map<number, Intl.NumberFormat>();
  const numberFormat = (digits: number) => {
    let format = numberFormats.get(digits);
    if (!format) {
      format = new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits });
      numberFormats.set(digits, format);
    }
    return format;
  };
  // ISO dates are calendar dates, not instants: format them at UTC so no time zone shifts the day.
  const dateFormat = new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const monthFormat = new Intl.DateTimeFormat(LOCALES[lang], { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return {
    number: (value, fractionDigits = 0) => numberFormat(fractionDigits).format(value),
    date: (isoDate) => dateFormat.format(new Date(`${isoDate}T00:00:00Z`)),
    month: (isoMonth) => monthFormat.format(new Date(`${isoMonth}-01T00:00:00Z`)),
  };
}

/** The UI language and its formatters. */
export function useFormat(): Formatters & { lang: Lang } {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const lang: Lang = isLang(language) ? language : 'id';
  return useMemo(() => ({ ...createFormatters(lang), lang }), [lang]);
}
