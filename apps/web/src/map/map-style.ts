// The map's style, built in code: a sea-coloured background and our own GeoJSON boundaries. No style
// URL, glyphs, sprites or tiles from elsewhere, so the map works offline and on closed networks.
// Without glyphs there are no text labels on the map: names appear in the hover panel instead.
import type { MapOptions } from 'maplibre-gl';
import type { MapLevel } from '../state/view-state.js';
import type { ChoroplethClass } from './choropleth-classes.js';

// maplibre-gl does not re-export the style-spec types; derive them from what it does export.
type StyleSpecification = Exclude<MapOptions['style'], string | undefined>;
type LayerSpecification = StyleSpecification['layers'][number];
type FillColor = NonNullable<NonNullable<Extract<LayerSpecification, { type: 'fill' }>['paint']>['fill-color']>;

export const SEA_COLOR = '#dde7ee';
export const NO_DATA_COLOR = '#b8b8b8';
const AREA_OUTLINE_COLOR = '#ffffff';
const PROVINCE_BOUNDARY_COLOR = '#4d5962';
const HOVER_OUTLINE_COLOR = '#111111';

export const areaSourceId = (level: MapLevel) => `${level}-areas`;
export const areaFillLayerId = (level: MapLevel) => `${level}-fill`;
const areaOutlineLayerId = (level: MapLevel) => `${level}-outline`;
const areaHoverLayerId = (level: MapLevel) => `${level}-hover`;
const PROVINCE_BOUNDARY_LAYER_ID = 'province-boundary';

/** Feature-state keys set on every area feature. */
export const CLASS_INDEX_STATE = 'classIndex';
export const HOVER_STATE = 'hover';

const EMPTY_COLLECTION = { type: 'FeatureCollection' as const, features: [] };

/** `fill-color` for the classes: class i's colour for feature-state classIndex = i, else no-data grey. */
export function fillColorExpression(classes: readonly ChoroplethClass[]): FillColor {
  const [first, ...rest] = classes;
  if (!first) return NO_DATA_COLOR;
  return [
    'match',
    ['coalesce', ['feature-state', CLASS_INDEX_STATE], -1],
    0,
    first.color,
    ...rest.flatMap((choroplethClass, i) => [i + 1, choroplethClass.color]),
    NO_DATA_COLOR,
  ];
}

function visibility(layerLevel: MapLevel, shownLevel: MapLevel): 'visible' | 'none' {
  return layerLevel === shownLevel ? 'visible' : 'none';
}

/** Layers of one level, bottom to top: shaded areas, their outlines, the hovered area's outline. */
function areaLayers(level: MapLevel, shownLevel: MapLevel): LayerSpecification[] {
  const source = areaSourceId(level);
  const layout = { visibility: visibility(level, shownLevel) };
  return [
    {
      id: areaFillLayerId(level),
      type: 'fill',
      source,
      layout,
      paint: { 'fill-color': NO_DATA_COLOR },
    },
    {
      id: areaOutlineLayerId(level),
      type: 'line',
      source,
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
    layout: { visibility: visibility(level, shownLevel), 'line-join': 'round' },
    paint: {
      'line-color': HOVER_OUTLINE_COLOR,
      'line-width': 2.5,
      'line-opacity': ['case', ['boolean', ['feature-state', HOVER_STATE], false], 1, 0],
    },
  };
}

export function createMapStyle(shownLevel: MapLevel): StyleSpecification {
  return {
    version: 8,
    name: 'Pantau choropleth',
    sources: {
      // promoteId: the API's feature ids are dotted codes ("19.04"); MapLibre's own ids must be
      // numbers, so feature-state is keyed by the `code` property instead.
      [areaSourceId('province')]: { type: 'geojson', data: EMPTY_COLLECTION, promoteId: 'code' },
      [areaSourceId('regency')]: { type: 'geojson', data: EMPTY_COLLECTION, promoteId: 'code' },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': SEA_COLOR } },
      ...areaLayers('regency', shownLevel),
      ...areaLayers('province', shownLevel),
      // Province boundaries stay on top at every level so regencies keep their context.
      {
        id: PROVINCE_BOUNDARY_LAYER_ID,
        type: 'line',
        source: areaSourceId('province'),
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
