// The search box's options: the API's three lists as one flat, keyboard-navigable list in groups.
import { englishAreaName, parentCodeOf } from '@pantau/domain';
import type { SearchArea, SearchResults } from '../api/panels-api.js';
import type { SearchSelection } from './types.js';

export type SearchGroupKey = 'areas' | 'companies' | 'places';

export const SEARCH_GROUP_ORDER: readonly SearchGroupKey[] = ['areas', 'companies', 'places'];

export interface SearchOption {
  /** Unique within one answer; used for the option's DOM id. */
  key: string;
  group: SearchGroupKey;
  /** Position in the flat list the arrow keys walk through. */
  index: number;
  label: string;
  /** Areas: level and parent's name; places: their kind. Translated by the component. */
  level?: string;
  parentName?: string | null;
  placeKind?: string;
  selection: SearchSelection;
}

export interface SearchGroup {
  key: SearchGroupKey;
  options: SearchOption[];
}

/** Groups in a fixed order, empty ones left out; area names in English when the UI is English. */
export function groupSearchResults(results: SearchResults, lang: 'id' | 'en'): SearchGroup[] {
  const unnumbered: Record<SearchGroupKey, Omit<SearchOption, 'index'>[]> = {
    areas: results.areas.map((area) => ({
      key: `area-${area.code}`,
      group: 'areas',
      label: lang === 'en' ? area.nameEn : area.name,
      level: area.level,
      parentName: parentNameIn(area, lang),
      selection: { kind: 'area', code: area.code },
    })),
    companies: results.companies.map((company) => ({
      key: `company-${company.id}`,
      group: 'companies',
      label: company.name,
      selection: { kind: 'company', id: company.id, lng: company.lng, lat: company.lat },
    })),
    places: results.places.map((place) => ({
      key: `place-${place.kind}-${place.id}`,
      group: 'places',
      label: place.name,
      placeKind: place.kind,
      selection: { kind: 'place', placeKind: place.kind, id: place.id, lng: place.lng, lat: place.lat },
    })),
  };
  let index = 0;
  return SEARCH_GROUP_ORDER.filter((key) => unnumbered[key].length > 0).map((key) => ({
    key,
    options: unnumbered[key].map((option) => ({ ...option, index: index++ })),
  }));
}

/** The API names parents in Indonesian; in English, provinces and regencies get their English form. */
function parentNameIn(area: SearchArea, lang: 'id' | 'en'): string | null {
  const parentCode = parentCodeOf(area.code);
  if (lang === 'id' || area.parentName === null || parentCode === null) return area.parentName;
  return englishAreaName(parentCode, area.parentName);
}

export function optionCount(groups: readonly SearchGroup[]): number {
  return groups.reduce((count, group) => count + group.options.length, 0);
}

/** Arrow-key step through `count` options, wrapping at both ends; -1 (none active) enters at the edge. */
export function stepIndex(current: number, delta: 1 | -1, count: number): number {
  if (count === 0) return -1;
  if (current < 0) return delta > 0 ? 0 : count - 1;
  return (current + delta + count) % count;
}
