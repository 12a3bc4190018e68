import { permissionsOf } from '@pantau/domain';
import { describe, expect, test } from 'vitest';
import { mayExport, permittedOverlays, shownOverlays } from './permissions.js';

describe('permittedOverlays', () => {
  test('an office head may switch on every layer', () => {
    expect(permittedOverlays(permissionsOf('office_head'))).toEqual([
      'sites',
      'operations',
      'risk',
      'entry',
      'reports',
      'meetings',
      'gaps',
      'hotspots',
      'overstays',
    ]);
  });

  test('a viewer (aggregates only) is offered no record layer, only the overstay counts per district', () => {
    expect(permittedOverlays(permissionsOf('viewer'))).toEqual(['overstays']);
  });

  test('a layer is offered only when the role may load its tile layer', () => {
    expect(permittedOverlays({ layers: ['regencies', 'risk_areas', 'entry_points'] })).toEqual(['risk', 'entry']);
  });
});

describe('shownOverlays', () => {
  const SOMEWHERE = { region: '19.04', nationalScope: false };

  test('layers a link names but the role may not load are left out', () => {
    expect(shownOverlays(['sites', 'risk'], { layers: ['risk_areas'] }, SOMEWHERE)).toEqual(['risk']);
    expect(shownOverlays(['sites', 'risk'], permissionsOf('viewer'), SOMEWHERE)).toEqual([]);
  });

  test("a national user's hot spots wait for an area; a scoped user's cover the scope", () => {
    const admin = permissionsOf('admin');
    expect(shownOverlays(['hotspots', 'risk'], admin, { region: null, nationalScope: true })).toEqual(['risk']);
    expect(shownOverlays(['hotspots', 'risk'], admin, { region: '19', nationalScope: true })).toEqual(['hotspots', 'risk']);
    expect(shownOverlays(['hotspots'], permissionsOf('division_head'), { region: null, nationalScope: false })).toEqual(['hotspots']);
  });
});

describe('mayExport', () => {
  test('an agency member may not export permits, in any format', () => {
    const member = permissionsOf('agency_member');
    expect(mayExport(member, 'permits')).toBe(false);
    expect(mayExport(member, 'permits.csv')).toBe(false);
    expect(mayExport(member, 'permits.xlsx')).toBe(false);
    expect(mayExport(member, 'companies.csv')).toBe(true);
  });

  test('an analyst may export permits as CSV and XLSX', () => {
    const analyst = permissionsOf('analyst');
    expect(mayExport(analyst, 'permits.csv')).toBe(true);
    expect(mayExport(analyst, 'permits.xlsx')).toBe(true);
  });

  test('a viewer exports nothing', () => {
    expect(mayExport(permissionsOf('viewer'), 'companies')).toBe(false);
  });
});
