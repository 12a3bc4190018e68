import { describe, expect, test } from 'vitest';
import { appLogger, createLogger } from './logger.js';

describe('logger', () => {
  test('pino writes one JSON object a line with the level by name and an ISO time, from the configured level up', () => {
    const lines: string[] = [];
    const logger = createLogger('warn', { write: (line: string) => { lines.push(line); } });
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
