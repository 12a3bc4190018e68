// Signed-in requests for API tests: a real account and a real session through the sign-in path.
import { randomBytes } from 'node:crypto';
import { addUser, signIn } from '@pantau/data';
import type { Database } from '@pantau/db';
import type { Role } from '@pantau/domain';

export interface TestAccount {
  email: string;
  password: string;
  cookie: string;
}

/** Adds an account of `role` (scope: area codes or `office:<key>`) and signs it in. */
export async function signedInAccount(database: Database, role: Role, scope?: string, now = new Date(), agency?: string): Promise<TestAccount> {
  const email = `${role}-${randomBytes(4).toString('hex')}@test.pantau.id`;
  const password = `test-${randomBytes(8).toString('hex')}`;
  const office = scope?.startsWith('office:') ? scope.slice('office:'.length) : undefined;
  await addUser(database.orm, { email, role, password, office, scope: office ? undefined : scope?.split(','), agency });
  const result = await signIn(database.orm, { email, password, address: 'test', now });
  if (!result.ok) throw new Error(`test sign-in failed: ${result.code}`);
  return { email, password, cookie: `pantau_session=${result.token}` };
}

/**
 * One account scope per role, each seeing Bangka Tengah (19.04) and never Jakarta (31.*): the
 * province, the Pangkalpinang office's work area, or the regency itself.
 */
export const BANGKA_TENGAH_SCOPES: Readonly<Record<Role, string | undefined>> = {
  admin: undefined,
  division_head: '19',
  office_head: 'office:ref:office:kantor-imigrasi-kelas-i-tpi-pangkalpinang',
  analyst: '19.04',
  agency_member: '19.04',
  viewer: '19.04',
};

interface Requester {
  request(input: string, init?: RequestInit): Response | Promise<Response>;
}

/** The app, with every request carrying the account's session cookie. */
export function as(app: Requester, account: Pick<TestAccount, 'cookie'>): { request(input: string, init?: RequestInit): Promise<Response> } {
  return {
    request: async (input, init = {}) => {
      const headers = new Headers(init.headers);
      headers.set('cookie', account.cookie);
      return app.request(input, { ...init, headers });
    },
  };
}

/** A JSON write as the web app sends it: the body, its content type, and the app's own origin (the API refuses cross-origin writes). */
export const jsonWrite = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json', origin: 'http://localhost' },
  body: JSON.stringify(body),
});

/** The accounts the personal-data tests compare around Bangka Tengah (19.04): name, role, scope. */
export const PERSONAL_DATA_ACCOUNTS = [
  ['analyst', 'analyst', '19'],
  ['member', 'agency_member', '19.04'],
  ['viewer', 'viewer', '19.04'],
  ['elsewhere', 'division_head', '17'],
  ['admin', 'admin', undefined],
] as const;

/** Signs each [name, role, scope] in, filling `accounts` and `clients` (the app as that account) by name. */
export async function signInEach(
  app: Requester,
  database: Database,
  each: ReadonlyArray<readonly [string, Role, string | undefined]>,
  accounts: Record<string, TestAccount>,
  clients: Record<string, ReturnType<typeof as>>,
): Promise<void> {
  for (const [name, role, scope] of each) {
    accounts[name] = await signedInAccount(database, role, scope);
    clients[name] = as(app, accounts[name]);
  }
}
