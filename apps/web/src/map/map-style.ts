// The map's style, built in code: sea, the neighbouring countries' land (world-atlas, bundled), and the
// app's own vector tiles read through their TileJSON (`/tiles/{layer}.json`) on the page's own host.
// No style URL, glyphs, sprites or tiles from elsewhere, so the map works offline and on closed
// networks. Names are drawn by deck.gl's TextLayer with the system font (see `area-labels.ts`).
import type { ExpressionSpecification, GeoJSONSourceSpecification, LayerSpecification, StyleSpecification, VectorSourceSpecification } from 'maplibre-gl';
import { MAP_LEVELS, type MapLevel, type Measure } from '../state/view-state.js';
import type { ChoroplethClass } from './choropleth-classes.js';
import { AREA_TILE_LAYERS, tileJsonUrl, type TileFilters } from './tile-urls.js';

export const SEA_COLOR = '#d4e2ec';
export const WORLD_LAND_COLOR = '#f1efe9';
/** Indonesian land outside the area drilled into: land, but not part of the classes. */
export const CONTEXT_LAND_COLOR = '#ebe8e1';
export const NO_DATA_COLOR = '#b8b8b8';
const WORLD_BORDER_COLOR = '#b9b4a8';
const AREA_OUTLINE_COLOR = '#ffffff';
const PROVINCE_BOUNDARY_COLOR = '#4d5962';
const REGENCY_BOUNDARY_COLOR = '#7b858e';
const HOVER_OUTLINE_COLOR = '#111111';
const SELECTED_OUTLINE_COLOR = '#c2185b';

export { AREA_TILE_LAYERS };

export const WORLD_LAND_SOURCE = 'world-land';
export const areaSourceId = (level: MapLevel) => `${level}-areas`;
export const areaFillLayerId = (level: MapLevel) => `${level}-fill`;
const areaOutlineLayerId = (level: MapLevel) => `${level}-outline`;
const areaHoverLayerId = (level: MapLevel) => `${level}-hover`;
export const areaSelectedLayerId = (level: MapLevel) => `${level}-selected`;

/** Feature-state key set on the area under the pointer. */
export const HOVER_STATE = 'hover';

/** Tile property holding the holders counted for the filters. */
export const HOLDER_COUNT_PROPERTY = 'total';

export const areaTileJsonUrl = (level: MapLevel, filters: TileFilters) => tileJsonUrl(AREA_TILE_LAYERS[level], filters);

export function areaSource(level: MapLevel, filters: TileFilters): VectorSourceSpecification {
  // Zoom range, bounds and attribution come from the TileJSON.
  return { type: 'vector', url: areaTileJsonUrl(level, filters) };
}

/** The tile feature's value for the measure; same formula as `measureValue`. */
function valueExpression(measure: Measure): ExpressionSpecification {
  const total: ExpressionSpecification = ['get', HOLDER_COUNT_PROPERTY];
  if (measure === 'count') return total;
  return ['round', ['/', ['*', total, 10_000], ['max', ['get', 'area_km2'], 0.000001]]];
}

/**
 * `fill-color` for the classes: a step on the tile's value at each class's lower bound (classes are
 * contiguous integer ranges), no-data grey when there are no classes or no count; areas outside the
 * parent drilled into are plain land.
 */
export function fillColorExpression(
  classes: readonly ChoroplethClass[],
  measure: Measure = 'count',
  parent: string | null = null,
): ExpressionSpecification | string {
  const [first, ...rest] = classes;
  if (!first) return parent === null ? NO_DATA_COLOR : ['case', insideParent(parent), NO_DATA_COLOR, CONTEXT_LAND_COLOR];
  const holderCount: ExpressionSpecification = ['get', HOLDER_COUNT_PROPERTY];
  // A step needs at least one stop: with a single class (one area in scope, or every area at 0) it
  // would be `['step', value, colour]`, which MapLibre rejects and then paints every area grey.
  const classColor: ExpressionSpecification | string =
    rest.length === 0
      ? first.color
      : ['step', valueExpression(measure), first.color, ...rest.flatMap((choroplethClass) => [choroplethClass.lower, choroplethClass.color])];
  const shaded: ExpressionSpecification = ['case', ['==', ['typeof', holderCount], 'number'], classColor, NO_DATA_COLOR];
  return parent === null ? shaded : ['case', insideParent(parent), shaded, CONTEXT_LAND_COLOR];
}

/** True for a feature whose code lies inside `parent` ("19.04" lies in "19"). */
function insideParent(parent: string): ExpressionSpecification {
  const prefix = `${parent}.`;
  return ['==', ['slice', ['get', 'code'], 0, prefix.length], prefix];
}

function visibility(shown: boolean): 'visible' | 'none' {
  return shown ? 'visible' : 'none';
}

/** Layers of one level: shaded areas and their outlines. */
function areaLayers(level: MapLevel, shownLevel: MapLevel): LayerSpecification[] {
  const source = areaSourceId(level);
  const sourceLayer = AREA_TILE_LAYERS[level];
  const layout = { visibility: visibility(level === shownLevel) };
  return [
    {
      id: areaFillLayerId(level),
      type: 'fill',
      source,
      'source-layer': sourceLayer,
      layout,
      // Coloured once the classes are known (`fillColorExpression`).
      paint: { 'fill-color': NO_DATA_COLOR },
    },
    {
      id: areaOutlineLayerId(level),
      type: 'line',
      source,
      'source-layer': sourceLayer,
      layout,
      paint: { 'line-color': AREA_OUTLINE_COLOR, 'line-width': level === 'district' ? 0.4 : 0.6, 'line-opacity': 0.9 },
    },
  ];
}

function hoverLayer(level: MapLevel, shownLevel: MapLevel): LayerSpecification {
  return {
    id: areaHoverLayerId(level),
    type: 'line',
    source: areaSourceId(level),
    'source-layer': AREA_TILE_LAYERS[level],
    layout: { visibility: visibility(level === shownLevel), 'line-join': 'round' },
    paint: {
      'line-color': HOVER_OUTLINE_COLOR,
      'line-width': 2.5,
      'line-opacity': ['case', ['boolean', ['feature-state', HOVER_STATE], false], 1, 0],
    },
  };
}

/** The selected area's outline, at whatever level is shaded (a province stays outlined over its regencies). */
function selectedLayer(level: MapLevel): LayerSpecification {
  return {
    id: areaSelectedLayerId(level),
    type: 'line',
    source: areaSourceId(level),
    'source-layer': AREA_TILE_LAYERS[level],
    filter: selectedAreaFilter(null),
    layout: { 'line-join': 'round' },
    paint: { 'line-color': SELECTED_OUTLINE_COLOR, 'line-width': 3.5 },
  };
}

export function selectedAreaFilter(code: string | null): ExpressionSpecification {
  return ['==', ['get', 'code'], code ?? ''];
}

/** The style before the date is known: sea and (once loaded) the neighbouring countries. */
export function createBaseStyle(): StyleSpecification {
  const emptyLand: GeoJSONSourceSpecification = { type: 'geojson', data: { type: 'FeatureCollection', features: [] } };
  return {
    version: 8,
    name: 'Pantau',
    sources: { [WORLD_LAND_SOURCE]: emptyLand },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': SEA_COLOR } },
      { id: 'world-land', type: 'fill', source: WORLD_LAND_SOURCE, paint: { 'fill-color': WORLD_LAND_COLOR } },
      { id: 'world-borders', type: 'line', source: WORLD_LAND_SOURCE, paint: { 'line-color': WORLD_BORDER_COLOR, 'line-width': 0.8 } },
    ],
  };
}

/** Sources of the three levels, then their layers in drawing order (all above the land). */
export function areaSourcesAndLayers(
  filters: TileFilters,
  shownLevel: MapLevel,
): { sources: Record<string, VectorSourceSpecification>; layers: LayerSpecification[] } {
  return {
    sources: Object.fromEntries(MAP_LEVELS.map((level) => [areaSourceId(level), areaSource(level, filters)])),
    layers: [
      ...areaLayers('district', shownLevel),
      ...areaLayers('regency', shownLevel),
      ...areaLayers('province', shownLevel),
      // Regency boundaries over districts, province boundaries over everything: the areas keep their context.
      {
        id: 'regency-boundary',
        type: 'line',
        source: areaSourceId('regency'),
        'source-layer': AREA_TILE_LAYERS.regency,
        layout: { visibility: visibility(shownLevel === 'district'), 'line-join': 'round' },
        paint: { 'line-color': REGENCY_BOUNDARY_COLOR, 'line-width': 1, 'line-opacity': 0.9 },
      },
      {
        id: 'province-boundary',
        type: 'line',
        source: areaSourceId('province'),
        'source-layer': AREA_TILE_LAYERS.province,
        layout: { 'line-join': 'round' },
        paint: { 'line-color': PROVINCE_BOUNDARY_COLOR, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.8, 9, 1.6], 'line-opacity': 0.85 },
      },
      ...MAP_LEVELS.map((level) => hoverLayer(level, shownLevel)),
      ...MAP_LEVELS.map((level) => selectedLayer(level)),
    ],
  };
}

/** Layer ids whose visibility follows the shaded level. */
export function levelLayerIds(level: MapLevel): string[] {
  return [areaFillLayerId(level), areaOutlineLayerId(level), areaHoverLayerId(level)];
}
