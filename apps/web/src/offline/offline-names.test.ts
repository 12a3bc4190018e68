import { describe, expect, test } from 'vitest';
import { assetCacheName, isCopyExpired, OFFLINE_MAX_AGE_MS, offlineCacheName, parseCopyMeta, parseOfflineCacheName } from './offline-names.js';

describe('offline cache names', () => {
  const savedAt = new Date('2024-06-12T09:30:00.000Z');

  test('name the briefing and the moment it was stored', () => {
    expect(offlineCacheName(42, savedAt)).toBe('pantau-offline-v1:briefing:42:1718184600000');
    expect(parseOfflineCacheName(offlineCacheName(42, savedAt))).toEqual({ briefingId: 42, savedAtMs: 1718184600000 });
  });

  test('an update is a new cache beside the old one', () => {
    expect(offlineCacheName(42, new Date(savedAt.getTime() + 1))).not.toBe(offlineCacheName(42, savedAt));
  });

  test('other caches are not offline copies', () => {
    expect(parseOfflineCacheName(assetCacheName('abc123'))).toBeNull();
    expect(assetCacheName('abc123')).toBe('pantau-assets-abc123');
    expect(parseOfflineCacheName('pantau-offline-v0:briefing:42:1718184600000')).toBeNull();
    expect(parseOfflineCacheName('pantau-offline-v1:briefing:0:1718184600000')).toBeNull();
    expect(parseOfflineCacheName('pantau-offline-v1:briefing:42:')).toBeNull();
    expect(parseOfflineCacheName('pantau-offline-v1:briefing:42:17x')).toBeNull();
  });
});

describe('how long a copy may be used', () => {
  const savedAtMs = Date.parse('2024-06-12T09:30:00Z');

  test('for seven days, like the longest session', () => {
    expect(isCopyExpired(savedAtMs, savedAtMs + OFFLINE_MAX_AGE_MS)).toBe(false);
    expect(isCopyExpired(savedAtMs, savedAtMs + OFFLINE_MAX_AGE_MS + 1)).toBe(true);
  });

  test('a copy dated in the future (a clock set back) is not trusted', () => {
    expect(isCopyExpired(savedAtMs, savedAtMs - 60 * 60 * 1000)).toBe(true);
    expect(isCopyExpired(savedAtMs, savedAtMs - 60 * 1000)).toBe(false);
  });
});

describe('parseCopyMeta', () => {
  const meta = { briefingId: 7, title: 'Rakor', userId: 3, savedAt: '2024-06-12T09:30:00.000Z', bytes: 12_300_000, files: 812 };

  test('reads a stored description', () => {
    expect(parseCopyMeta(meta)).toEqual(meta);
  });

  test('refuses anything else', () => {
    expect(parseCopyMeta(null)).toBeNull();
    expect(parseCopyMeta({ ...meta, userId: '3' })).toBeNull();
    expect(parseCopyMeta({ ...meta, savedAt: 'yesterday' })).toBeNull();
    expect(parseCopyMeta({ ...meta, bytes: undefined })).toBeNull();
  });
});
