import { describe, expect, test } from 'vitest';
import { escapeCell, unescapeCell } from './safe-cell.js';

describe('spreadsheet-safe cells', () => {
  test.each(['=1+1', '+62 812', '-2+3', '@SUM(A1)', '\tTAB', '\rCR'])('%j is prefixed with an apostrophe and comes back unchanged', (value) => {
    expect(escapeCell(value)).toBe(`'${value}`);
    expect(unescapeCell(escapeCell(value) as string)).toBe(value);
  });

  test('harmless text, numbers and empty cells are left as they are', () => {
    for (const value of ['Hotel Asri', "'quoted", '', 'a=b', 106.2, -2.43, null]) expect(escapeCell(value)).toBe(value);
    expect(unescapeCell("'quoted")).toBe("'quoted");
  });
});
