// User management for admins: the same validated path as `pnpm pantau user …`.
import { createRoute, z } from '@hono/zod-openapi';
import { AccountError, addUser, getUser, listUsers, readAudit, resetPassword, updateUser, verifyAudit } from '@pantau/data';
import { auditRowSchema, publicUserSchema, ROLES, TIMPORA_AGENCY_CODES } from '@pantau/domain';
import { actorOf, requirePermission } from '../auth/request-context.js';
import type { AppDeps } from '../deps.js';
import { AppError, errorBody } from '../errors.js';
import { errorResponses, isoDateParam, recordIdParam } from './params.js';
import { createRouter } from './router.js';

const json = <S extends z.ZodType>(schema: S) => ({ 'application/json': { schema } });
const idParam = z.object({ id: recordIdParam('a user id').openapi({ param: { name: 'id', in: 'path' }, example: '1' }) });
const scopeFields = {
  scope: z.array(z.string().max(20)).max(100).optional().openapi({ description: 'Area codes (e.g. ["19.04"]); not for admin.' }),
  office: z.string().max(200).nullable().optional().openapi({ description: "Office key: the office's work area becomes the scope." }),
};
const agencyField = {
  agency: z
    .enum(TIMPORA_AGENCY_CODES)
    .optional()
    .openapi({ description: 'The Timpora member agency the person works for (default imigrasi).', example: 'disnaker' }),
};
const notFound = { 404: { description: 'No such user.', content: json(errorBody) } };

const listRoute = createRoute({
  method: 'get',
  path: '/users',
  tags: ['users'],
  summary: 'Accounts (admin)',
  responses: { 200: { description: 'Users.', content: json(z.object({ items: z.array(publicUserSchema) })) }, ...errorResponses },
});
const addRoute = createRoute({
  method: 'post',
  path: '/users',
  tags: ['users'],
  summary: 'Add an account (admin); the password is generated unless given, and shown once',
  request: {
    body: {
      required: true,
      content: json(z.object({ email: z.string().max(320), role: z.enum(ROLES), password: z.string().max(1024).optional(), ...scopeFields, ...agencyField })),
    },
  },
  responses: {
    201: { description: 'Added.', content: json(z.object({ user: publicUserSchema, password: z.string() })) },
    409: { description: 'Email taken.', content: json(errorBody) },
    ...errorResponses,
  },
});
const changeRoute = createRoute({
  method: 'patch',
  path: '/users/{id}',
  tags: ['users'],
  summary: "Change role, scope or disable/enable (admin); ends the user's sessions",
  request: {
    params: idParam,
    body: { required: true, content: json(z.object({ role: z.enum(ROLES).optional(), disabled: z.boolean().optional(), ...scopeFields, ...agencyField })) },
  },
  responses: { 200: { description: 'Changed.', content: json(z.object({ user: publicUserSchema })) }, ...notFound, ...errorResponses },
});
const resetRoute = createRoute({
  method: 'post',
  path: '/users/{id}/reset-password',
  tags: ['users'],
  summary: "New generated password (admin), shown once; ends the user's sessions",
  request: { params: idParam },
  responses: { 200: { description: 'The new password.', content: json(z.object({ password: z.string() })) }, ...notFound, ...errorResponses },
});
const auditRoute = createRoute({
  method: 'get',
  path: '/audit',
  tags: ['users'],
  summary: 'The audit trail, newest first (admin)',
  request: {
    query: z.object({
      since: isoDateParam.optional().openapi({ example: '2026-11-01' }),
      action: z.string().max(60).optional().openapi({ example: 'export.permits' }),
      limit: z
        .string()
        .regex(/^\d+$/)
        .refine((v) => Number(v) >= 1 && Number(v) <= 1000, 'between 1 and 1000')
        .optional()
        .openapi({ example: '100' }),
    }),
  },
  responses: { 200: { description: 'Audit rows.', content: json(z.object({ items: z.array(auditRowSchema) })) }, ...errorResponses },
});

const auditVerifyRoute = createRoute({
  method: 'get',
  path: '/audit/verify',
  tags: ['users'],
  summary: "Walk the audit trail's hash chain (admin): rows checked and ok, or the first broken row and why",
  responses: {
    200: {
      description: 'The result of the walk; ok false names the first broken row (brokenId null: rows at the end are gone) and the reason.',
      content: json(
        z.object({
          ok: z.boolean(),
          rows: z.number(),
          headId: z.number().nullable(),
          headHash: z.string().nullable(),
          brokenId: z.number().nullable().optional(),
          reason: z.string().optional(),
        }),
      ),
    },
    ...errorResponses,
  },
});

/** Account errors become 400/404/409 naming the field. */
function asAppError(error: unknown): never {
  if (error instanceof AccountError) {
    const code = error.code === 'user_not_found' ? 'not_found' : error.code === 'email_taken' ? 'conflict' : 'invalid_parameter';
    throw new AppError(code, error.message, [{ parameter: error.field, message: error.message }]);
  }
  throw error;
}

export function userRoutes(deps: AppDeps) {
  const orm = deps.database.orm;
  const admin = (c: Parameters<typeof requirePermission>[0]) => requirePermission(c, (p) => p.manageUsers, 'manage users');
  return createRouter()
    .openapi(listRoute, async (c) => {
      admin(c);
      return c.json({ items: await listUsers(orm) }, 200);
    })
    .openapi(addRoute, async (c) => {
      admin(c);
      const body = c.req.valid('json');
      const added = await addUser(
        orm,
        { email: body.email, role: body.role, scope: body.scope, office: body.office, password: body.password, agency: body.agency },
        actorOf(c),
        deps.clock.now(),
      ).catch(asAppError);
      c.header('Cache-Control', 'no-store');
      return c.json(added, 201);
    })
    .openapi(changeRoute, async (c) => {
      const principal = admin(c);
      const id = Number(c.req.valid('param').id);
      const changes = c.req.valid('json');
      if (id === principal.user.id && (changes.disabled || (changes.role && changes.role !== 'admin'))) {
        throw new AppError('invalid_parameter', 'You cannot disable yourself or take away your own admin role; ask another admin.', [
          { parameter: 'id', message: 'yourself' },
        ]);
      }
      await getUser(orm, id).catch(asAppError);
      return c.json({ user: await updateUser(orm, id, changes, actorOf(c), deps.clock.now()).catch(asAppError) }, 200);
    })
    .openapi(resetRoute, async (c) => {
      admin(c);
      const id = Number(c.req.valid('param').id);
      const password = await resetPassword(orm, id, actorOf(c), undefined, deps.clock.now()).catch(asAppError);
      c.header('Cache-Control', 'no-store');
      return c.json({ password }, 200);
    })
    .openapi(auditRoute, async (c) => {
      requirePermission(c, (p) => p.audit, 'read the audit trail');
      const query = c.req.valid('query');
      // The audit table is read as the owner: it has no area-scoped policy and admins are national.
      return c.json({ items: await readAudit(orm, { since: query.since, action: query.action, limit: query.limit ? Number(query.limit) : 100 }) }, 200);
    })
    .openapi(auditVerifyRoute, async (c) => {
      requirePermission(c, (p) => p.audit, 'verify the audit trail');
      return c.json(await verifyAudit(orm), 200);
    });
}
