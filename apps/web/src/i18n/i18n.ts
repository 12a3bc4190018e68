// i18next with three namespaces: `common` (the page), `map` (map, layers, legends) and `panels` (the
// detail panel, comparison and search). Both languages are bundled: they are a few kilobytes, and the
// page must work offline on the first load.
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import commonEn from './locales/en/common.json';
import mapEn from './locales/en/map.json';
import panelsEn from './locales/en/panels.json';
import commonId from './locales/id/common.json';
import mapId from './locales/id/map.json';
import panelsId from './locales/id/panels.json';
import type { Lang } from './languages.js';

export const NAMESPACES = ['common', 'map', 'panels'] as const;

export const RESOURCES = {
  id: { common: commonId, map: mapId, panels: panelsId },
  en: { common: commonEn, map: mapEn, panels: panelsEn },
} as const;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: (typeof RESOURCES)['id'];
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
