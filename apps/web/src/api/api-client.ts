// fetch() wrapped so every failure — HTTP error, unreachable server, unreadable body — becomes one
// ApiError with a code and a message the page can show.

/** Codes made in the browser; the server's own codes (`not_found`, …) pass through unchanged. */
export type ClientErrorCode = 'network' | 'bad_response' | 'http';

export class ApiError extends Error {
  constructor(
    readonly code: ClientErrorCode | (string & {}),
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
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

export type QueryParams = Record<string, string | null | undefined>;

export function urlFor(path: string, params: QueryParams = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') search.set(name, value);
  }
  const query = search.toString();
  // Same origin only: paths are relative to the page's host, never an absolute URL.
  return query ? `${path}?${query}` : path;
}

export async function fetchJson(path: string, params: QueryParams, signal?: AbortSignal): Promise<unknown> {
  const url = urlFor(path, params);
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, signal });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError('network', `${url}: ${String(cause)}`, null);
  }

  let body: unknown = undefined;
  try {
    body = await response.json();
  } catch {
    // A proxy error page or an empty body: reported below with the status.
  }

  if (!response.ok) {
    if (isErrorBody(body)) throw new ApiError(body.error.code, body.error.message, response.status);
    throw new ApiError('http', `HTTP ${response.status} ${response.statusText} — ${url}`, response.status);
  }
  if (body === undefined) throw new ApiError('bad_response', `${url}: not JSON`, response.status);
  return body;
}
