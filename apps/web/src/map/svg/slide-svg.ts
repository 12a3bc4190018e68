// A slide's map as SVG: the live map's style for the slide's view (the same layers, class colours,
// outlines, selection and overlays as pantau-map.tsx sets up), its vector tiles fetched from the API
// at the frame's integer zoom, the neighbouring countries from world-atlas, drawn by svg-render.ts.
import { levelOfCode } from '@pantau/domain';
import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { ChoroplethClass } from '../choropleth-classes.js';
import type { ChoroplethScope } from '../choropleth.js';
import {
  areaFillLayerId,
  areaSelectedLayerId,
  areaSourcesAndLayers,
  createBaseStyle,
  fillColorExpression,
  selectedAreaFilter,
  WORLD_LAND_SOURCE,
} from '../map-style.js';
import { OVERLAY_ORDER, overlayLayers, overlaySource, overlaySourceId } from '../overlay-style.js';
import type { TileFilters } from '../tile-urls.js';
import { MAP_LEVELS, type Measure, type OverlayLayer } from '../../state/view-state.js';
import { tilesCovering, tileZoom, type Frame, type TileId } from './mercator.js';
import { drawsLayer, renderSvgMap, type FetchedTile } from './svg-render.js';

export interface SlideStyleInput {
  filters: TileFilters;
  scope: ChoroplethScope;
  classes: readonly ChoroplethClass[];
  measure: Measure;
  /** The overlays shown (already limited to what the role may see). */
  layers: readonly OverlayLayer[];
  /** The area outlined as selected. */
  region: string | null;
}

/** Overlays drawn under the hover and selection lines (polygons); the points go on top, as on the live map. */
const POLYGON_OVERLAYS: readonly OverlayLayer[] = ['hotspots', 'gaps', 'risk'];

export interface SlideStyle {
  layers: LayerSpecification[];
  /** TileJSON URL of each vector source the layers read. */
  tileJsonUrls: Map<string, string>;
}

/** The live map's layers for a slide, in drawing order, with the slide's classes and selection applied. */
export function slideStyle(input: SlideStyleInput): SlideStyle {
  const { scope, classes, measure, region, filters } = input;
  const areas = areaSourcesAndLayers(filters, scope.level);
  const regionLevel = region === null ? null : levelOfCode(region);
  const tileJsonUrls = new Map<string, string>();
  for (const [id, source] of Object.entries(areas.sources)) if (source.url) tileJsonUrls.set(id, source.url);

  const selectedIds = new Set(MAP_LEVELS.map(areaSelectedLayerId));
  const areaLayers = areas.layers.flatMap((layer): LayerSpecification[] => {
    // The pointer's outline has no place on a slide.
    if (layer.id.endsWith('-hover')) return [];
    if (selectedIds.has(layer.id)) {
      // Only the region's own level holds its outline.
      if (region === null || layer.id !== areaSelectedLayerId(regionLevel ?? 'province')) return [];
      return [{ ...layer, filter: selectedAreaFilter(region) } as LayerSpecification];
    }
    if (layer.id === areaFillLayerId(scope.level) && layer.type === 'fill') {
      return [{ ...layer, paint: { ...layer.paint, 'fill-color': fillColorExpression(classes, measure, scope.parent) } }];
    }
    return [layer];
  });
  const shown = OVERLAY_ORDER.filter((overlay) => input.layers.includes(overlay));
  const overlaySpecs = (overlays: readonly OverlayLayer[]) =>
    overlays.flatMap((overlay) => {
      const url = overlaySource(overlay, filters).url;
      if (url) tileJsonUrls.set(overlaySourceId(overlay), url);
      return overlayLayers(overlay, true);
    });
  const firstSelected = areaLayers.findIndex((layer) => selectedIds.has(layer.id));
  const belowSelection = firstSelected === -1 ? areaLayers : areaLayers.slice(0, firstSelected);
  const selection = firstSelected === -1 ? [] : areaLayers.slice(firstSelected);
  const layers = [
    ...createBaseStyle().layers,
    ...belowSelection,
    ...overlaySpecs(shown.filter((overlay) => POLYGON_OVERLAYS.includes(overlay))),
    ...selection,
    ...overlaySpecs(shown.filter((overlay) => !POLYGON_OVERLAYS.includes(overlay))),
  ] as LayerSpecification[];
  return { layers, tileJsonUrls };
}

/** What the SVG map needs from the network; the browser passes `fetch`, tests a fake server. */
export interface SourceLoader {
  tileJson(url: string): Promise<{ tiles: string[]; minzoom?: number; maxzoom?: number }>;
  /** A tile's bytes; null for an empty tile. */
  tile(url: string): Promise<Uint8Array | null>;
  worldLand(): Promise<GeoJSON.FeatureCollection>;
}

export function tileUrl(template: string, { z, x, y }: TileId): string {
  return template.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y));
}

/** The sources the drawn layers read: each vector source's tiles over the frame, and the world's land. */
async function loadSources(style: SlideStyle, frame: Frame, loader: SourceLoader) {
  const sourceIds = new Set(style.layers.filter(drawsLayer).flatMap((layer) => ('source' in layer && typeof layer.source === 'string' ? [layer.source] : [])));
  const vector = new Map<string, FetchedTile[]>();
  const geojson = new Map<string, GeoJSON.FeatureCollection>();
  await Promise.all(
    [...sourceIds].map(async (id) => {
      if (id === WORLD_LAND_SOURCE) {
        geojson.set(id, await loader.worldLand());
        return;
      }
      const url = style.tileJsonUrls.get(id);
      if (!url) throw new Error(`no TileJSON for source ${id}`);
      const tileJson = await loader.tileJson(url);
      const template = tileJson.tiles[0];
      if (!template) throw new Error(`${url}: no tile URL`);
      const z = tileZoom(frame, tileJson.minzoom ?? 0, tileJson.maxzoom ?? 22);
      if (z === null) return;
      vector.set(id, await Promise.all(tilesCovering(frame, z).map(async (tile) => ({ tile, data: await loader.tile(tileUrl(template, tile)) }))));
    }),
  );
  return { vector, geojson };
}

/** The slide's map as an SVG document. */
export async function slideSvg(input: SlideStyleInput & { frame: Frame; title: string }, loader: SourceLoader): Promise<string> {
  const style = slideStyle(input);
  const sources = await loadSources(style, input.frame, loader);
  return renderSvgMap({ frame: input.frame, layers: style.layers, sources, title: input.title });
}
