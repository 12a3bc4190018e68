// The API's log: pino, one JSON object a line on stdout, at the level of PANTAU_LOG_LEVEL; on a terminal
// (someone ran `pnpm start`) the same lines read as text (`terminalDestination`). A request ends with one
// `request` line at info level.
// Personal data stays out (GUIDE.md): paths and the names of query parameters only, never their values
// (a person search `q=` is a name), the user's id not their email, errors through errorLogText.
import type { Context, MiddlewareHandler } from 'hono';
import { pino, type DestinationStream, type Logger } from 'pino';
import type { Config } from './config.js';

export type LogLevel = Config['logLevel'];
const LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

/** What the app needs of a logger; a pino Logger is one. */
export interface AppLogger {
  debug(fields: object, message?: string): void;
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
  error(fields: object, message?: string): void;
}

/**
 * Where the app logs: a pino-compatible logger, or a function taking text lines (tests). The function
 * gets the lines at or above the configured level, as text: warnings and errors keep their
 * `[request id] …` text; request lines (info) are JSON.
 */
export type LogSink = AppLogger | ((line: string) => void);

/** The process's logger: JSON lines on stdout (or `destination`), from `level` up. */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime, formatters: { level: (label) => ({ level: label }) } }, destination);
}

/**
 * Lines for a person at a terminal: `12:01:02 info  Pantau ready … {"port":8787}` instead of the JSON a
 * log collector reads. Same content: the time of day, the level, the message and the other fields.
 */
export function terminalText(jsonLine: string): string {
  try {
    const { time, level, msg, ...fields } = JSON.parse(jsonLine) as { time?: string; level?: string; msg?: string } & Record<string, unknown>;
    const clock = typeof time === 'string' ? time.slice(11, 19) : '';
    const rest = Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : '';
    return `${clock} ${String(level ?? '').padEnd(5)} ${msg ?? ''}${rest}\n`;
  } catch {
    return jsonLine;
  }
}

/** A pino destination writing `terminalText` lines to `out` (process.stdout when it is a TTY). */
export function terminalDestination(out: { write(text: string): unknown }): DestinationStream {
  return {
    write: (line: string) => {
      out.write(terminalText(line));
    },
  };
}

export function appLogger(sink: LogSink | undefined, level: LogLevel): AppLogger {
  if (sink === undefined) return createLogger(level);
  if (typeof sink !== 'function') return sink;
  const at = (l: LogLevel) =>
    LEVELS.indexOf(l) < LEVELS.indexOf(level) ? () => {} : (fields: object, message?: string) => sink(message ?? JSON.stringify({ level: l, ...fields }));
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** The fields of a request's line: no query values, no email. */
export function requestFields(c: Context, startedMs: number): Record<string, unknown> {
  const url = new URL(c.req.url);
  const query = [...new Set(url.searchParams.keys())];
  const principal = c.get('principal' as never) as { user?: { id?: unknown } } | undefined;
  const service = c.get('service' as never) as { token?: { id?: unknown } } | undefined;
  return {
    requestId: c.get('requestId' as never) as string,
    method: c.req.method,
    path: url.pathname,
    ...(query.length > 0 ? { query } : {}),
    status: c.res.status,
    durationMs: Math.round((performance.now() - startedMs) * 10) / 10,
    ...(principal?.user?.id !== undefined ? { userId: principal.user.id } : {}),
    ...(service?.token?.id !== undefined ? { tokenId: service.token.id } : {}),
  };
}

/** One info line per request, when it ends (after the error handler has answered). */
export function requestLog(logger: AppLogger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      logger.info(requestFields(c, started), 'request');
    }
  };
}

/** A text-line logger from a sink (createApp hands the routes a function logging at error level). */
export function lineLog(sink: LogSink | undefined): (line: string) => void {
  if (typeof sink === 'function') return sink;
  if (sink) return (line) => sink.error({}, line);
  return (line) => console.error(line);
}
