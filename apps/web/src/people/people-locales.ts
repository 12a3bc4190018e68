// The people pages' texts (person search, person page, company page), in both languages.
import type { i18n as I18n } from 'i18next';
import peopleEn from '../i18n/locales/en/people.json';
import peopleId from '../i18n/locales/id/people.json';

export const PEOPLE_RESOURCES = { id: peopleId, en: peopleEn } as const;

/** Adds the `people` namespace to the page's i18next instance (once). */
export function addPeopleResources(i18n: I18n): void {
  for (const [lang, resources] of Object.entries(PEOPLE_RESOURCES)) {
    if (!i18n.hasResourceBundle(lang, 'people')) i18n.addResourceBundle(lang, 'people', resources);
  }
}
