import { describe, expect, test } from 'vitest';
import { appLogger, createLogger, terminalDestination, terminalText } from './logger.js';

describe('logger', () => {
  test('pino writes one JSON object a line with the level by name and an ISO time, from the configured level up', () => {
    const lines: string[] = [];
    const logger = createLogger('warn', {
      write: (line: string) => {
        lines.push(line);
      },
    });
    logger.info({ a: 1 }, 'dropped');
    logger.warn({ requestId: 'r1' }, 'kept');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toEqual({ level: 'warn', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/), requestId: 'r1', msg: 'kept' });
  });

  test('a function sink gets the text of the lines at or above the level (tests pass `log: () => {}`)', () => {
    const lines: string[] = [];
    const logger = appLogger((line) => lines.push(line), 'warn');
    logger.info({ path: '/a' }, 'request');
    logger.error({ requestId: 'r1' }, '[r1] Unhandled on GET /a: boom');
    expect(lines).toEqual(['[r1] Unhandled on GET /a: boom']);
    const all: string[] = [];
    appLogger((line) => all.push(line), 'debug').debug({ x: 1 });
    expect(all).toEqual(['{"level":"debug","x":1}']);
  });
});

describe('terminal lines', () => {
  test('a JSON line reads as time, level, message and the other fields', () => {
    expect(terminalText('{"level":"info","time":"2026-12-06T04:30:12.345Z","msg":"Pantau ready in 3.1 s on http://localhost:8787","port":8787}')).toBe(
      '04:30:12 info  Pantau ready in 3.1 s on http://localhost:8787 {"port":8787}\n',
    );
    expect(terminalText('not json\n')).toBe('not json\n');
  });

  test('the logger writes through it', () => {
    const written: string[] = [];
    const logger = createLogger('info', terminalDestination({ write: (text: string) => written.push(text) }));
    logger.info({ requestId: 'r1', status: 200 }, 'request');
    logger.debug({}, 'hidden');
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^\d\d:\d\d:\d\d info {2}request \{"requestId":"r1","status":200\}\n$/);
  });
});
