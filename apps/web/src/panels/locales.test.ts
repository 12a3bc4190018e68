import { describe, expect, it } from 'vitest';
import panelsEn from '../i18n/locales/en/panels.json';
import panelsId from '../i18n/locales/id/panels.json';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

describe('panel locale files', () => {
  it('have the same keys in Indonesian and English', () => {
    expect(keysOf(panelsEn).sort()).toEqual(keysOf(panelsId).sort());
  });

  it('have no empty text', () => {
    for (const messages of [panelsId, panelsEn]) {
      const empty = keysOf(messages).filter((key) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages) === '');
      expect(empty).toEqual([]);
    }
  });
});
