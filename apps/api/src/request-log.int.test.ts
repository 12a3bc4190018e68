// The API's log (logger.ts): one JSON line per request with its id, method, path, status, duration and
// user id, never a query value (a person search is a name); PANTAU_LOG_LEVEL=warn drops these lines;
// an unexpected failure logs at error level with the request id.
import { sql } from '@pantau/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../test/backends.js';
import { as, signedInAccount, type TestAccount } from '../../../test/sessions.js';
import { createApp } from './app.js';
import { createLogger, type LogLevel } from './logger.js';

const clock = { now: () => new Date('2024-06-13T03:00:00Z') };

describe.each(testBackends())('request log on %s', (backend) => {
  let t: TestDatabase;
  let account: TestAccount;
  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
    account = await signedInAccount(t.database, 'admin');
  });
  afterAll(async () => {
    await t?.dispose();
  });

  /** An app signed in as the admin, whose pino logger writes into `lines`. */
  function loggedApp(level: LogLevel) {
    const lines: string[] = [];
    const logger = createLogger(level, {
      write: (line: string) => {
        lines.push(line);
      },
    });
    const app = as(createApp({ database: t.database, config: { trustProxy: false, logLevel: level }, clock, log: logger }), account);
    return { app, lines, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
  }

  test('a request logs one JSON line at info level: request id, method, path, query names, status, duration, user id; no query value, no email', async () => {
    const { app, lines, records } = loggedApp('info');
    const response = await app.request('/api/v1/people?q=Wang&limit=5');
    expect(response.status).toBe(200);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.endsWith('\n')).toBe(true);
    expect(lines[0]!.trimEnd()).not.toContain('\n');
    const [line] = records();
    expect(line).toMatchObject({ level: 'info', msg: 'request', method: 'GET', path: '/api/v1/people', query: ['q', 'limit'], status: 200 });
    expect(line!.requestId).toBe(response.headers.get('x-request-id'));
    expect(typeof line!.durationMs).toBe('number');
    expect(typeof line!.userId).toBe('number');
    expect(lines[0]).not.toMatch(/Wang/i);
    expect(lines[0]).not.toContain(account.email);
    expect(lines[0]).not.toContain('limit=');
  });

  test('a refused request is logged too, with its status and without a user', async () => {
    const { lines, records } = loggedApp('info');
    const app = createApp({
      database: t.database,
      config: { trustProxy: false, logLevel: 'info' },
      clock,
      log: createLogger('info', {
        write: (line: string) => {
          lines.push(line);
        },
      }),
    });
    expect((await app.request('/api/v1/people?q=Wang')).status).toBe(401);
    expect(records()).toEqual([expect.objectContaining({ method: 'GET', path: '/api/v1/people', query: ['q'], status: 401 })]);
    expect(records()[0]).not.toHaveProperty('userId');
    expect(lines.join('')).not.toMatch(/Wang/i);
  });

  test('PANTAU_LOG_LEVEL=warn: no request lines', async () => {
    const { app, lines } = loggedApp('warn');
    expect((await app.request('/api/v1/health')).status).toBe(200);
    expect((await app.request('/api/v1/people?q=Wang')).status).toBe(200);
    expect(lines).toEqual([]);
  });

  test('an unexpected failure logs at error level with the request id, then its request line with status 500', async () => {
    const { app, records } = loggedApp('info');
    // A real failure: the table the endpoint reads is gone (this test's own copy of the fixture).
    await t.database.orm.execute(sql`alter table meetings rename to meetings_gone`);
    try {
      const response = await app.request('/api/v1/meetings');
      expect(response.status).toBe(500);
      const { error } = (await response.json()) as { error: { requestId: string } };
      const [failure, request, ...rest] = records();
      expect(rest).toEqual([]);
      expect(failure).toMatchObject({ level: 'error', requestId: error.requestId, method: 'GET', path: '/api/v1/meetings' });
      expect(String(failure!.msg)).toContain(error.requestId);
      expect(request).toMatchObject({ level: 'info', msg: 'request', requestId: error.requestId, status: 500 });
    } finally {
      await t.database.orm.execute(sql`alter table meetings_gone rename to meetings`);
    }
  });
});
