import { permissionsOf } from '@pantau/domain';
import { describe, expect, test } from 'vitest';
import { allowedPage } from './pages.js';

describe('allowedPage', () => {
  test('an admin opens the users and audit pages', () => {
    expect(allowedPage('users', permissionsOf('admin'))).toBe('users');
    expect(allowedPage('audit', permissionsOf('admin'))).toBe('audit');
  });

  test('the import page is for the roles that may import', () => {
    expect(allowedPage('import', permissionsOf('analyst'))).toBe('import');
    expect(allowedPage('import', permissionsOf('agency_member'))).toBe('forbidden');
    expect(allowedPage('import', permissionsOf('viewer'))).toBe('forbidden');
  });

  test('planning and the print page are for the roles that read plans', () => {
    expect(allowedPage('planning', permissionsOf('division_head'))).toBe('planning');
    expect(allowedPage('plan-print', permissionsOf('agency_member'))).toBe('plan-print');
    expect(allowedPage('planning', permissionsOf('viewer'))).toBe('forbidden');
    expect(allowedPage('plan-print', permissionsOf('viewer'))).toBe('forbidden');
  });

  test('the person page is for roles allowed personal data; the company page for roles that read records', () => {
    expect(allowedPage('person', permissionsOf('analyst'))).toBe('person');
    expect(allowedPage('person', permissionsOf('agency_member'))).toBe('forbidden');
    expect(allowedPage('person', permissionsOf('viewer'))).toBe('forbidden');
    expect(allowedPage('company', permissionsOf('agency_member'))).toBe('company');
    expect(allowedPage('company', permissionsOf('viewer'))).toBe('forbidden');
  });

  test('the meeting page is for roles that read records (an agency member reads it; a viewer is told it is not for the role)', () => {
    expect(allowedPage('meetings', permissionsOf('division_head'))).toBe('meetings');
    expect(allowedPage('meetings', permissionsOf('agency_member'))).toBe('meetings');
    expect(allowedPage('meetings', permissionsOf('viewer'))).toBe('forbidden');
  });

  test('any other role opening an admin link is told the page is not for its role', () => {
    expect(allowedPage('users', permissionsOf('office_head'))).toBe('forbidden');
    expect(allowedPage('audit', permissionsOf('analyst'))).toBe('forbidden');
    expect(allowedPage('map', permissionsOf('viewer'))).toBe('map');
  });
});
