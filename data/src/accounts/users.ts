// Accounts: the one validated write path for users, used by the CLI, the API and the demo start.
import { userInfo } from 'node:os';
import { eq, queryOne, queryRows, sessions, sql, users, type Orm } from '@pantau/db';
import {
  areaScopeFitsRole,
  DEFAULT_ACCOUNT_AGENCY,
  isEmailAddress,
  isRole,
  isTimporaAgency,
  MIN_PASSWORD_LENGTH,
  ROLES,
  scopedToProvinces,
  TIMPORA_AGENCY_CODES,
  type Role,
  type Scope,
  type TimporaAgencyCode,
} from '@pantau/domain';

import { writeAudit } from './audit.js';
import { generatePassword, hashPassword } from './passwords.js';

/** A refused account change, naming the field. */
export class AccountError extends Error {
  constructor(
    readonly code: 'invalid_account' | 'user_not_found' | 'email_taken' | 'token_name_taken' | 'token_not_found',
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'AccountError';
  }
}

export interface UserInput {
  email: string;
  role: string;
  scope?: readonly string[];
  office?: string | null;
  password?: string;
  agency?: string;
}
export interface UserChanges {
  role?: string;
  scope?: readonly string[];
  office?: string | null;
  disabled?: boolean;
  agency?: string;
}

export interface PublicUser {
  id: number;
  email: string;
  role: Role;
  agency: TimporaAgencyCode;
  scope: { areaCodes: string[] | null; office: string | null; label: string };
  disabled: boolean;
  createdAt: string;
  lastSignInAt: string | null;
}

/** Who made a change, for the audit trail. */
export interface Actor {
  userId: number | null;
  actor: string;
  requestId?: string | null;
}
export const SYSTEM_ACTOR: Actor = { userId: null, actor: 'system' };

/** The command line's changes are audited under the operating-system account that ran them. */
export const CLI_ACTOR: Actor = { userId: null, actor: `cli:${cliUser()}` };

/**
 * Who runs the CLI, for the audit trail. A uid without a passwd entry (a container started with
 * --user 1234) has no name, and userInfo() throws: the uid still tells runs apart, where a shared
 * 'unknown' would not.
 */
function cliUser(): string {
  try {
    return userInfo().username;
  } catch {
    return `uid:${process.getuid?.() ?? 'none'}`;
  }
}

type UserRow = typeof users.$inferSelect;

async function checkScope(tx: Orm, role: Role, scope: readonly string[], office: string | null): Promise<void> {
  if (role === 'admin') {
    if (scope.length || office) throw new AccountError('invalid_account', 'scope', 'An admin sees the whole country: give no --scope.');
    return;
  }
  if (office) {
    if (scope.length) throw new AccountError('invalid_account', 'scope', 'Give either area codes or an office, not both.');
    if (scopedToProvinces(role)) throw new AccountError('invalid_account', 'scope', 'A division head is scoped to a province code (e.g. 19), not an office.');
    const found = await queryOne(tx, sql`select 1 as ok from offices where key = ${office}`);
    if (!found)
      throw new AccountError(
        'invalid_account',
        'office',
        `No office with key ${office} (see offices in the data; e.g. ref:office:kantor-imigrasi-kelas-i-tpi-pangkalpinang).`,
      );
    return;
  }
  if (!scope.length) throw new AccountError('invalid_account', 'scope', `A ${role} needs a scope: area codes (e.g. 19.04) or office:<key>.`);
  if (!areaScopeFitsRole(role, scope)) {
    throw new AccountError('invalid_account', 'scope', 'A division head is scoped to province codes (e.g. 19).');
  }
  const known = await queryRows<{ code: string }>(tx, sql`select code from areas where code in ${scope}`);
  const missing = scope.filter((code) => !known.some((row) => row.code === code));
  if (missing.length) throw new AccountError('invalid_account', 'scope', `No area with code ${missing.join(', ')}.`);
}

function checkRole(role: string): Role {
  if (!isRole(role)) throw new AccountError('invalid_account', 'role', `Unknown role ${role}; one of ${ROLES.join(', ')}.`);
  return role;
}

function checkAgency(agency: string): TimporaAgencyCode {
  if (!isTimporaAgency(agency)) throw new AccountError('invalid_account', 'agency', `Unknown agency ${agency}; one of ${TIMPORA_AGENCY_CODES.join(', ')}.`);
  return agency;
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH)
    throw new AccountError('invalid_account', 'password', `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`);
}

/** Splits `19.04,19.71` or `office:<key>` as typed on the command line. */
export function parseScopeOption(value: string | undefined): { scope: string[]; office: string | null } {
  if (!value) return { scope: [], office: null };
  if (value.startsWith('office:')) return { scope: [], office: value.slice('office:'.length) };
  return {
    scope: value
      .split(',')
      .map((code) => code.trim())
      .filter(Boolean),
    office: null,
  };
}

export async function addUser(orm: Orm, input: UserInput, actor: Actor = SYSTEM_ACTOR, now = new Date()): Promise<{ user: PublicUser; password: string }> {
  const email = input.email.trim();
  if (!isEmailAddress(email)) throw new AccountError('invalid_account', 'email', `Not an email address: ${input.email}`);
  const role = checkRole(input.role);
  const agency = checkAgency(input.agency ?? DEFAULT_ACCOUNT_AGENCY);
  const password = input.password ?? generatePassword();
  checkPassword(password);
  const passwordHash = await hashPassword(password);
  const id = await orm.transaction(async (tx) => {
    const scope = [...(input.scope ?? [])];
    const office = input.office ?? null;
    await checkScope(tx as unknown as Orm, role, scope, office);
    const taken = await queryOne(tx, sql`select 1 as taken from users where lower(email) = lower(${email})`);
    if (taken) throw new AccountError('email_taken', 'email', `An account for ${email} exists already.`);
    const [row] = await tx
      .insert(users)
      .values({
        email,
        passwordHash,
        role,
        agency,
        scopeCodes: scope,
        officeKey: office,
        createdAt: now.toISOString(),
        passwordChangedAt: now.toISOString(),
      })
      .returning({ id: users.id });
    await writeAudit(tx, { ...actor, action: 'user.add', target: email, details: { role, agency, scope, office } }, now);
    return row!.id;
  });
  return { user: await getUser(orm, id), password };
}

async function findRow(orm: Orm, who: number | string): Promise<UserRow> {
  const [row] =
    typeof who === 'number'
      ? await orm.select().from(users).where(eq(users.id, who))
      : await orm
          .select()
          .from(users)
          .where(sql`lower(${users.email}) = lower(${who})`);
  if (!row) throw new AccountError('user_not_found', 'user', `No account ${who}.`);
  return row;
}

export async function getUser(orm: Orm, who: number | string): Promise<PublicUser> {
  return toPublicUser(orm, await findRow(orm, who));
}

export async function listUsers(orm: Orm): Promise<PublicUser[]> {
  const rows = await orm.select().from(users).orderBy(users.email);
  return Promise.all(rows.map((row) => toPublicUser(orm, row)));
}

export async function updateUser(orm: Orm, who: number | string, changes: UserChanges, actor: Actor = SYSTEM_ACTOR, now = new Date()): Promise<PublicUser> {
  const before = await findRow(orm, who);
  await orm.transaction(async (tx) => {
    const role = changes.role !== undefined ? checkRole(changes.role) : before.role;
    const scopeChanged = changes.scope !== undefined || changes.office !== undefined;
    // An admin is national; anyone else keeps the scope they had unless a new one is given.
    let scope = changes.scope !== undefined ? [...changes.scope] : changes.office ? [] : before.scopeCodes;
    let office = changes.office !== undefined ? changes.office : changes.scope !== undefined ? null : before.officeKey;
    if (role === 'admin' && !scopeChanged) {
      scope = [];
      office = null;
    }
    if (scopeChanged || role !== before.role) await checkScope(tx as unknown as Orm, role, scope, office);
    const agency = changes.agency !== undefined ? checkAgency(changes.agency) : before.agency;
    const disabledAt = changes.disabled === undefined ? before.disabledAt : changes.disabled ? (before.disabledAt ?? now.toISOString()) : null;
    await tx.update(users).set({ role, agency, scopeCodes: scope, officeKey: office, disabledAt }).where(eq(users.id, before.id));
    // A disabled account or a changed role or scope must not keep its open sessions.
    if (changes.disabled || role !== before.role || scopeChanged) await tx.delete(sessions).where(eq(sessions.userId, before.id));
    const action = changes.disabled === true ? 'user.disable' : changes.disabled === false ? 'user.enable' : 'user.change';
    await writeAudit(tx, { ...actor, action, target: before.email, details: { ...changes } }, now);
  });
  return getUser(orm, before.id);
}

export async function resetPassword(orm: Orm, who: number | string, actor: Actor = SYSTEM_ACTOR, newPassword?: string, now = new Date()): Promise<string> {
  const row = await findRow(orm, who);
  const password = newPassword ?? generatePassword();
  checkPassword(password);
  const passwordHash = await hashPassword(password);
  await orm.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: now.toISOString() }).where(eq(users.id, row.id));
    await tx.delete(sessions).where(eq(sessions.userId, row.id));
    await writeAudit(tx, { ...actor, action: 'user.reset_password', target: row.email }, now);
  });
  return password;
}

/** What the user may see, resolved now: an office's work area follows the office. */
export async function scopeOfUser(orm: Orm, row: Pick<UserRow, 'role' | 'scopeCodes' | 'officeKey'>): Promise<Scope> {
  if (row.role === 'admin') return null;
  if (row.officeKey) {
    const codes = await queryRows<{ code: string }>(
      orm,
      sql`
      select w.regency_code as code from office_work_areas w join offices o on o.id = w.office_id where o.key = ${row.officeKey} order by 1`,
    );
    return { areaCodes: codes.map((c) => c.code) };
  }
  return { areaCodes: [...row.scopeCodes] };
}

async function scopeLabel(orm: Orm, row: UserRow, scope: Scope): Promise<string> {
  if (scope === null) return 'Indonesia';
  if (row.officeKey) {
    const office = await queryOne<{ name: string }>(orm, sql`select name from offices where key = ${row.officeKey}`);
    return office?.name ?? row.officeKey;
  }
  if (!scope.areaCodes.length) return '—';
  const names = await queryRows<{ name: string }>(orm, sql`select name from areas where code in ${scope.areaCodes} order by code`);
  return names.map((n) => n.name).join(', ');
}

export async function toPublicUser(orm: Orm, row: UserRow, knownScope?: Scope): Promise<PublicUser> {
  const scope = knownScope === undefined ? await scopeOfUser(orm, row) : knownScope;
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    agency: isTimporaAgency(row.agency) ? row.agency : 'lainnya',
    scope: { areaCodes: scope === null ? null : [...scope.areaCodes], office: row.officeKey, label: await scopeLabel(orm, row, scope) },
    disabled: row.disabledAt !== null,
    createdAt: new Date(row.createdAt).toISOString(),
    lastSignInAt: row.lastSignInAt ? new Date(row.lastSignInAt).toISOString() : null,
  };
}

export type { UserRow };
