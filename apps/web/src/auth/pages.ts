// Which page the signed-in role gets for the page a link names: the users, audit and import pages
// only with their permission, the map otherwise (a link from an admin opened by an analyst shows the map, not a
// blank page).
import { serializeViewState, type Page, type ViewState } from '../state/view-state.js';
import type { Permissions } from './session.js';

export function allowedPage(page: Page, permissions: Pick<Permissions, 'manageUsers' | 'audit' | 'import' | 'planning'>): Page {
  switch (page) {
    case 'users':
      return permissions.manageUsers ? page : 'map';
    case 'audit':
      return permissions.audit ? page : 'map';
    case 'import':
      return permissions.import ? page : 'map';
    case 'planning':
    case 'plan-print':
      return permissions.planning.read ? page : 'map';
    default:
      return page;
  }
}

/** The link to another page of the app, keeping the view (map position, filters, language). */
export function pageHref(view: ViewState, page: Page, pathname = window.location.pathname): string {
  return `${pathname}${serializeViewState({ ...view, page })}`;
}
