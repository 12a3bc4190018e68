import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { createFormatters, type Formatters } from './format.js';
import { MESSAGES, type Lang, type Messages } from './messages.js';

export interface I18n {
  lang: Lang;
  t: Messages;
  format: Formatters;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  const i18n = useMemo<I18n>(() => ({ lang, t: MESSAGES[lang], format: createFormatters(lang) }), [lang]);
  return <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n() needs an <I18nProvider> above it');
  return i18n;
}
