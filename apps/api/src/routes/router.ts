import { OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import { AppError } from '../errors.js';
import { declaredQueryNames, onlyDeclaredParameters } from './query-guard.js';

/**
 * A sub-app whose failed request validation becomes our 400 body, naming each parameter, and whose
 * every route refuses a query parameter it does not declare (400 `unknown_parameter`): the route's
 * query schema is both what the OpenAPI document lists and what the route accepts.
 */
export function createRouter(): OpenAPIHono {
  const router = new OpenAPIHono({
    defaultHook: (result) => {
      if (!result.success) {
        const issues = result.error.issues.map((i) => ({ parameter: i.path.join('.'), message: i.message }));
        const names = [...new Set(issues.map((i) => i.parameter))].join(', ');
        throw new AppError('invalid_parameter', `Invalid parameter: ${names}. ${issues.map((i) => `${i.parameter}: ${i.message}`).join('; ')}`, issues);
      }
      return undefined;
    },
  });
  const register = router.openapi as unknown as (route: RouteConfig, handler: unknown, hook?: unknown) => OpenAPIHono;
  // Route middleware runs before the validators: an unknown name is reported even when a known one is invalid.
  router.openapi = ((route: RouteConfig, handler: unknown, hook?: unknown) => {
    const allowed = route.request?.query ? declaredQueryNames(route.request.query) : [];
    const own = route.middleware === undefined ? [] : [route.middleware].flat();
    return register({ ...route, middleware: [onlyDeclaredParameters(allowed), ...own] as RouteConfig['middleware'] }, handler, hook);
  }) as unknown as typeof router.openapi;
  return router;
}
