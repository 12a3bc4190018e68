// API tokens of channel systems, managed by admins over the API (issue 22): the same validated write path
// and the same audit rows (token.add, token.revoke) as `pnpm pantau token …` (data/src/accounts/api-tokens.ts).
// The secret is in the answer of POST once; the list shows the visible id part only.
import { createRoute, z } from '@hono/zod-openapi';
import { AccountError, addApiToken, listApiTokens, revokeApiToken } from '@pantau/data';
import { apiTokenCreatedSchema, apiTokenSchema, TOKEN_CAPABILITIES } from '@pantau/domain';
import { actorOf, requirePermission } from '../auth/request-context.js';
import type { AppDeps } from '../deps.js';
import { AppError, errorBody } from '../errors.js';
import { errorResponses, recordIdParam } from './params.js';
import { createRouter } from './router.js';

const json = <S extends z.ZodType>(schema: S) => ({ 'application/json': { schema } });
const idParam = z.object({ id: recordIdParam('a token id').openapi({ param: { name: 'id', in: 'path' }, example: '1' }) });

const listRoute = createRoute({
  method: 'get',
  path: '/admin/tokens',
  tags: ['users'],
  summary: 'API tokens of channel systems (admin): active first, then by name; never a secret',
  responses: { 200: { description: 'The tokens.', content: json(z.object({ items: z.array(apiTokenSchema) })) }, ...errorResponses },
});
const addRoute = createRoute({
  method: 'post',
  path: '/admin/tokens',
  tags: ['users'],
  summary: 'Make an API token for a channel system (admin); the answer holds its secret, shown this once (only its hash is kept)',
  description:
    'The same checks as `pnpm pantau token add`: a lower-case name no active token has, a scope of province or regency codes the boundaries know, capabilities of TOKEN_CAPABILITIES (report:attach only with report:create). Audited token.add.',
  request: {
    body: {
      required: true,
      content: json(
        z.object({
          name: z.string().max(63).openapi({ example: 'apoa' }),
          scope: z
            .array(z.string().max(20))
            .max(100)
            .openapi({ description: 'Province or regency codes.', example: ['19'] }),
          capabilities: z
            .array(z.enum(TOKEN_CAPABILITIES))
            .max(TOKEN_CAPABILITIES.length)
            .openapi({ example: ['report:create', 'report:attach'] }),
        }),
      ),
    },
  },
  responses: {
    201: { description: 'The token, with its secret.', content: json(apiTokenCreatedSchema) },
    409: { description: 'An active token has this name (conflict).', content: json(errorBody) },
    ...errorResponses,
  },
});
const revokeRoute = createRoute({
  method: 'post',
  path: '/admin/tokens/{id}/revoke',
  tags: ['users'],
  summary: 'Revoke an API token (admin): its next request answers 401; the row stays, and its name may be given again. Audited token.revoke',
  request: { params: idParam },
  responses: {
    200: { description: 'The token, revoked.', content: json(z.object({ token: apiTokenSchema })) },
    404: { description: 'No active token with this id (not_found).', content: json(errorBody) },
    ...errorResponses,
  },
});

/** Token errors become 400/404/409 naming the field. */
function asAppError(error: unknown): never {
  if (error instanceof AccountError) {
    const code = error.code === 'token_not_found' ? 'not_found' : error.code === 'token_name_taken' ? 'conflict' : 'invalid_parameter';
    throw new AppError(code, error.message, [{ parameter: error.field, message: error.message }]);
  }
  throw error;
}

export function adminTokenRoutes(deps: AppDeps) {
  const orm = deps.database.orm;
  const admin = (c: Parameters<typeof requirePermission>[0]) => requirePermission(c, (p) => p.manageUsers, 'manage API tokens');
  return createRouter()
    .openapi(listRoute, async (c) => {
      admin(c);
      return c.json({ items: await listApiTokens(orm) }, 200);
    })
    .openapi(addRoute, async (c) => {
      admin(c);
      const created = await addApiToken(orm, c.req.valid('json'), actorOf(c), deps.clock.now()).catch(asAppError);
      c.header('Cache-Control', 'no-store');
      return c.json(created, 201);
    })
    .openapi(revokeRoute, async (c) => {
      admin(c);
      const token = await revokeApiToken(orm, Number(c.req.valid('param').id), actorOf(c), deps.clock.now()).catch(asAppError);
      return c.json({ token }, 200);
    });
}
