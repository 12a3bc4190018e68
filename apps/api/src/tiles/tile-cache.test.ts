import { describe, expect, test } from 'vitest';
import { TILE_LAYER_BY_ID } from './layers.js';
import { tileCache, tileKey, type TileKeyParts } from './tile-cache.js';

const tileOf = (bytes: number) => ({ raw: new Uint8Array(bytes).fill(1), gzip: new Uint8Array(Math.ceil(bytes / 4)).fill(2) });

describe('the tile cache', () => {
  test('never holds more bytes than its bound, and drops the least recently used tile first', () => {
    const cache = tileCache(20_000)!;
    for (let i = 0; i < 200; i++) {
      cache.set(`tile-${i}`, tileOf(400 + (i % 7) * 100));
      // tile-0 is read after every insert: always the most recently used, never dropped.
      expect(cache.get('tile-0')).toBeDefined();
      expect(cache.bytes).toBeLessThanOrEqual(20_000);
    }
    expect(cache.get('tile-1')).toBeUndefined();
    expect(cache.get('tile-199')).toBeDefined();
    expect(cache.size).toBeGreaterThan(10);
    expect(cache.size).toBeLessThan(200);
  });

  test('a tile larger than an eighth of the bound is served but not kept', () => {
    const cache = tileCache(8_000)!;
    cache.set('small', tileOf(100));
    cache.set('large', tileOf(2_000));
    expect(cache.get('large')).toBeUndefined();
    expect(cache.get('small')).toBeDefined();
  });

  test('0 bytes: no cache', () => {
    expect(tileCache(0)).toBeNull();
  });
});

describe('the tile key', () => {
  const tables = ['areas', 'permits', 'people', 'person_passports', 'permit_applications', 'holder_count_changes', 'holder_count_checkpoints', 'risk_areas'];
  const versions = new Map(tables.map((t) => [t, '1']));
  const regencies: TileKeyParts = {
    layer: TILE_LAYER_BY_ID.get('regencies')!,
    coordinate: { z: 8, x: 203, y: 129 },
    filter: { permit: { asOf: '2024-06-13', nationalities: ['CHN', 'JPN'] }, lang: 'id' },
    scope: { areaCodes: ['19.04', '19.71'] },
    versions,
  };

  test('lists in another order name the same tile; another value, scope, tile or version another one', () => {
    const key = tileKey(regencies);
    expect(
      tileKey({
        ...regencies,
        filter: { permit: { nationalities: ['JPN', 'CHN'], asOf: '2024-06-13' }, lang: 'id' },
        scope: { areaCodes: ['19.71', '19.04'] },
      }),
    ).toBe(key);
    expect(tileKey({ ...regencies, filter: { permit: { asOf: '2024-06-14', nationalities: ['CHN', 'JPN'] }, lang: 'id' } })).not.toBe(key);
    expect(tileKey({ ...regencies, scope: { areaCodes: ['19.04'] } })).not.toBe(key);
    expect(tileKey({ ...regencies, scope: null })).not.toBe(key);
    expect(tileKey({ ...regencies, coordinate: { z: 8, x: 129, y: 203 } })).not.toBe(key);
    expect(tileKey({ ...regencies, versions: new Map([...versions, ['permits', '2']]) })).not.toBe(key);
    // A table the layer does not read changes nothing.
    expect(tileKey({ ...regencies, versions: new Map([...versions, ['risk_areas', '2']]) })).toBe(key);
  });

  test('the language counts only where the layer names things in it', () => {
    expect(tileKey({ ...regencies, filter: { ...regencies.filter, lang: 'en' } })).toBe(tileKey(regencies));
    const risk: TileKeyParts = { ...regencies, layer: TILE_LAYER_BY_ID.get('risk_areas')! };
    expect(tileKey({ ...risk, filter: { ...risk.filter, lang: 'en' } })).not.toBe(tileKey(risk));
  });

  test('a table without a data version is refused, not keyed as if it never changed', () => {
    expect(() => tileKey({ ...regencies, versions: new Map() })).toThrow(/data version/);
  });
});
