// Numbers, dates and changes as the panels show them, in the UI language. Pure: the hook that picks
// the language lives in use-panel-format.ts.

export type PanelLang = 'id' | 'en';

/** Indonesian unless the UI language is English: the officers' language is the default. */
export function panelLang(language: string | undefined): PanelLang {
  return language?.toLowerCase().startsWith('en') ? 'en' : 'id';
}

/** BCP 47 locale per UI language: `1.234` and `13 Juni 2024`, or `1,234` and `13 June 2024`. */
export const PANEL_LOCALES: Record<PanelLang, string> = { id: 'id-ID', en: 'en-GB' };

/** Minus sign (U+2212), not a hyphen: it reads as a sign on a projector and to screen readers. */
const MINUS = '\u2212';

export type ChangeDirection = 'up' | 'down' | 'same';

export function changeDirection(change: number): ChangeDirection {
  if (change > 0) return 'up';
  if (change < 0) return 'down';
  return 'same';
}

/** Arrow shown beside a change so colour is not the only cue. */
export const CHANGE_ARROWS: Record<ChangeDirection, string> = { up: '▲', down: '▼', same: '=' };

/** Share of `part` in `whole` as a percentage (0–100), 0 when `whole` is 0. */
export function sharePercent(part: number, whole: number): number {
  return whole > 0 ? (part / whole) * 100 : 0;
}

/** Relative change from `a` to `b` in percent; `null` when there was nothing to compare with. */
export function percentChange(a: number, b: number): number | null {
  return a === 0 ? null : ((b - a) / a) * 100;
}

export interface PanelFormat {
  lang: PanelLang;
  locale: string;
  /** 1234 → "1.234" (id) / "1,234" (en). */
  number(value: number): string;
  /** +7 → "+7", −1 → "−1", 0 → "0". */
  signed(value: number): string;
  /** 12.5 → "+12,5%" (id). */
  signedPercent(value: number): string;
  /** "2024-06-13" → "13 Juni 2024". */
  date(isoDate: string): string;
  /** "2024-06-13" → "13 Jun 2024": for source lines, where space is short. */
  dateShort(isoDate: string): string;
  /** "2024-06" → "Jun 2024". */
  month(isoMonth: string): string;
  /** An instant in the given IANA time zone: "5 Agu 2026 04.03". */
  dateTime(instant: string, timeZone: string): string;
  /** The calendar day of an instant in the given zone, short: "23 Nov 2026". */
  instantDate(instant: string, timeZone: string): string;
}

export function createPanelFormat(language: string | undefined): PanelFormat {
  const lang = panelLang(language);
  const locale = PANEL_LOCALES[lang];
  const numberFormat = new Intl.NumberFormat(locale);
  const percentFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  // ISO dates are calendar dates, not instants: formatted at UTC so no time zone shifts the day.
  const dateFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const dateShortFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const monthFormat = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const signed = (value: number, text: string) => (value > 0 ? `+${text}` : value < 0 ? `${MINUS}${text}` : text);
  return {
    lang,
    locale,
    number: (value) => numberFormat.format(value),
    signed: (value) => signed(value, numberFormat.format(Math.abs(value))),
    signedPercent: (value) => `${signed(value, percentFormat.format(Math.abs(value)))}%`,
    date: (isoDate) => dateFormat.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`)),
    dateShort: (isoDate) => dateShortFormat.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`)),
    month: (isoMonth) => monthFormat.format(new Date(`${isoMonth}-01T00:00:00Z`)),
    dateTime: (instant, timeZone) =>
      new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone }).format(
        new Date(instant),
      ),
    instantDate: (instant, timeZone) =>
      new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone }).format(new Date(instant)),
  };
}

export type IndonesianTimeZone = 'WIB' | 'WITA' | 'WIT';

// Province codes (first two digits) by zone; every other province is on WIB.
const WITA_PROVINCES = new Set(['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76']);
const WIT_PROVINCES = new Set(['81', '82', '91', '92', '93', '94', '95', '96', '97']);

export const TIME_ZONES: Record<IndonesianTimeZone, string> = { WIB: 'Asia/Jakarta', WITA: 'Asia/Makassar', WIT: 'Asia/Jayapura' };

/** The local time zone of an area, from its province: times are shown as the area lives them. */
export function timeZoneOfArea(code: string | null): IndonesianTimeZone {
  const province = code?.slice(0, 2) ?? '';
  if (WIT_PROVINCES.has(province)) return 'WIT';
  if (WITA_PROVINCES.has(province)) return 'WITA';
  return 'WIB';
}
