// Who may see and do what: roles, their permissions, session lifetimes. Pure data and functions,
// shared by the API (enforcement), the CLI (accounts) and the web app (what to offer).
import { levelOfCode } from './constants.js';
import type { Scope } from './filters.js';
import { AREA_TILE_LAYERS, OVERSTAY_TILE_LAYERS, PLANNING_TILE_LAYERS, POINT_TILE_LAYERS } from './tiles/layers.js';

export const ROLES = ['admin', 'division_head', 'office_head', 'analyst', 'agency_member', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const EXPORT_KINDS = ['permits', 'companies', 'operations', 'risk-areas', 'entry-points', 'reports', 'overstays', 'expiring', 'movements'] as const;
/** Exports that name people or permits: only for roles with personal data. */
export const PERSONAL_EXPORT_KINDS: readonly string[] = ['permits', 'overstays', 'expiring'];

export interface Permissions {
  /** Permit holders' names and permit numbers (the permits export, permit lists). */
  personalData: boolean;
  /** Upload imports and roll them back. */
  import: boolean;
  manageUsers: boolean;
  audit: boolean;
  /** Tile layers the role may read. */
  layers: string[];
  /** Record lists and single records (companies, operations, reports…). */
  lists: boolean;
  /** Export kinds the role may download. */
  exports: string[];
  /** Operation plans: read them, build and change drafts and record outcomes, approve them. */
  planning: { read: boolean; write: boolean; approve: boolean };
  /** Public reports: record them and change their status (triage), with a history. */
  reports: { write: boolean };
}

const PERSONAL_ROLES: readonly Role[] = ['admin', 'division_head', 'office_head', 'analyst'];
/** Those who plan operations; heads (and admins) approve them. */
const PLANNING_WRITE_ROLES: readonly Role[] = ['admin', 'division_head', 'office_head', 'analyst'];
const PLANNING_APPROVE_ROLES: readonly Role[] = ['admin', 'division_head', 'office_head'];
/**
 * Those who record public reports and triage them: the roles that write operational data (plans,
 * imports). They all see personal data, so a report's text and reporter are never written blind.
 */
const REPORT_WRITE_ROLES: readonly Role[] = ['admin', 'division_head', 'office_head', 'analyst'];

/** A division head's scope is one or more provinces: province codes, never an office. */
export const scopedToProvinces = (role: Role): boolean => role === 'division_head';

/** Whether the role may have these area codes as its scope (a division head only province codes). */
export const areaScopeFitsRole = (role: Role, codes: readonly string[]): boolean =>
  !scopedToProvinces(role) || codes.every((code) => levelOfCode(code) === 'province');

export function permissionsOf(role: Role): Permissions {
  const personalData = PERSONAL_ROLES.includes(role);
  const aggregatesOnly = role === 'viewer';
  return {
    personalData,
    import: personalData,
    manageUsers: role === 'admin',
    audit: role === 'admin',
    layers: aggregatesOnly
      ? [...AREA_TILE_LAYERS, ...OVERSTAY_TILE_LAYERS]
      : [...AREA_TILE_LAYERS, ...POINT_TILE_LAYERS, ...PLANNING_TILE_LAYERS, ...OVERSTAY_TILE_LAYERS],
    lists: !aggregatesOnly,
    exports: aggregatesOnly ? [] : EXPORT_KINDS.filter((kind) => personalData || !PERSONAL_EXPORT_KINDS.includes(kind)),
    planning: { read: !aggregatesOnly, write: PLANNING_WRITE_ROLES.includes(role), approve: PLANNING_APPROVE_ROLES.includes(role) },
    reports: { write: REPORT_WRITE_ROLES.includes(role) },
  };
}

/**
 * A session ends after this long without a request… (OWASP ASVS L2, 3.3.2: 30 minutes idle, 12 hours
 * absolute). PANTAU_SESSION_IDLE_MINUTES / PANTAU_SESSION_ABSOLUTE_HOURS override them (data/src/config.ts).
 */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
/** …and this long after sign-in, whatever happens. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;

/** How long sessions live; the defaults above unless configured. */
export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}
export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: SESSION_IDLE_MS, absoluteMs: SESSION_ABSOLUTE_MS };

/**
 * Failed sign-ins count for this long. Three throttles, each starting after its own number of failures
 * and waiting from the bucket's latest failure:
 * - one account from one address: the guessing brake, growing delays (2, 4, 8, then 15 minutes);
 * - one address across accounts: password spraying, the same growing delays;
 * - one account across all addresses: a much higher ceiling that only slows (seconds, at most a minute),
 *   so a stranger cannot lock a known account out, yet a botnet cannot guess at full speed either.
 */
export const SIGN_IN_WINDOW_MS = 60 * 60 * 1000;
export const SIGN_IN_MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS = 5;
export const SIGN_IN_MAX_FAILURES_PER_ADDRESS = 20;
export const SIGN_IN_MAX_FAILURES_PER_ACCOUNT = 50;
const THROTTLE_FIRST_DELAY_MS = 2 * 60 * 1000;
const THROTTLE_MAX_DELAY_MS = 15 * 60 * 1000;
const SLOWDOWN_FIRST_DELAY_MS = 5 * 1000;
const SLOWDOWN_MAX_DELAY_MS = 60 * 1000;

export type SignInThrottleRule = 'account_address' | 'address' | 'account';

/** How long a bucket with `failures` failures in the window waits after its latest failure; 0 = not throttled. */
export function signInThrottleDelayMs(rule: SignInThrottleRule, failures: number): number {
  const threshold =
    rule === 'account_address'
      ? SIGN_IN_MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS
      : rule === 'address'
        ? SIGN_IN_MAX_FAILURES_PER_ADDRESS
        : SIGN_IN_MAX_FAILURES_PER_ACCOUNT;
  if (failures < threshold) return 0;
  const [first, max] = rule === 'account' ? [SLOWDOWN_FIRST_DELAY_MS, SLOWDOWN_MAX_DELAY_MS] : [THROTTLE_FIRST_DELAY_MS, THROTTLE_MAX_DELAY_MS];
  // Capped exponent: 2 ** 30 is far past any cap and keeps the arithmetic exact.
  return Math.min(max, first * 2 ** Math.min(30, failures - threshold));
}

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 1024;

/**
 * Why a chosen password is refused, or null: at least MIN_PASSWORD_LENGTH characters (ASVS 2.1.1),
 * not the email, not one short pattern repeated (aaaaaaaaaa, abcabcabca), at most MAX_PASSWORD_LENGTH.
 */
export function passwordProblem(password: string, email?: string): 'too_short' | 'too_long' | 'same_as_email' | 'too_simple' | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'too_short';
  if (password.length > MAX_PASSWORD_LENGTH) return 'too_long';
  if (email && password.trim().toLowerCase() === email.trim().toLowerCase()) return 'same_as_email';
  if (new Set(password.toLowerCase()).size < 4) return 'too_simple';
  return null;
}

/** The value of the per-transaction setting `pantau.scope` that row-level security reads. */
export function scopeSetting(scope: Scope): string {
  return scope === null ? '*' : scope.areaCodes.join(',');
}

/** Narrows a string to a role. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
