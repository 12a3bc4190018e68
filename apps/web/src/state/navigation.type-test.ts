// Compile-time checks of the typed navigation: `pnpm typecheck` (tsc -p apps/web) fails when a link may
// name a param its page does not own, or when one it owns no longer type-checks. Nothing imports this file.
import type { PageView, RouteTarget, RouteUpdate } from './navigation.js';

export const links: RouteTarget[] = [
  { page: 'planning', region: '19.04', plan: 12, weights: { staleness: 2.5 } },
  { page: 'plan-print', workArea: 'ref:office:kanim-x', plan: 12 },
  { page: 'briefing', briefing: 3, slide: 2 },
  { page: 'company', company: 5, asOf: '2024-06-13' },
  { page: 'map', region: '19.04', select: { kind: 'report', id: 8 } },
  // @ts-expect-error -- the map owns no plan
  { page: 'map', plan: 12 },
  // @ts-expect-error -- a briefing link names no person
  { page: 'briefing', person: 3 },
  // @ts-expect-error -- the users page owns no params
  { page: 'users', company: 5 },
  // @ts-expect-error -- no such page
  { page: 'settings' },
  // @ts-expect-error -- a plan is a number
  { page: 'planning', plan: '12' },
  // @ts-expect-error -- not a layer
  { page: 'map', layers: ['ships'] },
];

export const planningChange: RouteUpdate<'planning'> = { plan: null, weights: {}, asOf: '2024-06-14' };
// @ts-expect-error -- the person page has no plan to change
export const personChange: RouteUpdate<'person'> = { plan: 3 };

export function personPageReads(view: PageView<'person'>) {
  // @ts-expect-error -- the person page does not see the briefing's params
  return [view.person, view.region, view.lang, view.briefing];
}
