// The one write path of public reports made in the app (issue 22): an officer (or a channel system)
// records a report, and the triage changes its status. Each action is validated, runs in one transaction
// with its history row and its audit row, and takes the caller's scope: a report outside it is reported
// exactly like a missing one. Imported and generated reports go in through writeReports (write-events.ts).
import { randomUUID } from 'node:crypto';
import { areas, expectWritten, PLANNING_RADII, PLANNING_WINDOWS, queryOne, queryRows, reports, scopeCondition, sql, type Orm, type SQL } from '@pantau/db';
import {
  inScope,
  REPORT_TRANSITIONS,
  reportIntakeInput,
  reportTransitionAllowed,
  reportTriageInput,
  type ReportIntakeInput,
  type ReportStatus,
  type ReportTriageInput,
  type Scope,
} from '@pantau/domain';
import type { z } from 'zod';
import { writeAudit } from '../accounts/audit.js';
import type { Actor } from '../accounts/users.js';
import { districtOf } from '../write/area-lookup.js';
import { APP_ORIGIN, type AppWriteContext } from '../write/app-origin.js';

export type ReportErrorCode =
  | 'invalid_parameter'
  | 'not_found'
  | 'area_not_found'
  | 'conflict'
  | 'invalid_transition'
  | 'reason_required'
  | 'target_required'
  | 'target_not_found'
  | 'outside_indonesia'
  | 'outside_scope'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'too_many_attachments';

/** A refused report action; nothing of it was written. */
export class ReportError extends Error {
  constructor(
    readonly code: ReportErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ReportError';
  }
}

export interface ReportContext extends AppWriteContext {
  /** May the caller see (and so record) personal data: the reporter's contact is kept only then. */
  personalData: boolean;
  now: Date;
  /** The API token behind the request (a channel system): its reports record it, and it may attach photos only to those. */
  tokenId?: number;
}

function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details = result.error.issues.map((i) => ({ parameter: i.path.join('.') || '(body)', message: i.message }));
  throw new ReportError(
    'invalid_parameter',
    `Invalid parameter: ${[...new Set(details.map((d) => d.parameter))].join(', ')}. ${details.map((d) => `${d.parameter}: ${d.message}`).join('; ')}`,
    details,
  );
}

/** A unique index refused a row (SQLSTATE 23505), as postgres.js reports it or as drizzle wraps it (PGlite). */
function isUniqueViolation(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/** A channel system may post the same report again (a retry): the same external id on the same channel is the report it posted first. */
async function sameExternalReport(db: Orm, input: ReportIntakeInput, scope: Scope): Promise<number | null> {
  if (input.externalId === undefined) return null;
  const found = await queryOne<{ id: number; area: string | null }>(
    db,
    sql`
    select id, coalesce(district_code, regency_code, province_code) as area from ${reports} where channel = ${input.channel} and external_id = ${input.externalId}`,
  );
  if (!found) return null;
  if (found.area === null || !inScope(scope, found.area)) {
    throw new ReportError('conflict', `externalId ${input.externalId} on channel ${input.channel} names a report you cannot see; ask an administrator.`);
  }
  return Number(found.id);
}

/**
 * Records a report (status new, with its first history row). Returns its id and whether it was created:
 * an `externalId` already recorded on the channel returns that report, unchanged.
 */
export async function recordReport(orm: Orm, input: unknown, ctx: ReportContext): Promise<{ id: number; created: boolean }> {
  const body = parse(reportIntakeInput, input);
  const receivedAt = body.receivedAt === undefined ? ctx.now : new Date(body.receivedAt);
  // A minute of grace for a device whose clock runs ahead.
  if (receivedAt.getTime() > ctx.now.getTime() + 60_000) {
    throw new ReportError('invalid_parameter', 'Invalid parameter: receivedAt. receivedAt: not in the future', [
      { parameter: 'receivedAt', message: 'not in the future' },
    ]);
  }
  const existing = await sameExternalReport(orm, body, ctx.scope);
  if (existing !== null) return { id: existing, created: false };
  try {
    return await orm.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Orm;
      const point = await placeOf(tx, body, ctx.scope);
      const key = `app:report:${randomUUID()}`;
      const written = await queryRows<{ id: number; district_code: string }>(
        tx,
        sql`
        insert into ${reports} (key, received_at, channel, category, status, summary, external_id, reporter_contact, address, geom, district_code, regency_code, province_code, origin, created_by_token_id)
        values (${key}, ${receivedAt.toISOString()}::timestamptz, ${body.channel}, ${body.category}, 'new', ${body.summary}, ${body.externalId ?? null},
          ${ctx.personalData ? (body.reporterContact ?? null) : null}, ${body.address ?? null}, ST_SetSRID(ST_MakePoint(${point.lng}::float8, ${point.lat}::float8), 4326),
          ${point.district}, ${point.district.slice(0, 5)}, ${point.district.slice(0, 2)}, ${APP_ORIGIN}, ${ctx.tokenId ?? null})
        returning id, district_code`,
      );
      expectWritten('reports', 1, written.length);
      const id = Number(written[0]!.id);
      await insertChange(tx, id, 'new', sql`${receivedAt.toISOString()}::timestamptz`, ctx.actor, null, null);
      await writeAudit(
        tx,
        {
          ...ctx.actor,
          action: 'report.create',
          areaCode: point.district,
          target: `report:${id}`,
          details: {
            channel: body.channel,
            category: body.category,
            externalId: body.externalId ?? null,
            contactKept: ctx.personalData && body.reporterContact !== undefined,
          },
        },
        ctx.now,
      );
      return { id, created: true };
    });
  } catch (error) {
    // Two posts of the same external id at once: the second finds the first's report.
    if (isUniqueViolation(error)) {
      const again = await sameExternalReport(orm, body, ctx.scope);
      if (again !== null) return { id: again, created: false };
    }
    throw error;
  }
}

/** The report's point and district: the given point (inside Indonesia and the scope), or the district's point on its surface. */
async function placeOf(tx: Orm, body: ReportIntakeInput, scope: Scope): Promise<{ lng: number; lat: number; district: string }> {
  if (body.districtCode !== undefined) {
    const district = inScope(scope, body.districtCode)
      ? await queryOne<{ lng: number; lat: number }>(
          tx,
          sql`
      select ST_X(ST_PointOnSurface(geom)) as lng, ST_Y(ST_PointOnSurface(geom)) as lat from ${areas} where code = ${body.districtCode} and level = 'district'`,
        )
      : null;
    if (!district) throw new ReportError('area_not_found', `No district ${body.districtCode} in your scope.`);
    return { lng: Number(district.lng), lat: Number(district.lat), district: body.districtCode };
  }
  const point: SQL = sql`ST_SetSRID(ST_MakePoint(${body.lng!}::float8, ${body.lat!}::float8), 4326)`;
  const found = await queryOne<{ code: string | null }>(tx, sql`select ${districtOf(point)} as code`);
  const code = found?.code ?? null;
  if (code === null)
    throw new ReportError('outside_indonesia', `The point ${body.lat}, ${body.lng} lies in no district of Indonesia.`, [
      { parameter: 'lat' },
      { parameter: 'lng' },
    ]);
  if (!inScope(scope, code))
    throw new ReportError('outside_scope', `The point lies in district ${code}, outside your areas.`, [{ parameter: 'lat' }, { parameter: 'lng' }]);
  return { lng: body.lng!, lat: body.lat!, district: code };
}

async function insertChange(
  tx: Orm,
  reportId: number,
  status: ReportStatus,
  at: SQL,
  actor: Actor,
  reason: string | null,
  targetId: number | null,
): Promise<void> {
  const written = await queryRows<{ id: number }>(
    tx,
    sql`
    insert into report_status_changes (report_id, status, changed_at, changed_by, actor, reason, operation_target_id)
    values (${reportId}, ${status}, ${at}, ${actor.userId}, ${actor.actor}, ${reason}, ${targetId}) returning id`,
  );
  expectWritten('report status changes', 1, written.length);
}

/**
 * Changes a report's status (REPORT_TRANSITIONS): one history row, the report's status, one audit row,
 * in one transaction. Dated by the server's clock, never before the report's previous change.
 */
export async function changeReportStatus(orm: Orm, id: number, input: unknown, ctx: ReportContext): Promise<void> {
  const body: ReportTriageInput = parse(reportTriageInput, input);
  await orm.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Orm;
    const report = await queryOne<{ status: ReportStatus; received_on: string; area: string; last_change: string | null }>(
      tx,
      sql`
      select r.status, to_char(r.received_at at time zone 'Asia/Jakarta', 'YYYY-MM-DD') as received_on, coalesce(r.district_code, r.regency_code, r.province_code) as area,
        (select max(c.changed_at)::text from report_status_changes c where c.report_id = r.id) as last_change
      from ${reports} r where r.id = ${id} and ${scopeCondition(sql`coalesce(r.district_code, r.regency_code, r.province_code)`, ctx.scope)} for update of r`,
    );
    if (!report) throw new ReportError('not_found', 'No such report.');
    if (!reportTransitionAllowed(report.status, body.status)) {
      const allowed = REPORT_TRANSITIONS[report.status];
      throw new ReportError(
        'invalid_transition',
        `A ${report.status} report cannot become ${body.status}${allowed.length ? ` (it may become ${allowed.join(' or ')})` : ' (its status is final)'}.`,
        { from: report.status, to: body.status, allowed },
      );
    }
    if (body.status === 'dismissed' && body.reason === undefined)
      throw new ReportError('reason_required', 'A dismissal needs a reason.', [{ parameter: 'reason' }]);
    if (body.status !== 'acted' && body.targetId !== undefined) {
      throw new ReportError('invalid_parameter', 'Invalid parameter: targetId. targetId: only with status acted', [
        { parameter: 'targetId', message: 'only with status acted' },
      ]);
    }
    let targetId: number | null = null;
    if (body.status === 'acted') {
      if (body.targetId === undefined)
        throw new ReportError('target_required', 'An acted-on report names the operation target that followed it (targetId).', [{ parameter: 'targetId' }]);
      const target = await queryOne<{ id: number }>(
        tx,
        sql`
        select t.id from operation_targets t join operations o on o.id = t.operation_id
        where t.id = ${body.targetId} and o.date >= ${report.received_on}::date and ${scopeCondition(sql`t.regency_code`, ctx.scope)}`,
      );
      if (!target)
        throw new ReportError(
          'target_not_found',
          `No operation target ${body.targetId} in your scope checked on or after the report's day (${report.received_on}).`,
          [{ parameter: 'targetId' }],
        );
      targetId = Number(target.id);
    }
    const at = sql`greatest(${ctx.now.toISOString()}::timestamptz, ${report.last_change}::timestamptz)`;
    await insertChange(tx, id, body.status, at, ctx.actor, body.reason ?? null, targetId);
    const updated = await queryRows<{ id: number }>(tx, sql`update ${reports} set status = ${body.status} where id = ${id} returning id`);
    expectWritten('reports', 1, updated.length);
    await writeAudit(
      tx,
      {
        ...ctx.actor,
        action: 'report.status',
        areaCode: report.area,
        target: `report:${id}`,
        details: { from: report.status, to: body.status, targetId, reasonGiven: body.reason !== undefined },
      },
      ctx.now,
    );
  });
}

/**
 * Closes the loop when an operation is recorded (a plan's outcome): each verified report in the scope,
 * received before the operation's day ended and at most the planning window (90 days) before it, within
 * the planning radius (2 km) of one of `targetIds`, becomes "acted" and names the nearest of them —
 * the same rule that reconstructs the history of imported reports. Runs inside the caller's transaction;
 * returns the reports changed.
 */
export async function actOnReportsNear(
  tx: Orm,
  targetIds: readonly number[],
  ctx: { actor: Actor; now: Date; scope: Scope; reason: string },
): Promise<Array<{ reportId: number; targetId: number }>> {
  if (targetIds.length === 0) return [];
  const rows = await queryRows<{ report_id: number; target_id: number; area: string; last_change: string | null }>(
    tx,
    sql`
    select distinct on (r.id) r.id as report_id, t.id as target_id, coalesce(r.district_code, r.regency_code, r.province_code) as area,
      (select max(c.changed_at)::text from report_status_changes c where c.report_id = r.id) as last_change
    from operation_targets t join operations o on o.id = t.operation_id
    join ${reports} r on r.status = 'verified'
      and r.geom && ST_Expand(t.geom, ${PLANNING_RADII.reports / 100_000}::float8) and ST_DWithin(r.geom::geography, t.geom::geography, ${PLANNING_RADII.reports}::float8)
      and r.received_at < ((o.date + 1)::timestamp at time zone 'Asia/Jakarta')
      and r.received_at >= ((o.date - ${PLANNING_WINDOWS.reportDays}::int)::timestamp at time zone 'Asia/Jakarta')
      and ${scopeCondition(sql`coalesce(r.district_code, r.regency_code, r.province_code)`, ctx.scope)}
    where t.id in (select jsonb_array_elements_text(${JSON.stringify(targetIds)}::jsonb)::int)
    order by r.id, ST_Distance(r.geom::geography, t.geom::geography), t.id`,
  );
  const acted: Array<{ reportId: number; targetId: number }> = [];
  for (const row of rows) {
    const id = Number(row.report_id);
    const targetId = Number(row.target_id);
    // Still verified once locked: a triage that changed it meanwhile wins, and the report is left alone.
    const updated = await queryRows<{ id: number }>(tx, sql`update ${reports} set status = 'acted' where id = ${id} and status = 'verified' returning id`);
    if (updated.length === 0) continue;
    const at = sql`greatest(${ctx.now.toISOString()}::timestamptz, ${row.last_change}::timestamptz)`;
    await insertChange(tx, id, 'acted', at, ctx.actor, ctx.reason, targetId);
    await writeAudit(
      tx,
      {
        ...ctx.actor,
        action: 'report.status',
        areaCode: row.area,
        target: `report:${id}`,
        details: { from: 'verified', to: 'acted', targetId, reasonGiven: true },
      },
      ctx.now,
    );
    acted.push({ reportId: id, targetId });
  }
  return acted;
}
