// The map's props and what it reports to the page: the area under the pointer, a failure, a camera move asked for.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Selection } from '../panels/types.js';
import type { MapLevel, MapPosition, Measure, OverlayLayer } from '../state/view-state.js';
import type { ChoroplethClass } from './choropleth-classes.js';
import type { TileFilters } from './tile-urls.js';

/** The area under the pointer, as its tile describes it. */
export interface HoveredAreaFeature {
  level: MapLevel;
  code: string;
  name: string;
  /** The name of the area it lies in (province of a regency, regency of a district), from the tiles on the map. */
  parentName: string | null;
  /** Counts from the tile; `null` when the tile has none. */
  holderCount: number | null;
  itas: number | null;
  itap: number | null;
  visit: number | null;
  areaKm2: number | null;
}

/** `webgl`: the map could not be created at all; `tiles`: a TileJSON or tile request failed. */
export interface MapError {
  kind: 'webgl' | 'tiles';
  message: string;
}

/** A move the page asks for: fit an area's box, or fly to a point. `id` makes each request new. */
export type CameraMove = { kind: 'fit'; bbox: readonly [number, number, number, number] } | { kind: 'fly'; center: readonly [number, number]; zoom: number };
export type CameraRequest = CameraMove & { id: number };

export interface PantauMapProps {
  /** `null` until the date is known: the map shows only sea and land. */
  filters: TileFilters | null;
  level: MapLevel;
  /** Areas inside it are shaded; others are plain land. */
  parent: string | null;
  /** `null` while loading or when the counts could not be fetched: areas show as "no data". */
  classes: readonly ChoroplethClass[] | null;
  measure: Measure;
  layers: readonly OverlayLayer[];
  selectedArea: string | null;
  /** The position in the URL; the map jumps there when it differs from where the map is. */
  position: MapPosition | null;
  /**
   * Where the map opens when the URL holds no position: the user's work area (or the whole country).
   * Read once, when the map is created, so the first frame already shows it. The whole country when left out.
   */
  initialBounds?: readonly [number, number, number, number];
  /** The closest the first fit may come (a province scope stays on its regencies). */
  initialMaxZoom?: number;
  camera: CameraRequest | null;
  label: string;
  onMove(position: MapPosition): void;
  onHoverArea(area: HoveredAreaFeature | null): void;
  onClickArea(code: string, level: MapLevel): void;
  onSelectRecord(selection: Selection): void;
  /** `null` clears an earlier tile error once the map loads other tiles. */
  onMapError(error: MapError | null): void;
  onMapReady?(map: MapLibreMap | null): void;
}

/** The area under the pointer as the map marks it (its feature state). */
export interface HoveredFeature {
  level: MapLevel;
  code: string;
  /** The tile's feature id (the code without dots), the key of its feature state. */
  featureId: string | number | undefined;
}
