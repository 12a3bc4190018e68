// No query parameter is ever silently ignored (issue 20): a request carrying one its endpoint does not
// declare is a 400 `unknown_parameter` naming it, before validation and before any work. The names
// come from what the endpoint declares: a route's query schema (the one the OpenAPI document lists),
// a tile layer's filters, an export kind's filters.
import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../errors.js';

/** The parameter names a route's query schema declares: the keys of its object (through a pipe or transform). */
export function declaredQueryNames(schema: unknown): readonly string[] {
  for (
    let s = schema as { shape?: Record<string, unknown>; _zod?: { def?: { in?: unknown; innerType?: unknown } } } | undefined, depth = 0;
    s && depth < 5;
    depth++
  ) {
    if (s.shape && typeof s.shape === 'object') return Object.keys(s.shape);
    s = (s._zod?.def?.in ?? s._zod?.def?.innerType) as typeof s;
  }
  // Fails when the app is built, not on a request: every query schema must say which names it takes.
  throw new Error("A route's query schema must be a z.object: its keys are the parameters the route takes.");
}

/** Throws the 400 naming every query parameter of the request that is not among `allowed`. */
export function refuseUnknownParameters(c: Context, allowed: readonly string[], what: string): void {
  const unknown = Object.keys(c.req.queries()).filter((name) => !allowed.includes(name));
  if (unknown.length === 0) return;
  const takes = allowed.length > 0 ? `it takes ${allowed.join(', ')}` : 'it takes no query parameters';
  throw new AppError(
    'unknown_parameter',
    `Unknown parameter${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. Not a parameter of ${what}; ${takes}.`,
    unknown.map((parameter) => ({ parameter, message: 'unknown parameter' })),
  );
}

/** Middleware: only the `allowed` query parameters, for the request's method and path. */
export function onlyDeclaredParameters(allowed: readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    refuseUnknownParameters(c, allowed, `${c.req.method} ${c.req.path}`);
    await next();
  };
}
