import { describe, expect, test } from 'vitest';
import type { PanelTable } from './slide-data.js';
import { paginateTables, PRESENT_SLIDE_LINES, presentParts, tableLines } from './slide-pages.js';

const table = (kind: PanelTable['kind'], count: number): PanelTable => ({
  kind,
  title: kind,
  columns: ['#', 'Sasaran'],
  rows: Array.from({ length: count }, (_, n) => [n + 1, `Sasaran ${n + 1}`]),
});
const rowsOf = (pages: PanelTable[][]) => pages.flatMap((page) => page.flatMap((t) => t.rows.map((row) => row[0])));
const lines = (page: PanelTable[]) => page.reduce((n, t) => n + t.rows.length + 2, 0);

describe('paginateTables', () => {
  test('ten candidates do not fit one slide of ten lines: eight on the first, two on the next, none lost or repeated', () => {
    const pages = paginateTables([table('candidates', 10)], 10);
    expect(pages.map((page) => page.map((t) => t.rows.length))).toEqual([[8], [2]]);
    expect(rowsOf(pages)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const page of pages) expect(lines(page)).toBeLessThanOrEqual(10);
  });

  test('a table that fits stays whole on the first slide', () => {
    expect(paginateTables([table('figures', 4)], 10).map((page) => page.map((t) => t.rows.length))).toEqual([[4]]);
  });

  test('a second table goes to a new slide rather than leaving its title alone at the bottom', () => {
    const pages = paginateTables([table('figures', 7), table('candidates', 5)], 10);
    expect(pages.map((page) => page.map((t) => `${t.kind}:${t.rows.length}`))).toEqual([['figures:7'], ['candidates:5']]);
  });

  test('many rows spread over as many slides as needed, every slide within its lines', () => {
    const pages = paginateTables([table('operations', 50)], 10);
    expect(pages).toHaveLength(7);
    expect(rowsOf(pages)).toEqual(Array.from({ length: 50 }, (_, n) => n + 1));
    for (const page of pages) expect(lines(page)).toBeLessThanOrEqual(10);
  });

  test('empty tables and a slide without tables give one empty page; a trend shows its last six months', () => {
    expect(paginateTables([], 10)).toEqual([[]]);
    expect(paginateTables([table('candidates', 0)], 10)).toEqual([[]]);
    expect(paginateTables([table('trend', 12)], 10)[0]![0]!.rows.map((row) => row[0])).toEqual([7, 8, 9, 10, 11, 12]);
  });
});

describe('presentParts', () => {
  test('ten candidates alone fit a live slide: one part, the table whole', () => {
    const parts = presentParts([table('candidates', 10)]);
    expect(parts.map((part) => part.map((t) => t.rows.length))).toEqual([[10]]);
  });

  test('the figures and twenty candidates continue on a second part, every candidate once and in order', () => {
    const parts = presentParts([table('figures', 4), table('candidates', 20)]);
    expect(parts.length).toBe(2);
    expect(parts[0]!.map((t) => t.kind)).toEqual(['figures', 'candidates']);
    expect(parts.flatMap((part) => part.filter((t) => t.kind === 'candidates').flatMap((t) => t.rows.map((row) => row[0])))).toEqual(
      Array.from({ length: 20 }, (_, n) => n + 1),
    );
    for (const part of parts) expect(tableLines(part)).toBeLessThanOrEqual(PRESENT_SLIDE_LINES);
  });

  test('a table without rows keeps its place on the first part, to say there are none', () => {
    const parts = presentParts([table('operations', 0), table('candidates', 20)]);
    expect(parts[0]!.map((t) => `${t.kind}:${t.rows.length}`)).toEqual(['operations:0', 'candidates:14']);
    expect(parts.slice(1).flatMap((part) => part.map((t) => t.kind))).toEqual(['candidates']);
  });
});
