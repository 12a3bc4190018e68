import { describe, expect, test } from 'vitest';
import { DEFAULT_VIEW } from '../state/view-state.js';
import { exportFilters, exportUrl } from './export-links.js';

describe('export links', () => {
  test('the national view exports ITAS and ITAP holders on the day the map shows', () => {
    expect(exportUrl('permits', 'csv', exportFilters(DEFAULT_VIEW, '2024-06-13'))).toBe(
      '/api/v1/exports/permits.csv?asOf=2024-06-13&permitType=itas,itap&lang=id',
    );
  });

  test("carries the filters of the view that the kind takes, and the UI's language: permits get date, types, nationalities, purposes, sponsor and area; operations area and period", () => {
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
    const filters = exportFilters(view, '2030-01-01');
    expect(exportUrl('permits', 'csv', filters)).toBe(
      '/api/v1/exports/permits.csv?asOf=2024-06-13&permitType=itas,visit&nationality=CHN,JPN&purpose=work&sponsor=42&area=19.04&lang=en',
    );
    expect(exportUrl('operations', 'xlsx', filters)).toBe('/api/v1/exports/operations.xlsx?area=19.04&from=2024-01-01&to=2024-06-30&lang=en');
    expect(exportUrl('companies', 'csv', filters)).toBe('/api/v1/exports/companies.csv?sponsor=42&area=19.04&lang=en');
    expect(exportUrl('risk-areas', 'geojson', filters)).toBe(
      '/api/v1/exports/risk-areas.geojson?asOf=2024-06-13&area=19.04&from=2024-01-01&to=2024-06-30&lang=en',
    );
    expect(exportUrl('entry-points', 'csv', filters)).toBe('/api/v1/exports/entry-points.csv?area=19.04&lang=en');
    expect(exportUrl('reports', 'csv', filters)).toBe('/api/v1/exports/reports.csv?area=19.04&from=2024-01-01&to=2024-06-30&lang=en');
  });

  test('a selected record other than a company is no sponsor; nothing known, nothing sent', () => {
    const view = { ...DEFAULT_VIEW, select: { kind: 'operation' as const, id: 7 } };
    expect(exportFilters(view, null)).toMatchObject({ sponsor: null, asOf: null, area: null });
    expect(exportUrl('entry-points', 'geojson', { ...exportFilters(view, null), permitTypes: [], lang: null })).toBe('/api/v1/exports/entry-points.geojson');
  });
});
