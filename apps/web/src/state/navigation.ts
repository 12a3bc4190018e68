// Typed navigation between the pages of the route table: a link names a page and only the params that
// page owns (a type error otherwise), plus changes to the map context, which carries over as it is.
import type { Page, RouteParams } from './routes.js';
import { EMPTY_ROUTE_PARAMS } from './routes.js';
import { serializeViewState, type MapContext, type ViewState } from './view-state.js';

/** Where a link goes: a page, the params of its own it names (the others start empty) and changes to the map context. */
export type RouteTarget = { [P in Page]: { page: P } & Partial<RouteParams[P] & MapContext> }[Page];

/** A change on the page shown: to its own params or the map context; the page stays. */
export type RouteUpdate<P extends Page> = Partial<RouteParams[P] & MapContext>;

/** What page `P` sees: the map context and its own params, typed; nothing another page owns. */
export type PageView<P extends Page> = { page: P; rejected: ViewState['rejected'] } & MapContext & RouteParams[P];

/**
 * The view a link opens: the page, with every page's own params empty but those the link names (what
 * the page left owned does not follow), and the map context as it is, with the link's changes.
 */
export function viewAt(view: ViewState, target: RouteTarget): ViewState {
  return { ...view, ...EMPTY_ROUTE_PARAMS, ...target };
}

/** The URL of a link (for an `href`, so it opens in a new tab too). */
export function routeHref(view: ViewState, target: RouteTarget, pathname = window.location.pathname): string {
  return `${pathname}${serializeViewState(viewAt(view, target))}`;
}
