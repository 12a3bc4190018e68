// Who is signed in and what the role may use, as GET /api/v1/auth/me describes it
// (docs/access-control.md). The checks are strict: a changed contract shows as a clear error,
// never as a page that quietly shows more (or less) than the role allows.
import { isPlainObject, isRole, isTimporaAgency, type Permissions, type PublicUser, type Role } from '@pantau/domain';

export type { Permissions, Role };

/** A user record as the API answers it (@pantau/domain publicUserSchema): role, agency, scope. */
export type SessionUser = PublicUser;
export type UserScope = PublicUser['scope'];

export interface Session {
  user: SessionUser;
  permissions: Permissions;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** A user record of the API, or `null` when the answer does not have the contract's shape. */
export function parseUser(value: unknown): SessionUser | null {
  // Checked by hand, not with publicUserSchema: zod's runtime would weigh on the first page load (budget 450 KB).
  if (!isPlainObject(value) || !isPlainObject(value.scope)) return null;
  const { id, email, role, agency, scope, disabled, createdAt, lastSignInAt } = value;
  if (typeof id !== 'number' || typeof email !== 'string' || typeof role !== 'string' || !isRole(role)) return null;
  if (typeof agency !== 'string' || !isTimporaAgency(agency)) return null;
  if (!(scope.areaCodes === null || isStringArray(scope.areaCodes))) return null;
  if (!(scope.office === null || typeof scope.office === 'string') || typeof scope.label !== 'string') return null;
  return {
    id,
    email,
    role,
    agency,
    scope: { areaCodes: scope.areaCodes, office: scope.office, label: scope.label },
    disabled: disabled === true,
    createdAt: typeof createdAt === 'string' ? createdAt : '',
    lastSignInAt: typeof lastSignInAt === 'string' ? lastSignInAt : null,
  };
}

export function parsePermissions(value: unknown): Permissions | null {
  if (!isPlainObject(value)) return null;
  const { personalData, manageUsers, audit, layers, lists, exports } = value;
  const mayImport = value.import;
  const flags = [personalData, mayImport, manageUsers, audit, lists];
  if (!flags.every((flag) => typeof flag === 'boolean') || !isStringArray(layers) || !isStringArray(exports)) return null;
  return {
    personalData: personalData === true,
    import: mayImport === true,
    manageUsers: manageUsers === true,
    audit: audit === true,
    layers,
    lists: lists === true,
    exports,
    planning: parsePlanningPermissions(value.planning),
    // Public reports: record and triage; an answer without it (an older server) allows nothing.
    reports: { write: isPlainObject(value.reports) && value.reports.write === true },
  };
}

/** Operation-plan permissions; an answer without them (an older server) allows nothing. */
function parsePlanningPermissions(value: unknown): Permissions['planning'] {
  const flag = (key: 'read' | 'write' | 'approve') => isPlainObject(value) && value[key] === true;
  return { read: flag('read'), write: flag('write'), approve: flag('approve') };
}

/** The body of GET /auth/me, or `null` when it does not have the contract's shape. */
export function parseSession(body: unknown): Session | null {
  if (!isPlainObject(body)) return null;
  const user = parseUser(body.user);
  const permissions = parsePermissions(body.permissions);
  return user && permissions ? { user, permissions } : null;
}
