// The admin pages' texts, bundled with their code rather than with the first page load.
import type { i18n as I18n } from 'i18next';
import adminEn from '../i18n/locales/en/admin.json';
import adminId from '../i18n/locales/id/admin.json';

export const ADMIN_RESOURCES = { id: adminId, en: adminEn } as const;

/** Adds the `admin` namespace to the page's i18next instance (once). */
export function addAdminResources(i18n: I18n): void {
  for (const [lang, resources] of Object.entries(ADMIN_RESOURCES)) {
    if (!i18n.hasResourceBundle(lang, 'admin')) i18n.addResourceBundle(lang, 'admin', resources);
  }
}
