// What a briefing needs to be shown and presented without a network, worked out from its slides with
// the same request builders the pages use (so the stored URLs are the ones they will ask for): the
// session and briefing reads, each slide's counts, area and panels, the TileJSON of every layer its
// map draws, and — once those TileJSON documents are known — the vector tiles of each slide's view.
// Pure: the saver (offline-store.ts) fetches and stores.
import { INDONESIA_BBOX, type Briefing, type Slide, type SlideView } from '@pantau/domain';
import { urlFor, type ApiRequest } from '../api/api-client.js';
import { areaPath, permitStatsRequest } from '../api/pantau-api.js';
import { panelRequest } from '../briefing/slide-data.js';
import { choroplethScope } from '../map/choropleth.js';
import { OVERLAYS } from '../map/overlay-style.js';
import { AREA_TILE_LAYERS, tileJsonUrl, type TileFilters, type TileLayerName } from '../map/tile-urls.js';
import { countedPermitTypes, MAP_LEVELS, type OverlayLayer } from '../state/view-state.js';
import { bboxCenter, fitZoom, tilesForView, tileUrl, unionBbox, viewportBbox, type Bbox, type Padding, type TileSourceRange } from './tile-math.js';

export interface Viewport {
  width: number;
  height: number;
}

/** Zoom the slide map starts at when the slide names no position (slide-map.tsx). */
const NATIONAL_ZOOM = 4;
/** The map's own limits and fits (pantau-map.tsx). */
const MAP_MAX_ZOOM = 14;
const FIT_MAX_ZOOM = 12;
const INITIAL_PADDING: Padding = { top: 16, bottom: 16, left: 16, right: 16 };
const ROOMY_PADDING: Padding = { top: 70, bottom: 130, left: 40, right: 40 };
const SMALL_PADDING: Padding = { top: 16, bottom: 16, left: 16, right: 16 };

const url = (request: ApiRequest) => urlFor(request.path, request.params);

/** The reads every page of the briefing makes whatever the slides: session, meta, the list and the briefing. */
export function briefingApiUrls(briefingId: number): string[] {
  return [
    '/api/v1/auth/me',
    '/api/v1/meta',
    '/api/v1/briefings',
    `/api/v1/briefings/${briefingId}`,
    // The list page's regency picker.
    urlFor('/api/v1/areas', { level: 'regency', parent: null }),
  ];
}

/** The day a slide counts: its own, else the briefing's. */
export const slideAsOf = (slide: Slide, briefing: Pick<Briefing, 'date'>) => slide.view.asOf ?? briefing.date;

/** The tile filters of a slide's map, as slide-map.tsx builds them. */
export function slideTileFilters(view: SlideView, asOf: string): TileFilters {
  return {
    asOf,
    permitTypes: countedPermitTypes(view),
    nationalities: view.nationalities,
    purposes: view.purposes,
    from: view.from,
    to: view.to,
    region: view.region,
  };
}

/** The tile layers a slide's map loads: the three area levels (their outlines are drawn at every level) and the overlays shown. */
export function slideTileLayers(overlays: readonly OverlayLayer[]): TileLayerName[] {
  return [...MAP_LEVELS.map((level) => AREA_TILE_LAYERS[level]), ...overlays.map((overlay) => OVERLAYS[overlay].tileLayer)];
}

export function slideTileJsonUrls(slide: Slide, asOf: string, overlays: readonly OverlayLayer[]): string[] {
  const filters = slideTileFilters(slide.view, asOf);
  return slideTileLayers(overlays).map((layer) => tileJsonUrl(layer, filters));
}

/** A map view: the box on screen and its zoom, and how many zoom levels around it to store. */
export interface PlannedView {
  bbox: Bbox;
  zoom: number;
  spread: number;
}

/**
 * The views a slide's map shows: its saved position; or, for a slide that shows its whole area, the
 * first frame (all of Indonesia) and the fit of the area's box. `regionBbox` is the area's box from
 * GET /areas/{code}; `viewport` the map's size in pixels (the screen, in present mode).
 */
export function slideViews(view: SlideView, regionBbox: Bbox | null, viewport: Viewport): PlannedView[] {
  const { width, height } = viewport;
  if (view.map) {
    const center = { lng: view.map.lng, lat: view.map.lat };
    return [{ bbox: viewportBbox(center, view.map.zoom, width, height), zoom: view.map.zoom, spread: 1 }];
  }
  const initialZoom = Math.min(fitZoom(INDONESIA_BBOX, width, height, INITIAL_PADDING, MAP_MAX_ZOOM), MAP_MAX_ZOOM);
  const initial: PlannedView = { bbox: viewportBbox(bboxCenter(INDONESIA_BBOX), initialZoom, width, height), zoom: initialZoom, spread: 0 };
  if (!view.region || !regionBbox) return [initial];
  const padding = width > 480 && height > 480 ? ROOMY_PADDING : SMALL_PADDING;
  const zoom = fitZoom(regionBbox, width, height, padding, FIT_MAX_ZOOM);
  return [initial, { bbox: unionBbox(viewportBbox(bboxCenter(regionBbox), zoom, width, height), regionBbox), zoom, spread: 1 }];
}

/**
 * The API reads of one slide: the counts of its choropleth (for the zooms it passes through, which
 * decide the level when the slide names neither area nor level), its area when the map fits it, and
 * its panels.
 */
export function slideApiUrls(slide: Slide, asOf: string, views: readonly PlannedView[]): string[] {
  const view = slide.view;
  const zooms = new Set<number>([view.map?.zoom ?? NATIONAL_ZOOM]);
  for (const planned of views) for (const zoom of [planned.zoom - 1, planned.zoom, planned.zoom + 1]) zooms.add(zoom);
  const permitTypes = countedPermitTypes(view);
  const urls = [...zooms].map((zoom) => {
    const scope = choroplethScope(view, zoom);
    return url(permitStatsRequest({ level: scope.level, parent: scope.parent, asOf, permitTypes, nationalities: view.nationalities, purposes: view.purposes }));
  });
  if (view.region && !view.map) urls.push(areaPath(view.region));
  for (const panel of slide.panels) {
    const request = panelRequest(panel, view, asOf);
    if (request) urls.push(url(request));
  }
  return urls;
}

/** The parts of a TileJSON document the tiles depend on; `null` when it is not one. */
export function tileSourceOf(tileJson: unknown): (TileSourceRange & { template: string }) | null {
  if (typeof tileJson !== 'object' || tileJson === null) return null;
  const { tiles, minzoom, maxzoom, bounds } = tileJson as Record<string, unknown>;
  const template = Array.isArray(tiles) ? tiles[0] : undefined;
  if (typeof template !== 'string') return null;
  const box =
    Array.isArray(bounds) && bounds.length === 4 && bounds.every((n) => typeof n === 'number')
      ? (bounds as unknown as Bbox)
      : ([-180, -85.0511, 180, 85.0511] as Bbox);
  return { template, minzoom: typeof minzoom === 'number' ? minzoom : 0, maxzoom: typeof maxzoom === 'number' ? maxzoom : 22, bounds: box };
}

/** The tile URLs of a source for the views, without repeats. */
export function tileUrlsForViews(source: TileSourceRange & { template: string }, views: readonly PlannedView[]): string[] {
  const urls = new Set<string>();
  for (const view of views) for (const tile of tilesForView(view.bbox, view.zoom, source, view.spread)) urls.add(tileUrl(source.template, tile));
  return [...urls];
}
