import { OpenAPIHono } from '@hono/zod-openapi';
import { AppError } from '../errors.js';

/**
 * A sub-app whose failed request validation becomes our 400 body, naming each parameter.
 */
export function createRouter(): OpenAPIHono {
  return new OpenAPIHono({
    defaultHook: (result) => {
      if (!result.success) {
        const issues = result.error.issues.map((i) => ({ parameter: i.path.join('.'), message: i.message }));
        const names = [...new Set(issues.map((i) => i.parameter))].join(', ');
        throw new AppError('invalid_parameter', `Invalid parameter: ${names}. ${issues.map((i) => `${i.parameter}: ${i.message}`).join('; ')}`, issues);
      }
      return undefined;
    },
  });
}
