// Which page the signed-in role gets for the page a link names: the users, audit, import and planning
// pages only with their permission; otherwise a page that says so, with a link back to the map (showing
// the map silently left the user wondering whether the link was broken).
import type { Page } from '../state/routes.js';
import type { Permissions } from './session.js';

export type ShownPage = Page | 'forbidden';

export function allowedPage(page: Page, permissions: Pick<Permissions, 'manageUsers' | 'audit' | 'import' | 'planning' | 'personalData' | 'lists'>): ShownPage {
  switch (page) {
    case 'users':
      return permissions.manageUsers ? page : 'forbidden';
    case 'audit':
      return permissions.audit ? page : 'forbidden';
    case 'import':
      return permissions.import ? page : 'forbidden';
    case 'planning':
    case 'plan-print':
      return permissions.planning.read ? page : 'forbidden';
    // The people register is personal data; the company page is a record (names on it for personal-data roles only).
    case 'person':
      return permissions.personalData ? page : 'forbidden';
    // The report queue is a record list; recording and triage are offered only with permissions.reports.write.
    // Meetings are records too: every role that reads records sees them; recording is offered with permissions.planning.write.
    case 'company':
    case 'reports':
    case 'meetings':
      return permissions.lists ? page : 'forbidden';
    default:
      return page;
  }
}
