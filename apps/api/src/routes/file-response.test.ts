import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { temporaryFileResponse } from './file-response.js';

describe('temporaryFileResponse', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pantau-file-response-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const temporary = (path: string) => ({ path, remove: () => rm(path, { recursive: true, force: true }) });
  const closed = () => new Promise((r) => setTimeout(r, 50));

  test('sends the file with its length and removes it once sent', async () => {
    const path = join(dir, 'permits.csv');
    writeFileSync(path, 'a,b\n1,2\n');
    const errors: Error[] = [];
    const response = await temporaryFileResponse(temporary(path), { 'Content-Type': 'text/csv' }, (error) => errors.push(error));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe('8');
    expect(await response.text()).toBe('a,b\n1,2\n');
    await closed();
    expect(existsSync(path)).toBe(false);
    expect(errors).toEqual([]);
  });

  test('a file that cannot be opened is an error before any answer, and is removed', async () => {
    const removed: string[] = [];
    await expect(
      temporaryFileResponse(
        {
          path: join(dir, 'missing.csv'),
          remove: async () => {
            removed.push('missing.csv');
          },
        },
        {},
        () => {},
      ),
    ).rejects.toThrow(/ENOENT/);
    expect(removed).toEqual(['missing.csv']);
  });

  test('a read error after the 200 is reported and aborts the HTTP transfer instead of ending it cleanly', async () => {
    // A directory opens like a file and fails on the first read (EISDIR): a read error after the headers.
    const path = join(dir, 'unreadable.csv');
    mkdirSync(path);
    const errors: Error[] = [];
    const http = serve({
      fetch: () => temporaryFileResponse(temporary(path), { 'Content-Type': 'text/csv' }, (error) => errors.push(error)),
      port: 0,
      hostname: '127.0.0.1',
    });
    await new Promise<void>((r) => http.once('listening', () => r()));
    try {
      const { port } = http.address() as { port: number };
      const response = await fetch(`http://127.0.0.1:${port}/`);
      expect(response.status).toBe(200);
      await expect(response.arrayBuffer()).rejects.toThrow();
      expect(errors.map((e) => (e as NodeJS.ErrnoException).code)).toEqual(['EISDIR']);
      await closed();
      expect(existsSync(path)).toBe(false);
    } finally {
      await new Promise<void>((r) => http.close(() => r()));
    }
  });
});
