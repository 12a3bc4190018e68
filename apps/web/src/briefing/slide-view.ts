// Between the dashboard's view state and a slide's view: "add to briefing" captures the first, a
// slide opens on the dashboard as the second. The query string is the common language.
import { normalizeSlideView, slideViewFromQuery, slideViewToQuery, type SlideView } from '@pantau/domain';
import { DEFAULT_VIEW, parseViewState, serializeViewState, type MapContext, type ViewState } from '../state/view-state.js';

/** The slide view of what the dashboard shows now; `asOf` is the day counted (the server's today when the URL names none). */
export function captureSlideView(view: MapContext, shownAsOf: string | null): SlideView {
  const captured = slideViewFromQuery(serializeViewState({ ...DEFAULT_VIEW, ...view, page: 'map' }).replace(/^\?/, ''));
  return normalizeSlideView({ ...captured, asOf: captured.asOf ?? shownAsOf });
}

/** The dashboard view of a slide, in the given language. */
export function dashboardViewOf(slide: SlideView, lang: MapContext['lang']): ViewState {
  return { ...parseViewState(`?${slideViewToQuery(slide)}`), lang };
}

/** A link that opens the slide's view on the dashboard. */
export function dashboardHref(slide: SlideView, lang: MapContext['lang']): string {
  return `/${serializeViewState(dashboardViewOf(slide, lang))}`;
}
