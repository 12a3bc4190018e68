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
  asOf: string | null;
  permitTypes: readonly PermitType[];
}
