import { describe, expect, test } from 'vitest';
import { DEFAULT_VIEW } from '../state/view-state.js';
import { exportFilters, exportUrl } from './export-links.js';

describe('export links', () => {
  test('the national view exports ITAS and ITAP holders on the day the map shows', () => {
    expect(exportUrl('permits', 'csv', exportFilters(DEFAULT_VIEW, '2024-06-13'))).toBe('/api/v1/exports/permits.csv?asOf=2024-06-13&permitType=itas,itap&lang=id');
  });

  test('carries every filter of the view: date, types, nationalities, purposes, sponsor, area, period and the UI\'s language', () => {
    const view = {
      ...DEFAULT_VIEW,
      asOf: '2024-06-13',
      permitTypes: ['itas' as const, 'visit' as const],
      nationalities: ['JPN', 'CHN'],
      purposes: ['work' as const],
      select: { kind: 'company' as const, id: 42 },
      region: '19.04',
      from: '2024-01-01',
      to: '2024-06-30',
      lang: 'en' as const,
    };
    expect(exportUrl('operations', 'xlsx', exportFilters(view, '2030-01-01'))).toBe(
      '/api/v1/exports/operations.xlsx?asOf=2024-06-13&permitType=itas,visit&nationality=CHN,JPN&purpose=work&sponsor=42&area=19.04&from=2024-01-01&to=2024-06-30&lang=en',
    );
  });

  test('a selected record other than a company is no sponsor; nothing known, nothing sent', () => {
    const view = { ...DEFAULT_VIEW, select: { kind: 'operation' as const, id: 7 } };
    expect(exportFilters(view, null)).toMatchObject({ sponsor: null, asOf: null, area: null });
    expect(exportUrl('entry-points', 'geojson', { ...exportFilters(view, null), permitTypes: [], lang: null })).toBe('/api/v1/exports/entry-points.geojson');
  });
});
