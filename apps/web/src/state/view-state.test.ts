import { describe, expect, test } from 'vitest';
import { DEFAULT_VIEW, parseViewState, serializeViewState, type ViewState } from './view-state.js';

const EVERY_FIELD: ViewState = {
  lang: 'en',
  page: 'import',
  level: 'district',
  region: '19.04',
  workArea: null,
  select: { kind: 'company', id: 123 },
  panelOpen: false,
  map: { zoom: 9.25, lat: -2.4325, lng: 106.2348 },
  layers: ['sites', 'operations', 'risk', 'entry', 'reports', 'meetings'],
  permitTypes: ['itas', 'visit'],
  nationalities: ['CHN', 'JPN'],
  purposes: ['work', 'investment'],
  from: '2024-01-01',
  to: '2024-06-30',
  asOf: '2024-06-13',
  compare: '2023-06-13',
  measure: 'density',
  timeMode: 'cumulative',
  plan: null,
  weights: {},
  briefing: 12,
  slide: 3,
  person: 41,
  company: 7,
  rejected: [],
};

describe('parseViewState', () => {
  test("an empty URL is the national view in Indonesian, as of the server's today", () => {
    expect(parseViewState('')).toEqual(DEFAULT_VIEW);
  });

  test('reads the area, the date and the record of a shared link', () => {
    expect(parseViewState('?region=19.04&asOf=2024-06-13&select=risk_area:7')).toMatchObject({
      region: '19.04',
      asOf: '2024-06-13',
      select: { kind: 'risk_area', id: 7 },
    });
  });

  test('drops what it does not understand and names it', () => {
    const view = parseViewState('?asOf=2024-02-30&level=village&layers=sites,ships&nationality=CHN,XXX&map=a/b/c&select=person:1&region=19.4');
    expect(view).toMatchObject({ asOf: null, level: null, layers: ['sites'], nationalities: ['CHN'], map: null, select: null, region: null });
    expect(view.rejected).toEqual(
      expect.arrayContaining([
        { name: 'asOf', value: '2024-02-30' },
        { name: 'level', value: 'village' },
        { name: 'layers', value: 'ships' },
        { name: 'nationality', value: 'XXX' },
        { name: 'map', value: 'a/b/c' },
        { name: 'select', value: 'person:1' },
        { name: 'region', value: '19.4' },
      ]),
    );
  });

  test('opens the page named in the link, and the map for a page it does not know', () => {
    expect(parseViewState('?page=import').page).toBe('import');
    expect(parseViewState('?page=users').page).toBe('users');
    expect(parseViewState('?page=audit').page).toBe('audit');
    const view = parseViewState('?page=settings');
    expect(view.page).toBe('map');
    expect(view.rejected).toEqual([{ name: 'page', value: 'settings' }]);
  });

  test('a map position outside the globe is rejected', () => {
    expect(parseViewState('?map=5/95/400').map).toBeNull();
  });
});

describe('serializeViewState', () => {
  test('the default view has an empty query string', () => {
    expect(serializeViewState(DEFAULT_VIEW)).toBe('');
  });

  test('writes every field in a fixed, readable order', () => {
    expect(serializeViewState(EVERY_FIELD)).toBe(
      '?page=import&briefing=12&slide=3&person=41&company=7&level=district&region=19.04&select=company:123&panel=closed&map=9.25/-2.4325/106.2348' +
        '&layers=sites,operations,risk,entry,reports,meetings&permitType=itas,visit&nationality=CHN,JPN' +
        '&purpose=work,investment&from=2024-01-01&to=2024-06-30&asOf=2024-06-13&compare=2023-06-13' +
        '&measure=density&time=cumulative&lang=en',
    );
  });

  test('round-trips every field', () => {
    expect(parseViewState(serializeViewState(EVERY_FIELD))).toEqual(EVERY_FIELD);
    const partial: ViewState = { ...DEFAULT_VIEW, region: '19', layers: ['risk'], nationalities: ['KOR'] };
    expect(parseViewState(serializeViewState(partial))).toEqual(partial);
  });

  test('one view has one URL whatever order its lists were chosen in', () => {
    const a = serializeViewState({ ...DEFAULT_VIEW, layers: ['meetings', 'sites'], nationalities: ['JPN', 'CHN'] });
    const b = serializeViewState({ ...DEFAULT_VIEW, layers: ['sites', 'meetings'], nationalities: ['CHN', 'JPN'] });
    expect(a).toBe(b);
  });

  test('the planning page names its area `area`, the plan and the weights changed for the session', () => {
    const view: ViewState = { ...DEFAULT_VIEW, page: 'planning', region: '19.04', asOf: '2024-06-14', plan: 12, weights: { staleness: 2.5, holders: 0 } };
    const search = serializeViewState(view);
    expect(search).toBe('?page=planning&area=19.04&asOf=2024-06-14&plan=12&w.holders=0&w.staleness=2.5');
    expect(parseViewState(search)).toEqual(view);
    // Back on the map the same area is the map's region.
    expect(serializeViewState({ ...view, page: 'map', plan: null, weights: {} })).toBe('?region=19.04&asOf=2024-06-14');
  });

  test("the planning and print pages name an office's work area `area=office:<key>`; the map page ignores it", () => {
    const view: ViewState = {
      ...DEFAULT_VIEW,
      page: 'planning',
      workArea: 'ref:office:kantor-imigrasi-kelas-i-tpi-pangkalpinang',
      asOf: '2024-06-14',
      plan: 7,
    };
    const search = serializeViewState(view);
    expect(search).toBe('?page=planning&area=office:ref:office:kantor-imigrasi-kelas-i-tpi-pangkalpinang&asOf=2024-06-14&plan=7');
    expect(parseViewState(search)).toEqual(view);
    const print: ViewState = { ...view, page: 'plan-print' };
    expect(parseViewState(serializeViewState(print))).toEqual(print);
    // Percent-encoded colons read the same.
    expect(parseViewState('?page=planning&area=office%3Aref%3Aoffice%3Akanim-x').workArea).toBe('ref:office:kanim-x');
    // The map has no work area: back on it, the link has no area, and a pasted one is named as not understood.
    expect(serializeViewState({ ...view, page: 'map', plan: null })).toBe('?asOf=2024-06-14');
    const map = parseViewState('?region=office:ref:office:kanim-x&area=office:ref:office:kanim-x');
    expect([map.region, map.workArea]).toEqual([null, null]);
    expect(map.rejected.map((r) => r.name).sort()).toEqual(['area', 'region']);
    // Not an office key: rejected on the planning page too.
    const bad = parseViewState('?page=planning&area=office:a b');
    expect([bad.region, bad.workArea]).toEqual([null, null]);
    expect(bad.rejected).toEqual([{ name: 'area', value: 'office:a b' }]);
  });

  test('weights outside 0..100 or not numbers, and plan ids that are not positive whole numbers, are rejected', () => {
    const view = parseViewState('?page=planning&area=19.04&w.risk=101&w.mix=abc&w.growth=-1&w.holders=3&plan=0');
    expect(view.weights).toEqual({ holders: 3 });
    expect(view.plan).toBeNull();
    expect(view.rejected.map((r) => r.name).sort()).toEqual(['plan', 'w.growth', 'w.mix', 'w.risk']);
  });

  test('the import page keeps the map view in its link, so going back shows the same map', () => {
    const view: ViewState = { ...DEFAULT_VIEW, page: 'import', region: '19.04', asOf: '2024-06-13' };
    expect(serializeViewState(view)).toBe('?page=import&region=19.04&asOf=2024-06-13');
    expect(parseViewState('?page=import&region=19.04&asOf=2024-06-13')).toEqual(view);
    expect(serializeViewState({ ...view, page: 'map' })).toBe('?region=19.04&asOf=2024-06-13');
  });

  test('rounds the map position so the URL stays short', () => {
    expect(serializeViewState({ ...DEFAULT_VIEW, map: { zoom: 4.123456, lat: -2.123456789, lng: 118.987654321 } })).toBe('?map=4.12/-2.1235/118.9877');
  });
});
