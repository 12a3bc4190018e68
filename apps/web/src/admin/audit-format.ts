// How the audit page shows time: the instant in WIB (the ministry's head office), to the second, so
// rows can be matched with server logs by request id and time.
import { LOCALES, type Lang } from '../i18n/languages.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** `2026-11-23T05:04:03.000Z` → `23/11/2026 12.04.03` (Indonesian) or `23/11/2026, 12:04:03` (English), in WIB. */
export function formatAuditTime(iso: string, lang: Lang): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[lang], {
    timeZone: 'Asia/Jakarta',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

/** The calendar date in WIB `days` before `now` (YYYY-MM-DD): the audit page's default "since". */
export function wibDateBefore(now: Date, days: number): string {
  const shifted = new Date(now.getTime() + 7 * 60 * 60 * 1000 - days * DAY_MS);
  return shifted.toISOString().slice(0, 10);
}
