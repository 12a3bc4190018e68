import { queryRows, sql, type Executor } from '@pantau/db';

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

/**
 * Appends one audit row; call it inside the transaction of the action it records. Rows go through
 * the database function pantau_audit_append (migration 0010), the only way to append: it chains the
 * row's hash and works alike as the owner, as the scoped application role and outside a transaction.
 */
export async function writeAudit(executor: Executor, entry: AuditEntry, at: Date = new Date()): Promise<void> {
  const text = (value: string | null | undefined) => (value == null ? null : withoutNul(value));
  const details = JSON.stringify(detailsWithoutNul(entry.details ?? {}));
  await executor.execute(sql`select pantau_audit_append(${at.toISOString()}::timestamptz, ${entry.userId}::integer, ${text(entry.actor)}::text, ${entry.action}::text,
    ${text(entry.areaCode)}::text, ${text(entry.target)}::text, ${text(entry.requestId)}::text, ${details}::jsonb)`);
}

/**
 * PostgreSQL text and jsonb cannot hold U+0000, and an audited request may carry it (a query value,
 * a typed email): it is shown as U+FFFD so the row is still written and says a character was there.
 */
const withoutNul = (value: string) => value.replaceAll('\u0000', '\uFFFD');

function detailsWithoutNul(value: unknown): unknown {
  if (typeof value === 'string') return withoutNul(value);
  if (Array.isArray(value)) return value.map(detailsWithoutNul);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [withoutNul(key), detailsWithoutNul(inner)]));
  return value;
}

export interface AuditVerification {
  /** Rows walked. */
  rows: number;
  ok: boolean;
  /** The last row of the chain and its hash: note them down elsewhere to detect a wholesale rewrite later. */
  headId: number | null;
  headHash: string | null;
  /** The first row where the chain breaks (null when the break is that rows at the end are gone). */
  brokenId?: number | null;
  reason?: string;
}

/**
 * Walks the hash chain in id order and proves no row was removed, changed or slipped in: each row
 * must follow the row it was chained after and carry sha256(previous hash || its content), and the
 * last row must be the one the chain head records. Run as the owner (the CLI, the admin route).
 */
export async function verifyAudit(executor: Executor): Promise<AuditVerification> {
  const [summary] = await queryRows<{
    rows: string | number;
    last_id: string | number | null;
    last_hash: string | null;
    head_id: string | number | null;
    head_hash: string | null;
  }>(
    executor,
    sql`
    select (select count(*) from audit_log) as rows, l.id as last_id, l.hash as last_hash, h.last_id as head_id, h.last_hash as head_hash
    from (select 1) one
    left join lateral (select id, hash from audit_log order by id desc limit 1) l on true
    left join audit_chain_head h on true`,
  );
  const rows = Number(summary?.rows ?? 0);
  const headId = summary?.head_id == null ? null : Number(summary.head_id);
  const headHash = summary?.head_hash ?? null;
  const [broken] = await queryRows<{
    id: string | number;
    prev_id: string | number | null;
    before_id: string | number | null;
    hash: string | null;
    expected: string;
  }>(
    executor,
    sql`
    select id, prev_id, before_id, hash, expected from (
      select a.id, a.prev_id, a.hash, lag(a.id) over w as before_id, pantau_audit_digest(lag(a.hash) over w, a) as expected
      from audit_log a window w as (order by a.id)) chain
    where prev_id is distinct from before_id or hash is distinct from expected
    order by id limit 1`,
  );
  const result = { rows, headId, headHash };
  if (broken) {
    const id = Number(broken.id);
    const prevId = broken.prev_id == null ? null : Number(broken.prev_id);
    const beforeId = broken.before_id == null ? null : Number(broken.before_id);
    let reason: string;
    if (broken.hash === null) reason = `row ${id} has no hash: it was written with the chain trigger disabled`;
    else if (prevId !== beforeId) {
      reason =
        prevId !== null && (beforeId === null || prevId > beforeId)
          ? `row ${id} was chained after row ${prevId}, which is missing: rows ${beforeId === null ? 'up to' : `after ${beforeId} up to`} ${prevId} were removed`
          : `row ${id} was chained after row ${prevId ?? 'none'} but follows row ${beforeId ?? 'none'}: a row was inserted outside the chain`;
    } else reason = `row ${id} does not match its hash: its content (or the hash itself) was changed after it was written`;
    return { ...result, ok: false, brokenId: id, reason };
  }
  const lastId = summary?.last_id == null ? null : Number(summary.last_id);
  if (lastId !== headId || (summary?.last_hash ?? null) !== headHash) {
    const reason =
      headId === null
        ? 'the chain head is missing or empty while audit rows exist'
        : lastId === null || lastId < headId
          ? `the chain head records row ${headId} but the last row is ${lastId ?? 'none'}: rows at the end were removed`
          : `the last row ${lastId} is not the one the chain head records (row ${headId}): the head or the rows were rewritten`;
    return { ...result, ok: false, brokenId: null, reason };
  }
  return { ...result, ok: true };
}

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  areaCode: string | null;
  target: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}

export async function readAudit(executor: Executor, options: { since?: string; limit?: number; action?: string } = {}): Promise<AuditRow[]> {
  const rows = await queryRows<Record<string, unknown>>(
    executor,
    sql`
    select id, at, actor, action, area_code, target, request_id, details from audit_log
    where ${options.since ? sql`at >= (${options.since}::date)::timestamp at time zone 'Asia/Jakarta'` : sql`true`} and ${options.action ? sql`action = ${options.action}` : sql`true`}
    order by id desc limit ${options.limit ?? 100}`,
  );
  return rows.map((row) => ({
    id: Number(row.id),
    at: new Date(row.at as string).toISOString(),
    actor: row.actor as string,
    action: row.action as string,
    areaCode: (row.area_code as string | null) ?? null,
    target: (row.target as string | null) ?? null,
    requestId: (row.request_id as string | null) ?? null,
    details: (typeof row.details === 'string' ? JSON.parse(row.details) : row.details) as Record<string, unknown>,
  }));
}
