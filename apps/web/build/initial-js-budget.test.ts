import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { measureInitialJs } from './initial-js-budget.js';

const chunk = (fileName: string, code: string, imports: string[] = [], isEntry = false) => ({ type: 'chunk' as const, fileName, code, imports, isEntry });

describe('initial JS budget', () => {
  test('counts the entry and its static imports, not lazily loaded chunks', () => {
    const bundle = {
      'index.js': chunk('index.js', 'import "./maplibre.js";'.repeat(20), ['maplibre.js'], true),
      'maplibre.js': chunk('maplibre.js', 'var map = 1;'.repeat(500), ['shared.js']),
      'shared.js': chunk('shared.js', 'export const x = 1;'),
      'deck.js': chunk('deck.js', 'var deck = Math.random();'.repeat(5000)),
    };
    const report = measureInitialJs(bundle, 100);
    expect(report.files.map((file) => file.fileName)).toEqual(['index.js', 'maplibre.js', 'shared.js']);
    const expected = ['index.js', 'maplibre.js', 'shared.js'].reduce(
      (sum, name) => sum + gzipSync(bundle[name as keyof typeof bundle].code, { level: 9 }).length,
      0,
    );
    expect(report.totalGzipBytes).toBe(expected);
  });
});
