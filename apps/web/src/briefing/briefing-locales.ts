// The briefing pages' texts, bundled with their lazily loaded code.
import type { i18n as I18n } from 'i18next';
import briefingEn from '../i18n/locales/en/briefing.json';
import briefingId from '../i18n/locales/id/briefing.json';

/** Adds the `briefing` namespace to the page's i18next instance (once). */
export function addBriefingResources(i18n: I18n): void {
  for (const [lang, resources] of Object.entries({ id: briefingId, en: briefingEn })) {
    if (!i18n.hasResourceBundle(lang, 'briefing')) i18n.addResourceBundle(lang, 'briefing', resources);
  }
}
