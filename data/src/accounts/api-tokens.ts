// API tokens of channel systems (service accounts, issue 22): the one validated write path for them (the
// CLI and the admin routes), and the lookup behind `Authorization: Bearer pt_…`. Only the SHA-256 of a
// token is stored; the token itself is returned once, by addApiToken, and never again.
import { randomBytes } from 'node:crypto';
import { and, apiTokens, eq, isNull, queryRows, sql, type Orm } from '@pantau/db';
import {
  apiTokenPrefixOf,
  isApiTokenFormat,
  isTokenCapability,
  permissionsOfCapabilities,
  TOKEN_PREFIX,
  tokenOptionsProblem,
  type Permissions,
  type Scope,
  type TokenCapability,
} from '@pantau/domain';

import { writeAudit } from './audit.js';
import { hashToken } from './sessions.js';
import { AccountError, SYSTEM_ACTOR, type Actor } from './users.js';

/** A token as listed: never its secret nor its hash. */
export interface PublicApiToken {
  id: number;
  name: string;
  /** The token's visible start (`pt_1a2b3c4d`). */
  prefix: string;
  scope: string[];
  capabilities: TokenCapability[];
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The channel system behind a request: only its capabilities, only its scope. */
export interface ServicePrincipal {
  token: { id: number; name: string; prefix: string; capabilities: TokenCapability[] };
  scope: Scope;
  permissions: Permissions;
}

export interface ApiTokenInput {
  name: string;
  scope: readonly string[];
  capabilities: readonly string[];
}

type ApiTokenRow = typeof apiTokens.$inferSelect;

const toPublic = (row: ApiTokenRow): PublicApiToken => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  scope: [...row.scopeCodes],
  capabilities: row.capabilities.filter(isTokenCapability),
  createdBy: row.createdBy,
  createdAt: new Date(row.createdAt).toISOString(),
  lastUsedAt: row.lastUsedAt ? new Date(row.lastUsedAt).toISOString() : null,
  revokedAt: row.revokedAt ? new Date(row.revokedAt).toISOString() : null,
});

/**
 * Makes a token and returns it with its secret, the only time the secret exists outside the caller.
 * Refused with an AccountError naming the field: a malformed name, scope or capability, an area code
 * the boundaries do not know, a name an active token already has.
 */
export async function addApiToken(
  orm: Orm,
  input: ApiTokenInput,
  actor: Actor = SYSTEM_ACTOR,
  now = new Date(),
): Promise<{ token: PublicApiToken; secret: string }> {
  const name = input.name.trim();
  const scope = [...new Set(input.scope.map((code) => code.trim()).filter(Boolean))];
  const capabilities = [...new Set(input.capabilities.map((capability) => capability.trim()).filter(Boolean))];
  const problem = tokenOptionsProblem({ name, scope, capabilities });
  if (problem) throw new AccountError('invalid_account', problem.field, problem.message);
  const secret = `${TOKEN_PREFIX}${randomBytes(4).toString('hex')}_${randomBytes(32).toString('base64url')}`;
  const row = await orm.transaction(async (tx) => {
    const known = await queryRows<{ code: string }>(tx, sql`select code from areas where code in ${scope}`);
    const missing = scope.filter((code) => !known.some((area) => area.code === code));
    if (missing.length) throw new AccountError('invalid_account', 'scope', `No area with code ${missing.join(', ')} (load the boundaries first?).`);
    const [taken] = await tx
      .select({ id: apiTokens.id })
      .from(apiTokens)
      .where(and(eq(apiTokens.name, name), isNull(apiTokens.revokedAt)));
    if (taken) throw new AccountError('token_name_taken', 'name', `An active token is named ${name} already; revoke it first or choose another name.`);
    const [inserted] = await tx
      .insert(apiTokens)
      .values({
        name,
        prefix: apiTokenPrefixOf(secret),
        tokenHash: hashToken(secret),
        scopeCodes: scope,
        capabilities,
        createdBy: actor.actor,
        createdAt: now.toISOString(),
      })
      .returning();
    await writeAudit(tx, { ...actor, action: 'token.add', target: `token:${name}`, details: { prefix: inserted!.prefix, scope, capabilities } }, now);
    return inserted!;
  });
  return { token: toPublic(row), secret };
}

/** Every token, active first, then by name; never a secret or a hash. */
export async function listApiTokens(orm: Orm): Promise<PublicApiToken[]> {
  const rows = await orm
    .select()
    .from(apiTokens)
    .orderBy(sql`${apiTokens.revokedAt} is not null`, apiTokens.name, apiTokens.id);
  return rows.map(toPublic);
}

/** Revokes the active token of this name (or id): its next request answers 401. */
export async function revokeApiToken(orm: Orm, who: string | number, actor: Actor = SYSTEM_ACTOR, now = new Date()): Promise<PublicApiToken> {
  return orm.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: now.toISOString() })
      .where(and(typeof who === 'number' ? eq(apiTokens.id, who) : eq(apiTokens.name, who.trim()), isNull(apiTokens.revokedAt)))
      .returning();
    if (!row) throw new AccountError('token_not_found', 'name', `No active token ${typeof who === 'number' ? `with id ${who}` : `named ${who}`}.`);
    await writeAudit(tx, { ...actor, action: 'token.revoke', target: `token:${row.name}`, details: { prefix: row.prefix } }, now);
    return toPublic(row);
  });
}

/** How the audit trail names a token's requests: by the token's name, with no account behind it. */
export const actorOfService = (service: ServicePrincipal, requestId?: string | null): Actor => ({ userId: null, actor: service.token.name, requestId });

/**
 * The principal of an API token, or null when it is malformed, unknown or revoked. Marks the token used
 * (at most once a minute: `token list` needs no finer clock, and a busy channel writes no row per request).
 */
export async function authenticateApiToken(orm: Orm, token: string, now = new Date()): Promise<ServicePrincipal | null> {
  if (!isApiTokenFormat(token)) return null;
  const [row] = await orm
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt)));
  if (!row) return null;
  if (!row.lastUsedAt || now.getTime() - new Date(row.lastUsedAt).getTime() > 60_000)
    await orm.update(apiTokens).set({ lastUsedAt: now.toISOString() }).where(eq(apiTokens.id, row.id));
  const capabilities = row.capabilities.filter(isTokenCapability);
  return {
    token: { id: row.id, name: row.name, prefix: row.prefix, capabilities },
    scope: { areaCodes: [...row.scopeCodes] },
    permissions: permissionsOfCapabilities(capabilities),
  };
}
