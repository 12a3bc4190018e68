// Shapes of the API's JSON answers (apps/api, /api/v1). Kept by hand until the OpenAPI document
// exists to generate them from.
import type { AreaLevel, PermitType } from '@pantau/domain';

export interface Meta {
  /** True when the database holds the synthetic demo data set. */
  demo: boolean;
  /** The server's "today" (YYYY-MM-DD), the default `asOf`. */
  today: string;
  backend: string;
  /** The data sets loaded and when (UTC instants): slides say which data they show and from when. */
  datasets?: Array<{ name: string; loadedAt: string }>;
  /** West, south, east, north of the caller's work area, where the map starts; null for the national scope. */
  scopeBbox?: [number, number, number, number] | null;
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
  /** Every area of the level, those with no holder with 0. */
  areas: AreaPermitCount[];
}

export interface PermitStatsQuery {
  level: AreaLevel;
  /** Only the areas inside this one (its children, or deeper). */
  parent?: string | null;
  asOf: string | null;
  permitTypes: readonly PermitType[];
  nationalities?: readonly string[];
  purposes?: readonly string[];
}

export interface AreaRefInfo {
  code: string;
  name: string;
  level: AreaLevel;
}

/** `/api/v1/areas/{code}`: an area with its parents (province first) and where it lies. */
export interface AreaDetail extends AreaRefInfo {
  parentCode: string | null;
  parents: AreaRefInfo[];
  /** [west, south, east, north] */
  bbox: [number, number, number, number];
  centroid: [number, number];
  areaKm2: number | null;
}

/** One row of `/api/v1/areas?level=&parent=`. */
export interface AreaListItem extends AreaRefInfo {
  parentCode: string | null;
  areaKm2: number | null;
}

export interface CompanySearchResult {
  id: number;
  name: string;
  regencyCode: string | null;
  lng: number;
  lat: number;
}
