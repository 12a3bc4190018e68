// A public report's status as of a moment: the last change of its history (report_status_changes,
// migration 0020) made before that moment. Planning and its backtest rank a past day with what was known
// that day: a report verified after the ranked day is still "new" there (issue 22).
import { sql, type SQL } from 'drizzle-orm';
import type { ReportStatus } from '@pantau/domain';
import { queryRows, type Executor } from '../connect.js';

/** The start of a day in WIB (00:00 Asia/Jakarta) as a timestamptz: "as of" a day means before it begins. */
export const startOfDayWib = (day: string): SQL => sql`((${day}::date)::timestamp at time zone 'Asia/Jakarta')`;

/**
 * SQL for the status of the report `reportId` (a column or value) as of `at` (a timestamptz): the latest
 * change strictly before `at`; null before the report was received. Uses the (report_id, changed_at) index.
 */
export const reportStatusAt = (reportId: SQL, at: SQL): SQL => sql`(select c.status from report_status_changes c
  where c.report_id = ${reportId} and c.changed_at < ${at} order by c.changed_at desc, c.id desc limit 1)`;

export interface ReportStatusChange {
  id: number;
  status: ReportStatus;
  changedAt: string;
  changedBy: string;
  reason: string | null;
  operationTargetId: number | null;
}

/** A report's history, oldest first (the caller has checked the report is in its scope). */
export async function reportHistory(db: Executor, reportId: number): Promise<ReportStatusChange[]> {
  const rows = await queryRows<{
    id: number;
    status: ReportStatus;
    changed_at: string;
    actor: string;
    reason: string | null;
    operation_target_id: number | null;
  }>(
    db,
    sql`
    select id, status, to_char(changed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as changed_at, actor, reason, operation_target_id
    from report_status_changes where report_id = ${reportId} order by changed_at, id`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    status: r.status,
    changedAt: r.changed_at,
    changedBy: r.actor,
    reason: r.reason,
    operationTargetId: r.operation_target_id === null ? null : Number(r.operation_target_id),
  }));
}

/** The status of each report of `ids` as of the start of `day` (WIB); null: not received yet. */
export async function reportStatusesOn(db: Executor, ids: readonly number[], day: string): Promise<Map<number, ReportStatus | null>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ id: number; status: ReportStatus | null }>(
    db,
    sql`
    select r.id, ${reportStatusAt(sql`r.id`, startOfDayWib(day))} as status from reports r where r.id in ${ids}`,
  );
  return new Map(rows.map((r) => [Number(r.id), r.status]));
}
