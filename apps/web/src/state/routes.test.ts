import { NATIONALITIES, PERMIT_PURPOSES, PERMIT_TYPES, WEIGHT_KEYS } from '@pantau/domain';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { recordTarget } from '../planning/record-target.js';
import { routeHref, viewAt, type RouteTarget } from './navigation.js';
import { EMPTY_ROUTE_PARAMS, PAGES, ROUTES, type Page, type RouteParams, type WeightOverrides } from './routes.js';
import {
  DEFAULT_CONTEXT,
  DEFAULT_VIEW,
  MAP_LEVELS,
  MEASURES,
  OVERLAY_LAYERS,
  parseViewState,
  RECORD_KINDS,
  serializeViewState,
  TIME_MODES,
  type MapContext,
  type ViewState,
} from './view-state.js';

const OFFICE = 'ref:office:kantor-imigrasi-kelas-i-tpi-pangkalpinang';

const pick = <K extends keyof ViewState>(view: ViewState, keys: readonly K[]) => Object.fromEntries(keys.map((key) => [key, view[key]]));
const contextOf = (view: ViewState) => pick(view, Object.keys(DEFAULT_CONTEXT) as (keyof MapContext)[]);
const pageParamsOf = (view: ViewState) => pick(view, Object.keys(EMPTY_ROUTE_PARAMS) as (keyof typeof EMPTY_ROUTE_PARAMS)[]);

const orNull = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: null });
const isoDate = fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
const id = (max: number) => fc.integer({ min: 1, max });

/** A map context as the app writes it (map positions rounded, lists in the URL's order). */
const mapContext: fc.Arbitrary<MapContext> = fc.record({
  lang: fc.constantFrom('id' as const, 'en' as const),
  level: orNull(fc.constantFrom(...MAP_LEVELS)),
  region: orNull(fc.constantFrom('19', '19.04', '19.04.01', '17.07', '52.71')),
  select: orNull(fc.record({ kind: fc.constantFrom(...RECORD_KINDS), id: id(10 ** 12) })),
  panelOpen: fc.boolean(),
  map: orNull(
    fc.record({
      zoom: fc.integer({ min: 0, max: 2200 }).map((zoom) => zoom / 100),
      lat: fc.integer({ min: -900000, max: 900000 }).map((lat) => lat / 10000),
      lng: fc.integer({ min: -1800000, max: 1800000 }).map((lng) => lng / 10000),
    }),
  ),
  layers: fc.subarray([...OVERLAY_LAYERS]),
  permitTypes: fc.subarray([...PERMIT_TYPES]),
  nationalities: fc.subarray([...new Set(NATIONALITIES.map((nationality) => nationality.code))].sort().slice(0, 12)),
  purposes: fc.subarray([...PERMIT_PURPOSES]),
  from: orNull(isoDate),
  to: orNull(isoDate),
  asOf: orNull(isoDate),
  compare: orNull(isoDate),
  measure: fc.constantFrom(...MEASURES),
  timeMode: fc.constantFrom(...TIME_MODES),
});

const weights: fc.Arbitrary<WeightOverrides> = fc.dictionary(
  fc.constantFrom(...WEIGHT_KEYS),
  fc.integer({ min: 0, max: 1_000_000 }).map((weight) => weight / 10000),
  { maxKeys: 4 },
);

/** Each page's own params, as its links write them. */
const OWN_PARAMS: { [P in Page]: fc.Arbitrary<RouteParams[P]> } = {
  map: fc.constant({}),
  users: fc.constant({}),
  audit: fc.constant({}),
  import: fc.constant({}),
  planning: fc.record({ workArea: orNull(fc.constantFrom(OFFICE, 'ref:office:kanim-x')), plan: orNull(id(10 ** 14)), weights }),
  'plan-print': fc.record({ workArea: orNull(fc.constant(OFFICE)), plan: orNull(id(10 ** 14)), weights }),
  briefing: fc.record({ briefing: orNull(id(999_999_999)), slide: orNull(id(99)) }),
  'briefing-print': fc.record({ briefing: orNull(id(999_999_999)), slide: orNull(id(99)) }),
  person: fc.record({ person: orNull(id(999_999_999)) }),
  company: fc.record({ company: orNull(id(999_999_999)) }),
  reports: fc.constant({}),
  meetings: fc.constant({}),
};

/** A view of `page` as the app holds it: on the planning pages a work area stands instead of the region. */
const viewOf = (page: Page) =>
  fc.tuple(mapContext, OWN_PARAMS[page]).map(([context, own]): ViewState => {
    const view: ViewState = { ...DEFAULT_VIEW, ...context, ...own, page };
    return 'workArea' in own && own.workArea !== null ? { ...view, region: null } : view;
  });

describe('the route table', () => {
  test('every page has a route, and `?page=` opens it', () => {
    expect(Object.keys(ROUTES).sort()).toEqual([...PAGES].sort());
    for (const page of PAGES) expect(parseViewState(page === 'map' ? '' : `?page=${page}`).page).toBe(page);
  });

  test.each(PAGES)('the %s page: a view parses back from its URL, and its URL is the one the app writes', (page) => {
    fc.assert(
      fc.property(viewOf(page), (view) => {
        const search = serializeViewState(view);
        expect(parseViewState(search)).toEqual(view);
        expect(serializeViewState(parseViewState(search))).toBe(search);
      }),
      { numRuns: 150 },
    );
  });

  test('a page keeps in its URL the params of another page it was opened with, as it always did', () => {
    const search = '?page=import&briefing=12&person=3&region=19.04&plan=7&w.risk=2';
    expect(parseViewState(search)).toMatchObject({ page: 'import', briefing: 12, person: 3, region: '19.04', plan: 7, weights: { risk: 2 }, rejected: [] });
    expect(serializeViewState(parseViewState(search))).toBe('?page=import&briefing=12&person=3&region=19.04&plan=7&w.risk=2');
  });

  test("`area=` is the map's region on every page; an office's work area only on the planning pages", () => {
    expect(parseViewState('?page=reports&area=19.04')).toMatchObject({ region: '19.04', workArea: null, rejected: [] });
    expect(serializeViewState(parseViewState('?page=reports&area=19.04'))).toBe('?page=reports&region=19.04');
    expect(serializeViewState(parseViewState('?page=planning&region=19.04'))).toBe('?page=planning&area=19.04');
    const meetings = parseViewState(`?page=meetings&area=office:${OFFICE}`);
    expect([meetings.region, meetings.workArea, meetings.rejected]).toEqual([null, null, [{ name: 'area', value: `office:${OFFICE}` }]]);
  });
});

describe('links between pages', () => {
  const planning: ViewState = {
    ...DEFAULT_VIEW,
    page: 'planning',
    region: '19.04',
    asOf: '2024-06-14',
    layers: ['risk'],
    plan: 12,
    weights: { staleness: 2.5 },
  };

  test('the link to an admin page keeps the view, and the way back drops the page', () => {
    const view = { ...DEFAULT_VIEW, region: '19.04', lang: 'en' as const };
    expect(routeHref(view, { page: 'users' }, '/')).toBe('/?page=users&region=19.04&lang=en');
    expect(routeHref({ ...view, page: 'users' }, { page: 'map' }, '/')).toBe('/?region=19.04&lang=en');
  });

  test('the map context carries over; what the page left owned does not follow', () => {
    expect(routeHref(planning, { page: 'map' }, '/')).toBe('/?region=19.04&layers=risk&asOf=2024-06-14');
    expect(routeHref(planning, { page: 'plan-print', plan: 12 }, '/')).toBe('/?page=plan-print&area=19.04&layers=risk&asOf=2024-06-14&plan=12');
    const briefing = viewAt(planning, { page: 'briefing', briefing: 4 });
    expect(briefing).toMatchObject({ page: 'briefing', briefing: 4, slide: null, plan: null, weights: {}, region: '19.04' });
    // A link opened with params of other pages (an old or hand-made URL) leaves them behind too.
    expect(routeHref(parseViewState('?page=import&briefing=12&region=19.04'), { page: 'map' }, '/')).toBe('/?region=19.04');
  });

  test('from any page to any page, the map context arrives whole and the target starts from its own params alone', () => {
    const anyPage = fc.constantFrom(...PAGES);
    fc.assert(
      fc.property(
        anyPage.chain((page) => viewOf(page)),
        anyPage,
        (view, page) => {
          const opened = parseViewState(routeHref(view, { page } as RouteTarget, ''));
          expect(opened.page).toBe(page);
          expect(contextOf(opened)).toEqual(contextOf(view));
          expect(pageParamsOf(opened)).toEqual(EMPTY_ROUTE_PARAMS);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('a link names changes to the map context beside the page', () => {
    const reports = { ...DEFAULT_VIEW, page: 'reports' as const, region: '19', asOf: '2024-06-13' };
    expect(routeHref(reports, { page: 'map', region: '19.04', select: { kind: 'report', id: 8 } }, '/')).toBe('/?region=19.04&select=report:8&asOf=2024-06-13');
  });

  test("a planning candidate's records open on the dashboard: an area drilled into, a record selected", () => {
    const selected = { ...planning, select: { kind: 'company' as const, id: 1 } };
    const href = (apiPath: string) => {
      const target = recordTarget(apiPath);
      return target && routeHref(selected, target, '/');
    };
    expect(href('/api/v1/areas/19.04.01')).toBe('/?region=19.04.01&layers=risk&asOf=2024-06-14');
    expect(href('/api/v1/companies/12')).toBe('/?region=19.04&select=company:12&layers=risk&asOf=2024-06-14');
    expect(href('/api/v1/operations/3')).toBe('/?region=19.04&select=operation:3&layers=risk&asOf=2024-06-14');
    expect(href('/api/v1/risk-areas/5')).toBe('/?region=19.04&select=risk_area:5&layers=risk&asOf=2024-06-14');
    expect(href('/api/v1/people/5')).toBeNull();
  });
});

describe('links from the end-to-end tests and the docs still open the same page', () => {
  // [the URL as written, its page, what it holds, the URL the app writes back]
  const OLD_URLS: Array<[string, Page, Partial<ViewState>, string]> = [
    ['?page=briefing', 'briefing', { briefing: null }, '?page=briefing'],
    ['?page=briefing&briefing=41', 'briefing', { briefing: 41, slide: null }, '?page=briefing&briefing=41'],
    ['?page=briefing&briefing=41&slide=3', 'briefing', { briefing: 41, slide: 3 }, '?page=briefing&briefing=41&slide=3'],
    ['?page=briefing&briefing=41&lang=en', 'briefing', { briefing: 41, lang: 'en' }, '?page=briefing&briefing=41&lang=en'],
    ['?page=briefing-print&briefing=41&lang=id', 'briefing-print', { briefing: 41, lang: 'id' }, '?page=briefing-print&briefing=41'],
    [
      '?page=planning&area=19.03&asOf=2024-06-14&lang=en',
      'planning',
      { region: '19.03', asOf: '2024-06-14', lang: 'en' },
      '?page=planning&area=19.03&asOf=2024-06-14&lang=en',
    ],
    ['?page=planning&area=19.04&asOf=2024-06-13', 'planning', { region: '19.04', workArea: null }, '?page=planning&area=19.04&asOf=2024-06-13'],
    ['?page=planning&asOf=2024-06-14', 'planning', { region: null, workArea: null, asOf: '2024-06-14' }, '?page=planning&asOf=2024-06-14'],
    ['?page=planning&region=19.04', 'planning', { region: '19.04' }, '?page=planning&area=19.04'],
    ['?page=plan-print&plan=12&lang=id', 'plan-print', { plan: 12 }, '?page=plan-print&plan=12'],
    [`?page=plan-print&area=office:${OFFICE}&plan=12`, 'plan-print', { workArea: OFFICE, plan: 12 }, `?page=plan-print&area=office:${OFFICE}&plan=12`],
    ['?page=import', 'import', {}, '?page=import'],
    ['?page=import&lang=en', 'import', { lang: 'en' }, '?page=import&lang=en'],
    ['?page=import&region=17.07', 'import', { region: '17.07' }, '?page=import&region=17.07'],
    ['?page=users', 'users', {}, '?page=users'],
    ['?page=audit', 'audit', {}, '?page=audit'],
    ['?page=reports&region=19.04', 'reports', { region: '19.04' }, '?page=reports&region=19.04'],
    ['?page=meetings&region=19.04', 'meetings', { region: '19.04' }, '?page=meetings&region=19.04'],
    ['?page=person&person=1', 'person', { person: 1 }, '?page=person&person=1'],
    ['?page=company&company=5&asOf=2024-06-13', 'company', { company: 5, asOf: '2024-06-13' }, '?page=company&company=5&asOf=2024-06-13'],
    [
      '?level=regency&map=6.5/-6.9/110.4&layers=risk,entry&permitType=itas&nationality=CHN,KOR&purpose=work&asOf=2024-06-13&compare=2023-06-13&measure=density&lang=en',
      'map',
      { level: 'regency', layers: ['risk', 'entry'], nationalities: ['CHN', 'KOR'], measure: 'density' },
      '?level=regency&map=6.5/-6.9/110.4&layers=risk,entry&permitType=itas&nationality=CHN,KOR&purpose=work&asOf=2024-06-13&compare=2023-06-13&measure=density&lang=en',
    ],
    [
      '?region=19.04&asOf=2024-06-13&layers=sites,risk',
      'map',
      { region: '19.04', layers: ['sites', 'risk'] },
      '?region=19.04&layers=sites,risk&asOf=2024-06-13',
    ],
    ['?map=11/-2.49/106.40', 'map', { map: { zoom: 11, lat: -2.49, lng: 106.4 } }, '?map=11/-2.49/106.4'],
  ];

  test.each(OLD_URLS)('%s', (search, page, holds, written) => {
    const view = parseViewState(search);
    expect(view).toMatchObject({ ...holds, page, rejected: [] });
    expect(serializeViewState(view)).toBe(written);
    expect(parseViewState(written)).toEqual(view);
  });

  test('a page it does not know opens the map, and says so', () => {
    expect(parseViewState('?page=settings&region=19.04')).toMatchObject({
      ...DEFAULT_CONTEXT,
      page: 'map',
      region: '19.04',
      rejected: [{ name: 'page', value: 'settings' }],
    });
  });
});
