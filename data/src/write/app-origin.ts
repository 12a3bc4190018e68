import type { Scope } from '@pantau/domain';
import type { Actor } from '../accounts/users.js';

/** The origin of a record made in the app (a meeting recorded, a risk area drawn, a report taken in), not imported. */
export const APP_ORIGIN = 'app';

/** Who writes a record in the app, within which scope, and when (the request's clock). */
export interface AppWriteContext {
  scope: Scope;
  actor: Actor;
  now?: Date;
}
