// What the meeting form holds and the request bodies made from it (pure, so tested without a browser):
// agenda one item per line, attendance as agencies ticked with the names written for each, decisions and
// follow-ups as rows. Empty rows are left out; the API judges the rest (its 400 names the field).
import { AGENCIES, type Agency, type MeetingCreateInput, type MeetingDetail, type MeetingPatchInput } from '@pantau/domain';

export interface AttendanceDraft {
  present: boolean;
  /** Names or positions, separated by commas or new lines. */
  names: string;
  unit: string;
}

export interface FollowUpDraft {
  task: string;
  ownerAgency: Agency;
  dueDate: string;
  /** The decision's number (1-based) as text; empty for none. */
  decision: string;
}

export interface MeetingDraft {
  date: string;
  title: string;
  officeKey: string;
  regency: string;
  district: string;
  /** The venue's point: clicked on the map, typed, or the chosen district's label point; the saved venue when editing. */
  venue: { lng: number; lat: number } | null;
  venueName: string;
  agenda: string;
  attendance: Record<Agency, AttendanceDraft>;
  briefingId: string;
  decisions: string[];
  followUps: FollowUpDraft[];
}

const noAttendance = (): Record<Agency, AttendanceDraft> =>
  Object.fromEntries(AGENCIES.map((agency) => [agency, { present: false, names: '', unit: '' }])) as Record<Agency, AttendanceDraft>;

export function emptyFollowUp(dueDate: string): FollowUpDraft {
  return { task: '', ownerAgency: 'disnaker', dueDate, decision: '' };
}

export function emptyMeetingDraft(date: string, regency: string): MeetingDraft {
  return {
    date,
    title: '',
    officeKey: '',
    regency,
    district: '',
    venue: null,
    venueName: '',
    agenda: '',
    attendance: noAttendance(),
    briefingId: '',
    decisions: [''],
    followUps: [],
  };
}

/** The form filled with a saved meeting, to change it (follow-ups are changed one by one, not here). */
export function draftOfMeeting(meeting: MeetingDetail): MeetingDraft {
  const attendance = noAttendance();
  for (const row of meeting.attendance) attendance[row.agency] = { present: true, names: row.names.join(', '), unit: row.unit ?? '' };
  return {
    date: meeting.date,
    title: meeting.title,
    officeKey: meeting.officeKey ?? '',
    regency: meeting.regencyCode,
    district: '',
    venue: meeting.venuePoint,
    venueName: meeting.venue ?? '',
    agenda: meeting.agenda.join('\n'),
    attendance,
    briefingId: meeting.briefingId === null ? '' : String(meeting.briefingId),
    decisions: meeting.decisions.length > 0 ? meeting.decisions.map((d) => d.text) : [''],
    followUps: [],
  };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

const names = (text: string) =>
  text
    .split(/[,\n]/)
    .map((name) => name.trim())
    .filter((name) => name !== '');

const wholeNumber = (text: string): number | null => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : null);

function content(draft: MeetingDraft) {
  const decisions = draft.decisions.map((text) => text.trim()).filter((text) => text !== '');
  return {
    date: draft.date,
    title: draft.title.trim(),
    officeKey: draft.officeKey,
    venueName: draft.venueName.trim() === '' ? null : draft.venueName.trim(),
    attendance: AGENCIES.filter((agency) => draft.attendance[agency].present).map((agency) => {
      const row = draft.attendance[agency];
      return { agency, names: names(row.names), ...(row.unit.trim() ? { unit: row.unit.trim() } : {}) };
    }),
    agenda: lines(draft.agenda),
    briefingId: wholeNumber(draft.briefingId),
    decisions: decisions.map((text) => ({ text })),
  };
}

/** POST /meetings. Null while the venue is unknown (no point clicked or typed, no district chosen). */
export function meetingCreateBody(draft: MeetingDraft): MeetingCreateInput | null {
  if (!draft.venue) return null;
  const followUps = draft.followUps
    .filter((f) => f.task.trim() !== '')
    .map((f) => ({ task: f.task.trim(), ownerAgency: f.ownerAgency, dueDate: f.dueDate, decision: wholeNumber(f.decision) }));
  return { ...content(draft), venue: draft.venue, followUps };
}

/** PATCH /meetings/{id}: every field of the form (the API replaces what is given). */
export function meetingPatchBody(draft: MeetingDraft): MeetingPatchInput {
  return { ...content(draft), ...(draft.venue ? { venue: draft.venue } : {}) };
}
