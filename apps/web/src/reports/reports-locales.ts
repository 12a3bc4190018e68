// The report triage page's texts, in both languages.
import type { i18n as I18n } from 'i18next';
import reportsEn from '../i18n/locales/en/reports.json';
import reportsId from '../i18n/locales/id/reports.json';

export const REPORTS_RESOURCES = { id: reportsId, en: reportsEn } as const;

/** Adds the `reports` namespace to the page's i18next instance (once). */
export function addReportsResources(i18n: I18n): void {
  for (const [lang, resources] of Object.entries(REPORTS_RESOURCES)) {
    if (!i18n.hasResourceBundle(lang, 'reports')) i18n.addResourceBundle(lang, 'reports', resources);
  }
}
