// Shapes of the API's JSON answers (apps/api, /api/v1). Kept by hand until the OpenAPI document
// exists to generate them from.
import type { AreaLevel, PermitType } from '@pantau/domain';

export interface Meta {
  /** True when the database holds the synthetic demo data set. */
  demo: boolean;
  /** The server's "today" (YYYY-MM-DD), the default `asOf`. */
  today: string;
  backend: string;
}

export interface AreaProperties {
  code: string;
  name: string;
  level: AreaLevel;
  parentCode: string | null;
}

type Position = number[];
export type AreaGeometry =
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };

export interface AreaFeature {
  type: 'Feature';
  id: string;
  properties: AreaProperties;
  geometry: AreaGeometry;
}

export interface AreaFeatureCollection {
  type: 'FeatureCollection';
  features: AreaFeature[];
}

export interface NationalityCount {
  code: string;
  count: number;
}

export interface AreaPermitCount {
  code: string;
  name: string;
  total: number;
  itas: number;
  itap: number;
  visit: number;
  topNationalities: NationalityCount[];
}

export interface PermitStats {
  asOf: string;
  level: AreaLevel;
  /** Areas with no holder may be absent: absent means 0, not unknown. */
  areas: AreaPermitCount[];
}

export interface PermitStatsQuery {
  level: AreaLevel;
  asOf: string | null;
  permitTypes: readonly PermitType[];
}
