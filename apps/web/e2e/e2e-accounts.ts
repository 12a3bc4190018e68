// The accounts the end-to-end tests sign in with: one per role, made by the global setup through the
// same validated path as `pnpm pantau user add`, with passwords generated for the run.
import type { Role } from '@pantau/domain';

export const PANGKALPINANG_OFFICE = 'ref:office:kantor-imigrasi-kelas-i-tpi-pangkalpinang';

export interface E2eAccountSpec {
  email: string;
  role: Role;
  scope?: string[];
  office?: string;
}

export const E2E_ACCOUNT_SPECS: Readonly<Record<Role, E2eAccountSpec>> = {
  admin: { email: 'admin@e2e.pantau.test', role: 'admin' },
  division_head: { email: 'kadiv@e2e.pantau.test', role: 'division_head', scope: ['19'] },
  office_head: { email: 'kakanim@e2e.pantau.test', role: 'office_head', office: PANGKALPINANG_OFFICE },
  analyst: { email: 'analis@e2e.pantau.test', role: 'analyst', scope: ['19'] },
  agency_member: { email: 'anggota@e2e.pantau.test', role: 'agency_member', office: PANGKALPINANG_OFFICE },
  viewer: { email: 'peninjau@e2e.pantau.test', role: 'viewer', scope: ['19.04'] },
};

/** An account the sign-in rate-limit test throttles from the browser's address, so no other test needs it. */
export const E2E_LOCKOUT_ACCOUNT_SPEC: E2eAccountSpec = { email: 'terkunci@e2e.pantau.test', role: 'division_head', scope: ['19'] };

/** An account whose password the password-change test changes, so no other test's password moves. */
export const E2E_PASSWORD_CHANGE_ACCOUNT_SPEC: E2eAccountSpec = { email: 'ganti-sandi@e2e.pantau.test', role: 'analyst', scope: ['19'] };

export interface E2eAccount {
  email: string;
  password: string;
}

export type E2eAccounts = Record<Role, E2eAccount>;

declare module 'vitest' {
  export interface ProvidedContext {
    /** One account per role, with the password generated for this run (apps/web/e2e/serve-app.ts). */
    e2eAccounts: E2eAccounts;
    /** Only for the test that locks an account out by wrong passwords. */
    e2eLockoutAccount: E2eAccount;
    /** Only for the test that changes its own password through the user menu. */
    e2ePasswordChangeAccount: E2eAccount;
  }
}
