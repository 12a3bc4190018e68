// The router the pages use: the view (one per page, typed by the route table), changes to it, and links
// to other pages that are real links (an href that opens in a new tab) followed in the app on a plain click.
import { createContext, useCallback, useContext, useMemo, type AnchorHTMLAttributes } from 'react';
import { followInApp } from '../ui/modifier-click.js';
import { routeHref, viewAt, type PageView, type RouteTarget, type RouteUpdate } from './navigation.js';
import type { Page } from './routes.js';
import { useViewState, type HistoryMode, type UpdateView } from './use-view-state.js';
import type { ViewState } from './view-state.js';

export interface Router {
  view: ViewState;
  update: UpdateView;
  /** Opens a page (the map context carries over); `push` unless told otherwise. */
  navigate(target: RouteTarget, mode?: HistoryMode): void;
  href(target: RouteTarget): string;
}

/** Changes the page's own params or the map context: the changes, or a function of the page's view giving them. */
export type UpdateRoute<P extends Page> = (update: RouteUpdate<P> | ((view: PageView<P>) => RouteUpdate<P>), mode?: HistoryMode) => void;

/** What a page is given: its typed view, the way to change it, and the router's links. */
export interface RouteApi<P extends Page> extends Pick<Router, 'navigate' | 'href'> {
  view: PageView<P>;
  update: UpdateRoute<P>;
}

const RouterContext = createContext<Router | null>(null);
export const RouterProvider = RouterContext.Provider;

/** The router over the URL's view state (`useViewState`), for `RouterProvider`. */
export function useRouterState(): Router {
  const [view, update] = useViewState();
  const navigate = useCallback((target: RouteTarget, mode?: HistoryMode) => update((current) => viewAt(current, target), mode), [update]);
  return useMemo(() => ({ view, update, navigate, href: (target: RouteTarget) => routeHref(view, target) }), [view, update, navigate]);
}

export function useRouter(): Router {
  const router = useContext(RouterContext);
  if (!router) throw new Error('useRouter outside RouterProvider');
  return router;
}

/** The page shown, typed by the route table, in a component only `pages` render. */
export function useRoute<P extends Page>(...pages: P[]): RouteApi<P> {
  const router = useRouter();
  if (!(pages as Page[]).includes(router.view.page)) throw new Error(`useRoute(${pages.join(', ')}) on the ${router.view.page} page`);
  // Checked just above: the view is one of these pages', and its params are theirs.
  return router as unknown as RouteApi<P>;
}

export interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href' | 'onClick'> {
  to: RouteTarget;
  /** Done on a plain click, before the app follows the link (closing the menu it is in). */
  onFollow?(): void;
}

/** A link to a page of the app: the browser opens it on a middle or modified click, the app on a plain one. */
export function Link({ to, onFollow, ...anchor }: LinkProps) {
  const { href, navigate } = useRouter();
  const follow = () => {
    onFollow?.();
    navigate(to);
  };
  return <a {...anchor} href={href(to)} onClick={(event) => followInApp(event, follow)} />;
}
