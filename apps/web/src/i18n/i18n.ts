// i18next with namespaces `common` (the page), `map` (map, layers, legends), `panels` (the detail
// panel, comparison and search), `access` (sign-in, account menu, roles) and `data` (imports and
// exports). Both languages are bundled: they are a few kilobytes, and the page must work offline on
// the first load. The admin pages (users, audit) bring their own namespace, `admin`, with their lazily
// loaded code (admin/admin-locales.ts).
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import accessEn from './locales/en/access.json';
import commonEn from './locales/en/common.json';
import dataEn from './locales/en/data.json';
import mapEn from './locales/en/map.json';
import panelsEn from './locales/en/panels.json';
import accessId from './locales/id/access.json';
import commonId from './locales/id/common.json';
import dataId from './locales/id/data.json';
import mapId from './locales/id/map.json';
import panelsId from './locales/id/panels.json';
import type { Lang } from './languages.js';

export const NAMESPACES = ['common', 'map', 'panels', 'access', 'data'] as const;

export const RESOURCES = {
  id: { common: commonId, map: mapId, panels: panelsId, access: accessId, data: dataId },
  en: { common: commonEn, map: mapEn, panels: panelsEn, access: accessEn, data: dataEn },
} as const;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    // `admin`, `planning`, `briefing`, `people`, `reports`, `meetings` and `riskdraw` are added at run time with their pages.
    resources: (typeof RESOURCES)['id'] & {
      admin: typeof import('./locales/id/admin.json');
      planning: typeof import('./locales/id/planning.json');
      briefing: typeof import('./locales/id/briefing.json');
      people: typeof import('./locales/id/people.json');
      reports: typeof import('./locales/id/reports.json');
      meetings: typeof import('./locales/id/meetings.json');
      riskdraw: typeof import('./locales/id/riskdraw.json');
    };
  }
}

/** A ready i18next instance (resources are bundled, so it initialises synchronously). */
export function createI18n(lang: Lang): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: lang,
    fallbackLng: 'id',
    supportedLngs: ['id', 'en'],
    ns: [...NAMESPACES],
    defaultNS: 'common',
    resources: RESOURCES,
    // React escapes what it renders.
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}
