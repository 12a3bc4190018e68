// Draws a map as SVG from the live map's own style layers (the same LayerSpecification objects
// MapLibre gets, evaluated with MapLibre's style-spec): background, fills, lines and circles, from
// decoded vector tiles and GeoJSON. Each tile's shapes are clipped to the tile (its buffer would
// otherwise draw twice and its cut edges would show as outlines) and to the frame; the pieces of one
// area across tiles join into one path. Coordinates are rounded to 0.1 px and points closer than
// that to the previous one are dropped, so the file stays small.
import {
  Color,
  createPropertyExpression,
  featureFilter,
  latest,
  type Feature as StyleFeature,
  type FeatureFilter,
  type LayerSpecification,
  type StylePropertySpecification,
} from '@maplibre/maplibre-gl-style-spec';
import { VectorTile, type VectorTileFeature } from '@mapbox/vector-tile';
import { clipPolygon, clipPolyline, type BoundingBox, type Point } from 'lineclip';
import { PbfReader } from 'pbf';
import { projectLngLat, tilePlacement, type Frame, type TileId } from './mercator.js';

/** A source's tiles as fetched: `data` is null for an empty tile (HTTP 204). */
export interface FetchedTile {
  tile: TileId;
  data: Uint8Array | null;
}

export interface MapSources {
  /** Vector sources by source id: the tiles covering the frame at one zoom. */
  vector: ReadonlyMap<string, readonly FetchedTile[]>;
  /** GeoJSON sources by source id (longitude/latitude). */
  geojson: ReadonlyMap<string, GeoJSON.FeatureCollection>;
}

export interface SvgMapInput {
  frame: Frame;
  /** The style's layers, bottom to top; hidden ones (`visibility: none`) are skipped. */
  layers: readonly LayerSpecification[];
  sources: MapSources;
  /** Accessible name of the map. */
  title: string;
}

/** Rounds to 0.1 px and prints without trailing zeros. */
export function px(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return String(rounded === 0 ? 0 : rounded);
}

/**
 * A path's `d` for rings or lines in frame pixels: rounded to 0.1 px, repeated points dropped;
 * rings (closed with Z) need three distinct points, lines two.
 */
export function pathData(parts: readonly (readonly Point[])[], closed: boolean): string {
  const out: string[] = [];
  for (const part of parts) {
    const kept: string[] = [];
    let last = '';
    for (const [x, y] of part) {
      const point = `${px(x)} ${px(y)}`;
      if (point !== last) kept.push(point);
      last = point;
    }
    if (closed && kept.length > 1 && kept[0] === kept[kept.length - 1]) kept.pop();
    if (kept.length < (closed ? 3 : 2)) continue;
    out.push(`M${kept[0]}L${kept.slice(1).join(' ')}${closed ? 'Z' : ''}`);
  }
  return out.join('');
}

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** A colour as SVG wants it: #rrggbb and an opacity (MapLibre's colours are premultiplied). */
export function svgColor(value: unknown): { hex: string; alpha: number } {
  const color = value instanceof Color ? value : (Color.parse(typeof value === 'string' ? value : undefined) ?? Color.black);
  const [r, g, b, a] = color.rgb;
  const hex = (channel: number) =>
    Math.round(Math.max(0, Math.min(1, channel)) * 255)
      .toString(16)
      .padStart(2, '0');
  return { hex: `#${hex(r)}${hex(g)}${hex(b)}`, alpha: a };
}

const round3 = (value: number) => String(Math.round(value * 1000) / 1000);

type Evaluate = (feature: StyleFeature) => unknown;

/** One paint property of a layer as a function of the feature, at the frame's zoom. */
function paintOf(layer: LayerSpecification, property: string, zoom: number): Evaluate {
  const specs = (latest as unknown as Record<string, Record<string, StylePropertySpecification>>)[`paint_${layer.type}`];
  const spec = specs?.[property];
  if (!spec) throw new Error(`no paint property ${property} for ${layer.type} layers`);
  const value = (layer.paint as Record<string, unknown> | undefined)?.[property] ?? (spec as { default?: unknown }).default;
  const parsed = createPropertyExpression(value, `${layer.id}.paint.${property}`, spec);
  if (parsed.result === 'error') throw new Error(`${layer.id}: ${parsed.value.map((error) => error.message).join('; ')}`);
  const expression = parsed.value;
  return (feature) => expression.evaluate({ zoom }, feature);
}

const numberOf = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);

/** A feature in frame pixels: its type (1 point, 2 line, 3 polygon), parts, and what styles read. */
interface FrameFeature {
  key: string;
  type: 1 | 2 | 3;
  parts: Point[][];
  style: StyleFeature;
}

const GEOJSON_TYPES: Record<string, 1 | 2 | 3> = { Point: 1, MultiPoint: 1, LineString: 2, MultiLineString: 2, Polygon: 3, MultiPolygon: 3 };

/** Longitude/latitude geometry as parts (rings, lines or single points) in frame pixels. */
function geojsonParts(frame: Frame, geometry: GeoJSON.Geometry): Point[][] {
  const project = (position: GeoJSON.Position): Point => projectLngLat(frame, position[0] ?? 0, position[1] ?? 0);
  switch (geometry.type) {
    case 'Point':
      return [[project(geometry.coordinates)]];
    case 'MultiPoint':
      return geometry.coordinates.map((position) => [project(position)]);
    case 'LineString':
      return [geometry.coordinates.map(project)];
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.map((line) => line.map(project));
    case 'MultiPolygon':
      return geometry.coordinates.flatMap((polygon) => polygon.map((ring) => ring.map(project)));
    case 'GeometryCollection':
      return geometry.geometries.flatMap((part) => geojsonParts(frame, part));
  }
}

/** A source's features with the box each may draw in (its tile, or the whole frame for GeoJSON). */
interface PlacedFeatures {
  clip: BoundingBox;
  features: FrameFeature[];
}

/** How far outside the frame shapes are kept, so strokes and circles at the edge are cut by the frame, not short of it. */
const FRAME_MARGIN = 4;

function frameBox(frame: Frame): BoundingBox {
  return [-FRAME_MARGIN, -FRAME_MARGIN, frame.width + FRAME_MARGIN, frame.height + FRAME_MARGIN];
}

function intersect(a: BoundingBox, b: BoundingBox): BoundingBox | null {
  const box: BoundingBox = [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];
  return box[0] < box[2] && box[1] < box[3] ? box : null;
}

/** Decodes a vector tile's layer into frame pixels. */
export function tileFeatures(frame: Frame, fetched: FetchedTile, sourceLayer: string): PlacedFeatures | null {
  if (!fetched.data) return null;
  const layer = new VectorTile(new PbfReader(fetched.data)).layers[sourceLayer];
  if (!layer) return null;
  const place = tilePlacement(frame, fetched.tile, layer.extent);
  const clip = intersect([place.left, place.top, place.left + place.size, place.top + place.size], frameBox(frame));
  if (!clip) return null;
  const features: FrameFeature[] = [];
  for (let i = 0; i < layer.length; i++) {
    const feature: VectorTileFeature = layer.feature(i);
    if (feature.type === 0) continue;
    const parts = feature.loadGeometry().map((ring) => ring.map((point): Point => [place.left + point.x * place.scale, place.top + point.y * place.scale]));
    const { z, x, y } = fetched.tile;
    features.push({
      key: feature.id === undefined ? `${z}/${x}/${y}/${i}` : String(feature.id),
      type: feature.type,
      parts,
      style: { type: feature.type, id: feature.id, properties: feature.properties },
    });
  }
  return { clip, features };
}

function geojsonFeatures(frame: Frame, collection: GeoJSON.FeatureCollection): PlacedFeatures {
  const features: FrameFeature[] = [];
  collection.features.forEach((feature, index) => {
    if (!feature.geometry) return;
    const type = GEOJSON_TYPES[feature.geometry.type];
    if (type === undefined) return;
    features.push({
      key: feature.id === undefined ? `g${index}` : String(feature.id),
      type,
      parts: geojsonParts(frame, feature.geometry),
      style: { type: feature.geometry.type as StyleFeature['type'], id: feature.id, properties: feature.properties ?? {} },
    });
  });
  return { clip: frameBox(frame), features };
}

const inside = ([x, y]: Point, [x0, y0, x1, y1]: BoundingBox) => x >= x0 && x < x1 && y >= y0 && y < y1;

/** Fills: one path per feature, its pieces from every tile joined. */
function drawFill(layer: LayerSpecification, placed: readonly PlacedFeatures[], zoom: number, filter: FeatureFilter): string {
  const color = paintOf(layer, 'fill-color', zoom);
  const opacity = paintOf(layer, 'fill-opacity', zoom);
  const shapes = new Map<string, { fill: string; rings: Point[][] }>();
  for (const { clip, features } of placed) {
    for (const feature of features) {
      if (feature.type !== 3 || !filter.filter({ zoom }, feature.style)) continue;
      const rings = feature.parts.map((ring) => clipPolygon(ring, clip)).filter((ring) => ring.length >= 3);
      if (rings.length === 0) continue;
      const existing = shapes.get(feature.key);
      if (existing) {
        existing.rings.push(...rings);
        continue;
      }
      const { hex, alpha } = svgColor(color(feature.style));
      const totalAlpha = alpha * numberOf(opacity(feature.style), 1);
      if (totalAlpha <= 0) continue;
      shapes.set(feature.key, { fill: `fill="${hex}"${totalAlpha < 1 ? ` fill-opacity="${round3(totalAlpha)}"` : ''}`, rings });
    }
  }
  const paths = [...shapes.values()]
    .map(({ fill, rings }) => {
      const d = pathData(rings, true);
      return d ? `<path ${fill} d="${d}"/>` : '';
    })
    .join('');
  return paths ? `<g data-layer="${escapeXml(layer.id)}" fill-rule="evenodd">${paths}</g>` : '';
}

/** Lines: features with the same stroke share one path; polygon outlines are drawn as their rings. */
function drawLine(layer: LayerSpecification, placed: readonly PlacedFeatures[], zoom: number, filter: FeatureFilter): string {
  const color = paintOf(layer, 'line-color', zoom);
  const width = paintOf(layer, 'line-width', zoom);
  const opacity = paintOf(layer, 'line-opacity', zoom);
  // MapLibre's dashes are in line widths; SVG's in pixels. Only constant dash arrays are used.
  const dashes = (layer.paint as Record<string, unknown> | undefined)?.['line-dasharray'];
  const dashArray = Array.isArray(dashes) && dashes.every((value) => typeof value === 'number') ? (dashes as number[]) : null;
  const strokes = new Map<string, Point[][]>();
  for (const { clip, features } of placed) {
    for (const feature of features) {
      if (feature.type === 1 || !filter.filter({ zoom }, feature.style)) continue;
      const { hex, alpha } = svgColor(color(feature.style));
      const totalAlpha = alpha * numberOf(opacity(feature.style), 1);
      const strokeWidth = numberOf(width(feature.style), 1);
      if (totalAlpha <= 0 || strokeWidth <= 0) continue;
      const dash = dashArray ? ` stroke-dasharray="${dashArray.map((value) => round3(value * strokeWidth)).join(' ')}"` : '';
      const key = `stroke="${hex}" stroke-width="${round3(strokeWidth)}"${totalAlpha < 1 ? ` stroke-opacity="${round3(totalAlpha)}"` : ''}${dash}`;
      const lines = strokes.get(key) ?? [];
      for (const part of feature.parts) {
        const closedPart = feature.type === 3 && part.length > 0 ? [...part, part[0] as Point] : part;
        lines.push(...clipPolyline(closedPart, clip));
      }
      strokes.set(key, lines);
    }
  }
  const paths = [...strokes.entries()]
    .map(([stroke, lines]) => {
      const d = pathData(lines, false);
      return d ? `<path ${stroke} d="${d}"/>` : '';
    })
    .join('');
  return paths ? `<g data-layer="${escapeXml(layer.id)}" fill="none" stroke-linejoin="round" stroke-linecap="round">${paths}</g>` : '';
}

/** Circles: each point once, from the tile it lies in (tiles repeat their neighbours' points in the buffer). */
function drawCircle(layer: LayerSpecification, placed: readonly PlacedFeatures[], zoom: number, filter: FeatureFilter, frame: Frame): string {
  const color = paintOf(layer, 'circle-color', zoom);
  const radius = paintOf(layer, 'circle-radius', zoom);
  const opacity = paintOf(layer, 'circle-opacity', zoom);
  const strokeColor = paintOf(layer, 'circle-stroke-color', zoom);
  const strokeWidth = paintOf(layer, 'circle-stroke-width', zoom);
  const circles: string[] = [];
  for (const { clip, features } of placed) {
    for (const feature of features) {
      if (feature.type !== 1 || !filter.filter({ zoom }, feature.style)) continue;
      const r = numberOf(radius(feature.style), 5);
      const sw = numberOf(strokeWidth(feature.style), 0);
      for (const [point] of feature.parts) {
        if (!point || !inside(point, clip)) continue;
        const [x, y] = point;
        if (x < -r - sw || y < -r - sw || x > frame.width + r + sw || y > frame.height + r + sw) continue;
        const fill = svgColor(color(feature.style));
        const fillAlpha = fill.alpha * numberOf(opacity(feature.style), 1);
        const stroke = sw > 0 ? svgColor(strokeColor(feature.style)) : null;
        circles.push(
          `<circle cx="${px(x)}" cy="${px(y)}" r="${px(r)}" fill="${fill.hex}"${fillAlpha < 1 ? ` fill-opacity="${round3(fillAlpha)}"` : ''}${stroke ? ` stroke="${stroke.hex}" stroke-width="${round3(sw)}"` : ''}/>`,
        );
      }
    }
  }
  return circles.length > 0 ? `<g data-layer="${escapeXml(layer.id)}">${circles.join('')}</g>` : '';
}

/** The features a layer reads, placed in the frame; empty when its source has nothing here. */
function placedFeatures(layer: LayerSpecification, input: SvgMapInput, cache: Map<string, PlacedFeatures[]>): PlacedFeatures[] {
  if (!('source' in layer) || typeof layer.source !== 'string') return [];
  const sourceLayer = 'source-layer' in layer && typeof layer['source-layer'] === 'string' ? layer['source-layer'] : '';
  const key = `${layer.source}\u0000${sourceLayer}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const collection = input.sources.geojson.get(layer.source);
  const placed = collection
    ? [geojsonFeatures(input.frame, collection)]
    : (input.sources.vector.get(layer.source) ?? []).map((tile) => tileFeatures(input.frame, tile, sourceLayer)).filter((p): p is PlacedFeatures => p !== null);
  cache.set(key, placed);
  return placed;
}

/** Whether a layer is drawn at all: visible, and of a kind this renderer draws. */
export function drawsLayer(layer: LayerSpecification): boolean {
  const visibility = (layer.layout as { visibility?: unknown } | undefined)?.visibility;
  return visibility !== 'none' && ['background', 'fill', 'line', 'circle'].includes(layer.type);
}

/** The map as one SVG document (no external references), sized by its viewBox. */
export function renderSvgMap(input: SvgMapInput): string {
  const { frame } = input;
  const cache = new Map<string, PlacedFeatures[]>();
  const groups: string[] = [];
  for (const layer of input.layers) {
    if (!drawsLayer(layer)) continue;
    if (layer.type === 'background') {
      const { hex } = svgColor(paintOf(layer, 'background-color', frame.zoom)({ type: 'Unknown', properties: {} }));
      groups.push(`<rect data-layer="${escapeXml(layer.id)}" width="${px(frame.width)}" height="${px(frame.height)}" fill="${hex}"/>`);
      continue;
    }
    const placed = placedFeatures(layer, input, cache);
    if (placed.length === 0) continue;
    const filter = featureFilter('filter' in layer ? layer.filter : undefined, `${layer.id}.filter`);
    if (layer.type === 'fill') groups.push(drawFill(layer, placed, frame.zoom, filter));
    else if (layer.type === 'line') groups.push(drawLine(layer, placed, frame.zoom, filter));
    else if (layer.type === 'circle') groups.push(drawCircle(layer, placed, frame.zoom, filter, frame));
  }
  const width = px(frame.width);
  const height = px(frame.height);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" preserveAspectRatio="xMidYMid meet" role="img" aria-label="${escapeXml(input.title)}" overflow="hidden">` +
    `<title>${escapeXml(input.title)}</title>${groups.join('')}</svg>`
  );
}
