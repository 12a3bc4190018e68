import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  test('with no variables it serves the embedded database on port 8787 with demo data', () => {
    const config = loadConfig({});
    expect(config.port).toBe(8787);
    expect(config.database.kind).toBe('pglite');
    expect(config.database.kind === 'pglite' && config.database.dataDir.endsWith('.data/pglite')).toBe(true);
    expect(config.demo).toEqual({ load: true, seed: 1, scale: 1 });
  });

  test('DATABASE_URL switches to the server backend', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/pantau' }).database).toEqual({ kind: 'postgres', url: 'postgres://u:p@db:5432/pantau' });
  });

  test.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['PANTAU_DEMO', 'maybe'],
    ['PANTAU_DEMO_SCALE', '-1'],
    ['PANTAU_LOG_LEVEL', 'loud'],
  ])('a bad %s (%s) stops start-up with a message naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}=`));
  });

  test('empty values count as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).port).toBe(8787);
  });
});
