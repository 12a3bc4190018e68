import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { createPanelFormat, type PanelFormat } from './panel-format.js';

/** The panels' translations and formatters, both following the UI language. */
export function usePanelText() {
  const { t, i18n } = useTranslation('panels');
  const language = i18n.resolvedLanguage ?? i18n.language;
  const format = useMemo<PanelFormat>(() => createPanelFormat(language), [language]);
  // The API serves reference and demo records in both languages: panels ask for the UI's.
  const lang: 'id' | 'en' = language === 'en' ? 'en' : 'id';
  return { t, format, lang };
}
