// What the page offers a role, from the permissions /auth/me answers: the layers it may switch on,
// the exports it may use. Pure, so the rules are tested without a browser.
import { OVERLAYS } from '../map/overlay-style.js';
import { OVERLAY_LAYERS, type OverlayLayer } from '../state/view-state.js';
import { hotSpotsNeedArea } from '../map/tile-urls.js';
import type { Permissions, UserScope } from './session.js';

/** The overlays whose tile layer the role may load, in the layer list's order. */
export function permittedOverlays(permissions: Pick<Permissions, 'layers'>): OverlayLayer[] {
  return OVERLAY_LAYERS.filter((layer) => permissions.layers.includes(OVERLAYS[layer].tileLayer));
}

/** Whether the user's scope is the whole country (no areas, no office's work area). */
export const isNationalScope = (scope: Pick<UserScope, 'areaCodes' | 'office'>): boolean => scope.areaCodes === null && scope.office === null;

/**
 * The overlays of the view the role may see; others (from a link made by another role) are left out,
 * and so are the hot spots of a national user on no area (the server computes them per area: the
 * layer list says to choose one).
 */
export function shownOverlays(
  layers: readonly OverlayLayer[],
  permissions: Pick<Permissions, 'layers'>,
  place: { region: string | null; nationalScope: boolean },
): OverlayLayer[] {
  const permitted = permittedOverlays(permissions);
  return layers.filter((layer) => permitted.includes(layer) && !(layer === 'hotspots' && hotSpotsNeedArea(place, place.nationalScope)));
}

/**
 * Whether the role may download an export. `id` names the kind (`permits`, `companies`) or one of its
 * files (`permits.csv`, `permits.xlsx`); the permission names kinds.
 */
export function mayExport(permissions: Pick<Permissions, 'exports'>, id: string): boolean {
  const family = id.split('.')[0] ?? id;
  return permissions.exports.includes(id) || permissions.exports.includes(family);
}
