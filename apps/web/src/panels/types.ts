export type RecordKind = 'company' | 'operation' | 'report' | 'meeting' | 'risk_area' | 'entry_point';
export type Selection = { kind: 'area'; code: string } | { kind: RecordKind; id: number };
/** The filters of the current view that panels apply (same meaning as the API's query parameters). */
export interface PanelFilters {
  asOf: string;
  permitTypes?: string[];
  nationalities?: string[];
  purposes?: string[];
  from?: string;
  to?: string;
  compareWith?: string;
}
export type SearchSelection =
  | { kind: 'area'; code: string }
  | { kind: 'company'; id: number; lng: number; lat: number }
  | { kind: 'place'; placeKind: string; id: number; lng: number; lat: number };
