// The planning page's card "How good is this ranking?": the latest backtest saved by
// `pnpm pantau backtest --save`. A run is a figure over the whole database it ran on (counts of
// findings and tests, no names or places), so every role that reads planning gets the same answer,
// whatever its scope; until a run is saved the answer is `{ run: null }`.
import { createRoute } from '@hono/zod-openapi';
import { latestBacktestRun } from '@pantau/db';
import { planningSkillResponseSchema } from '@pantau/domain';
import { dbOf, requirePermission } from '../auth/request-context.js';
import type { AppDeps } from '../deps.js';
import { errorResponses } from './params.js';
import { createRouter } from './router.js';

const skillRoute = createRoute({
  method: 'get',
  path: '/planning/skill',
  tags: ['planning'],
  summary: 'How good is the ranking: the latest saved backtest (findings and PAI per ranking at each k, the paired test against holders)',
  description:
    'Saved by `pnpm pantau backtest --save`; each run is kept and the latest is answered. The figures cover the whole database the replay ran on ' +
    '(backend, datasets with the demo seed and scale) and are the same for every role that reads planning. `run` is null until a run is saved.',
  responses: {
    200: { description: 'The latest run, or null.', content: { 'application/json': { schema: planningSkillResponseSchema } } },
    ...errorResponses,
  },
});

// The clock and the rest of the dependencies are not needed: the run says when it ran.
export function planningSkillRoutes(_deps: AppDeps) {
  return createRouter().openapi(skillRoute, async (c) => {
    requirePermission(c, (p) => p.planning.read, 'read the planning backtest');
    return c.json({ run: await latestBacktestRun(dbOf(c)) }, 200);
  });
}
