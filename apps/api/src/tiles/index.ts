// The tile encoders and layers, for benchmarks and other in-process users.
export { encodeWithJs } from './encode-js.js';
export { encodeWithPostgis } from './encode-postgis.js';
export { TILE_LAYERS, TILE_LAYER_BY_ID, type TileLayer } from './layers.js';
export { parseTileCoordinate, tileBounds, type TileCoordinate } from './tile-path.js';
