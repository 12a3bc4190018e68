import { describe, expect, test } from 'vitest';
import { ENVIRONMENT_VARIABLES, loadConfig as loadData } from '@pantau/data';
import { API_ENVIRONMENT_VARIABLES, ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  test('the API reads the data variables of @pantau/data and its own; the CLI only the data ones', () => {
    expect(ENVIRONMENT_VARIABLES).toContain('DATABASE_URL');
    expect(ENVIRONMENT_VARIABLES).not.toContain('PORT');
    expect(API_ENVIRONMENT_VARIABLES).toEqual(expect.arrayContaining(['PORT', 'HOST', 'PANTAU_LOG_LEVEL', 'PANTAU_TRUST_PROXY']));
    expect(API_ENVIRONMENT_VARIABLES.filter((name) => ENVIRONMENT_VARIABLES.includes(name))).toEqual([]);
    expect(loadData({ PANTAU_LOG_LEVEL: 'loud' }).demo.load).toBe(true);
    expect(loadConfig({ PANTAU_LOG_LEVEL: 'warn' }).logLevel).toBe('warn');
  });

  test('with no variables it serves the embedded database on port 8787 with demo data', () => {
    const config = loadConfig({});
    expect(config.port).toBe(8787);
    expect(config.database.kind).toBe('pglite');
    expect(config.database.kind === 'pglite' && config.database.dataDir.endsWith('.data/pglite')).toBe(true);
    expect(config.demo).toEqual({ load: true, seed: 1, scale: 1 });
    expect(config.imports).toEqual({ regencyToleranceKm: 10 });
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
    ['PANTAU_TRUST_PROXY', 'maybe'],
    ['PANTAU_TRUST_PROXY', '-1'],
    ['PANTAU_SESSION_IDLE_MINUTES', '0'],
    ['PANTAU_SESSION_IDLE_MINUTES', 'half an hour'],
    ['PANTAU_SESSION_ABSOLUTE_HOURS', '0'],
    ['PANTAU_SESSION_ABSOLUTE_HOURS', '1000'],
    ['PANTAU_STATEMENT_TIMEOUT_MS', '0'],
    ['PANTAU_STATEMENT_TIMEOUT_MS', 'soon'],
    ['PANTAU_LONG_STATEMENT_TIMEOUT_MS', '-5'],
    ['PANTAU_DB_WAIT_MS', '1.5'],
    ['PANTAU_DB_MAX_WAITING', 'many'],
    ['PANTAU_TILE_CACHE_MB', '-1'],
    ['PANTAU_TILE_CACHE_MB', 'lots'],
    ['PANTAU_API_CACHE_MB', '-1'],
    ['PANTAU_API_CACHE_MB', 'many'],
    ['PANTAU_TOKEN_RATE_LIMIT', '0'],
    ['PANTAU_TOKEN_RATE_LIMIT', 'sixty'],
    ['PANTAU_IMPORT_JOB_DAYS', '0'],
    ['PANTAU_IMPORT_JOB_DAYS', 'a week'],
    ['PANTAU_IMPORT_REGENCY_TOLERANCE_KM', '-1'],
    ['PANTAU_IMPORT_REGENCY_TOLERANCE_KM', 'far'],
  ])('a bad %s (%s) stops start-up with a message naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}=`));
  });

  test('requests are bounded by default: a few seconds per read statement, two minutes for writes, ten seconds of waiting for the embedded database', () => {
    const config = loadConfig({});
    expect(config.statementTimeouts).toEqual({ readMs: 5_000, writeMs: 120_000 });
    expect(config.databaseWait).toEqual({ waitMs: 10_000, maxWaiting: 32 });
    expect(loadConfig({ PANTAU_STATEMENT_TIMEOUT_MS: '8000', PANTAU_DB_WAIT_MS: '2000' })).toMatchObject({
      statementTimeouts: { readMs: 8000 },
      databaseWait: { waitMs: 2000 },
    });
  });

  test('the tile cache holds 64 MB by default; 0 turns it off', () => {
    expect(loadConfig({}).tileCacheBytes).toBe(64 * 1024 * 1024);
    expect(loadConfig({ PANTAU_TILE_CACHE_MB: '256' }).tileCacheBytes).toBe(256 * 1024 * 1024);
    expect(loadConfig({ PANTAU_TILE_CACHE_MB: '0' }).tileCacheBytes).toBe(0);
  });

  test('the read API answer cache holds 32 MB by default; 0 turns it off', () => {
    expect(loadConfig({}).apiCacheBytes).toBe(32 * 1024 * 1024);
    expect(loadConfig({ PANTAU_API_CACHE_MB: '128' }).apiCacheBytes).toBe(128 * 1024 * 1024);
    expect(loadConfig({ PANTAU_API_CACHE_MB: '0' }).apiCacheBytes).toBe(0);
  });

  test('an API token may make 60 requests a minute by default', () => {
    expect(loadConfig({}).tokenRateLimit).toBe(60);
    expect(loadConfig({ PANTAU_TOKEN_RATE_LIMIT: '600' }).tokenRateLimit).toBe(600);
  });

  test('a report photo may be 5 MB by default, and the limit is configurable', () => {
    expect(loadConfig({}).attachmentMaxBytes).toBe(5120 * 1024);
    expect(loadConfig({ PANTAU_ATTACHMENT_MAX_KB: '256' }).attachmentMaxBytes).toBe(256 * 1024);
    expect(() => loadConfig({ PANTAU_ATTACHMENT_MAX_KB: '0' })).toThrow(/PANTAU_ATTACHMENT_MAX_KB=/);
  });

  test('uploads go to <data dir>/uploads, finished import jobs are kept 7 days and a silent one is stale after 120 s by default; all configurable', () => {
    const config = loadConfig({ PANTAU_DATA_DIR: '/srv/pantau' });
    expect(config.importJobs).toEqual({
      uploadDir: '/srv/pantau/uploads',
      retentionMs: 7 * 24 * 60 * 60_000,
      staleAfterMs: 120_000,
    });
    expect(loadConfig({ PANTAU_UPLOAD_DIR: '/var/tmp/pantau-uploads', PANTAU_IMPORT_JOB_DAYS: '2', PANTAU_IMPORT_STALE_S: '8' }).importJobs).toEqual({
      uploadDir: '/var/tmp/pantau-uploads',
      retentionMs: 2 * 24 * 60 * 60_000,
      staleAfterMs: 8000,
    });
    expect(() => loadConfig({ PANTAU_IMPORT_STALE_S: '2' })).toThrow(/PANTAU_IMPORT_STALE_S=/);
  });

  test('DATABASE_READ_URL adds a read replica of the server with a 30 s lag bound by default; without DATABASE_URL start-up stops naming both', () => {
    expect(loadConfig({}).readReplica).toBeNull();
    const primary = 'postgres://pantau@db1:5432/pantau';
    expect(loadConfig({ DATABASE_URL: primary, DATABASE_READ_URL: 'postgres://pantau@db2:5432/pantau' }).readReplica).toEqual({
      url: 'postgres://pantau@db2:5432/pantau',
      maxLagMs: 30_000,
    });
    expect(loadConfig({ DATABASE_URL: primary, DATABASE_READ_URL: 'postgres://db2/pantau', PANTAU_REPLICA_MAX_LAG_S: '5' }).readReplica?.maxLagMs).toBe(5000);
    expect(() => loadConfig({ DATABASE_READ_URL: 'postgres://db2/pantau' })).toThrow(/DATABASE_READ_URL is set but DATABASE_URL is not/);
    expect(() => loadConfig({ DATABASE_URL: primary, DATABASE_READ_URL: 'http://db2' })).toThrow(/DATABASE_READ_URL=/);
    expect(() => loadConfig({ DATABASE_URL: primary, DATABASE_READ_URL: 'postgres://db2/pantau', PANTAU_REPLICA_MAX_LAG_S: '0' })).toThrow(
      /PANTAU_REPLICA_MAX_LAG_S=/,
    );
  });

  test('empty values count as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).port).toBe(8787);
  });

  test('sessions default to ASVS L2: 30 minutes idle, 12 hours absolute; both configurable', () => {
    expect(loadConfig({}).session).toEqual({ idleMs: 30 * 60_000, absoluteMs: 12 * 60 * 60_000 });
    expect(loadConfig({ PANTAU_SESSION_IDLE_MINUTES: '15', PANTAU_SESSION_ABSOLUTE_HOURS: '8' }).session).toEqual({
      idleMs: 15 * 60_000,
      absoluteMs: 8 * 60 * 60_000,
    });
  });

  test('an idle time longer than the absolute time stops start-up naming the idle variable', () => {
    expect(() => loadConfig({ PANTAU_SESSION_IDLE_MINUTES: '120', PANTAU_SESSION_ABSOLUTE_HOURS: '1' })).toThrow(/PANTAU_SESSION_IDLE_MINUTES=/);
  });

  test('PANTAU_TRUST_PROXY: true is one proxy hop, false none, a number that many', () => {
    expect(loadConfig({}).trustProxy).toBe(0);
    expect(loadConfig({ PANTAU_TRUST_PROXY: 'true' }).trustProxy).toBe(1);
    expect(loadConfig({ PANTAU_TRUST_PROXY: 'false' }).trustProxy).toBe(0);
    expect(loadConfig({ PANTAU_TRUST_PROXY: '2' }).trustProxy).toBe(2);
  });
});
