import { describe, expect, test } from 'vitest';
import { areaScopeFitsRole, permissionsOf, ROLES, scopedToProvinces, scopeSetting } from './access.js';

describe('permissions', () => {
  test('personal data only for admin, division head, office head and analyst', () => {
    expect(ROLES.filter((role) => permissionsOf(role).personalData)).toEqual(['admin', 'division_head', 'office_head', 'analyst']);
  });
  test('an agency member reads non-personal layers and exports, never permits', () => {
    const p = permissionsOf('agency_member');
    expect(p.layers).toContain('company_sites');
    expect(p.exports).not.toContain('permits');
    expect(p.exports).toContain('companies');
    expect(p.import).toBe(false);
  });
  test('a viewer sees aggregates only', () => {
    const p = permissionsOf('viewer');
    // Overstays by district are counts, offered to every role (issue 20).
    expect(p.layers).toEqual(['provinces', 'regencies', 'districts', 'overstays']);
    expect(p.lists).toBe(false);
    expect(p.exports).toEqual([]);
  });
  test('only admins manage users and read the audit trail', () => {
    expect(ROLES.filter((role) => permissionsOf(role).manageUsers)).toEqual(['admin']);
    expect(ROLES.filter((role) => permissionsOf(role).audit)).toEqual(['admin']);
  });
  test('plans: every role with record lists reads them, planners write, heads approve', () => {
    expect(ROLES.filter((role) => permissionsOf(role).planning.read)).toEqual(['admin', 'division_head', 'office_head', 'analyst', 'agency_member']);
    expect(ROLES.filter((role) => permissionsOf(role).planning.write)).toEqual(['admin', 'division_head', 'office_head', 'analyst']);
    expect(ROLES.filter((role) => permissionsOf(role).planning.approve)).toEqual(['admin', 'division_head', 'office_head']);
  });
  test('scope setting', () => {
    expect(scopeSetting(null)).toBe('*');
    expect(scopeSetting({ areaCodes: ['19.04', '19.71'] })).toBe('19.04,19.71');
    expect(scopeSetting({ areaCodes: [] })).toBe('');
  });
});

describe('scope by role', () => {
  test('only a division head is scoped to provinces', () => {
    expect(ROLES.filter(scopedToProvinces)).toEqual(['division_head']);
  });
  test('a division head has province codes only; other roles any area code', () => {
    expect(areaScopeFitsRole('division_head', ['19'])).toBe(true);
    expect(areaScopeFitsRole('division_head', ['19', '21'])).toBe(true);
    expect(areaScopeFitsRole('division_head', ['19.04'])).toBe(false);
    expect(areaScopeFitsRole('division_head', ['19', '19.04.01'])).toBe(false);
    for (const role of ['office_head', 'analyst', 'agency_member', 'viewer'] as const) {
      expect(areaScopeFitsRole(role, ['19', '19.04', '19.04.01'])).toBe(true);
    }
  });
});
