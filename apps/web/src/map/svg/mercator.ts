// Web Mercator as MapLibre draws it (512-pixel tiles): the frame a slide's map shows (its centre, zoom
// and size in CSS pixels), the tiles that cover it at an integer zoom, and where a tile's grid
// coordinates and a longitude/latitude fall in the frame.
import type { MapPosition } from '../../state/view-state.js';

/** MapLibre's tile size in CSS pixels at the tile's own zoom. */
export const TILE_SIZE = 512;
/** The live map's zoom limits (pantau-map.tsx) and the largest zoom a fit goes to. */
export const MIN_ZOOM = 3;
export const MAX_ZOOM = 14;
export const FIT_MAX_ZOOM = 12;

export interface Frame {
  width: number;
  height: number;
  zoom: number;
  /** The centre in normalised Mercator coordinates (0..1 west→east and north→south). */
  centerX: number;
  centerY: number;
}

export interface TileId {
  z: number;
  x: number;
  y: number;
}

export type Bbox = readonly [west: number, south: number, east: number, north: number];

const MAX_LATITUDE = 85.051129;

export function mercatorX(lng: number): number {
  return (lng + 180) / 360;
}

export function mercatorY(lat: number): number {
  const clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
  return (180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360))) / 360;
}

const clampZoom = (zoom: number, max = MAX_ZOOM) => Math.max(MIN_ZOOM, Math.min(max, zoom));

/** The frame of a map position (centre and zoom, as the URL and the slide keep it). */
export function frameAtPosition(position: MapPosition, width: number, height: number): Frame {
  return { width, height, zoom: clampZoom(position.zoom), centerX: mercatorX(position.lng), centerY: mercatorY(position.lat) };
}

/**
 * The frame that fits a box inside the padding, as MapLibre's fitBounds does: the box's centre lands
 * in the middle of the padded area.
 */
export function frameFittingBbox([west, south, east, north]: Bbox, width: number, height: number, padding: Padding, maxZoom = FIT_MAX_ZOOM): Frame {
  const { top, bottom, left, right } = typeof padding === 'number' ? { top: padding, bottom: padding, left: padding, right: padding } : padding;
  const x0 = mercatorX(west);
  const x1 = mercatorX(east);
  const y0 = mercatorY(north);
  const y1 = mercatorY(south);
  const scaleX = (width - left - right) / Math.max((x1 - x0) * TILE_SIZE, 1e-9);
  const scaleY = (height - top - bottom) / Math.max((y1 - y0) * TILE_SIZE, 1e-9);
  const zoom = clampZoom(Math.log2(Math.max(Math.min(scaleX, scaleY), 1e-9)), Math.min(maxZoom, MAX_ZOOM));
  const size = TILE_SIZE * 2 ** zoom;
  return { width, height, zoom, centerX: (x0 + x1) / 2 - (left - right) / 2 / size, centerY: (y0 + y1) / 2 - (top - bottom) / 2 / size };
}

/** The width of the world in frame pixels. */
export const worldSize = (frame: Frame) => TILE_SIZE * 2 ** frame.zoom;

/** Where a longitude/latitude falls in the frame, in CSS pixels from its top-left corner. */
export function projectLngLat(frame: Frame, lng: number, lat: number): [number, number] {
  const size = worldSize(frame);
  return [(mercatorX(lng) - frame.centerX) * size + frame.width / 2, (mercatorY(lat) - frame.centerY) * size + frame.height / 2];
}

/** The integer zoom whose tiles draw the frame (MapLibre: the floor of the zoom), within a source's range; null below its minimum. */
export function tileZoom(frame: Frame, minzoom: number, maxzoom: number): number | null {
  const z = Math.floor(frame.zoom);
  if (z < minzoom) return null;
  return Math.min(z, maxzoom);
}

/** The tiles at zoom `z` that cover the frame, row by row. */
export function tilesCovering(frame: Frame, z: number): TileId[] {
  const count = 2 ** z;
  const size = worldSize(frame);
  const toTile = (value: number) => Math.max(0, Math.min(count - 1, Math.floor(value * count)));
  const x0 = toTile(frame.centerX - frame.width / 2 / size);
  const x1 = toTile(frame.centerX + frame.width / 2 / size);
  const y0 = toTile(frame.centerY - frame.height / 2 / size);
  const y1 = toTile(frame.centerY + frame.height / 2 / size);
  const tiles: TileId[] = [];
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) tiles.push({ z, x, y });
  return tiles;
}

/** A tile's placement in the frame: its top-left corner and the frame pixels per grid unit. */
export interface TilePlacement {
  left: number;
  top: number;
  /** The tile's width (and height) in frame pixels. */
  size: number;
  /** Frame pixels per tile grid unit. */
  scale: number;
}

export function tilePlacement(frame: Frame, tile: TileId, extent: number): TilePlacement {
  const size = worldSize(frame) / 2 ** tile.z;
  const left = (tile.x / 2 ** tile.z - frame.centerX) * worldSize(frame) + frame.width / 2;
  const top = (tile.y / 2 ** tile.z - frame.centerY) * worldSize(frame) + frame.height / 2;
  return { left, top, size, scale: size / extent };
}

export type Padding = number | { top: number; bottom: number; left: number; right: number };

/** The padding the live map fits an area with: room for the breadcrumb, legend and slider when the map is big enough. */
export function fitPadding(width: number, height: number): Padding {
  return height > 480 && width > 480 ? { top: 70, bottom: 130, left: 40, right: 40 } : 16;
}
