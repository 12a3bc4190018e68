// Answers of the meeting endpoints (issue 22): one meeting with its decisions and follow-ups, a
// follow-up with its status history, and the overdue list of an office or area.
import { z } from 'zod';
import { AGENCIES } from '../agencies.js';
import { FOLLOW_UP_STATUSES } from '../meetings.js';
import { meetingAnswerSchema } from './records.js';

/** One status change: who (the account's email), when (ISO instant, UTC), why. `note` is free text (personal-data roles only). */
export const followUpChangeSchema = z
  .object({
    status: z.enum(FOLLOW_UP_STATUSES),
    note: z.string().nullable().optional(),
    by: z.string(),
    at: z.string(),
  })
  .meta({ id: 'FollowUpChange' });

export const followUpSchema = z
  .object({
    id: z.number(),
    meetingId: z.number(),
    /** The decision's ordinal (1-based) it carries out, or null. */
    decision: z.number().nullable(),
    task: z.string(),
    ownerAgency: z.enum(AGENCIES),
    dueDate: z.string(),
    status: z.enum(FOLLOW_UP_STATUSES),
    /** Oldest first; the first is the creation (open). */
    history: z.array(followUpChangeSchema),
  })
  .meta({ id: 'FollowUp' });
export type FollowUpAnswer = z.infer<typeof followUpSchema>;

export const meetingDecisionSchema = z
  .object({
    id: z.number(),
    ordinal: z.number(),
    text: z.string(),
    operationId: z.number().nullable(),
  })
  .meta({ id: 'MeetingDecision' });

/** GET /meetings/{id}: the meeting with its decisions (in order) and follow-ups (by due date). */
export const meetingDetailSchema = meetingAnswerSchema
  .extend({
    decisions: z.array(meetingDecisionSchema),
    followUps: z.array(followUpSchema),
  })
  .meta({ id: 'MeetingDetail' });
export type MeetingDetail = z.infer<typeof meetingDetailSchema>;

/** GET /follow-ups/overdue: follow-ups open at the end of `asOf` and due before it, oldest due first. */
export const overdueFollowUpsSchema = z
  .object({
    asOf: z.string(),
    items: z.array(
      z.object({
        id: z.number(),
        task: z.string(),
        ownerAgency: z.enum(AGENCIES),
        dueDate: z.string(),
        daysOverdue: z.number(),
        meeting: z.object({ id: z.number(), date: z.string(), title: z.string(), regencyCode: z.string() }),
      }),
    ),
  })
  .meta({ id: 'OverdueFollowUps' });
export type OverdueFollowUps = z.infer<typeof overdueFollowUpsSchema>;
