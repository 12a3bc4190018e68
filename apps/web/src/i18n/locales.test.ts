// Every message in both languages: each namespace file of locales/id has its twin in locales/en, with
// the same keys once plural forms are set aside (English `x_one` and `x_other`, Indonesian `x`: it has
// no plural forms), no empty text, and in English every message that shows a bare {{count}} noun
// comes in both forms.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { createI18n } from './i18n.js';

const LOCALES_DIR = join(dirname(fileURLToPath(import.meta.url)), 'locales');
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

type Messages = { [key: string]: string | Messages };

const namespaces = (lang: string) =>
  readdirSync(join(LOCALES_DIR, lang))
    .filter((file) => file.endsWith('.json'))
    .sort();
const messagesOf = (lang: string, file: string) => JSON.parse(readFileSync(join(LOCALES_DIR, lang, file), 'utf8')) as Messages;

/** Every leaf of a message tree: `import.summary` → its text. */
function leaves(messages: Messages, prefix = ''): Array<[string, unknown]> {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? leaves(value, `${prefix}${key}.`)
      : [[`${prefix}${key}`, value] as [string, unknown]],
  );
}

/** Key paths with the plural suffix taken off, each once. */
const baseKeys = (messages: Messages) => [...new Set(leaves(messages).map(([key]) => key.replace(PLURAL_SUFFIX, '')))].sort();

describe('locale files', () => {
  test('each language has the same namespace files', () => {
    expect(namespaces('en')).toEqual(namespaces('id'));
    expect(namespaces('id').length).toBeGreaterThan(0);
  });

  describe.each(namespaces('id'))('the %s namespace', (file) => {
    const id = messagesOf('id', file);
    const en = messagesOf('en', file);

    test('has every key in Indonesian and in English (plural forms aside)', () => {
      const idKeys = baseKeys(id);
      const enKeys = baseKeys(en);
      expect(enKeys.filter((key) => !idKeys.includes(key))).toEqual([]);
      expect(idKeys.filter((key) => !enKeys.includes(key))).toEqual([]);
    });

    test('has no empty or non-text message', () => {
      for (const messages of [id, en]) {
        const bad = leaves(messages).filter(([, value]) => typeof value !== 'string' || value.trim() === '');
        expect(bad.map(([key]) => key)).toEqual([]);
      }
    });

    test('an English plural has both its singular and its plural form', () => {
      const keys = new Set(leaves(en).map(([key]) => key));
      const plurals = [...keys].filter((key) => PLURAL_SUFFIX.test(key)).map((key) => key.replace(PLURAL_SUFFIX, ''));
      const incomplete = [...new Set(plurals)].filter((base) => !keys.has(`${base}_one`) || !keys.has(`${base}_other`));
      expect(incomplete).toEqual([]);
    });

    test('an Indonesian plural, where one is written, has the form Indonesian uses (other)', () => {
      const keys = new Set(leaves(id).map(([key]) => key));
      const plurals = [...new Set([...keys].filter((key) => PLURAL_SUFFIX.test(key)).map((key) => key.replace(PLURAL_SUFFIX, '')))];
      expect(plurals.filter((base) => !keys.has(`${base}_other`) && !keys.has(base))).toEqual([]);
    });

    test('in English, "{{count}} <noun>" has a singular form ("and {{count}} more" needs none)', () => {
      const counted = leaves(en).filter(([key, value]) => !PLURAL_SUFFIX.test(key) && typeof value === 'string' && /\{\{count\}\} (?!more\b)[a-z]/.test(value));
      expect(counted.map(([key]) => key)).toEqual([]);
    });
  });
});

describe('plural forms at run time', () => {
  test('English counts one and many; Indonesian reads the same text for both', () => {
    const en = createI18n('en');
    expect(en.t('area.violationCount', { ns: 'panels', count: 1, n: '1' })).toBe('1 violation');
    expect(en.t('area.violationCount', { ns: 'panels', count: 3, n: '3' })).toBe('3 violations');
    expect(en.t('search.resultCount', { ns: 'panels', count: 1 })).toBe('1 result');
    expect(en.t('import.importButton', { ns: 'data', count: 1 })).toBe('Import 1 row');
    const id = createI18n('id');
    expect(id.t('search.resultCount', { ns: 'panels', count: 1 })).toBe(id.t('search.resultCount', { ns: 'panels', count: 5 }).replace('5', '1'));
    expect(id.t('import.importButton', { ns: 'data', count: 1 })).not.toMatch(/importButton/);
  });
});
