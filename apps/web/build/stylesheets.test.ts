// Every stylesheet of the web app parses without a warning. Vite concatenates them into one file and
// only warns: a brace left open in one (a merge once dropped the `}` closing `.change-password-actions`)
// nests every rule after it, so the whole app lost its layout while the build still passed.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';
import { describe, expect, test } from 'vitest';

const sourceRoot = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');

function stylesheets(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return stylesheets(path);
    return entry.name.endsWith('.css') ? [path] : [];
  });
}

describe('stylesheets', () => {
  const files = stylesheets(sourceRoot);

  test('there are stylesheets to check', () => {
    expect(files.length).toBeGreaterThan(3);
  });

  test.each(files.map((file) => [relative(sourceRoot, file), file]))('%s parses without a warning', async (_name, file) => {
    const { warnings } = await transform(readFileSync(file, 'utf8'), { loader: 'css', sourcefile: file, target: 'chrome111' });
    expect(warnings.map((warning) => `${warning.location?.line}: ${warning.text}`)).toEqual([]);
  });
});
