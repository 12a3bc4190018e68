// The pages of the app (`?page=`) and the search params each one owns, parsed and written by its own
// schema, beside the map context (view-state.ts) that every page carries so the way back shows the same
// map. Typed by page: a link to the planning page may name an area, a plan and weights, and nothing that
// another page owns (navigation.ts).
import { officeKeyOfArea, WEIGHT_KEYS, type WeightKey } from '@pantau/domain';
import type { QueryReader, QueryValues } from './search-query.js';

/** Planning weights a user set for the session (`w.staleness=2`); factors not named keep their default. */
export type WeightOverrides = Partial<Record<WeightKey, number>>;

/** A page that owns no params of its own: it shows (and keeps) the map context only. */
export type NoParams = Record<never, never>;

export interface PlanningParams {
  /** The office whose work area is planned (`area=office:<office key>`), instead of the map's region. */
  workArea: string | null;
  /** The operation plan open (`plan=12`). */
  plan: number | null;
  /** Planning weights changed for this session (`w.<factor>=`). */
  weights: WeightOverrides;
}

export interface BriefingParams {
  /** The briefing open (`briefing=12`), and its slide shown, from 1 (`slide=3`). */
  briefing: number | null;
  slide: number | null;
}

export interface PersonParams {
  person: number | null;
}

export interface CompanyParams {
  company: number | null;
}

/** Each page's own search params. */
export interface RouteParams {
  map: NoParams;
  users: NoParams;
  audit: NoParams;
  import: NoParams;
  planning: PlanningParams;
  'plan-print': PlanningParams;
  briefing: BriefingParams;
  'briefing-print': BriefingParams;
  person: PersonParams;
  company: CompanyParams;
  reports: NoParams;
  meetings: NoParams;
}

/**
 * The page shown: the map, one of the admin pages (`page=users`), the import page, operation planning
 * or a plan's print page, a briefing or its print page, the people pages, the public-report triage, the
 * meetings; each page checks the role itself.
 */
export type Page = keyof RouteParams;

/** Every page's params together: what one URL can hold (a page's link keeps those of others it was opened with). */
export type EveryRouteParams = PlanningParams & BriefingParams & PersonParams & CompanyParams;

/** How a page's own params read from and write to the query string. */
export interface SearchSchema<T> {
  /** The params a page opened afresh starts with. */
  readonly empty: T;
  /** `own`: the page shown owns these params (else they only ride along in its URL). */
  parse(query: QueryReader, own: boolean): T;
  write(params: T, own: boolean): QueryValues;
}

export interface Route<T> {
  readonly search: SearchSchema<T>;
  /** The name the page gives the map's region: `area` on the planning pages, where it may name an office's work area. */
  readonly regionParam: 'region' | 'area';
}

const positiveInteger = (value: string) => (/^[1-9]\d{0,8}$/.test(value) ? Number(value) : null);
const idParam = (id: number | null) => (id === null ? null : String(id));

/** A planning weight as the API takes it: 0 to 100. */
function parseWeight(value: string): number | null {
  if (!/^\d{1,3}(\.\d{1,4})?$/.test(value)) return null;
  const weight = Number(value);
  return weight <= 100 ? weight : null;
}

const NO_SEARCH: SearchSchema<NoParams> = { empty: {}, parse: () => ({}), write: () => ({}) };

const PLANNING_SEARCH: SearchSchema<PlanningParams> = {
  empty: { workArea: null, plan: null, weights: {} },
  parse(query, own) {
    const weights: WeightOverrides = {};
    for (const factor of WEIGHT_KEYS) {
      const weight = query.read(`w.${factor}`, parseWeight);
      if (weight !== null) weights[factor] = weight;
    }
    return {
      // Elsewhere `area=` is another name of the map's `region=`, never a work area.
      workArea: own ? officeKeyOfArea(query.raw('area') ?? '') : null,
      plan: query.read('plan', (value) => (/^[1-9]\d{0,14}$/.test(value) ? Number(value) : null)),
      weights,
    };
  },
  write({ workArea, plan, weights }, own) {
    const values: QueryValues = { area: own && workArea !== null ? `office:${workArea}` : null, plan: idParam(plan) };
    for (const factor of WEIGHT_KEYS) values[`w.${factor}`] = weights[factor] === undefined ? null : String(weights[factor]);
    return values;
  },
};

const BRIEFING_SEARCH: SearchSchema<BriefingParams> = {
  empty: { briefing: null, slide: null },
  parse: (query) => ({ briefing: query.read('briefing', positiveInteger), slide: query.read('slide', positiveInteger) }),
  write: ({ briefing, slide }) => ({ briefing: idParam(briefing), slide: idParam(slide) }),
};

const PERSON_SEARCH: SearchSchema<PersonParams> = {
  empty: { person: null },
  parse: (query) => ({ person: query.read('person', positiveInteger) }),
  write: ({ person }) => ({ person: idParam(person) }),
};

const COMPANY_SEARCH: SearchSchema<CompanyParams> = {
  empty: { company: null },
  parse: (query) => ({ company: query.read('company', positiveInteger) }),
  write: ({ company }) => ({ company: idParam(company) }),
};

const plain = <T>(search: SearchSchema<T>): Route<T> => ({ search, regionParam: 'region' });
const PLANNING: Route<PlanningParams> = { search: PLANNING_SEARCH, regionParam: 'area' };
const BRIEFING = plain(BRIEFING_SEARCH);
const NO_PARAMS = plain(NO_SEARCH);

/** The route table: every page with the schema of its own params. */
export const ROUTES: { readonly [P in Page]: Route<RouteParams[P]> } = {
  map: NO_PARAMS,
  users: NO_PARAMS,
  audit: NO_PARAMS,
  import: NO_PARAMS,
  planning: PLANNING,
  'plan-print': PLANNING,
  briefing: BRIEFING,
  'briefing-print': BRIEFING,
  person: plain(PERSON_SEARCH),
  company: plain(COMPANY_SEARCH),
  reports: NO_PARAMS,
  meetings: NO_PARAMS,
};

export const PAGES = Object.keys(ROUTES) as Page[];

/** Each schema once (pages that share their params share one), in the order their params are read. */
export const SEARCH_SCHEMAS: readonly SearchSchema<Partial<EveryRouteParams>>[] = [PLANNING_SEARCH, BRIEFING_SEARCH, PERSON_SEARCH, COMPANY_SEARCH];

/** Every page's params, empty: what a page opened afresh starts from. */
export const EMPTY_ROUTE_PARAMS: EveryRouteParams = Object.assign({}, ...SEARCH_SCHEMAS.map((schema) => schema.empty));
