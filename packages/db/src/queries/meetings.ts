// One coordination meeting with its decisions and follow-ups (and each follow-up's status history),
// and the follow-ups overdue on a day. Every query takes the caller's scope.
import { sql } from 'drizzle-orm';
import type { FollowUpAnswer, FollowUpStatus, MeetingDetail, Scope } from '@pantau/domain';
import { queryRows, type Executor } from '../connect.js';
import { meetingDecisions, meetingFollowUpChanges, meetingFollowUps, meetings } from '../schema/index.js';
import { listMeetings } from './lists.js';
import { scopeCondition } from './scope.js';
import type { TextLang } from './text-language.js';

/** The meeting with its decisions (in order) and follow-ups (by due date); null when missing or outside the scope. */
export async function findMeeting(db: Executor, id: number, scope: Scope, lang?: TextLang): Promise<MeetingDetail | null> {
  const [meeting] = (await listMeetings(db, { id, limit: 1, lang }, scope)).items;
  if (!meeting) return null;
  const decisions = await queryRows<{ id: number; ordinal: number; text: string; operation_id: number | null }>(
    db,
    sql`
    select id, ordinal, text, operation_id from ${meetingDecisions} where meeting_id = ${id} order by ordinal`,
  );
  const followUps = await followUpsWhere(db, sql`f.meeting_id = ${id}`, scope);
  return {
    ...meeting,
    decisions: decisions.map((d) => ({
      id: Number(d.id),
      ordinal: Number(d.ordinal),
      text: d.text,
      operationId: d.operation_id === null ? null : Number(d.operation_id),
    })),
    followUps,
  };
}

/** One follow-up with its history; null when missing or outside the scope. */
export async function findFollowUp(db: Executor, id: number, scope: Scope): Promise<FollowUpAnswer | null> {
  return (await followUpsWhere(db, sql`f.id = ${id}`, scope))[0] ?? null;
}

async function followUpsWhere(db: Executor, condition: ReturnType<typeof sql>, scope: Scope): Promise<FollowUpAnswer[]> {
  const rows = await queryRows<{
    id: number;
    meeting_id: number;
    ordinal: number | null;
    task: string;
    owner_agency: string;
    due_date: string;
    status: string;
    history: unknown;
  }>(
    db,
    sql`
    select f.id, f.meeting_id, d.ordinal, f.task, f.owner_agency, f.due_date::text as due_date, f.status,
      (select json_agg(json_build_object('status', c.status, 'note', c.note, 'by', c.changed_by,
          'at', to_char(c.changed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')) order by c.changed_at, c.id)
        from ${meetingFollowUpChanges} c where c.follow_up_id = f.id) as history
    from ${meetingFollowUps} f left join ${meetingDecisions} d on d.id = f.decision_id
    where ${condition} and ${scopeCondition(sql`f.regency_code`, scope)}
    order by f.due_date, f.id`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    meetingId: Number(r.meeting_id),
    decision: r.ordinal === null ? null : Number(r.ordinal),
    task: r.task,
    ownerAgency: r.owner_agency as FollowUpAnswer['ownerAgency'],
    dueDate: r.due_date,
    status: r.status as FollowUpStatus,
    history: ((typeof r.history === 'string' ? JSON.parse(r.history) : r.history) ?? []) as FollowUpAnswer['history'],
  }));
}

export interface OverdueFilter {
  /** The day: follow-ups open at its end (WIB) and due before it. */
  asOf: string;
  /** Meetings in these regencies (an office's work area)… */
  regencyCodes?: readonly string[];
  /** …or inside this area. */
  area?: string;
}

/**
 * Follow-ups overdue on `asOf`: due before that day and open at its end (Asia/Jakarta) by their status
 * history, so a task done later is still overdue on a day before it was done. Oldest due first.
 */
export async function overdueFollowUps(db: Executor, filter: OverdueFilter, scope: Scope) {
  const dayEnd = sql`((${filter.asOf}::date + 1)::timestamp at time zone 'Asia/Jakarta')`;
  const where = filter.regencyCodes
    ? filter.regencyCodes.length
      ? sql`f.regency_code in ${filter.regencyCodes}`
      : sql`false`
    : filter.area
      ? sql`(f.regency_code = ${filter.area.slice(0, 5)} or f.regency_code like ${`${filter.area.slice(0, 5)}.%`})`
      : sql`true`;
  const rows = await queryRows<{
    id: number;
    task: string;
    owner_agency: string;
    due_date: string;
    days: number;
    meeting_id: number;
    meeting_date: string;
    title: string;
    regency_code: string;
  }>(
    db,
    sql`
    select f.id, f.task, f.owner_agency, f.due_date::text as due_date, (${filter.asOf}::date - f.due_date)::int as days,
      m.id as meeting_id, m.date::text as meeting_date, m.title, m.regency_code
    from ${meetingFollowUps} f join ${meetings} m on m.id = f.meeting_id
    where ${where} and ${scopeCondition(sql`f.regency_code`, scope)} and f.due_date < ${filter.asOf}::date
      and (select c.status from ${meetingFollowUpChanges} c where c.follow_up_id = f.id and c.changed_at < ${dayEnd}
           order by c.changed_at desc, c.id desc limit 1) = 'open'
    order by f.due_date, f.id`,
  );
  return {
    asOf: filter.asOf,
    items: rows.map((r) => ({
      id: Number(r.id),
      task: r.task,
      ownerAgency: r.owner_agency as FollowUpAnswer['ownerAgency'],
      dueDate: r.due_date,
      daysOverdue: Number(r.days),
      meeting: { id: Number(r.meeting_id), date: r.meeting_date, title: r.title, regencyCode: r.regency_code },
    })),
  };
}
