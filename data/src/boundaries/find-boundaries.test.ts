import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BoundariesNotFoundError, findBoundariesDir } from './find-boundaries.js';

describe('findBoundariesDir', () => {
  test('a configured directory holding the three files is used', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pantau-b-'));
    for (const f of ['provinces', 'regencies', 'districts']) writeFileSync(join(dir, `${f}.geojson`), '{}');
    expect(findBoundariesDir(dir)).toBe(dir);
  });

  test('a configured directory without the files is an error naming the path, not a silent fallback', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pantau-b-'));
    mkdirSync(join(dir, 'empty'));
    const attempt = () => findBoundariesDir(join(dir, 'empty'));
    expect(attempt).toThrow(BoundariesNotFoundError);
    expect(attempt).toThrow(join(dir, 'empty'));
    expect(attempt).toThrow(/PANTAU_BOUNDARIES_DIR/);
  });
});
