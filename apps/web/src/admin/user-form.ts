// The add/change user form as data: which scopes a role may have, what the typed scope means, and
// the request it becomes — or the errors, named by field, that keep it from being sent. The API
// checks everything again (and whether the codes and the office exist).
import {
  AREA_CODE_PATTERN,
  areaScopeFitsRole,
  DEFAULT_ACCOUNT_AGENCY,
  isEmailAddress,
  MIN_PASSWORD_LENGTH,
  scopedToProvinces,
  type TimporaAgencyCode,
} from '@pantau/domain';
import type { Role } from '../auth/session.js';
import type { AdminUser, NewUser, UserChange } from './admin-api.js';

export type ScopeKind = 'national' | 'areas' | 'office';

export interface UserForm {
  email: string;
  role: Role;
  /** The Timpora member agency the person works for. */
  agency: TimporaAgencyCode;
  scopeKind: ScopeKind;
  /** Area codes as typed: `19.04, 19.71`. */
  areas: string;
  /** Office key as typed: `ref:office:…` (or `office:ref:office:…`, as on the command line). */
  office: string;
  /** Empty: the API generates one. */
  password: string;
}

export type FormErrorKey = 'email' | 'areasMissing' | 'areasInvalid' | 'provinceOnly' | 'officeMissing' | 'passwordShort';

export interface FormError {
  field: 'email' | 'scope' | 'password';
  key: FormErrorKey;
  values?: Record<string, string | number>;
}

export type FormResult<T> = { ok: true; request: T } | { ok: false; errors: FormError[] };

export const EMPTY_USER_FORM: UserForm = {
  email: '',
  role: 'analyst',
  agency: DEFAULT_ACCOUNT_AGENCY,
  scopeKind: 'areas',
  areas: '',
  office: '',
  password: '',
};

/** An admin is national; a division head has province codes; everyone else area codes or an office. */
export function scopeKindsFor(role: Role): ScopeKind[] {
  if (role === 'admin') return ['national'];
  if (scopedToProvinces(role)) return ['areas'];
  return ['areas', 'office'];
}

/** The form after choosing a role: the scope kind moves to one the role may have. */
export function withRole(form: UserForm, role: Role): UserForm {
  const kinds = scopeKindsFor(role);
  return { ...form, role, scopeKind: kinds.includes(form.scopeKind) ? form.scopeKind : (kinds[0] ?? 'areas') };
}

/** `19.04, 19.71;19.04` → codes in the order typed, without repeats; what is not a code is named. */
export function parseAreaCodes(text: string): { codes: string[]; invalid: string[] } {
  const items = text
    .split(/[\s,;]+/)
    .map((item) => item.trim())
    .filter(Boolean);
  const codes: string[] = [];
  const invalid: string[] = [];
  for (const item of items) {
    const target = AREA_CODE_PATTERN.test(item) ? codes : invalid;
    if (!target.includes(item)) target.push(item);
  }
  return { codes, invalid };
}

/** The office key, also when pasted the command line's way (`office:ref:office:…`). */
export function officeKeyOf(text: string): string {
  const key = text.trim();
  return key.startsWith('office:') ? key.slice('office:'.length) : key;
}

function scopeOf(form: UserForm, errors: FormError[]): { scope?: string[]; office?: string } {
  const kind = scopeKindsFor(form.role).includes(form.scopeKind) ? form.scopeKind : scopeKindsFor(form.role)[0];
  if (kind === 'national') return {};
  if (kind === 'office') {
    const office = officeKeyOf(form.office);
    if (office === '') errors.push({ field: 'scope', key: 'officeMissing' });
    return { office };
  }
  const { codes, invalid } = parseAreaCodes(form.areas);
  if (invalid.length > 0) errors.push({ field: 'scope', key: 'areasInvalid', values: { codes: invalid.join(', ') } });
  else if (codes.length === 0) errors.push({ field: 'scope', key: 'areasMissing' });
  else if (!areaScopeFitsRole(form.role, codes)) {
    errors.push({ field: 'scope', key: 'provinceOnly' });
  }
  return { scope: codes };
}

export function newUserRequest(form: UserForm): FormResult<NewUser> {
  const errors: FormError[] = [];
  const email = form.email.trim();
  if (!isEmailAddress(email)) errors.push({ field: 'email', key: 'email' });
  const scope = scopeOf(form, errors);
  if (form.password !== '' && form.password.length < MIN_PASSWORD_LENGTH) {
    errors.push({ field: 'password', key: 'passwordShort', values: { min: MIN_PASSWORD_LENGTH } });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, request: { email, role: form.role, agency: form.agency, ...scope, ...(form.password !== '' ? { password: form.password } : {}) } };
}

/** The change of role and scope; an admin's scope is national, so none is sent. */
export function userChangeRequest(form: UserForm): FormResult<UserChange> {
  const errors: FormError[] = [];
  const scope = scopeOf(form, errors);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, request: { role: form.role, agency: form.agency, ...scope } };
}

/** The form filled in with a user's role and scope, for changing them. */
export function formOfUser(user: AdminUser): UserForm {
  const office = user.scope.office;
  return {
    email: user.email,
    role: user.role,
    agency: user.agency,
    scopeKind: user.role === 'admin' ? 'national' : office ? 'office' : 'areas',
    areas: office ? '' : (user.scope.areaCodes ?? []).join(', '),
    office: office ?? '',
    password: '',
  };
}
