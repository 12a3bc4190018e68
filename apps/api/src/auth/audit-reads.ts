// Audit of reads (issue 18): operation findings, plans, PDF renders, and refused attempts on
// personal-data routes. One table of paths and one middleware instead of a call in every handler.
//
// The middleware sits outside scopedReads, so it writes after the request's read transaction has
// ended: on PGlite (one connection) a write from a second connection while that transaction is open
// would wait forever, and a refused request's transaction is rolled back, taking any row written in
// it along. Nothing is answered before the row is written: if it cannot be, the answer is a 500 and
// the data never leaves the server.
import { writeAudit } from '@pantau/data';
import type { Executor } from '@pantau/db';
import type { Permissions } from '@pantau/domain';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppDeps } from '../deps.js';
import { actorOf } from './request-context.js';

const API = '/api/v1';

interface ReadRule {
  pattern: RegExp;
  action: string;
  /** The record read, from the path's match (`plan:12`). */
  target?: (match: RegExpExecArray) => string;
  /** Only for roles that get what the rule is about (findings go to roles with personal data only). */
  when?: (permissions: Permissions) => boolean;
  /** The area read, from the path's match, where the path names it (else the `area` query parameter). */
  area?: (match: RegExpExecArray) => string;
}

const seesFindings = (p: Permissions) => p.personalData;

/** Successful reads that are audited (GET/HEAD answered 200). */
export const AUDITED_READS: readonly ReadRule[] = [
  { pattern: /^\/operations$/, action: 'read.operations', when: seesFindings },
  { pattern: /^\/operations\/(\d+)$/, action: 'read.operation', target: (m) => `operation:${m[1]}`, when: seesFindings },
  // The people register: every search (its text in the query) and every person and company page with names.
  { pattern: /^\/people$/, action: 'read.people_search' },
  { pattern: /^\/people\/(\d+)$/, action: 'read.person', target: (m) => `person:${m[1]}` },
  { pattern: /^\/companies\/(\d+)\/workers$/, action: 'read.company_workers', target: (m) => `company:${m[1]}`, when: (p) => p.personalData },
  { pattern: /^\/planning\/plans\/(\d+)$/, action: 'read.plan', target: (m) => `plan:${m[1]}` },
  { pattern: /^\/planning\/plans\/(\d+)\/targets\.(csv|xlsx)$/, action: 'export.plan_targets', target: (m) => `plan:${m[1]}` },
  { pattern: /^\/planning\/plans\/(\d+)\/plan\.pdf$/, action: 'render.plan_pdf', target: (m) => `plan:${m[1]}` },
  { pattern: /^\/briefings\/(\d+)\/briefing\.pdf$/, action: 'render.briefing_pdf', target: (m) => `briefing:${m[1]}` },
  // A public report's text, address and reporter, and the reasons of its triage (issue 22).
  { pattern: /^\/reports\/(\d+)$/, action: 'read.report', target: (m) => `report:${m[1]}`, when: seesFindings },
  { pattern: /^\/reports\/(\d+)\/history$/, action: 'read.report_history', target: (m) => `report:${m[1]}`, when: seesFindings },
  // Photos sent with a report may show people (issue 22): every list and every photo read.
  { pattern: /^\/reports\/(\d+)\/attachments$/, action: 'read.report_attachments', target: (m) => `report:${m[1]}` },
  { pattern: /^\/reports\/(\d+)\/attachments\/(\d+)$/, action: 'read.report_attachment', target: (m) => `report:${m[1]}` },
  // Names and passports of people over their permit's end, and of holders whose permits end soon (issue 20).
  { pattern: /^\/areas\/([^/]+)\/overstays$/, action: 'read.overstays', target: (m) => `area:${m[1]}`, area: (m) => m[1]!, when: seesFindings },
  { pattern: /^\/areas\/([^/]+)\/expiring$/, action: 'read.expiring', target: (m) => `area:${m[1]}`, area: (m) => m[1]!, when: seesFindings },
];

/** Whether a successful read of this path (under /api/v1) may be audited, for some role. */
export const isAuditedRead = (path: string) => AUDITED_READS.some((rule) => rule.pattern.test(path));

/** Routes with personal data (or operation records) where a 403 or 404 is audited as a refused attempt. */
export const REFUSAL_AUDITED: readonly RegExp[] = [
  /^\/exports\/(permits|overstays|expiring)\./,
  /^\/areas\/[^/]+\/(overstays|expiring)$/,
  /^\/(permits|persons|people)(\/|$)/,
  /^\/operations(\/|$)/,
  /^\/reports\/\d+/,
  /^\/planning\/plans(\/|$)/,
];

const AREA_CODE = /^\d{2}(\.\d{2}){0,3}$/;

/** The query as sent, each value cut to a length that cannot flood the trail. */
function queryOf(c: Context): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [name, value] of new URL(c.req.url).searchParams) if (Object.keys(query).length < 30) query[name.slice(0, 40)] = value.slice(0, 200);
  return query;
}

/** Writes one audit row for a read by the signed-in caller. */
export async function auditRead(
  c: Context,
  executor: Executor,
  action: string,
  entry: { target?: string | null; area?: string; details?: Record<string, unknown> } = {},
  at = new Date(),
): Promise<void> {
  const area = entry.area ?? new URL(c.req.url).searchParams.get('area');
  await writeAudit(
    executor,
    { ...actorOf(c), action, areaCode: area && AREA_CODE.test(area) ? area : null, target: entry.target ?? null, details: entry.details ?? {} },
    at,
  );
}

/** What one mount of the middleware audits: the API under /api/v1, or the OGC API under /ogc. */
interface AuditedPaths {
  prefix: string;
  reads: readonly ReadRule[];
  refusals: readonly RegExp[];
}

export const API_AUDITED: AuditedPaths = { prefix: API, reads: AUDITED_READS, refusals: REFUSAL_AUDITED };

/**
 * The OGC API's collections whose features carry personal text for roles allowed it (a target's
 * findings, a risk area's description, a report's text and reporter: apps/api/src/ogc/collections.ts):
 * a GIS client reading them is audited like the app reading a report or an operation.
 */
const OGC_PERSONAL = '(operation_targets|risk_areas|reports)';
export const OGC_AUDITED: AuditedPaths = {
  prefix: '/ogc',
  reads: [
    { pattern: new RegExp(`^/collections/${OGC_PERSONAL}/items$`), action: 'read.ogc_items', target: (m) => `ogc:${m[1]}`, when: seesFindings },
    {
      pattern: new RegExp(`^/collections/${OGC_PERSONAL}/items/([^/]+)$`),
      action: 'read.ogc_feature',
      target: (m) => `ogc:${m[1]}:${m[2]}`.slice(0, 300),
      when: seesFindings,
    },
  ],
  refusals: [/^\/collections\/(operation_targets|reports)(\/|$)/],
};

export function auditReads(deps: AppDeps, paths: AuditedPaths = API_AUDITED): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const principal = c.get('principal' as never) as { permissions: Permissions } | undefined;
    if (!principal || !c.req.path.startsWith(`${paths.prefix}/`)) return;
    const path = c.req.path.slice(paths.prefix.length);
    const status = c.res.status;
    const now = deps.clock.now();
    if (status === 200 && (c.req.method === 'GET' || c.req.method === 'HEAD')) {
      for (const rule of paths.reads) {
        const match = rule.pattern.exec(path);
        if (!match || (rule.when && !rule.when(principal.permissions))) continue;
        await auditRead(
          c,
          deps.database.orm,
          rule.action,
          { target: rule.target?.(match) ?? null, area: rule.area?.(match), details: { query: queryOf(c) } },
          now,
        );
        return;
      }
    }
    if ((status === 403 || status === 404) && paths.refusals.some((pattern) => pattern.test(path))) {
      const code = (c.error as { code?: string } | undefined)?.code ?? null;
      await auditRead(
        c,
        deps.database.orm,
        'access.refused',
        { target: `${c.req.method} ${path}`.slice(0, 300), details: { status, code, query: queryOf(c) } },
        now,
      );
    }
  };
}
