// The map's style, built in code: a sea-coloured background and the app's own vector tiles, read
// through their TileJSON (`/tiles/{layer}.json`) on the page's own host. No style URL, glyphs, sprites
// or tiles from elsewhere, so the map works offline and on closed networks. Without glyphs there are
// no text labels on the map: names appear in the hover panel instead.
import type {
  ExpressionSpecification,
  LayerSpecification,
  StyleSpecification,
  VectorSourceSpecification,
} from 'maplibre-gl';
import type { MapLevel } from '../state/view-state.js';
import type { ChoroplethClass } from './choropleth-classes.js';
import { CHOROPLETH_PERMIT_TYPES } from './choropleth.js';

export const SEA_COLOR = '#dde7ee';
export const NO_DATA_COLOR = '#b8b8b8';
const AREA_OUTLINE_COLOR = '#ffffff';
const PROVINCE_BOUNDARY_COLOR = '#4d5962';
const HOVER_OUTLINE_COLOR = '#111111';

/** The API's tile layer of each level; it is also the vector layer id inside its tiles. */
export const AREA_TILE_LAYERS: Readonly<Record<MapLevel, string>> = { province: 'provinces', regency: 'regencies' };

export const areaSourceId = (level: MapLevel) => `${level}-areas`;
export const areaFillLayerId = (level: MapLevel) => `${level}-fill`;
const areaOutlineLayerId = (level: MapLevel) => `${level}-outline`;
const areaHoverLayerId = (level: MapLevel) => `${level}-hover`;
const PROVINCE_BOUNDARY_LAYER_ID = 'province-boundary';

/** Feature-state key set on the area under the pointer. */
export const HOVER_STATE = 'hover';

/** Tile property holding the holders counted on the map (ITAS + ITAP, see `areaTileJsonUrl`). */
export const HOLDER_COUNT_PROPERTY = 'total';

/**
 * The TileJSON of a level's tiles for one date, relative to the page's host. `permitType` makes the
 * tiles' `total` the ITAS + ITAP holders the legend's classes are computed from; the TileJSON's
 * `tiles` URL carries the same filters.
 */
export function areaTileJsonUrl(level: MapLevel, asOf: string): string {
  const query = new URLSearchParams({ asOf, permitType: CHOROPLETH_PERMIT_TYPES.join(',') });
  // Commas need no escaping in a query string; unescaped they match the URLs the server writes.
  return `/tiles/${AREA_TILE_LAYERS[level]}.json?${query.toString().replace(/%2C/g, ',')}`;
}

export function areaSource(level: MapLevel, asOf: string): VectorSourceSpecification {
  // Zoom range, bounds and attribution come from the TileJSON.
  return { type: 'vector', url: areaTileJsonUrl(level, asOf) };
}

/**
 * `fill-color` for the classes: a step on the tile's holder count at each class's lower bound (classes
 * are contiguous integer ranges), no-data grey when there are no classes or no count.
 */
export function fillColorExpression(classes: readonly ChoroplethClass[]): ExpressionSpecification | string {
  const [first, ...rest] = classes;
  if (!first) return NO_DATA_COLOR;
  const holderCount: ExpressionSpecification = ['get', HOLDER_COUNT_PROPERTY];
  return [
    'case',
    ['==', ['typeof', holderCount], 'number'],
    ['step', holderCount, first.color, ...rest.flatMap((choroplethClass) => [choroplethClass.lower, choroplethClass.color])],
    NO_DATA_COLOR,
  ];
}

function visibility(layerLevel: MapLevel, shownLevel: MapLevel): 'visible' | 'none' {
  return layerLevel === shownLevel ? 'visible' : 'none';
}

/** Layers of one level, bottom to top: shaded areas, their outlines. */
function areaLayers(level: MapLevel, shownLevel: MapLevel): LayerSpecification[] {
  const source = areaSourceId(level);
  const sourceLayer = AREA_TILE_LAYERS[level];
  const layout = { visibility: visibility(level, shownLevel) };
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
      paint: { 'line-color': AREA_OUTLINE_COLOR, 'line-width': level === 'province' ? 0.8 : 0.5, 'line-opacity': 0.9 },
    },
  ];
}

function hoverLayer(level: MapLevel, shownLevel: MapLevel): LayerSpecification {
  return {
    id: areaHoverLayerId(level),
    type: 'line',
    source: areaSourceId(level),
    'source-layer': AREA_TILE_LAYERS[level],
    layout: { visibility: visibility(level, shownLevel), 'line-join': 'round' },
    paint: {
      'line-color': HOVER_OUTLINE_COLOR,
      'line-width': 2.5,
      'line-opacity': ['case', ['boolean', ['feature-state', HOVER_STATE], false], 1, 0],
    },
  };
}

/** The style before the date is known: sea only. The areas follow from `areaSourcesAndLayers`. */
export function createBaseStyle(): StyleSpecification {
  return {
    version: 8,
    name: 'Pantau choropleth',
    sources: {},
    layers: [{ id: 'sea', type: 'background', paint: { 'background-color': SEA_COLOR } }],
  };
}

/** Sources of both levels, then their layers in drawing order (all above the sea). */
export function areaSourcesAndLayers(
  asOf: string,
  shownLevel: MapLevel,
): { sources: Record<string, VectorSourceSpecification>; layers: LayerSpecification[] } {
  return {
    sources: {
      [areaSourceId('province')]: areaSource('province', asOf),
      [areaSourceId('regency')]: areaSource('regency', asOf),
    },
    layers: [
      ...areaLayers('regency', shownLevel),
      ...areaLayers('province', shownLevel),
      // Province boundaries stay on top at every level so regencies keep their context.
      {
        id: PROVINCE_BOUNDARY_LAYER_ID,
        type: 'line',
        source: areaSourceId('province'),
        'source-layer': AREA_TILE_LAYERS.province,
        layout: { 'line-join': 'round' },
        paint: { 'line-color': PROVINCE_BOUNDARY_COLOR, 'line-width': 1, 'line-opacity': 0.8 },
      },
      hoverLayer('regency', shownLevel),
      hoverLayer('province', shownLevel),
    ],
  };
}

/** Layer ids whose visibility follows the chosen level. */
export function levelLayerIds(level: MapLevel): string[] {
  return [areaFillLayerId(level), areaOutlineLayerId(level), areaHoverLayerId(level)];
}
