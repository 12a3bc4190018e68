import { meetingCreateInput, meetingPatchInput, type MeetingDetail } from '@pantau/domain';
import { describe, expect, test } from 'vitest';
import { draftOfMeeting, emptyFollowUp, emptyMeetingDraft, meetingCreateBody, meetingPatchBody } from './meeting-form.js';

const OFFICE = 'ref:office:kantor-imigrasi-kelas-i-tpi-pangkalpinang';

describe('the meeting form', () => {
  test('a Rakor with two agencies, agenda lines, one decision and a follow-up for Disnaker makes a body the API accepts', () => {
    const draft = emptyMeetingDraft('2024-06-13', '19.04');
    draft.title = 'Rakor Timpora Bangka Tengah';
    draft.officeKey = OFFICE;
    draft.venue = { lng: 106.44, lat: -2.49 };
    draft.venueName = '  Aula Kantor Bupati ';
    draft.agenda = 'Peta sebaran ITAS/ITAP\n\n  Risiko emigrasi ilegal  \n';
    draft.attendance.imigrasi = { present: true, names: 'Kasi Inteldakim, Kasubsi\nAnalis', unit: '' };
    draft.attendance.disnaker = { present: true, names: '', unit: 'Disnaker Bangka Tengah' };
    draft.attendance.polri = { present: false, names: 'ignored', unit: '' };
    draft.decisions = ['Operasi gabungan di Koba besok', '  '];
    draft.followUps = [{ ...emptyFollowUp('2024-06-20'), task: 'Periksa RPTKA PT Koba Tin', decision: '1' }, emptyFollowUp('2024-06-20')];
    const body = meetingCreateBody(draft);
    expect(body).toEqual({
      date: '2024-06-13',
      title: 'Rakor Timpora Bangka Tengah',
      officeKey: OFFICE,
      venue: { lng: 106.44, lat: -2.49 },
      venueName: 'Aula Kantor Bupati',
      attendance: [
        { agency: 'imigrasi', names: ['Kasi Inteldakim', 'Kasubsi', 'Analis'] },
        { agency: 'disnaker', names: [], unit: 'Disnaker Bangka Tengah' },
      ],
      agenda: ['Peta sebaran ITAS/ITAP', 'Risiko emigrasi ilegal'],
      briefingId: null,
      decisions: [{ text: 'Operasi gabungan di Koba besok' }],
      followUps: [{ task: 'Periksa RPTKA PT Koba Tin', ownerAgency: 'disnaker', dueDate: '2024-06-20', decision: 1 }],
    });
    expect(meetingCreateInput.safeParse(body).success).toBe(true);
  });

  test('without a venue there is no body yet', () => {
    expect(meetingCreateBody(emptyMeetingDraft('2024-06-13', '19.04'))).toBeNull();
  });

  test('a follow-up due before the meeting is refused by the shared schema, naming the field', () => {
    const draft = emptyMeetingDraft('2024-06-13', '19.04');
    Object.assign(draft, { title: 'Rakor', officeKey: OFFICE, venue: { lng: 106.44, lat: -2.49 } });
    draft.followUps = [{ ...emptyFollowUp('2024-06-12'), task: 'Terlambat' }];
    const result = meetingCreateInput.safeParse(meetingCreateBody(draft));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['followUps.0.dueDate']);
  });

  test('a saved meeting fills the form and goes back as a patch with the same content', () => {
    const meeting: MeetingDetail = {
      id: 7,
      date: '2024-06-13',
      title: 'Rakor',
      venue: null,
      regencyCode: '19.04',
      organiser: 'Kantor Imigrasi Pangkalpinang',
      attendees: [],
      origin: 'app',
      venuePoint: { lng: 106.44, lat: -2.49 },
      officeKey: OFFICE,
      attendance: [{ agency: 'kejaksaan', names: ['Kasi Intel'], unit: null }],
      agenda: ['Satu', 'Dua'],
      briefingId: 3,
      openFollowUps: 0,
      decisions: [{ id: 1, ordinal: 1, text: 'Putusan', operationId: null }],
      followUps: [],
    };
    const patch = meetingPatchBody(draftOfMeeting(meeting));
    expect(patch).toEqual({
      date: '2024-06-13',
      title: 'Rakor',
      officeKey: OFFICE,
      venueName: null,
      venue: { lng: 106.44, lat: -2.49 },
      attendance: [{ agency: 'kejaksaan', names: ['Kasi Intel'] }],
      agenda: ['Satu', 'Dua'],
      briefingId: 3,
      decisions: [{ text: 'Putusan' }],
    });
    expect(meetingPatchInput.safeParse(patch).success).toBe(true);
  });
});
