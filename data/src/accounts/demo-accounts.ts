// The demo start signs people in at once: one account per role, scoped to Bangka Belitung (the
// province of the Bangka Tengah meeting in the sources), with a password printed and documented.
import { queryOne, sql, type Orm } from '@pantau/db';
import { DEFAULT_ACCOUNT_AGENCY, type Role, type TimporaAgencyCode } from '@pantau/domain';
import { addUser, resetPassword, updateUser } from './users.js';
import { PasswordHashError, verifyPassword } from './passwords.js';
import { users } from '@pantau/db';

/** Documented in the README; only ever created when demo data is loaded. */
export const DEMO_PASSWORD = 'pantau-demo-2024';

export const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; role: Role; agency?: TimporaAgencyCode; scope?: string[]; office?: string; note: string }> = [
  { email: 'admin@demo.pantau.id', role: 'admin', note: 'everything, users and audit' },
  { email: 'kadiv.babel@demo.pantau.id', role: 'division_head', scope: ['19'], note: 'Kepulauan Bangka Belitung' },
  {
    email: 'kakanim.pangkalpinang@demo.pantau.id',
    role: 'office_head',
    office: 'ref:office:kantor-imigrasi-kelas-i-tpi-pangkalpinang',
    note: 'Kanim Pangkalpinang: Bangka Tengah, Pangkalpinang',
  },
  { email: 'analis.babel@demo.pantau.id', role: 'analyst', scope: ['19'], note: 'Kepulauan Bangka Belitung, may import' },
  {
    email: 'anggota.bangkatengah@demo.pantau.id',
    role: 'agency_member',
    agency: 'disnaker',
    scope: ['19.04'],
    note: 'Bangka Tengah (Disnaker), no personal data',
  },
  { email: 'peninjau.bangkatengah@demo.pantau.id', role: 'viewer', scope: ['19.04'], note: 'Bangka Tengah, aggregates only' },
];

/**
 * Whether a demo account still has the documented password. A stored hash that cannot be checked is
 * replaced like a changed password (restoring the demo accounts is this function's job), and said so.
 */
async function demoPasswordKept(existing: { id: number; password_hash: string }, log: (line: string) => void): Promise<boolean> {
  try {
    return await verifyPassword(existing.password_hash, DEMO_PASSWORD, `user ${existing.id}`);
  } catch (error) {
    if (!(error instanceof PasswordHashError)) throw error;
    log(`${error.message}; the demo password is set again`);
    return false;
  }
}

/** Creates the demo accounts that are missing and restores the documented password of the others. */
export async function ensureDemoAccounts(orm: Orm, log: (line: string) => void): Promise<void> {
  for (const account of DEMO_ACCOUNTS) {
    const existing = await queryOne<{ id: number; password_hash: string; agency: string }>(
      orm,
      sql`select id, password_hash, agency from ${users} where lower(email) = lower(${account.email})`,
    );
    if (!existing) {
      await addUser(orm, {
        email: account.email,
        role: account.role,
        agency: account.agency,
        scope: account.scope,
        office: account.office,
        password: DEMO_PASSWORD,
      });
    } else {
      if (!(await demoPasswordKept(existing, log))) await resetPassword(orm, existing.id, undefined, DEMO_PASSWORD);
      // Accounts made before agencies were recorded (migration 0023) get the documented one.
      if (existing.agency !== (account.agency ?? DEFAULT_ACCOUNT_AGENCY))
        await updateUser(orm, existing.id, { agency: account.agency ?? DEFAULT_ACCOUNT_AGENCY });
    }
  }
  log(`demo accounts (password ${DEMO_PASSWORD}):`);
  for (const account of DEMO_ACCOUNTS) log(`  ${account.email.padEnd(38)} ${account.role.padEnd(14)} ${account.note}`);
}
