// API tokens (service accounts): a channel system (an APOA-like app) posts to Pantau with a bearer token
// instead of a session. What a token may do is a checked list of capabilities, and each capability opens
// exactly the routes listed for it below; every other route refuses a token (403). Pure: the API
// (enforcement), the CLI and the data layer (validation) share it. See docs/access-control.md.
import type { Permissions } from './access.js';
import { AREA_CODE_PATTERN, levelOfCode } from './constants.js';

/** What a token may be allowed; a later capability is added here, to TOKEN_ROUTES and to the table's check (migration). */
export const TOKEN_CAPABILITIES = ['report:create', 'report:attach'] as const;
export type TokenCapability = (typeof TOKEN_CAPABILITIES)[number];

export const isTokenCapability = (value: string): value is TokenCapability => (TOKEN_CAPABILITIES as readonly string[]).includes(value);

/**
 * The routes a token may call, by capability (paths under /api/v1, OpenAPI style). Nothing else is open
 * to a token: not the public paths (health, sign-in), not the tiles, not a read of the report it posted.
 */
export const TOKEN_ROUTES: Readonly<Record<TokenCapability, ReadonlyArray<{ method: string; path: string }>>> = {
  'report:create': [{ method: 'POST', path: '/reports' }],
  // Only to the reports the token itself posted: the data layer checks the report's created_by_token_id.
  'report:attach': [{ method: 'POST', path: '/reports/{id}/attachments' }],
};

const API_PREFIX = '/api/v1';
const pathPattern = (path: string) => new RegExp(`^${API_PREFIX}${path.replace(/\{[^}]+\}/g, '[^/]+')}$`);
const ROUTE_PATTERNS = Object.entries(TOKEN_ROUTES).flatMap(([capability, routes]) =>
  routes.map((route) => ({ capability: capability as TokenCapability, method: route.method, pattern: pathPattern(route.path) })),
);

/** The capability a request needs from a token, or null when no capability opens it (the token is refused). */
export function tokenCapabilityFor(method: string, path: string): TokenCapability | null {
  const upper = method.toUpperCase();
  return ROUTE_PATTERNS.find((route) => route.method === upper && route.pattern.test(path))?.capability ?? null;
}

/**
 * A token's permissions in the role model: none, except what its capabilities need. The route list above
 * is the gate (reports.write alone would also allow triage, which no capability opens); these keep a
 * handler's own checks and field rules right behind it: a token sees no personal data, not even the text
 * of the report it posted.
 */
export function permissionsOfCapabilities(capabilities: readonly TokenCapability[]): Permissions {
  return {
    personalData: false,
    import: false,
    manageUsers: false,
    audit: false,
    layers: [],
    lists: false,
    exports: [],
    planning: { read: false, write: false, approve: false },
    reports: { write: capabilities.includes('report:create') || capabilities.includes('report:attach') },
  };
}

/** A token's name: what the CLI and the audit trail call it (`apoa`). Lower case, so `APOA` and `apoa` cannot both be active. */
export const TOKEN_NAME_PATTERN = /^[a-z0-9][a-z0-9_-]{0,62}$/;

/**
 * A token as handed out: `pt_` + an 8-hex-digit id part (stored, shown by `token list`, so a leaked token
 * can be recognised and looked up) + `_` + 43 base64url characters of secret (32 random bytes). Only the
 * SHA-256 of the whole token is stored. Session tokens (43 characters) can never take this form.
 */
export const TOKEN_PREFIX = 'pt_';
export const API_TOKEN_PATTERN = /^pt_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/;
export const isApiTokenFormat = (token: string): boolean => API_TOKEN_PATTERN.test(token);
/** The visible part of a token (`pt_1a2b3c4d`), as stored. */
export const apiTokenPrefixOf = (token: string): string => token.slice(0, TOKEN_PREFIX.length + 8);

/** Requests per minute a token may make (PANTAU_TOKEN_RATE_LIMIT overrides it). */
export const DEFAULT_TOKEN_RATE_LIMIT = 60;
export const TOKEN_RATE_WINDOW_MS = 60_000;

/** Why a token's options are refused, naming the field; null when they are well-formed (area codes still need a check against the boundaries). */
export function tokenOptionsProblem(input: {
  name: string;
  scope: readonly string[];
  capabilities: readonly string[];
}): { field: string; message: string } | null {
  if (!TOKEN_NAME_PATTERN.test(input.name))
    return {
      field: 'name',
      message: `Token name ${JSON.stringify(input.name)}: 1–63 lower-case letters, digits, - or _, starting with a letter or digit (e.g. apoa).`,
    };
  if (!input.scope.length)
    return { field: 'scope', message: 'A token needs a scope: a province or regency code (e.g. 19 or 19.04), several separated by commas.' };
  for (const code of input.scope) {
    const level = AREA_CODE_PATTERN.test(code) ? levelOfCode(code) : null;
    if (level !== 'province' && level !== 'regency')
      return { field: 'scope', message: `Scope ${JSON.stringify(code)}: a province or regency code such as 19 or 19.04.` };
  }
  if (!input.capabilities.length) return { field: 'capabilities', message: `A token needs at least one capability: ${TOKEN_CAPABILITIES.join(', ')}.` };
  const unknown = input.capabilities.filter((capability) => !isTokenCapability(capability));
  if (unknown.length) return { field: 'capabilities', message: `Unknown capability ${unknown.join(', ')}; one of ${TOKEN_CAPABILITIES.join(', ')}.` };
  // A token attaches photos only to the reports it posted itself: report:attach alone could never be used.
  if (input.capabilities.includes('report:attach') && !input.capabilities.includes('report:create'))
    return { field: 'capabilities', message: 'report:attach needs report:create too: a token attaches photos only to the reports it posted.' };
  return null;
}
