import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { shellFiles } from './service-worker.js';

describe('shellFiles', () => {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  test('lists index.html first, then every file under assets/ with its size, and nothing else of dist/', () => {
    const dist = mkdtempSync(join(tmpdir(), 'pantau-dist-'));
    made.push(dist);
    mkdirSync(join(dist, 'assets', 'fonts'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html>');
    writeFileSync(join(dist, 'assets', 'index-abc.js'), 'x'.repeat(120));
    writeFileSync(join(dist, 'assets', 'countries-50m-def.json'), '{}');
    writeFileSync(join(dist, 'assets', 'fonts', 'a-123.woff2'), 'woff');
    writeFileSync(join(dist, 'initial-js.json'), '{}');
    writeFileSync(join(dist, 'sw.js'), '');
    expect(shellFiles(dist)).toEqual([
      { path: '/index.html', bytes: 15 },
      { path: '/assets/countries-50m-def.json', bytes: 2 },
      { path: '/assets/fonts/a-123.woff2', bytes: 4 },
      { path: '/assets/index-abc.js', bytes: 120 },
    ]);
  });
});
