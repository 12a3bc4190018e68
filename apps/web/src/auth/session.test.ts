import { permissionsOf } from '@pantau/domain';
import { describe, expect, test } from 'vitest';
import { parseSession, parseUser } from './session.js';

const officeHead = {
  id: 7,
  email: 'kepala.kanim@example.go.id',
  role: 'office_head',
  agency: 'imigrasi',
  scope: { areaCodes: ['19.04', '19.71'], office: 'ref:office:kantor-imigrasi-kelas-i-tpi-pangkalpinang', label: 'Kantor Imigrasi Kelas I TPI Pangkalpinang' },
  disabled: false,
  createdAt: '2026-11-23T05:00:00.000Z',
  lastSignInAt: null,
};

describe('parseSession', () => {
  test('reads the user and permissions of /auth/me', () => {
    const session = parseSession({ user: officeHead, permissions: permissionsOf('office_head') });
    expect(session?.user.email).toBe('kepala.kanim@example.go.id');
    expect(session?.user.scope.areaCodes).toEqual(['19.04', '19.71']);
    expect(session?.permissions.personalData).toBe(true);
    expect(session?.permissions.manageUsers).toBe(false);
  });

  test('refuses an answer without permissions, or with an unknown role', () => {
    expect(parseSession({ user: officeHead })).toBeNull();
    expect(parseSession({ user: { ...officeHead, role: 'superuser' }, permissions: permissionsOf('admin') })).toBeNull();
    expect(parseSession({ user: officeHead, permissions: { ...permissionsOf('viewer'), layers: 'all' } })).toBeNull();
    expect(parseSession(null)).toBeNull();
  });
});

describe('parseUser', () => {
  test('an admin has the national scope: no area codes, no office', () => {
    const admin = parseUser({ ...officeHead, id: 1, role: 'admin', scope: { areaCodes: null, office: null, label: 'Indonesia' } });
    expect(admin?.scope).toEqual({ areaCodes: null, office: null, label: 'Indonesia' });
  });

  test('refuses a scope without a label', () => {
    expect(parseUser({ ...officeHead, scope: { areaCodes: [], office: null } })).toBeNull();
  });

  test('reads the agency, and refuses a record without one or with an unknown one', () => {
    expect(parseUser({ ...officeHead, agency: 'disnaker' })?.agency).toBe('disnaker');
    expect(parseUser({ ...officeHead, agency: undefined })).toBeNull();
    expect(parseUser({ ...officeHead, agency: 'cia' })).toBeNull();
  });
});
