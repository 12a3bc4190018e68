// Sessions: opaque random tokens; the database keeps only their SHA-256, so a leaked table opens nothing.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, queryOne, sessions, signInFailures, sql, users, type Executor, type Orm } from '@pantau/db';
import {
  DEFAULT_SESSION_POLICY,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  passwordProblem,
  permissionsOf,
  signInThrottleDelayMs,
  SIGN_IN_WINDOW_MS,
  type Permissions,
  type Scope,
  type SessionPolicy,
  type SignInThrottleRule,
} from '@pantau/domain';

import { writeAudit } from './audit.js';
import { decoyPasswordHash, hashPassword, verifyPassword } from './passwords.js';
import { AccountError, scopeOfUser, toPublicUser, type PublicUser, type UserRow } from './users.js';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The signed-in person behind a request. */
export interface Principal {
  user: PublicUser;
  scope: Scope;
  permissions: Permissions;
  sessionHash: string;
}

export type SignInResult =
  | { ok: true; token: string; principal: Principal; expiresAt: Date }
  | { ok: false; code: 'invalid_credentials' | 'account_disabled' }
  | { ok: false; code: 'rate_limited'; retryAfterSeconds: number };

interface SignInRequest {
  email: string;
  password: string;
  /** The client's address, or a key of its own when it cannot be read (never one shared bucket). */
  address: string;
  requestId?: string | null;
  now?: Date;
  policy?: SessionPolicy;
}

interface Throttle {
  rule: SignInThrottleRule;
  failures: number;
  retryAfterSeconds: number;
}

/**
 * The longest wait among the three throttles (domain/access.ts): this account from this address, this
 * address across accounts, this account across addresses. Each waits from its bucket's latest failure.
 */
async function signInThrottle(executor: Executor, email: string, address: string, now: Date): Promise<Throttle | null> {
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS).toISOString();
  const counts = await queryOne<Record<string, number | string | null>>(
    executor,
    sql`
    select
      count(*) filter (where lower(email) = lower(${email}) and address = ${address})::int as account_address,
      max(at) filter (where lower(email) = lower(${email}) and address = ${address}) as account_address_last,
      count(*) filter (where address = ${address})::int as address,
      max(at) filter (where address = ${address}) as address_last,
      count(*) filter (where lower(email) = lower(${email}))::int as account,
      max(at) filter (where lower(email) = lower(${email})) as account_last
    from sign_in_failures where at > ${since}::timestamptz and (lower(email) = lower(${email}) or address = ${address})`,
  );
  let longest: Throttle | null = null;
  for (const rule of ['account_address', 'address', 'account'] as const) {
    const failures = Number(counts?.[rule] ?? 0);
    const last = counts?.[`${rule}_last`];
    const delay = signInThrottleDelayMs(rule, failures);
    if (!delay || !last) continue;
    const waitMs = new Date(String(last)).getTime() + delay - now.getTime();
    if (waitMs <= 0) continue;
    const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
    if (!longest || retryAfterSeconds > longest.retryAfterSeconds) longest = { rule, failures, retryAfterSeconds };
  }
  return longest;
}

/** Records a wrong password; when it starts a throttle, the audit trail says which one and for how long. */
async function recordFailure(
  orm: Orm,
  entry: { email: string; address: string; userId: number | null; action: string; requestId?: string | null; now: Date },
): Promise<void> {
  await orm.transaction(async (tx) => {
    await tx.insert(signInFailures).values({ email: entry.email, address: entry.address, at: entry.now.toISOString() });
    await writeAudit(
      tx,
      { userId: entry.userId, actor: entry.email, action: entry.action, requestId: entry.requestId, details: { address: entry.address } },
      entry.now,
    );
    const throttle = await signInThrottle(tx, entry.email, entry.address, entry.now);
    if (throttle) {
      await writeAudit(
        tx,
        {
          userId: entry.userId,
          actor: entry.email,
          action: 'sign_in.throttled',
          requestId: entry.requestId,
          details: { rule: throttle.rule, address: entry.address, failures: throttle.failures, retryAfterSeconds: throttle.retryAfterSeconds },
        },
        entry.now,
      );
    }
  });
}

export async function signIn(orm: Orm, request: SignInRequest): Promise<SignInResult> {
  const now = request.now ?? new Date();
  const policy = request.policy ?? DEFAULT_SESSION_POLICY;
  const email = request.email.trim().slice(0, 320);
  const throttle = await signInThrottle(orm, email, request.address, now);
  if (throttle) return { ok: false, code: 'rate_limited', retryAfterSeconds: throttle.retryAfterSeconds };
  const [row] = await orm
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`);
  // Verify against a decoy when there is no such account, so the answer takes as long either way.
  const passwordOk = await verifyPassword(row?.passwordHash ?? (await decoyPasswordHash()), request.password, row ? `user ${row.id}` : 'the decoy');
  if (!row || !passwordOk) {
    await recordFailure(orm, { email, address: request.address, userId: row?.id ?? null, action: 'sign_in.failed', requestId: request.requestId, now });
    return { ok: false, code: 'invalid_credentials' };
  }
  if (row.disabledAt) {
    await writeAudit(
      orm,
      { userId: row.id, actor: row.email, action: 'sign_in.refused', requestId: request.requestId, details: { reason: 'disabled', address: request.address } },
      now,
    );
    return { ok: false, code: 'account_disabled' };
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + policy.absoluteMs);
  await orm.transaction(async (tx) => {
    await tx.insert(sessions).values({
      tokenHash: hashToken(token),
      userId: row.id,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
      address: request.address,
    });
    await tx.update(users).set({ lastSignInAt: now.toISOString() }).where(eq(users.id, row.id));
    await writeAudit(tx, { userId: row.id, actor: row.email, action: 'sign_in', requestId: request.requestId, details: { address: request.address } }, now);
    // Old failures and expired sessions go while we are here: no cron needed.
    await tx.delete(signInFailures).where(lt(signInFailures.at, new Date(now.getTime() - SIGN_IN_WINDOW_MS).toISOString()));
    await tx.delete(sessions).where(lt(sessions.expiresAt, now.toISOString()));
  });
  return { ok: true, token, expiresAt, principal: await principalOf(orm, { ...row, lastSignInAt: now.toISOString() }, hashToken(token)) };
}

export type ChangePasswordResult = { ok: true } | { ok: false; code: 'invalid_credentials' } | { ok: false; code: 'rate_limited'; retryAfterSeconds: number };

/**
 * A signed-in user changes their own password: the current one must be right (a stolen session alone
 * must not take over the account), and wrong guesses count and throttle exactly like sign-in's. The
 * user's other sessions end; the one making the change stays. A weak new password is an AccountError
 * naming `newPassword`.
 */
export async function changePassword(
  orm: Orm,
  principal: Principal,
  request: { currentPassword: string; newPassword: string; address: string; requestId?: string | null; now?: Date },
): Promise<ChangePasswordResult> {
  const now = request.now ?? new Date();
  const email = principal.user.email;
  const throttle = await signInThrottle(orm, email, request.address, now);
  if (throttle) return { ok: false, code: 'rate_limited', retryAfterSeconds: throttle.retryAfterSeconds };
  const [row] = await orm.select().from(users).where(eq(users.id, principal.user.id));
  if (!row || !(await verifyPassword(row.passwordHash, request.currentPassword, `user ${row.id}`))) {
    await recordFailure(orm, {
      email,
      address: request.address,
      userId: principal.user.id,
      action: 'user.change_password_failed',
      requestId: request.requestId,
      now,
    });
    return { ok: false, code: 'invalid_credentials' };
  }
  const problem = passwordProblem(request.newPassword, email) ?? (request.newPassword === request.currentPassword ? 'unchanged' : null);
  if (problem) throw new AccountError('invalid_account', 'newPassword', PASSWORD_PROBLEM_MESSAGES[problem]);
  const passwordHash = await hashPassword(request.newPassword);
  await orm.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: now.toISOString() }).where(eq(users.id, row.id));
    await tx.delete(sessions).where(and(eq(sessions.userId, row.id), sql`${sessions.tokenHash} <> ${principal.sessionHash}`));
    await writeAudit(
      tx,
      {
        userId: row.id,
        actor: email,
        action: 'user.change_password',
        target: email,
        requestId: request.requestId,
        details: { address: request.address, otherSessionsEnded: true },
      },
      now,
    );
  });
  return { ok: true };
}

const PASSWORD_PROBLEM_MESSAGES: Record<NonNullable<ReturnType<typeof passwordProblem>> | 'unchanged', string> = {
  too_short: `The new password is too short: at least ${MIN_PASSWORD_LENGTH} characters.`,
  too_long: `The new password is too long: at most ${MAX_PASSWORD_LENGTH} characters.`,
  same_as_email: 'The new password must not be your email address.',
  too_simple: 'The new password is too simple: use at least 4 different characters (a few unrelated words work well).',
  unchanged: 'The new password is the same as the current one.',
};

async function principalOf(orm: Orm, row: UserRow, sessionHash: string): Promise<Principal> {
  // The scope once per request (an office's work area is a query), shared with the public user.
  const scope = await scopeOfUser(orm, row);
  return { user: await toPublicUser(orm, row, scope), scope, permissions: permissionsOf(row.role), sessionHash };
}

/** The principal of a session token, or null when it is unknown, expired (idle or absolute) or its account disabled. */
export async function authenticate(orm: Orm, token: string, now = new Date(), policy: SessionPolicy = DEFAULT_SESSION_POLICY): Promise<Principal | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const tokenHash = hashToken(token);
  const [found] = await orm
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, tokenHash));
  if (!found) return null;
  const { session, user } = found;
  const idleSince = now.getTime() - new Date(session.lastSeenAt).getTime();
  // The absolute limit is checked against the configured policy too, so shortening it applies to open sessions.
  const age = now.getTime() - new Date(session.createdAt).getTime();
  if (user.disabledAt || new Date(session.expiresAt) <= now || age >= policy.absoluteMs || idleSince > policy.idleMs) {
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
