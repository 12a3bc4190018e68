// The UI languages: Bahasa Indonesia (default) and English.

export const LANGS = ['id', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(value: unknown): value is Lang {
  return LANGS.some((lang) => lang === value);
}

/** BCP 47 locale for numbers and dates in each UI language. */
export const LOCALES: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };
