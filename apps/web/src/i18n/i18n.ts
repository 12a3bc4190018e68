// i18next with four namespaces: `common` (the page), `map` (map, layers, legends), `panels` (the
// detail panel, comparison and search) and `data` (imports and exports). Both languages are bundled: they are a few kilobytes, and the
// page must work offline on the first load.
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import commonEn from './locales/en/common.json';
import dataEn from './locales/en/data.json';
import mapEn from './locales/en/map.json';
import panelsEn from './locales/en/panels.json';
import commonId from './locales/id/common.json';
import dataId from './locales/id/data.json';
import mapId from './locales/id/map.json';
import panelsId from './locales/id/panels.json';
import type { Lang } from './languages.js';

export const NAMESPACES = ['common', 'map', 'panels', 'data'] as const;

export const RESOURCES = {
  id: { common: commonId, map: mapId, panels: panelsId, data: dataId },
  en: { common: commonEn, map: mapEn, panels: panelsEn, data: dataEn },
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
