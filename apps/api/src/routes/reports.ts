// Public reports (issue 22): one report with its text for roles allowed personal data, its status history,
// recording a report and the triage. Reads run in the request's scoped transaction; writes go through
// @pantau/data's report write path (validated, one transaction with the history row and the audit row).
// A report outside the caller's scope answers exactly like a missing one.
import { createRoute, z } from '@hono/zod-openapi';
import {
  addReportAttachment,
  canAttachTo,
  changeReportStatus,
  listReportAttachments,
  readReportAttachment,
  recordReport,
  ReportError,
  type ReportContext,
} from '@pantau/data';
import { findReport, reportHistory, type Executor } from '@pantau/db';
import {
  recordForRole,
  reportAttachmentSchema,
  reportAttachmentsSchema,
  reportDetailSchema,
  reportHistorySchema,
  reportIntakeInput,
  reportTriageInput,
  type Scope,
} from '@pantau/domain';
import { readFile } from 'node:fs/promises';
import { DEFAULT_ATTACHMENT_MAX_KB } from '../config.js';
import { receiveUpload } from './upload-stream.js';
import type { Context } from 'hono';
import { callerOf, dbOf, principalOf, requireCallerPermission, scopeOf, serviceOf } from '../auth/request-context.js';
import type { AppDeps } from '../deps.js';
import { AppError, errorBody } from '../errors.js';
import { errorResponses, isoDateParam, langParam, recordIdParam } from './params.js';
import { createRouter } from './router.js';

const json = <S extends z.ZodType>(schema: S) => ({ 'application/json': { schema } });
const idParam = z.object({ id: recordIdParam('a numeric id').openapi({ param: { name: 'id', in: 'path' }, example: '1' }) });
const notFound = { 404: { description: 'No report with this id in your scope (not_found).', content: json(errorBody) } };

const getRoute = createRoute({
  method: 'get',
  path: '/reports/{id}',
  tags: ['records'],
  summary: "One public report: the text, address and reporter's contact only for roles allowed personal data",
  request: {
    params: idParam,
    // The record routes' shared parameters (the map's record panel sends them to every kind); a report has no figures of a day and no bilingual text.
    query: z.object({
      asOf: isoDateParam.optional().openapi({ description: 'Accepted like on every record route; a report has no figures of a day.' }),
      lang: langParam,
    }),
  },
  responses: { 200: { description: 'The report.', content: json(reportDetailSchema) }, ...notFound, ...errorResponses },
});
const historyRoute = createRoute({
  method: 'get',
  path: '/reports/{id}/history',
  tags: ['records'],
  summary: "A report's status changes, oldest first: who, when, why (the reason only for roles allowed personal data), the operation target that followed",
  request: { params: idParam },
  responses: { 200: { description: 'The history.', content: json(reportHistorySchema) }, ...notFound, ...errorResponses },
});
const createRouteDef = createRoute({
  method: 'post',
  path: '/reports',
  tags: ['records'],
  summary:
    'Record a report (status new): a point, or a district standing for the place; its areas found by point-in-polygon. The same externalId on the same channel answers the report recorded first (200)',
  description:
    'Open to signed-in roles that write reports and to API tokens with the capability report:create (channel systems such as APOA: `Authorization: Bearer pt_…`, rate-limited, 429 rate_limited with Retry-After). A token has no personal data: the answer leaves out the text, and a reporterContact it sends is not kept.',
  request: { body: { required: true, content: json(reportIntakeInput) } },
  responses: {
    201: { description: 'The report, created.', content: json(reportDetailSchema) },
    200: { description: 'The report recorded earlier with this externalId on this channel.', content: json(reportDetailSchema) },
    404: { description: 'No district with this code in your scope (area_not_found).', content: json(errorBody) },
    409: { description: 'The externalId names a report outside your scope (conflict).', content: json(errorBody) },
    422: { description: 'The point lies outside Indonesia (outside_indonesia) or outside your areas (outside_scope).', content: json(errorBody) },
    429: { description: "Over the API token's requests per minute; try again in Retry-After seconds (rate_limited).", content: json(errorBody) },
    ...errorResponses,
  },
});
const patchRoute = createRoute({
  method: 'patch',
  path: '/reports/{id}',
  tags: ['records'],
  summary:
    'Change a report\'s status: new → verified or dismissed, verified → acted or dismissed; a dismissal needs a reason, "acted" the operation target (targetId) that followed',
  request: { params: idParam, body: { required: true, content: json(reportTriageInput) } },
  responses: {
    200: { description: 'The report.', content: json(reportDetailSchema) },
    ...notFound,
    409: { description: 'The triage does not allow this change (invalid_transition; details: from, to, allowed).', content: json(errorBody) },
    422: {
      description:
        'A dismissal without a reason (reason_required), "acted" without a target (target_required) or with one not in your scope or checked before the report came in (target_not_found).',
      content: json(errorBody),
    },
    ...errorResponses,
  },
});

const attachmentIdParam = z.object({
  id: recordIdParam('a numeric id').openapi({ param: { name: 'id', in: 'path' }, example: '1' }),
  attachmentId: recordIdParam('a numeric id').openapi({ param: { name: 'attachmentId', in: 'path' }, example: '1' }),
});
const addAttachmentRoute = createRoute({
  method: 'post',
  path: '/reports/{id}/attachments',
  tags: ['records'],
  summary:
    'Attach a photo to a report (multipart/form-data, part `file`): JPEG, PNG or WebP by its content, up to PANTAU_ATTACHMENT_MAX_KB, at most 10 per report; the same photo again answers the one kept (200)',
  description:
    'Open to signed-in roles allowed personal data that write reports, and to API tokens with the capability report:attach, for the reports that token posted itself (any other report answers 404 not_found). The answer describes the photo only: no text or contact of the report.',
  request: {
    params: idParam,
    body: {
      required: true,
      content: { 'multipart/form-data': { schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } } },
    },
  },
  responses: {
    201: { description: 'The photo, attached.', content: json(reportAttachmentSchema) },
    200: { description: 'The same photo was already attached to this report.', content: json(reportAttachmentSchema) },
    ...notFound,
    409: { description: 'The report already holds 10 photos (too_many_attachments).', content: json(errorBody) },
    413: { description: 'The photo is over the limit (payload_too_large).', content: json(errorBody) },
    415: { description: 'Not a JPEG, PNG or WebP image, or not a multipart upload (unsupported_media_type).', content: json(errorBody) },
    ...errorResponses,
  },
});
const listAttachmentsRoute = createRoute({
  method: 'get',
  path: '/reports/{id}/attachments',
  tags: ['records'],
  summary: "A report's photos (without content), oldest first: only for roles allowed personal data (photos may show people)",
  request: { params: idParam },
  responses: { 200: { description: 'The photos.', content: json(reportAttachmentsSchema) }, ...notFound, ...errorResponses },
});
const attachmentRoute = createRoute({
  method: 'get',
  path: '/reports/{id}/attachments/{attachmentId}',
  tags: ['records'],
  summary: 'One photo of a report, as the image: only for roles allowed personal data; every read audited',
  request: { params: attachmentIdParam },
  responses: {
    200: {
      description: 'The image, with the type its content has.',
      content: Object.fromEntries(['image/jpeg', 'image/png', 'image/webp'].map((type) => [type, { schema: { type: 'string' as const, format: 'binary' } }])),
    },
    ...notFound,
    ...errorResponses,
  },
});

async function reportOr404(db: Executor, id: number, scope: Scope) {
  const report = await findReport(db, id, scope);
  if (!report) throw new AppError('not_found', 'No such report.');
  return report;
}

const asAppError = (error: unknown): never => {
  if (error instanceof ReportError) throw new AppError(error.code, error.message, error.details);
  throw error;
};

export function reportRoutes(deps: AppDeps) {
  const router = createRouter();
  // Before validation, so a role that may not write reports learns nothing from a 400 about the body.
  // POST /reports is also open to API tokens with report:create (channel systems, TOKEN_ROUTES).
  const writeGate = async (c: Context, next: () => Promise<void>) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') requireCallerPermission(c, (p) => p.reports.write, 'record or triage public reports');
    await next();
  };
  router.use('/reports', writeGate);
  router.use('/reports/*', writeGate);
  // A token's channel system has no personal data: the reporter's contact it sends is not kept, and it gets back no text.
  const context = (c: Context): ReportContext => {
    const caller = callerOf(c);
    const tokenId = serviceOf(c)?.token.id;
    return {
      scope: caller.scope,
      actor: caller.actor,
      personalData: caller.permissions.personalData,
      now: deps.clock.now(),
      ...(tokenId === undefined ? {} : { tokenId }),
    };
  };
  // Every report passes the role's field rules (@pantau/domain fields.ts): the text and the reporter are personal data.
  const forRole = (c: Context, report: Awaited<ReturnType<typeof reportOr404>>) => recordForRole('report', report, callerOf(c).permissions);
  const orm = deps.database.orm;

  router.openapi(getRoute, async (c) => c.json(forRole(c, await reportOr404(dbOf(c), Number(c.req.valid('param').id), scopeOf(c))), 200));
  router.openapi(historyRoute, async (c) => {
    const report = await reportOr404(dbOf(c), Number(c.req.valid('param').id), scopeOf(c));
    const items = (await reportHistory(dbOf(c), report.id)).map((change) => recordForRole('reportStatusChange', change, principalOf(c).permissions));
    return c.json({ reportId: report.id, status: report.status, items }, 200);
  });
  router.openapi(createRouteDef, async (c) => {
    const { id, created } = await recordReport(orm, c.req.valid('json'), context(c)).catch(asAppError);
    const report = forRole(c, await reportOr404(orm, id, scopeOf(c)));
    return created ? c.json(report, 201) : c.json(report, 200);
  });
  // Photos may show people: only roles allowed personal data see them (the triage roles all are).
  const photoGate = (c: Context) => requireCallerPermission(c, (p) => p.personalData, 'see the photos of public reports');
  router.openapi(addAttachmentRoute, async (c) => {
    // A channel system sends the photo of a report it posted (report:attach, TOKEN_ROUTES); it sees none back.
    if (!serviceOf(c)) photoGate(c);
    const id = Number(c.req.valid('param').id);
    const maxBytes = deps.config.attachmentMaxBytes ?? DEFAULT_ATTACHMENT_MAX_KB * 1024;
    // The report is looked up first, so a report out of scope (or, for a token, one it did not post) answers 404 before a byte of the photo is read.
    if (!(await canAttachTo(orm, id, context(c)))) throw new AppError('not_found', 'No such report.');
    // The body may carry the multipart framing on top of the photo; the photo itself is held to the limit exactly below.
    const upload = await receiveUpload(c.req.raw, { maxBytes: maxBytes + 64 * 1024 });
    try {
      if (!upload.file) throw new AppError('invalid_parameter', 'Send the photo as the part named "file".', [{ parameter: 'file', message: 'missing' }]);
      const data = new Uint8Array(await readFile(upload.file.path));
      const { attachment, created } = await addReportAttachment(orm, id, { name: upload.file.name, data }, { ...context(c), maxBytes }).catch(asAppError);
      return c.json(attachment, created ? 201 : 200);
    } finally {
      await upload.discard();
    }
  });
  router.openapi(listAttachmentsRoute, async (c) => {
    photoGate(c);
    const report = await reportOr404(dbOf(c), Number(c.req.valid('param').id), scopeOf(c));
    return c.json({ reportId: report.id, items: await listReportAttachments(dbOf(c), report.id) }, 200);
  });
  router.openapi(attachmentRoute, async (c) => {
    photoGate(c);
    const params = c.req.valid('param');
    const report = await reportOr404(dbOf(c), Number(params.id), scopeOf(c));
    const photo = await readReportAttachment(dbOf(c), report.id, Number(params.attachmentId));
    if (!photo) throw new AppError('not_found', 'No such photo of this report.');
    c.header('Content-Type', photo.contentType);
    c.header('Content-Length', String(photo.bytes));
    c.header('Content-Disposition', `inline; filename="${photo.fileName.replace(/[^\x20-\x7e]/g, '_')}"`);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Cache-Control', 'private, no-store');
    return c.body(new Uint8Array(photo.data), 200) as never;
  });
  router.openapi(patchRoute, async (c) => {
    const id = Number(c.req.valid('param').id);
    await changeReportStatus(orm, id, c.req.valid('json'), context(c)).catch(asAppError);
    return c.json(forRole(c, await reportOr404(orm, id, scopeOf(c))), 200);
  });
  return router;
}
