// Coordination meetings (Rakor Timpora, issue 22): what the app records of a meeting — its day, venue,
// organiser, attending agencies, agenda, decisions — and the follow-up tasks it hands to member agencies,
// each with a status history. The request contract shared by the API, the write path and the web app.
import { z } from 'zod';
import { AGENCIES } from './agencies.js';
import { FOLLOW_UP_STATUSES, INDONESIA_BBOX } from './constants.js';
import { requestDate } from './schemas.js';

export { FOLLOW_UP_STATUSES };
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const MAX_MEETING_DECISIONS = 50;
export const MAX_MEETING_FOLLOW_UPS = 100;

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);
const [west, south, east, north] = INDONESIA_BBOX;

/** The venue's point: inside Indonesia's bounding box here; inside a district of the caller's scope on write. */
export const meetingVenuePoint = z
  .object({
    lng: z.number().min(west, `longitude inside Indonesia (${west} to ${east})`).max(east, `longitude inside Indonesia (${west} to ${east})`),
    lat: z.number().min(south, `latitude inside Indonesia (${south} to ${north})`).max(north, `latitude inside Indonesia (${south} to ${north})`),
  })
  .strict();

export const meetingAttendance = z
  .object({
    agency: z.enum(AGENCIES),
    /** Who came for the agency (names or positions, as the minutes write them). */
    names: z.array(text(200)).max(50, 'at most 50 names').default([]),
    /** What `other` stands for (BIN, Kemenag…); the unit for the others (Polres Bangka Tengah). */
    unit: text(200).nullable().optional(),
  })
  .strict();

export const meetingDecisionInput = z
  .object({
    text: text(2000),
    /** The operation this decision led to (in the caller's scope). */
    operationId: z.number().int().positive().nullable().optional(),
  })
  .strict();

export const followUpInput = z
  .object({
    task: text(2000),
    ownerAgency: z.enum(AGENCIES),
    /** On or after the meeting's day. */
    dueDate: requestDate,
    /** The decision (1-based, as listed) it carries out. */
    decision: z.number().int().positive().nullable().optional(),
  })
  .strict();

const meetingContent = {
  date: requestDate,
  title: text(300),
  venueName: text(300).nullable().optional(),
  venue: meetingVenuePoint,
  /** The organising immigration office, by its key (GET /offices): required, a meeting is always some office's. */
  officeKey: z.string().trim().min(1, 'the organising office is required').max(200, 'at most 200 characters'),
  attendance: z
    .array(meetingAttendance)
    .max(AGENCIES.length * 4, 'too many attendance rows')
    .optional(),
  agenda: z.array(text(500)).max(50, 'at most 50 agenda items').optional(),
  notes: z.array(z.string().max(4000, 'at most 4000 characters')).max(50, 'at most 50 notes').optional(),
  /** The briefing presented (GET /briefings), in the caller's scope. */
  briefingId: z.number().int().positive().nullable().optional(),
  decisions: z.array(meetingDecisionInput).max(MAX_MEETING_DECISIONS, `at most ${MAX_MEETING_DECISIONS} decisions`).optional(),
};

/** POST /meetings: a meeting with its decisions and first follow-ups, in one write. */
export const meetingCreateInput = z
  .object({
    ...meetingContent,
    followUps: z.array(followUpInput).max(MAX_MEETING_FOLLOW_UPS, `at most ${MAX_MEETING_FOLLOW_UPS} follow-ups`).optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    checkFollowUps(body.date, body.followUps ?? [], body.decisions?.length ?? 0, ctx);
  });

/**
 * PATCH /meetings/{id}: the fields given replace the saved ones. `decisions` replaces the list
 * (follow-ups linked to a decision keep their link by position; a follow-up whose decision disappears is refused).
 */
export const meetingPatchInput = z
  .object({
    date: meetingContent.date.optional(),
    title: meetingContent.title.optional(),
    venueName: meetingContent.venueName,
    venue: meetingContent.venue.optional(),
    officeKey: meetingContent.officeKey.optional(),
    attendance: meetingContent.attendance,
    agenda: meetingContent.agenda,
    notes: meetingContent.notes,
    briefingId: meetingContent.briefingId,
    decisions: meetingContent.decisions,
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'nothing to change');

/** POST /meetings/{id}/follow-ups */
export const followUpCreateInput = followUpInput;

/** PATCH /follow-ups/{id}: a status change (kept in the history with who, when and the note), or new content. */
export const followUpPatchInput = z
  .object({
    status: z.enum(FOLLOW_UP_STATUSES).optional(),
    note: z.string().trim().max(2000, 'at most 2000 characters').nullable().optional(),
    task: followUpInput.shape.task.optional(),
    ownerAgency: followUpInput.shape.ownerAgency.optional(),
    dueDate: followUpInput.shape.dueDate.optional(),
  })
  .strict()
  .refine((body) => body.status !== undefined || body.task !== undefined || body.ownerAgency !== undefined || body.dueDate !== undefined, 'nothing to change');

export type MeetingCreateInput = z.infer<typeof meetingCreateInput>;
export type MeetingPatchInput = z.infer<typeof meetingPatchInput>;
export type FollowUpCreateInput = z.infer<typeof followUpCreateInput>;
export type FollowUpPatchInput = z.infer<typeof followUpPatchInput>;
export type MeetingAttendance = z.infer<typeof meetingAttendance>;

function checkFollowUps(date: string, followUps: readonly z.infer<typeof followUpInput>[], decisions: number, ctx: z.RefinementCtx) {
  followUps.forEach((f, i) => {
    if (f.dueDate < date) ctx.addIssue({ code: 'custom', path: ['followUps', i, 'dueDate'], message: `on or after the meeting's day (${date})` });
    if (f.decision != null && f.decision > decisions)
      ctx.addIssue({ code: 'custom', path: ['followUps', i, 'decision'], message: `no decision ${f.decision} (the meeting has ${decisions})` });
  });
}

/** A follow-up is overdue on `asOf` when it was open at the end of that day and due before it. */
export const isOverdue = (status: FollowUpStatus, dueDate: string, asOf: string): boolean => status === 'open' && dueDate < asOf;
