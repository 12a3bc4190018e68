// The planning and print pages' texts, bundled with their code rather than with the first page load.
import type { i18n as I18n } from 'i18next';
import planningEn from '../i18n/locales/en/planning.json';
import planningId from '../i18n/locales/id/planning.json';

export const PLANNING_RESOURCES = { id: planningId, en: planningEn } as const;

/** Adds the `planning` namespace to the page's i18next instance (once). */
export function addPlanningResources(i18n: I18n): void {
  for (const [lang, resources] of Object.entries(PLANNING_RESOURCES)) {
    if (!i18n.hasResourceBundle(lang, 'planning')) i18n.addResourceBundle(lang, 'planning', resources);
  }
}
