// Nationalities, permit types, purposes and sex as officers write them, to Pantau's values.
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import idLocale from 'i18n-iso-countries/langs/id.json' with { type: 'json' };
import { expectedValues, NATIONALITY_ALIASES, normaliseValue, PERMIT_TYPE_ALIASES, PURPOSE_ALIASES, SEX_ALIASES } from '@pantau/domain';
import { fail, type Parsed } from './dates.js';

countries.registerLocale(en);
countries.registerLocale(idLocale);

/** Every Indonesian and English country name (official and alternative) → alpha-3. */
const COUNTRY_NAMES = (() => {
  const names = new Map<string, string>();
  for (const lang of ['id', 'en']) {
    for (const [alpha2, value] of Object.entries(countries.getNames(lang, { select: 'all' }))) {
      const alpha3 = countries.alpha2ToAlpha3(alpha2);
      if (!alpha3) continue;
      for (const name of ([] as string[]).concat(value as string | string[])) names.set(normaliseValue(name), alpha3);
    }
  }
  for (const [alias, alpha3] of Object.entries(NATIONALITY_ALIASES)) names.set(alias, alpha3);
  return names;
})();

export function parseNationality(raw: unknown): Parsed<string> {
  const text = String(raw ?? '').trim();
  if (!text) return fail('empty');
  const upper = text.toUpperCase();
  if (/^[A-Z]{3}$/.test(upper) && countries.isValid(upper)) return { ok: true, value: upper };
  if (/^[A-Z]{2}$/.test(upper) && countries.isValid(upper)) return { ok: true, value: countries.alpha2ToAlpha3(upper)! };
  const byName = COUNTRY_NAMES.get(normaliseValue(text));
  return byName ? { ok: true, value: byName } : fail('unknown_nationality');
}

function fromAliases<T extends string>(table: Readonly<Record<string, T>>, code: 'unknown_permit_type' | 'unknown_purpose' | 'unknown_sex') {
  return (raw: unknown): Parsed<T> => {
    const key = normaliseValue(String(raw ?? ''));
    if (!key) return fail('empty');
    const value = table[key];
    return value ? { ok: true, value } : fail(code, { expected: expectedValues(Object.values(table)) });
  };
}

export const parsePermitType = fromAliases(PERMIT_TYPE_ALIASES, 'unknown_permit_type');
export const parsePurpose = fromAliases(PURPOSE_ALIASES, 'unknown_purpose');
export const parseSex = fromAliases(SEX_ALIASES, 'unknown_sex');
