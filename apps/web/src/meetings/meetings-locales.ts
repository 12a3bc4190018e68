// The meeting page's texts, in both languages.
import type { i18n as I18n } from 'i18next';
import meetingsEn from '../i18n/locales/en/meetings.json';
import meetingsId from '../i18n/locales/id/meetings.json';

export const MEETINGS_RESOURCES = { id: meetingsId, en: meetingsEn } as const;

/** Adds the `meetings` namespace to the page's i18next instance (once). */
export function addMeetingsResources(i18n: I18n): void {
  for (const [lang, resources] of Object.entries(MEETINGS_RESOURCES)) {
    if (!i18n.hasResourceBundle(lang, 'meetings')) i18n.addResourceBundle(lang, 'meetings', resources);
  }
}
