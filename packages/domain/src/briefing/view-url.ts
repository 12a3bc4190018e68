// A slide's view as the dashboard's query string (same parameter names and order as the web app's
// view-state.ts), so "open this slide on the map" is an ordinary dashboard link, and back.
import { PERMIT_PURPOSES, PERMIT_TYPES } from '../constants.js';
import { EMPTY_SLIDE_VIEW, mapPositionSchema, slideViewSchema, SLIDE_LAYERS, type SlideView } from './types.js';

// `+ 0` turns -0 into 0, which JSON would do anyway.
const round = (value: number, digits: number) => Number(value.toFixed(digits)) + 0;

/** Rounds like the dashboard URL (2 decimals of zoom, 4 of a degree), so the round trip is exact. */
export function roundSlideView(view: SlideView): SlideView {
  return view.map ? { ...view, map: { zoom: round(view.map.zoom, 2), lat: round(view.map.lat, 4), lng: round(view.map.lng, 4) } } : view;
}

/** The query string (no `?`) of a slide's view; lists in a fixed order so one view has one string. */
export function slideViewToQuery(view: SlideView): string {
  const params = new URLSearchParams();
  const set = (name: string, value: string | null) => {
    if (value) params.set(name, value);
  };
  const rounded = roundSlideView(view);
  set('level', rounded.level);
  set('region', rounded.region);
  set('map', rounded.map ? `${rounded.map.zoom}/${rounded.map.lat}/${rounded.map.lng}` : null);
  set('layers', SLIDE_LAYERS.filter((layer) => view.layers.includes(layer)).join(','));
  set('permitType', PERMIT_TYPES.filter((type) => view.permitTypes.includes(type)).join(','));
  set('nationality', [...new Set(view.nationalities)].sort().join(','));
  set('purpose', PERMIT_PURPOSES.filter((purpose) => view.purposes.includes(purpose)).join(','));
  set('from', view.from);
  set('to', view.to);
  set('asOf', view.asOf);
  if (view.measure !== 'count') set('measure', view.measure);
  return params.toString().replace(/%2C/g, ',').replace(/%2F/g, '/');
}

/** The slide view of a dashboard query string; anything not understood is left at its default. */
export function slideViewFromQuery(query: string): SlideView {
  const params = new URLSearchParams(query);
  const list = (name: string) => (params.get(name) ?? '').split(',').filter(Boolean);
  const map = params.get('map')?.split('/').map(Number);
  const candidate = {
    ...EMPTY_SLIDE_VIEW,
    region: params.get('region'),
    level: params.get('level'),
    map: map && map.length === 3 ? { zoom: map[0], lat: map[1], lng: map[2] } : null,
    layers: SLIDE_LAYERS.filter((layer) => list('layers').includes(layer)),
    permitTypes: PERMIT_TYPES.filter((type) => list('permitType').includes(type)),
    nationalities: [...new Set(list('nationality'))].sort(),
    purposes: PERMIT_PURPOSES.filter((purpose) => list('purpose').includes(purpose)),
    from: params.get('from'),
    to: params.get('to'),
    asOf: params.get('asOf'),
    measure: params.get('measure') ?? 'count',
  };
  // Field by field, so one bad parameter (a pasted link) does not lose the rest of the view. The map
  // position is checked by its parts: parsing an object schema makes zod probe for eval, which the
  // web app's Content-Security-Policy refuses (and reports).
  const view: Record<string, unknown> = { ...EMPTY_SLIDE_VIEW };
  for (const [key, value] of Object.entries(candidate)) {
    if (key === 'map') continue;
    const field = slideViewSchema.shape[key as keyof SlideView];
    if (field.safeParse(value).success) view[key] = value;
  }
  const position = candidate.map;
  if (position && (['zoom', 'lat', 'lng'] as const).every((part) => mapPositionSchema.shape[part].safeParse(position[part]).success)) view.map = position;
  return view as SlideView;
}

/** Canonical form: what a view becomes after a trip through the URL (sorted, deduplicated, rounded). */
export function normalizeSlideView(view: SlideView): SlideView {
  return slideViewFromQuery(slideViewToQuery(view));
}
