// Who may see and do what: roles, their permissions, session lifetimes. Pure data and functions,
// shared by the API (enforcement), the CLI (accounts) and the web app (what to offer).
import type { Scope } from './filters.js';

export const ROLES = ['admin', 'division_head', 'office_head', 'analyst', 'agency_member', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Tile layers (ids of /tiles/{layer}); area layers carry aggregates only. */
export const AREA_TILE_LAYERS = ['provinces', 'regencies', 'districts'] as const;
export const POINT_TILE_LAYERS = ['company_sites', 'operation_targets', 'risk_areas', 'entry_points', 'reports', 'meetings'] as const;
export const EXPORT_KINDS = ['permits', 'companies', 'operations', 'risk-areas', 'entry-points', 'reports'] as const;

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
}

const PERSONAL_ROLES: readonly Role[] = ['admin', 'division_head', 'office_head', 'analyst'];
/** Those who plan operations; heads (and admins) approve them. */
const PLANNING_WRITE_ROLES: readonly Role[] = ['admin', 'division_head', 'office_head', 'analyst'];
const PLANNING_APPROVE_ROLES: readonly Role[] = ['admin', 'division_head', 'office_head'];

export function permissionsOf(role: Role): Permissions {
  const personalData = PERSONAL_ROLES.includes(role);
  const aggregatesOnly = role === 'viewer';
  return {
    personalData,
    import: personalData,
    manageUsers: role === 'admin',
    audit: role === 'admin',
    layers: aggregatesOnly ? [...AREA_TILE_LAYERS] : [...AREA_TILE_LAYERS, ...POINT_TILE_LAYERS],
    lists: !aggregatesOnly,
    exports: aggregatesOnly ? [] : EXPORT_KINDS.filter((kind) => personalData || kind !== 'permits'),
    planning: { read: !aggregatesOnly, write: PLANNING_WRITE_ROLES.includes(role), approve: PLANNING_APPROVE_ROLES.includes(role) },
  };
}

/** A session ends after this long without a request… */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
/** …and this long after sign-in, whatever happens. */
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
/** Failed sign-ins allowed in the window, per account and per address. */
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const SIGN_IN_MAX_FAILURES_PER_ACCOUNT = 5;
export const SIGN_IN_MAX_FAILURES_PER_ADDRESS = 20;
export const MIN_PASSWORD_LENGTH = 10;

/** The value of the per-transaction setting `pantau.scope` that row-level security reads. */
export function scopeSetting(scope: Scope): string {
  return scope === null ? '*' : scope.areaCodes.join(',');
}

/** Narrows a string to a role. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
