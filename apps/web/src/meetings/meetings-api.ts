// Typed calls for the meeting page (issue 22): the meetings in scope, one meeting with its decisions and
// follow-ups, recording and changing a meeting, adding follow-ups and changing their status, and the
// overdue list. Answers are checked against the API's schemas (@pantau/domain api/meetings.ts).
import {
  followUpSchema,
  meetingDetailSchema,
  meetingPageSchema,
  overdueFollowUpsSchema,
  type FollowUpAnswer,
  type FollowUpCreateInput,
  type FollowUpPatchInput,
  type MeetingCreateInput,
  type MeetingDetail,
  type MeetingPatchInput,
  type OverdueFollowUps,
} from '@pantau/domain';
import { answerOf, fetchAnswer, sendJson } from '../api/api-client.js';

export type MeetingPage = ReturnType<typeof meetingPageSchema.parse>;

/** The meetings of the area (or the whole scope), newest first as the list route orders them. */
export function listMeetings(area: string | null, signal?: AbortSignal): Promise<MeetingPage> {
  return fetchAnswer(meetingPageSchema, '/api/v1/meetings', { area, limit: '100' }, signal);
}

export function getMeeting(id: number, signal?: AbortSignal): Promise<MeetingDetail> {
  return fetchAnswer(meetingDetailSchema, `/api/v1/meetings/${id}`, {}, signal);
}

/** Follow-ups overdue today in a province or regency (or the whole scope). */
export function getOverdueFollowUps(area: string | null, signal?: AbortSignal): Promise<OverdueFollowUps> {
  return fetchAnswer(overdueFollowUpsSchema, '/api/v1/follow-ups/overdue', { area }, signal);
}

export async function createMeeting(body: MeetingCreateInput): Promise<MeetingDetail> {
  return answerOf(meetingDetailSchema, await sendJson('POST', '/api/v1/meetings', body), 'POST /api/v1/meetings');
}

export async function updateMeeting(id: number, patch: MeetingPatchInput): Promise<MeetingDetail> {
  return answerOf(meetingDetailSchema, await sendJson('PATCH', `/api/v1/meetings/${id}`, patch), `PATCH /api/v1/meetings/${id}`);
}

export async function addFollowUp(meetingId: number, body: FollowUpCreateInput): Promise<FollowUpAnswer> {
  return answerOf(followUpSchema, await sendJson('POST', `/api/v1/meetings/${meetingId}/follow-ups`, body), `POST /api/v1/meetings/${meetingId}/follow-ups`);
}

export async function changeFollowUp(id: number, patch: FollowUpPatchInput): Promise<FollowUpAnswer> {
  return answerOf(followUpSchema, await sendJson('PATCH', `/api/v1/follow-ups/${id}`, patch), `PATCH /api/v1/follow-ups/${id}`);
}
