// The read API's answer cache (issue 25). At a coordination meeting a room of officials opens the same
// dashboard: the same aggregates, area summaries, trends and lists, over data that changes a few times a
// day. An answer of these routes is a function of the request (path and query), the caller's role, scope
// and permissions, the language, the day in Jakarta and the data; the data is named by its versions
// (data_changes, bumped in the same transaction as every write, migrations 0019 and 0033). So an answer
// is kept under a hash of all of these, and the next identical request on this instance is answered
// without a database transaction: one read of the versions, as the tile cache does. A write committed
// on any instance changes the versions, hence the key, before its transaction's answer leaves.
//
// It sits inside the session check and the audit of reads (a cached answer is audited like a made one)
// and outside the scoped read transaction and the compression (a hit opens neither: the bytes are kept as sent).
import { createHash } from 'node:crypto';
import { dataVersions } from '@pantau/db';
import { todayInJakarta } from '@pantau/domain';
import type { Context, MiddlewareHandler } from 'hono';
import { LRUCache } from 'lru-cache';
import { isAuditedRead } from './auth/audit-reads.js';
import { readerOf } from './auth/request-context.js';
import { readsOf, type AppDeps } from './deps.js';
import { singleFlight } from './single-flight.js';

/**
 * GET routes under /api/v1 whose answer depends on nothing but the key's parts. Not here: anything
 * about the caller themselves (sessions, their tokens, their plans' drafts), the admin pages (users,
 * audit: users' rows are not versioned), exports and PDFs (streamed, large), imports (jobs move on).
 */
export const CACHED_READS: readonly RegExp[] = [
  /^\/stats\/permits$/,
  /^\/areas\/[^/]+\/(summary|trend|arrivals|compare|overstays|expiring)$/,
  /^\/(companies|operations|risk-areas|entry-points|meetings)$/,
  /^\/search$/,
];

const API = '/api/v1';

/** Bumped when an answer's shape changes between builds, so no entry or ETag of the previous build is reused. */
const ANSWER_FORMAT = 1;

/** What an entry costs besides its bytes (key, headers, map slot), so that small answers are bounded too. */
const ENTRY_OVERHEAD_BYTES = 400;

/** Headers an answer is kept with; the rest (cookies, request id, security headers) belong to each request. */
const KEPT_HEADERS = ['content-type', 'content-encoding'] as const;

interface CachedAnswer {
  body: Uint8Array;
  headers: [string, string][];
}

export const isCachedRead = (path: string) => path.startsWith(`${API}/`) && CACHED_READS.some((pattern) => pattern.test(path.slice(API.length)));

/** The encoding hono's compress() picks for this request (gzip before deflate), which the kept bytes are in. */
function encodingOf(c: Context): string {
  const accepted = c.req.header('accept-encoding') ?? '';
  return ['gzip', 'deflate'].find((encoding) => accepted.includes(encoding)) ?? 'identity';
}

export interface AnswerKeyParts {
  path: string;
  /** The query string's pairs, in any order: sorted here, so `a=1&b=2` and `b=2&a=1` share an entry. */
  query: [string, string][];
  /** Who asks, as far as an answer can differ: role (or token), scope and permissions; never the person. */
  caller: { kind: 'user' | 'token'; role: string; scope: unknown; permissions: unknown };
  lang: string;
  encoding: string;
  today: string;
  versions: ReadonlyMap<string, string>;
}

/** The key of an answer, and its ETag: a hash of everything it depends on. */
export function answerKey(parts: AnswerKeyParts): string {
  const canonical = JSON.stringify([
    ANSWER_FORMAT,
    parts.path,
    [...parts.query].sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : x > y ? 1 : 0) : a < b ? -1 : 1)),
    sortedJson(parts.caller),
    parts.lang,
    parts.encoding,
    parts.today,
    [...parts.versions].sort(([a], [b]) => (a < b ? -1 : 1)),
  ]);
  return createHash('sha256').update(canonical).digest('base64url');
}

/** Objects with their keys sorted (permissions and scope are plain data), so equal callers share entries. */
function sortedJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedJson);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, sortedJson(v)]),
    );
  return value;
}

interface CallerShape {
  scope: unknown;
  permissions: unknown;
  user?: { role: string };
}

function callerParts(c: Context): AnswerKeyParts['caller'] | null {
  const service = c.get('service' as never) as (CallerShape & { token: { id: number } }) | undefined;
  if (service) return { kind: 'token', role: 'token', scope: service.scope, permissions: service.permissions };
  const principal = c.get('principal' as never) as CallerShape | undefined;
  if (!principal?.user) return null;
  return { kind: 'user', role: principal.user.role, scope: principal.scope, permissions: principal.permissions };
}

export interface ResponseCache {
  middleware: MiddlewareHandler;
  /** Bytes and entries held (tests, the health of a running instance). */
  readonly bytes: number;
  readonly size: number;
}

/** The cache of `maxBytes` (PANTAU_API_CACHE_MB); null when 0: every answer is made per request. */
export function responseCache(deps: AppDeps, maxBytes: number): ResponseCache | null {
  if (maxBytes <= 0) return null;
  const cache = new LRUCache<string, CachedAnswer>({
    maxSize: maxBytes,
    // One answer larger than an eighth of the cache would push out many others: not kept.
    maxEntrySize: Math.max(1, Math.floor(maxBytes / 8)),
    sizeCalculation: (answer, key) => answer.body.byteLength + key.length + ENTRY_OVERHEAD_BYTES,
  });
  const flights = singleFlight<CachedAnswer | null>();
  const middleware: MiddlewareHandler = async (c, next) => {
    if (c.req.method !== 'GET' || !isCachedRead(c.req.path)) return next();
    const caller = callerParts(c);
    if (!caller) return next();
    const reads = readsOf(deps);
    // The versions from the server the answer would be read from (a replica, or the primary after the
    // caller's own write), read on every request: a write on another instance must change the next key.
    const source = await reads.sourceFor(readerOf(c));
    const versions = await reads.plain(source, dataVersions);
    const url = new URL(c.req.url);
    const key = answerKey({
      path: c.req.path,
      query: [...url.searchParams],
      caller,
      lang: String(c.get('language' as never) ?? 'id'),
      encoding: encodingOf(c),
      today: todayInJakarta(deps.clock.now()),
      versions,
    });
    const etag = `"${key}"`;
    c.header('ETag', etag);
    // Private: the answer holds what this caller's scope may see. Revalidated each time, which costs one read of the versions.
    c.header('Cache-Control', 'private, no-cache');
    c.header('Vary', 'Accept-Encoding, Accept-Language, Cookie, Authorization');
    // An ETag is only ever sent with a 200 made under this key, so a match needs no stored entry; but an
    // audited read is answered in full (its audit row is written for a 200), never by a 304.
    const revalidated = c.req
      .header('if-none-match')
      ?.split(',')
      .some((tag) => tag.trim() === etag);
    if (revalidated && !isAuditedRead(c.req.path.slice(API.length))) {
      c.header('X-Pantau-Cache', 'hit');
      return c.body(null, 304);
    }
    const send = (answer: CachedAnswer, how: 'hit' | 'shared') => {
      for (const [name, value] of answer.headers) c.header(name, value);
      c.header('X-Pantau-Cache', how);
      return c.body(answer.body as Uint8Array<ArrayBuffer>, 200);
    };
    const kept = cache.get(key);
    if (kept) return send(kept, 'hit');
    // The first request of a key makes the answer; identical requests arriving meanwhile wait for it.
    const made = await flights.run(key, async (): Promise<CachedAnswer | null> => {
      c.header('X-Pantau-Cache', 'miss');
      await next();
      if (c.res.status !== 200 || c.error) {
        // Only a 200 carries the key as its ETag.
        c.res.headers.delete('ETag');
        return null;
      }
      const body = new Uint8Array(await c.res.arrayBuffer());
      const headers = KEPT_HEADERS.flatMap((name) => {
        const value = c.res.headers.get(name);
        return value === null ? [] : [[name, value] as [string, string]];
      });
      cache.set(key, { body, headers });
      // The body was read to be kept: the answer sent is a new one with the same bytes and headers.
      c.res = new Response(body, c.res);
      return { body, headers };
    });
    if (!made.shared) return;
    if (made.value) return send(made.value, 'shared');
    // The first request failed (its error is its own, perhaps a timeout): this one makes its own answer.
    c.header('X-Pantau-Cache', 'miss');
    await next();
    if (c.res.status !== 200 || c.error) c.res.headers.delete('ETag');
  };
  return {
    middleware,
    get bytes() {
      return cache.calculatedSize;
    },
    get size() {
      return cache.size;
    },
  };
}
