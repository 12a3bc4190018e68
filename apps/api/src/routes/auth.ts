// Sign-in, sign-out and who-am-I. Sessions are cookies holding an opaque token (docs/access-control.md).
import { createRoute, z } from '@hono/zod-openapi';
import { signIn, signOut, type Principal } from '@pantau/data';
import { SESSION_ABSOLUTE_MS } from '@pantau/domain';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { clientAddress, ownOrigin, SESSION_COOKIE } from '../auth/access.js';
import { principalOf } from '../auth/request-context.js';
import type { AppDeps } from '../deps.js';
import { AppError, errorBody } from '../errors.js';
import { errorResponses } from './params.js';
import { createRouter } from './router.js';

const userSchema = z.object({
  id: z.number(), email: z.string(), role: z.string(),
  scope: z.object({ areaCodes: z.array(z.string()).nullable(), office: z.string().nullable(), label: z.string() }),
  disabled: z.boolean(), createdAt: z.string(), lastSignInAt: z.string().nullable(),
}).openapi('User');
const permissionsSchema = z.object({
  personalData: z.boolean(), import: z.boolean(), manageUsers: z.boolean(), audit: z.boolean(),
  layers: z.array(z.string()), lists: z.boolean(), exports: z.array(z.string()),
}).openapi('Permissions');
const meSchema = z.object({ user: userSchema, permissions: permissionsSchema });

const signInRoute = createRoute({
  method: 'post', path: '/auth/sign-in', tags: ['auth'], summary: 'Sign in with email and password; sets the session cookie',
  request: { body: { required: true, content: { 'application/json': { schema: z.object({ email: z.string().min(1).max(320), password: z.string().min(1).max(1024) }) } } } },
  responses: {
    200: { description: 'Signed in.', content: { 'application/json': { schema: meSchema } } },
    401: { description: 'Wrong email or password (invalid_credentials).', content: { 'application/json': { schema: errorBody } } },
    403: { description: 'The account is disabled (account_disabled).', content: { 'application/json': { schema: errorBody } } },
    429: { description: 'Too many failed sign-ins; try again in Retry-After seconds (rate_limited).', content: { 'application/json': { schema: errorBody } } },
    ...{ 400: errorResponses[400], 500: errorResponses[500] },
  },
});
const meRoute = createRoute({
  method: 'get', path: '/auth/me', tags: ['auth'], summary: 'The signed-in user, their scope and what their role may do',
  responses: { 200: { description: 'The user.', content: { 'application/json': { schema: meSchema } } }, ...errorResponses },
});
const signOutRoute = createRoute({
  method: 'post', path: '/auth/sign-out', tags: ['auth'], summary: 'End this session', responses: { 204: { description: 'Signed out.' }, ...errorResponses },
});
const signOutEverywhereRoute = createRoute({
  method: 'post', path: '/auth/sign-out-everywhere', tags: ['auth'], summary: 'End every session of this user, on every device',
  responses: { 204: { description: 'Signed out everywhere.' }, ...errorResponses },
});

const me = (principal: Principal) => ({ user: principal.user, permissions: principal.permissions });

export function authRoutes(deps: AppDeps) {
  const secureCookie = (c: Context) => {
    const { protocol, hostname } = new URL(ownOrigin(c, deps.config.trustProxy));
    return protocol === 'https:' || !['localhost', '127.0.0.1', '::1', '[::1]'].includes(hostname);
  };
  return createRouter()
    .openapi(signInRoute, async (c) => {
      const { email, password } = c.req.valid('json');
      const result = await signIn(deps.database.orm, {
        email, password, address: clientAddress(c, deps.config.trustProxy), requestId: c.get('requestId' as never) as string, now: deps.clock.now(),
      });
      if (!result.ok) {
        if (result.code === 'rate_limited') {
          c.header('Retry-After', String(result.retryAfterSeconds));
          throw new AppError('rate_limited', `Too many failed sign-ins. Try again in ${result.retryAfterSeconds} s.`, { retryAfterSeconds: result.retryAfterSeconds });
        }
        throw new AppError(result.code, result.code === 'account_disabled' ? 'This account is disabled; ask an administrator.' : 'Wrong email or password.');
      }
      setCookie(c, SESSION_COOKIE, result.token, {
        httpOnly: true, sameSite: 'Lax', path: '/', secure: secureCookie(c), maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000),
      });
      c.header('Cache-Control', 'no-store');
      return c.json(me(result.principal), 200);
    })
    .openapi(meRoute, (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json(me(principalOf(c)), 200);
    })
    .openapi(signOutRoute, async (c) => {
      await signOut(deps.database.orm, principalOf(c), c.get('requestId' as never) as string);
      deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secureCookie(c) });
      return c.body(null, 204);
    })
    .openapi(signOutEverywhereRoute, async (c) => {
      await signOut(deps.database.orm, principalOf(c), c.get('requestId' as never) as string, true);
      deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secureCookie(c) });
      return c.body(null, 204);
    });
}
