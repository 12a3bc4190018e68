// The meeting form (issue 22): record a meeting or change one — day, organising office, venue, agenda,
// attendance by agency, the briefing presented, decisions and first follow-ups. The venue is a point:
// clicked on the small map, typed or pasted as coordinates (a WhatsApp location, a map link), or a
// district's label point when only the district is chosen (use-meeting-venue.ts); the server finds the
// district and regency holding it.
import type { MeetingDetail } from '@pantau/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getAreas } from '../api/pantau-api.js';
import { dataOf, useApiRequest } from '../api/use-api-request.js';
import { listBriefings } from '../briefing/briefings-api.js';
import { useFormat } from '../i18n/format.js';
import { PlacePicker } from '../map/place-picker.js';
import { listOffices } from '../planning/planning-api.js';
import { AttendanceFields } from './attendance-fields.js';
import { DecisionFields } from './decision-fields.js';
import { FirstFollowUpsFields } from './first-follow-ups-fields.js';
import { meetingCreateBody, meetingPatchBody, type MeetingDraft } from './meeting-form.js';
import { createMeeting, updateMeeting } from './meetings-api.js';
import { useMeetingVenue } from './use-meeting-venue.js';
import { AreaSelect } from '../controls/area-select.js';

/** Record a meeting, or change the one given (then its follow-ups are changed on the meeting card, not here). */
export function MeetingForm({
  meeting,
  initial,
  region,
  onSaved,
  onCancel,
  onFailed,
}: {
  meeting: MeetingDetail | null;
  initial: MeetingDraft;
  region: string | null;
  onSaved(meeting: MeetingDetail): void;
  onCancel?: () => void;
  onFailed(error: unknown): void;
}) {
  const { t } = useTranslation('meetings');
  const format = useFormat();
  const [draft, setDraft] = useState(initial);
  const [saving, setSaving] = useState(false);
  const set = (change: Partial<MeetingDraft>) => setDraft((current) => ({ ...current, ...change }));
  const venue = useMeetingVenue({ meeting, initial, region, draft, set });
  const province = region ? region.slice(0, 2) : null;
  const offices = dataOf(useApiRequest('offices', listOffices)) ?? [];
  const briefings = dataOf(useApiRequest('briefings:list', listBriefings)) ?? [];
  const regencies = dataOf(useApiRequest(`areas:regency:${province ?? '*'}`, (signal) => getAreas('regency', province, signal))) ?? [];
  const districts =
    dataOf(useApiRequest(draft.regency ? `areas:district:${draft.regency}` : null, (signal) => getAreas('district', draft.regency, signal))) ?? [];
  const prefix = meeting ? `edit-meeting` : 'meeting';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    try {
      if (meeting) onSaved(await updateMeeting(meeting.id, meetingPatchBody(draft)));
      else {
        const body = meetingCreateBody(draft);
        if (!body) {
          venue.setVenueFailure(t('form.venueNeeded'));
          return;
        }
        onSaved(await createMeeting(body));
      }
    } catch (error) {
      onFailed(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="people-card" aria-labelledby={`${prefix}-form-title`}>
      <h2 id={`${prefix}-form-title`}>{meeting ? t('form.editTitle', { id: meeting.id }) : t('form.newTitle')}</h2>
      <form onSubmit={(event) => void submit(event)} className="meeting-form" data-testid={`${prefix}-form`}>
        <label>
          {t('form.date')} <input type="date" value={draft.date} onChange={(event) => set({ date: event.target.value })} required data-testid="meeting-date" />
        </label>
        <label>
          {t('form.name')}{' '}
          <input value={draft.title} onChange={(event) => set({ title: event.target.value })} required maxLength={300} data-testid="meeting-title" />
        </label>
        <label>
          {t('form.office')}{' '}
          <select value={draft.officeKey} onChange={(event) => set({ officeKey: event.target.value })} required data-testid="meeting-office">
            <option value="">{t('form.choose')}</option>
            {offices.map((office) => (
              <option key={office.key} value={office.key}>
                {office.name}
              </option>
            ))}
          </select>
        </label>
        <AreaSelect
          label={t('form.regency')}
          chooseLabel={t('form.choose')}
          areas={regencies}
          value={draft.regency}
          onChange={venue.chooseRegency}
          testId="meeting-regency"
        />
        <AreaSelect
          label={t('form.district')}
          chooseLabel={t('form.choose')}
          areas={districts}
          value={draft.district}
          onChange={(code) => void venue.chooseDistrict(code)}
          testId="meeting-district"
        />
        <label>
          {t('form.venuePoint')}{' '}
          <input
            value={venue.venueText}
            onChange={(event) => venue.type(event.target.value)}
            placeholder="-2.48971, 106.41421"
            aria-invalid={venue.typedInvalid}
            aria-describedby={`${prefix}-venue-hint`}
            data-testid="meeting-venue-point"
          />
          <span id={`${prefix}-venue-hint`} className="people-note">
            {' '}
            {venue.typedInvalid ? t('form.venuePointInvalid') : meeting ? t('form.venuePointKeep') : t('form.venuePointHint')}
          </span>
        </label>
        <PlacePicker
          bbox={venue.mapBbox}
          value={draft.venue}
          onPick={venue.pick}
          label={t('form.venueMap')}
          asOf={draft.date || new Date().toISOString().slice(0, 10)}
          testId="meeting-venue-map"
        />
        {venue.venueFailure && (
          <p className="error-box" role="alert">
            {venue.venueFailure}
          </p>
        )}
        <label>
          {t('form.venueName')}{' '}
          <input value={draft.venueName} onChange={(event) => set({ venueName: event.target.value })} maxLength={300} data-testid="meeting-venue-name" />
        </label>
        <label>
          {t('form.agenda')} <textarea value={draft.agenda} onChange={(event) => set({ agenda: event.target.value })} rows={3} data-testid="meeting-agenda" />
        </label>
        <AttendanceFields attendance={draft.attendance} onChange={(attendance) => set({ attendance })} />
        <label>
          {t('form.briefing')}{' '}
          <select value={draft.briefingId} onChange={(event) => set({ briefingId: event.target.value })} data-testid="meeting-briefing">
            <option value="">{t('form.noBriefing')}</option>
            {briefings.map((briefing) => (
              <option key={briefing.id} value={String(briefing.id)}>
                {briefing.title} ({format.date(briefing.date)})
              </option>
            ))}
          </select>
        </label>
        <DecisionFields decisions={draft.decisions} onChange={(decisions) => set({ decisions })} />
        {!meeting && <FirstFollowUpsFields followUps={draft.followUps} meetingDate={draft.date} onChange={(followUps) => set({ followUps })} />}
        <div className="people-actions">
          <button type="submit" disabled={saving} data-testid="meeting-submit">
            {saving ? t('form.saving') : meeting ? t('form.update') : t('form.submit')}
          </button>{' '}
          {onCancel && (
            <button type="button" onClick={onCancel}>
              {t('form.cancel')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
