// Sessions: opaque random tokens; the database keeps only their SHA-256, so a leaked table opens nothing.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, queryOne, sessions, signInFailures, sql, users, type Orm } from '@pantau/db';
import {
  permissionsOf, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, SIGN_IN_MAX_FAILURES_PER_ACCOUNT, SIGN_IN_MAX_FAILURES_PER_ADDRESS, SIGN_IN_WINDOW_MS,
  type Permissions, type Scope,
} from '@pantau/domain';

import { writeAudit } from './audit.js';
import { decoyPasswordHash, verifyPassword } from './passwords.js';
import { scopeOfUser, toPublicUser, type PublicUser, type UserRow } from './users.js';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The signed-in person behind a request. */
export interface Principal { user: PublicUser; scope: Scope; permissions: Permissions; sessionHash: string }

export type SignInResult =
  | { ok: true; token: string; principal: Principal; expiresAt: Date }
  | { ok: false; code: 'invalid_credentials' | 'account_disabled' }
  | { ok: false; code: 'rate_limited'; retryAfterSeconds: number };

interface SignInRequest { email: string; password: string; address: string; requestId?: string | null; now?: Date }

/** Seconds until the oldest counted failure leaves the window, when a limit is reached. */
async function rateLimitWait(orm: Orm, email: string, address: string, now: Date): Promise<number> {
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS).toISOString();
  const counts = await queryOne<{ by_account: number; oldest_account: string | null; by_address: number; oldest_address: string | null }>(orm, sql`
    select
      count(*) filter (where lower(email) = lower(${email}))::int as by_account,
      min(at) filter (where lower(email) = lower(${email})) as oldest_account,
      count(*) filter (where address = ${address})::int as by_address,
      min(at) filter (where address = ${address}) as oldest_address
    from sign_in_failures where at > ${since}::timestamptz and (lower(email) = lower(${email}) or address = ${address})`);
  const waitFrom = (oldest: string | null) => (oldest ? Math.max(1, Math.ceil((new Date(oldest).getTime() + SIGN_IN_WINDOW_MS - now.getTime()) / 1000)) : 1);
  let wait = 0;
  if ((counts?.by_account ?? 0) >= SIGN_IN_MAX_FAILURES_PER_ACCOUNT) wait = Math.max(wait, waitFrom(counts!.oldest_account));
  if ((counts?.by_address ?? 0) >= SIGN_IN_MAX_FAILURES_PER_ADDRESS) wait = Math.max(wait, waitFrom(counts!.oldest_address));
  return wait;
}

export async function signIn(orm: Orm, request: SignInRequest): Promise<SignInResult> {
  const now = request.now ?? new Date();
  const email = request.email.trim().slice(0, 320);
  const wait = await rateLimitWait(orm, email, request.address, now);
  if (wait > 0) return { ok: false, code: 'rate_limited', retryAfterSeconds: wait };
  const [row] = await orm.select().from(users).where(sql`lower(${users.email}) = lower(${email})`);
  // Verify against a decoy when there is no such account, so the answer takes as long either way.
  const passwordOk = await verifyPassword(row?.passwordHash ?? (await decoyPasswordHash()), request.password);
  if (!row || !passwordOk) {
    await orm.transaction(async (tx) => {
      await tx.insert(signInFailures).values({ email, address: request.address, at: now.toISOString() });
      await writeAudit(tx, { userId: row?.id ?? null, actor: email, action: 'sign_in.failed', requestId: request.requestId, details: { address: request.address } }, now);
    });
    return { ok: false, code: 'invalid_credentials' };
  }
  if (row.disabledAt) {
    await writeAudit(orm, { userId: row.id, actor: row.email, action: 'sign_in.refused', requestId: request.requestId, details: { reason: 'disabled', address: request.address } }, now);
    return { ok: false, code: 'account_disabled' };
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  await orm.transaction(async (tx) => {
    await tx.insert(sessions).values({ tokenHash: hashToken(token), userId: row.id, createdAt: now.toISOString(), lastSeenAt: now.toISOString(), expiresAt: expiresAt.toISOString(), address: request.address });
    await tx.update(users).set({ lastSignInAt: now.toISOString() }).where(eq(users.id, row.id));
    await writeAudit(tx, { userId: row.id, actor: row.email, action: 'sign_in', requestId: request.requestId, details: { address: request.address } }, now);
    // Old failures and expired sessions go while we are here: no cron needed.
    await tx.delete(signInFailures).where(lt(signInFailures.at, new Date(now.getTime() - SIGN_IN_WINDOW_MS).toISOString()));
    await tx.delete(sessions).where(lt(sessions.expiresAt, now.toISOString()));
  });
  return { ok: true, token, expiresAt, principal: await principalOf(orm, { ...row, lastSignInAt: now.toISOString() }, hashToken(token)) };
}

async function principalOf(orm: Orm, row: UserRow, sessionHash: string): Promise<Principal> {
  // The scope once per request (an office's work area is a query), shared with the public user.
  const scope = await scopeOfUser(orm, row);
  return { user: await toPublicUser(orm, row, scope), scope, permissions: permissionsOf(row.role), sessionHash };
}

/** The principal of a session token, or null when it is unknown, expired (idle or absolute) or its account disabled. */
export async function authenticate(orm: Orm, token: string, now = new Date()): Promise<Principal | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const tokenHash = hashToken(token);
  const [found] = await orm.select({ session: sessions, user: users }).from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(eq(sessions.tokenHash, tokenHash));
  if (!found) return null;
  const { session, user } = found;
  const idleSince = now.getTime() - new Date(session.lastSeenAt).getTime();
  if (user.disabledAt || new Date(session.expiresAt) <= now || idleSince > SESSION_IDLE_MS) {
    await orm.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    return null;
  }
  // Touch at most once a minute: the idle clock needs no more precision than that.
  if (idleSince > 60_000) await orm.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.tokenHash, tokenHash));
  return principalOf(orm, user, tokenHash);
}

export async function signOut(orm: Orm, principal: Principal, requestId?: string | null, everywhere = false): Promise<void> {
  await orm.transaction(async (tx) => {
    await tx.delete(sessions).where(everywhere ? eq(sessions.userId, principal.user.id) : and(eq(sessions.tokenHash, principal.sessionHash)));
    await writeAudit(tx, { userId: principal.user.id, actor: principal.user.email, action: everywhere ? 'sign_out.everywhere' : 'sign_out', requestId });
  });
}
