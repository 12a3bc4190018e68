// The page URL is the view state: `/?asOf=2024-06-13&level=regency&lang=en` can be bookmarked, pasted
// into a report or opened on the projector and shows the same map.
import { isIsoDate } from '@pantau/domain';
import { LANGS, type Lang } from '../i18n/messages.js';

/** The area levels the map can shade (districts come later, with tiles). */
export const MAP_LEVELS = ['province', 'regency'] as const;
export type MapLevel = (typeof MAP_LEVELS)[number];

export interface ViewState {
  /** The date the counts are for; `null` = the server's today. */
  asOf: string | null;
  level: MapLevel;
  lang: Lang;
  /** An `asOf` that was in the URL but is not a date, so the page can say why it was ignored. */
  rejectedAsOf: string | null;
}

export const DEFAULT_LEVEL: MapLevel = 'province';

export function parseViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const asOfParam = params.get('asOf');
  const levelParam = params.get('level');
  const langParam = params.get('lang');
  const asOfIsValid = asOfParam !== null && isIsoDate(asOfParam);
  return {
    asOf: asOfIsValid ? asOfParam : null,
    level: MAP_LEVELS.find((level) => level === levelParam) ?? DEFAULT_LEVEL,
    lang: LANGS.find((lang) => lang === langParam) ?? 'id',
    rejectedAsOf: asOfParam !== null && !asOfIsValid ? asOfParam : null,
  };
}

/** The query string with `level` replaced, other parameters kept in their order. */
export function searchWithLevel(search: string, level: MapLevel): string {
  const params = new URLSearchParams(search);
  params.set('level', level);
  return `?${params.toString()}`;
}
