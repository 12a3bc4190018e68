import { auditLog, queryRows, sql, type Executor, type Orm } from '@pantau/db';

export interface AuditEntry {
  userId: number | null;
  /** The account's email, or what was typed at a failed sign-in. */
  actor: string;
  /** `sign_in`, `sign_in_failed`, `export.permits`, `import`, `import.rollback`, `user.add`… */
  action: string;
  areaCode?: string | null;
  target?: string | null;
  requestId?: string | null;
  details?: Record<string, unknown>;
}

/** Appends one audit row; call it inside the transaction of the action it records. */
export async function writeAudit(executor: Executor, entry: AuditEntry, at: Date = new Date()): Promise<void> {
  await (executor as Orm).insert(auditLog).values({
    at: at.toISOString(), userId: entry.userId, actor: entry.actor, action: entry.action,
    areaCode: entry.areaCode ?? null, target: entry.target ?? null, requestId: entry.requestId ?? null, details: entry.details ?? {},
  });
}

export interface AuditRow { id: number; at: string; actor: string; action: string; areaCode: string | null; target: string | null; requestId: string | null; details: Record<string, unknown> }

export async function readAudit(executor: Executor, options: { since?: string; limit?: number; action?: string } = {}): Promise<AuditRow[]> {
  const rows = await queryRows<Record<string, unknown>>(executor, sql`
    select id, at, actor, action, area_code, target, request_id, details from audit_log
    where ${options.since ? sql`at >= (${options.since}::date)::timestamp at time zone 'Asia/Jakarta'` : sql`true`} and ${options.action ? sql`action = ${options.action}` : sql`true`}
    order by id desc limit ${options.limit ?? 100}`);
  return rows.map((row) => ({
    id: Number(row.id), at: new Date(row.at as string).toISOString(), actor: row.actor as string, action: row.action as string,
    areaCode: (row.area_code as string | null) ?? null, target: (row.target as string | null) ?? null,
    requestId: (row.request_id as string | null) ?? null, details: (typeof row.details === 'string' ? JSON.parse(row.details) : row.details) as Record<string, unknown>,
  }));
}
