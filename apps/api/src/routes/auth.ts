// Sign-in, sign-out, who-am-I and changing one's password. Sessions are cookies holding an opaque token
// (docs/access-control.md).
import { createRoute, z } from '@hono/zod-openapi';
import { AccountError, changePassword, signIn, signOut, type Principal } from '@pantau/data';
import { DEFAULT_SESSION_POLICY, MAX_PASSWORD_LENGTH, sessionAnswerSchema } from '@pantau/domain';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { ownOrigin, servedOverHttps, sessionCookieName, throttleAddress } from '../auth/access.js';
import { principalOf } from '../auth/request-context.js';
import type { AppDeps } from '../deps.js';
import { AppError, errorBody } from '../errors.js';
import { errorResponses } from './params.js';
import { createRouter } from './router.js';
import { lineLog } from '../logger.js';

const signInRoute = createRoute({
  method: 'post',
  path: '/auth/sign-in',
  tags: ['auth'],
  summary: 'Sign in with email and password; sets the session cookie',
  request: {
    body: {
      required: true,
      content: { 'application/json': { schema: z.object({ email: z.string().min(1).max(320), password: z.string().min(1).max(1024) }) } },
    },
  },
  responses: {
    200: { description: 'Signed in.', content: { 'application/json': { schema: sessionAnswerSchema } } },
    401: { description: 'Wrong email or password (invalid_credentials).', content: { 'application/json': { schema: errorBody } } },
    403: { description: 'The account is disabled (account_disabled).', content: { 'application/json': { schema: errorBody } } },
    429: { description: 'Too many failed sign-ins; try again in Retry-After seconds (rate_limited).', content: { 'application/json': { schema: errorBody } } },
    ...{ 400: errorResponses[400], 500: errorResponses[500] },
  },
});
const meRoute = createRoute({
  method: 'get',
  path: '/auth/me',
  tags: ['auth'],
  summary: 'The signed-in user, their scope and what their role may do',
  responses: { 200: { description: 'The user.', content: { 'application/json': { schema: sessionAnswerSchema } } }, ...errorResponses },
});
const signOutRoute = createRoute({
  method: 'post',
  path: '/auth/sign-out',
  tags: ['auth'],
  summary: 'End this session',
  responses: { 204: { description: 'Signed out.' }, ...errorResponses },
});
const signOutEverywhereRoute = createRoute({
  method: 'post',
  path: '/auth/sign-out-everywhere',
  tags: ['auth'],
  summary: 'End every session of this user, on every device',
  responses: { 204: { description: 'Signed out everywhere.' }, ...errorResponses },
});

const changePasswordRoute = createRoute({
  method: 'post',
  path: '/auth/change-password',
  tags: ['auth'],
  summary: 'Change your own password; your other sessions end, this one stays',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            currentPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH),
            newPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH),
          }),
        },
      },
    },
  },
  responses: {
    204: { description: 'Changed; every other session of the user has ended.' },
    429: {
      description: 'Too many wrong current passwords; try again in Retry-After seconds (rate_limited).',
      content: { 'application/json': { schema: errorBody } },
    },
    ...errorResponses,
  },
});

const me = (principal: Principal) => ({ user: principal.user, permissions: principal.permissions });

export function authRoutes(deps: AppDeps) {
  const policy = deps.config.session ?? DEFAULT_SESSION_POLICY;
  const log = lineLog(deps.log);
  // Over HTTPS always Secure (and `__Host-`, see sessionCookieName); on plain http Secure too unless
  // the host is this machine, so a LAN address over plain http cannot carry the session.
  const secureCookie = (c: Context) =>
    servedOverHttps(c, deps.config.trustProxy) || !['localhost', '127.0.0.1', '::1', '[::1]'].includes(new URL(ownOrigin(c, deps.config.trustProxy)).hostname);
  const rateLimited = (c: Context, retryAfterSeconds: number, what: string): never => {
    c.header('Retry-After', String(retryAfterSeconds));
    throw new AppError('rate_limited', `Too many ${what}. Try again in ${retryAfterSeconds} s.`, { retryAfterSeconds });
  };
  const clearCookie = (c: Context) => deleteCookie(c, sessionCookieName(c, deps.config.trustProxy), { path: '/', secure: secureCookie(c) });
  return createRouter()
    .openapi(signInRoute, async (c) => {
      const { email, password } = c.req.valid('json');
      const result = await signIn(deps.database.orm, {
        email,
        password,
        address: throttleAddress(c, deps.config.trustProxy, log),
        requestId: c.get('requestId' as never) as string,
        now: deps.clock.now(),
        policy,
      });
      if (!result.ok) {
        if (result.code === 'rate_limited') rateLimited(c, result.retryAfterSeconds, 'failed sign-ins');
        throw new AppError(result.code, result.code === 'account_disabled' ? 'This account is disabled; ask an administrator.' : 'Wrong email or password.');
      }
      setCookie(c, sessionCookieName(c, deps.config.trustProxy), result.token, {
        httpOnly: true,
        sameSite: 'Lax',
        path: '/',
        secure: secureCookie(c),
        maxAge: Math.floor(policy.absoluteMs / 1000),
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
      clearCookie(c);
      return c.body(null, 204);
    })
    .openapi(signOutEverywhereRoute, async (c) => {
      await signOut(deps.database.orm, principalOf(c), c.get('requestId' as never) as string, true);
      clearCookie(c);
      return c.body(null, 204);
    })
    .openapi(changePasswordRoute, async (c) => {
      const { currentPassword, newPassword } = c.req.valid('json');
      let result;
      try {
        result = await changePassword(deps.database.orm, principalOf(c), {
          currentPassword,
          newPassword,
          address: throttleAddress(c, deps.config.trustProxy, log),
          requestId: c.get('requestId' as never) as string,
          now: deps.clock.now(),
        });
      } catch (error) {
        if (error instanceof AccountError) throw new AppError('invalid_parameter', error.message, [{ parameter: error.field, message: error.message }]);
        throw error;
      }
      if (!result.ok) {
        if (result.code === 'rate_limited') rateLimited(c, result.retryAfterSeconds, 'wrong passwords');
        // Not 401: the session is valid, and the app reads a 401 as "signed out".
        throw new AppError('invalid_parameter', 'The current password is wrong.', [{ parameter: 'currentPassword', message: 'wrong password' }]);
      }
      c.header('Cache-Control', 'no-store');
      return c.body(null, 204);
    });
}
