// The one write path of coordination meetings recorded in the app (issue 22): create and change a
// meeting with its decisions, add follow-ups, change a follow-up's status (kept as history). Each
// action is validated, runs in one transaction with its audit row, and takes the caller's scope: a
// meeting, follow-up or venue outside it is reported exactly like a missing one.
import { randomUUID } from 'node:crypto';
import { expectWritten, queryOne, queryRows, scopeCondition, sql, type Orm } from '@pantau/db';
import {
  AGENCY_NAMES,
  followUpCreateInput,
  followUpPatchInput,
  inScope,
  meetingCreateInput,
  meetingPatchInput,
  type FollowUpCreateInput,
  type FollowUpStatus,
  type MeetingAttendance,
  type Scope,
} from '@pantau/domain';
import type { z } from 'zod';
import { writeAudit } from '../accounts/audit.js';
import { districtOf, jsonParam } from '../write/area-lookup.js';
import { APP_ORIGIN, type AppWriteContext } from '../write/app-origin.js';

export type MeetingErrorCode = 'invalid_parameter' | 'not_found' | 'area_not_found';

/** A refused meeting action; nothing of it was written. `details` name the fields for invalid_parameter. */
export class MeetingError extends Error {
  constructor(
    readonly code: MeetingErrorCode,
    message: string,
    readonly details?: Array<{ parameter: string; message: string }>,
  ) {
    super(message);
    this.name = 'MeetingError';
  }
}

export type MeetingContext = AppWriteContext;

function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw invalid(result.error.issues.map((i) => ({ parameter: i.path.join('.') || '(body)', message: i.message })));
}

const invalid = (details: Array<{ parameter: string; message: string }>) =>
  new MeetingError(
    'invalid_parameter',
    `Invalid parameter: ${[...new Set(details.map((d) => d.parameter))].join(', ')}. ${details.map((d) => `${d.parameter}: ${d.message}`).join('; ')}`,
    details,
  );
const meetingNotFound = () => new MeetingError('not_found', 'No meeting with this id in your scope.');
const followUpNotFound = () => new MeetingError('not_found', 'No follow-up with this id in your scope.');

interface Place {
  regency: string;
  province: string;
  district: string;
}

/**
 * The district holding the venue. In no district: not in Indonesia (400). In a district outside the
 * scope: answered like no area at all (404), as for a plan's area.
 */
async function placeOf(tx: Orm, venue: { lng: number; lat: number }, scope: Scope): Promise<Place> {
  const point = sql`ST_SetSRID(ST_MakePoint(${venue.lng}::float8, ${venue.lat}::float8), 4326)`;
  const row = await queryOne<{ code: string | null }>(tx, sql`select ${districtOf(point)} as code`);
  if (!row?.code) throw invalid([{ parameter: 'venue', message: 'not inside Indonesia (no district holds this point)' }]);
  const regency = row.code.slice(0, 5);
  if (!inScope(scope, regency)) throw new MeetingError('area_not_found', 'No area of your scope holds the venue.');
  return { regency, province: row.code.slice(0, 2), district: row.code };
}

async function officeOf(tx: Orm, key: string): Promise<{ id: number; name: string }> {
  const office = await queryOne<{ id: number; name: string }>(tx, sql`select id, name from offices where key = ${key}`);
  if (!office) throw invalid([{ parameter: 'officeKey', message: `no office with key ${key} (GET /offices)` }]);
  return { id: Number(office.id), name: office.name };
}

async function checkBriefing(tx: Orm, id: number | null | undefined, scope: Scope): Promise<void> {
  if (id == null) return;
  const found = await queryOne<{ id: number }>(
    tx,
    sql`select id from briefings where id = ${id} and ${scopeCondition(sql`coalesce(regency_code, province_code)`, scope)}`,
  );
  if (!found) throw invalid([{ parameter: 'briefingId', message: `no briefing ${id} in your scope` }]);
}

async function checkOperations(tx: Orm, decisions: ReadonlyArray<{ operationId?: number | null | undefined }>, scope: Scope): Promise<void> {
  const wanted = decisions.flatMap((d, i) => (d.operationId == null ? [] : [{ i, id: d.operationId }]));
  if (!wanted.length) return;
  const found = new Set(
    (
      await queryRows<{ id: number }>(
        tx,
        sql`
    select id from operations where id in ${wanted.map((w) => w.id)} and ${scopeCondition(sql`regency_code`, scope)}`,
      )
    ).map((r) => Number(r.id)),
  );
  const missing = wanted.filter((w) => !found.has(w.id));
  if (missing.length) throw invalid(missing.map((w) => ({ parameter: `decisions.${w.i}.operationId`, message: `no operation ${w.id} in your scope` })));
}

/** The attendees list older readers show (the area summary, the tile): each agency by its unit or name. */
const attendeesOf = (attendance: readonly MeetingAttendance[]) => attendance.map((a) => a.unit ?? AGENCY_NAMES[a.agency].id);

async function writeDecisions(
  tx: Orm,
  meetingId: number,
  place: Place,
  decisions: ReadonlyArray<{ text: string; operationId?: number | null | undefined }>,
): Promise<void> {
  // Ordinals past the new list go (their follow-ups keep no decision); the rest are rewritten in place.
  await tx.execute(sql`delete from meeting_decisions where meeting_id = ${meetingId} and ordinal > ${decisions.length}`);
  if (!decisions.length) return;
  const rows = decisions.map((d, i) => ({ ordinal: i + 1, text: d.text, operation_id: d.operationId ?? null }));
  const written = await queryRows<{ id: number }>(
    tx,
    sql`
    insert into meeting_decisions (meeting_id, ordinal, text, operation_id, regency_code, province_code)
    select ${meetingId}, r.ordinal, r.text, r.operation_id, ${place.regency}, ${place.province}
    from jsonb_to_recordset(${jsonParam(rows)}) as r(ordinal int, text text, operation_id int)
    on conflict (meeting_id, ordinal) do update set text = excluded.text, operation_id = excluded.operation_id
    returning id`,
  );
  expectWritten('meeting decisions', rows.length, written.length);
}

async function insertFollowUps(
  tx: Orm,
  meetingId: number,
  place: Place,
  followUps: readonly FollowUpCreateInput[],
  ctx: MeetingContext,
  at: string,
): Promise<number[]> {
  if (!followUps.length) return [];
  const rows = followUps.map((f, i) => ({ i, task: f.task, owner_agency: f.ownerAgency, due_date: f.dueDate, decision: f.decision ?? null }));
  const written = await queryRows<{ id: number }>(
    tx,
    sql`
    insert into meeting_follow_ups (meeting_id, decision_id, task, owner_agency, due_date, status, regency_code, province_code)
    select ${meetingId}, (select d.id from meeting_decisions d where d.meeting_id = ${meetingId} and d.ordinal = r.decision), r.task, r.owner_agency, r.due_date, 'open',
      ${place.regency}, ${place.province}
    from jsonb_to_recordset(${jsonParam(rows)}) as r(i int, task text, owner_agency text, due_date date, decision int)
    order by r.i
    returning id`,
  );
  expectWritten('meeting follow-ups', rows.length, written.length);
  const ids = written.map((w) => Number(w.id)).sort((a, b) => a - b);
  const changes = await queryRows<{ id: number }>(
    tx,
    sql`
    insert into meeting_follow_up_changes (follow_up_id, status, note, changed_by, changed_at, regency_code, province_code)
    select id, 'open', null, ${ctx.actor.actor}, ${at}::timestamptz, ${place.regency}, ${place.province}
    from meeting_follow_ups where id in ${ids}
    returning id`,
  );
  expectWritten('follow-up changes', ids.length, changes.length);
  return ids;
}

/** Creates a meeting with its decisions and first follow-ups; returns its id. */
export async function createMeeting(orm: Orm, input: unknown, ctx: MeetingContext): Promise<number> {
  const body = parse(meetingCreateInput, input);
  const now = ctx.now ?? new Date();
  return orm.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Orm;
    const place = await placeOf(tx, body.venue, ctx.scope);
    const office = await officeOf(tx, body.officeKey);
    await checkBriefing(tx, body.briefingId, ctx.scope);
    await checkOperations(tx, body.decisions ?? [], ctx.scope);
    const attendance = body.attendance ?? [];
    const [meeting] = await queryRows<{ id: number }>(
      tx,
      sql`
      insert into meetings (key, date, title, venue, regency_code, province_code, organiser, attendees, notes, origin, geom, office_id, attendance, agenda, briefing_id)
      values (${`app:meeting:${randomUUID()}`}, ${body.date}::date, ${body.title}, ${body.venueName ?? null}, ${place.regency}, ${place.province}, ${office.name},
        ${jsonParam(attendeesOf(attendance))}, ${jsonParam(body.notes ?? [])}, ${APP_ORIGIN},
        ST_SetSRID(ST_MakePoint(${body.venue.lng}::float8, ${body.venue.lat}::float8), 4326), ${office.id}, ${jsonParam(attendance)}, ${jsonParam(body.agenda ?? [])}, ${body.briefingId ?? null})
      returning id`,
    );
    expectWritten('meetings', 1, meeting ? 1 : 0);
    const id = Number(meeting!.id);
    await writeDecisions(tx, id, place, body.decisions ?? []);
    const followUps = await insertFollowUps(tx, id, place, body.followUps ?? [], ctx, now.toISOString());
    await writeAudit(
      tx,
      {
        ...ctx.actor,
        action: 'meeting.create',
        areaCode: place.regency,
        target: `meeting:${id}`,
        details: { date: body.date, title: body.title, decisions: body.decisions?.length ?? 0, followUps: followUps.length },
      },
      now,
    );
    return id;
  });
}

interface LockedMeeting {
  id: number;
  date: string;
  regency: string;
  province: string;
}

/** The meeting, locked for the rest of the transaction; missing and out of scope alike. */
async function lockMeeting(tx: Orm, id: number, scope: Scope): Promise<LockedMeeting> {
  const row = await queryOne<{ id: number; date: string; regency_code: string; province_code: string }>(
    tx,
    sql`
    select id, date::text as date, regency_code, province_code from meetings where id = ${id} and ${scopeCondition(sql`regency_code`, scope)} for update`,
  );
  if (!row) throw meetingNotFound();
  return { id: Number(row.id), date: row.date, regency: row.regency_code, province: row.province_code };
}

/** Changes a meeting: the fields given replace the saved ones; `decisions` replaces the list by position. */
export async function updateMeeting(orm: Orm, id: number, input: unknown, ctx: MeetingContext): Promise<void> {
  const patch = parse(meetingPatchInput, input);
  const now = ctx.now ?? new Date();
  await orm.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Orm;
    const meeting = await lockMeeting(tx, id, ctx.scope);
    const place = patch.venue ? await placeOf(tx, patch.venue, ctx.scope) : { regency: meeting.regency, province: meeting.province, district: '' };
    const office = patch.officeKey ? await officeOf(tx, patch.officeKey) : null;
    await checkBriefing(tx, patch.briefingId, ctx.scope);
    await checkOperations(tx, patch.decisions ?? [], ctx.scope);
    if (patch.date) {
      const early = await queryRows<{ id: number; due_date: string }>(
        tx,
        sql`
        select id, due_date::text as due_date from meeting_follow_ups where meeting_id = ${id} and due_date < ${patch.date}::date order by id`,
      );
      if (early.length)
        throw invalid([
          { parameter: 'date', message: `follow-ups ${early.map((f) => f.id).join(', ')} are due before ${patch.date}: change their due dates first` },
        ]);
    }
    const set = [
      patch.date !== undefined ? sql`date = ${patch.date}::date` : null,
      patch.title !== undefined ? sql`title = ${patch.title}` : null,
      patch.venueName !== undefined ? sql`venue = ${patch.venueName}` : null,
      patch.venue
        ? sql`geom = ST_SetSRID(ST_MakePoint(${patch.venue.lng}::float8, ${patch.venue.lat}::float8), 4326), regency_code = ${place.regency}, province_code = ${place.province}`
        : null,
      office ? sql`office_id = ${office.id}, organiser = ${office.name}` : null,
      patch.attendance !== undefined ? sql`attendance = ${jsonParam(patch.attendance)}, attendees = ${jsonParam(attendeesOf(patch.attendance))}` : null,
      patch.agenda !== undefined ? sql`agenda = ${jsonParam(patch.agenda)}` : null,
      patch.notes !== undefined ? sql`notes = ${jsonParam(patch.notes)}` : null,
      patch.briefingId !== undefined ? sql`briefing_id = ${patch.briefingId}` : null,
      // Text edited in the app is Indonesian: an imported English version would no longer match it.
      patch.title !== undefined || patch.venueName !== undefined || patch.notes !== undefined || office ? sql`text_en = null` : null,
    ].filter((part) => part !== null);
    if (set.length) {
      const updated = await queryRows<{ id: number }>(tx, sql`update meetings set ${sql.join(set, sql`, `)} where id = ${id} returning id`);
      expectWritten('meetings', 1, updated.length);
    }
    if (patch.venue && place.regency !== meeting.regency) {
      for (const table of ['meeting_decisions', 'meeting_follow_ups'] as const) {
        await tx.execute(sql`update ${sql.raw(table)} set regency_code = ${place.regency}, province_code = ${place.province} where meeting_id = ${id}`);
      }
      await tx.execute(sql`update meeting_follow_up_changes set regency_code = ${place.regency}, province_code = ${place.province}
        where follow_up_id in (select f.id from meeting_follow_ups f where f.meeting_id = ${id})`);
    }
    if (patch.decisions !== undefined) await writeDecisions(tx, id, place, patch.decisions);
    await writeAudit(
      tx,
      {
        ...ctx.actor,
        action: 'meeting.update',
        areaCode: place.regency,
        target: `meeting:${id}`,
        details: { fields: Object.keys(patch).sort(), ...(place.regency !== meeting.regency ? { movedFrom: meeting.regency } : {}) },
      },
      now,
    );
  });
}

/** Adds a follow-up to a meeting; returns its id. */
export async function addFollowUp(orm: Orm, meetingId: number, input: unknown, ctx: MeetingContext): Promise<number> {
  const body = parse(followUpCreateInput, input);
  const now = ctx.now ?? new Date();
  return orm.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Orm;
    const meeting = await lockMeeting(tx, meetingId, ctx.scope);
    if (body.dueDate < meeting.date) throw invalid([{ parameter: 'dueDate', message: `on or after the meeting's day (${meeting.date})` }]);
    if (body.decision != null) {
      const decision = await queryOne<{ id: number }>(tx, sql`select id from meeting_decisions where meeting_id = ${meetingId} and ordinal = ${body.decision}`);
      if (!decision) throw invalid([{ parameter: 'decision', message: `the meeting has no decision ${body.decision}` }]);
    }
    const [id] = await insertFollowUps(tx, meetingId, { regency: meeting.regency, province: meeting.province, district: '' }, [body], ctx, now.toISOString());
    await writeAudit(
      tx,
      {
        ...ctx.actor,
        action: 'meeting.follow_up.create',
        areaCode: meeting.regency,
        target: `follow_up:${id}`,
        details: { meetingId, ownerAgency: body.ownerAgency, dueDate: body.dueDate },
      },
      now,
    );
    return id!;
  });
}

/**
 * Changes a follow-up: a new status (or a note on the current one) is appended to its history with
 * who and when; task, owner agency and due date are replaced. Returns the meeting's id.
 */
export async function updateFollowUp(orm: Orm, id: number, input: unknown, ctx: MeetingContext): Promise<number> {
  const patch = parse(followUpPatchInput, input);
  const now = ctx.now ?? new Date();
  return orm.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Orm;
    const row = await queryOne<{ id: number; meeting_id: number; status: FollowUpStatus; meeting_date: string; regency_code: string; province_code: string }>(
      tx,
      sql`
      select f.id, f.meeting_id, f.status, m.date::text as meeting_date, f.regency_code, f.province_code
      from meeting_follow_ups f join meetings m on m.id = f.meeting_id
      where f.id = ${id} and ${scopeCondition(sql`f.regency_code`, ctx.scope)} for update of f`,
    );
    if (!row) throw followUpNotFound();
    if (patch.note && patch.status === undefined)
      throw invalid([{ parameter: 'note', message: 'a note goes with a status (the current one to comment without changing it)' }]);
    if (patch.dueDate !== undefined && patch.dueDate < row.meeting_date)
      throw invalid([{ parameter: 'dueDate', message: `on or after the meeting's day (${row.meeting_date})` }]);
    const set = [
      patch.task !== undefined ? sql`task = ${patch.task}` : null,
      patch.ownerAgency !== undefined ? sql`owner_agency = ${patch.ownerAgency}` : null,
      patch.dueDate !== undefined ? sql`due_date = ${patch.dueDate}::date` : null,
      patch.status !== undefined ? sql`status = ${patch.status}` : null,
    ].filter((part) => part !== null);
    const updated = await queryRows<{ id: number }>(tx, sql`update meeting_follow_ups set ${sql.join(set, sql`, `)} where id = ${id} returning id`);
    expectWritten('meeting follow-ups', 1, updated.length);
    const changed = patch.status !== undefined && (patch.status !== row.status || Boolean(patch.note));
    if (changed) {
      const written = await queryRows<{ id: number }>(
        tx,
        sql`
        insert into meeting_follow_up_changes (follow_up_id, status, note, changed_by, changed_at, regency_code, province_code)
        values (${id}, ${patch.status}, ${patch.note || null}, ${ctx.actor.actor}, ${now.toISOString()}::timestamptz, ${row.regency_code}, ${row.province_code})
        returning id`,
      );
      expectWritten('follow-up changes', 1, written.length);
    }
    await writeAudit(
      tx,
      {
        ...ctx.actor,
        action: 'meeting.follow_up.update',
        areaCode: row.regency_code,
        target: `follow_up:${id}`,
        details: {
          meetingId: Number(row.meeting_id),
          fields: Object.keys(patch)
            .filter((k) => k !== 'note')
            .sort(),
          ...(changed ? { from: row.status, to: patch.status } : {}),
        },
      },
      now,
    );
    return Number(row.meeting_id);
  });
}
