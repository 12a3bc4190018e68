// fetch() wrapped so every failure — HTTP error, unreachable server, unreadable body — becomes one
// ApiError with a code and a message the page can show. Every request carries the session cookie
// (same origin only); a 401 from any of them tells the page the session is gone.
import { noteAnswer, noteNetworkFailure } from '../offline/connectivity.js';
import type { z } from 'zod';

/** Codes made in the browser; the server's own codes (`not_found`, …) pass through unchanged. */
export type ClientErrorCode = 'network' | 'bad_response' | 'http';

export class ApiError extends Error {
  constructor(
    readonly code: ClientErrorCode | (string & {}),
    message: string,
    readonly status: number | null,
    /** Seconds to wait before trying again (429 answers), when the server says. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** True for the answers a role gets for what it may not read: 403, and 404 (out of scope looks like nonexistent). */
export function isNotPermitted(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 403 || error.status === 404);
}

interface ErrorBody {
  error: { code: string; message: string };
}

function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

/**
 * Seconds to wait from a `Retry-After` header (seconds or an HTTP date), else from a message such
 * as "try again in 42 s"; `null` when neither says.
 */
export function retryAfterSeconds(header: string | null, message: string, nowMs: number): number | null {
  const value = header?.trim() ?? '';
  if (/^\d+$/.test(value)) return Number(value);
  if (value !== '') {
    const at = Date.parse(value);
    if (Number.isFinite(at)) return Math.max(0, Math.ceil((at - nowMs) / 1000));
  }
  const inMessage = /\b(\d+)\s*(?:s|sec|secs|seconds?|detik)\b/i.exec(message);
  return inMessage ? Number(inMessage[1]) : null;
}

// ── Session loss ────────────────────────────────────────────────────────────────────────────────

type UnauthenticatedListener = () => void;
const unauthenticatedListeners = new Set<UnauthenticatedListener>();

/** Called whenever an API answer says the session is missing or expired; returns the unsubscribe. */
export function onUnauthenticated(listener: UnauthenticatedListener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

/** Tells the page the session is gone (an API call, or a tile, answered 401). */
export function reportUnauthenticated(): void {
  for (const listener of [...unauthenticatedListeners]) listener();
}

// ── Requests ────────────────────────────────────────────────────────────────────────────────────

export type QueryParams = Record<string, string | null | undefined>;

/** A GET the page makes: its path and query. The offline saver stores the answer at `urlFor(path, params)`. */
export interface ApiRequest {
  path: string;
  params: QueryParams;
}

export function urlFor(path: string, params: QueryParams = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') search.set(name, value);
  }
  const query = search.toString();
  // Same origin only: paths are relative to the page's host, never an absolute URL.
  return query ? `${path}?${query}` : path;
}

/**
 * The UI's language, sent as Accept-Language with every request: record texts, reasons and error
 * messages come back in the language the page shows, not in the browser's (an English browser on
 * the Indonesian page, or the other way round). Set by the app as the view's language changes.
 */
let uiLanguage: 'id' | 'en' = 'id';

export function setRequestLanguage(lang: 'id' | 'en'): void {
  uiLanguage = lang;
}

export function requestLanguage(): 'id' | 'en' {
  return uiLanguage;
}

interface RequestOptions {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** False for the sign-in itself, whose 401 means a wrong password rather than a lost session. */
  reportsSessionLoss?: boolean;
}

async function request(url: string, { method, body, signal, reportsSessionLoss = true }: RequestOptions): Promise<{ status: number; body: unknown }> {
  // Writes carry JSON, or a multipart upload whose boundary the browser writes into the content type
  // (the API refuses cookie-authenticated writes with any other body).
  const upload = body instanceof FormData;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers:
        method === 'GET' || upload
          ? { accept: 'application/json', 'accept-language': uiLanguage }
          : { accept: 'application/json', 'accept-language': uiLanguage, 'content-type': 'application/json' },
      ...(method === 'GET' ? {} : { body: upload ? body : JSON.stringify(body ?? {}) }),
      signal,
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    noteNetworkFailure();
    throw new ApiError('network', `${url}: ${String(cause)}`, null);
  }
  // Live, or from an offline copy (the service worker marks those): the page shows which.
  noteAnswer(response.headers);

  let answer: unknown = undefined;
  if (response.status !== 204) {
    try {
      answer = await response.json();
    } catch {
      // A proxy error page or an empty body: reported below with the status.
    }
  }

  if (!response.ok) {
    if (response.status === 401 && reportsSessionLoss) reportUnauthenticated();
    const message = isErrorBody(answer) ? answer.error.message : `HTTP ${response.status} ${response.statusText} — ${url}`;
    const retryAfter = response.status === 429 ? retryAfterSeconds(response.headers.get('retry-after'), message, Date.now()) : null;
    throw new ApiError(isErrorBody(answer) ? answer.error.code : 'http', message, response.status, retryAfter);
  }
  return { status: response.status, body: answer };
}

export async function fetchJson(path: string, params: QueryParams, signal?: AbortSignal): Promise<unknown> {
  const url = urlFor(path, params);
  const { status, body } = await request(url, { method: 'GET', signal });
  if (body === undefined) throw new ApiError('bad_response', `${url}: not JSON`, status);
  return body;
}

/** A write with a JSON body; resolves to the answer's JSON, or `undefined` for 204. */
export async function sendJson(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  options: { signal?: AbortSignal; reportsSessionLoss?: boolean } = {},
): Promise<unknown> {
  const { body: answer } = await request(path, { method, body, signal: options.signal, reportsSessionLoss: options.reportsSessionLoss ?? true });
  return answer;
}

/** A multipart upload (imports); resolves to the answer's JSON. */
export async function sendForm(path: string, form: FormData, options: { signal?: AbortSignal } = {}): Promise<unknown> {
  const { status, body } = await request(path, { method: 'POST', body: form, signal: options.signal });
  if (body === undefined) throw new ApiError('bad_response', `${path}: not JSON`, status);
  return body;
}

/**
 * The answer checked against its schema from @pantau/domain (the one the route declares): a changed
 * contract shows up as a clear error naming the field, not as a blank panel.
 */
export function answerOf<S extends z.ZodType>(schema: S, body: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ApiError('bad_response', `unexpected answer from ${what}${issue ? ` (${issue.path.join('.') || 'answer'}: ${issue.message})` : ''}`, null);
}

/** GET, and the answer checked against its schema. */
export async function fetchAnswer<S extends z.ZodType>(schema: S, path: string, params: QueryParams, signal?: AbortSignal): Promise<z.infer<S>> {
  return answerOf(schema, await fetchJson(path, params, signal), path);
}

/**
 * GET typed with the answer's z.infer type, not parsed: the map's first screen stays within its
 * initial JS budget without the schemas and zod's parser. The contract test
 * (apps/api/src/contract.int.test.ts) checks every answer against the same schemas.
 */
export async function fetchTyped<T extends object>(path: string, params: QueryParams, signal?: AbortSignal): Promise<T> {
  const body = await fetchJson(path, params, signal);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ApiError('bad_response', `unexpected answer from ${path}`, null);
  return body as T;
}
