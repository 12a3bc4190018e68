// The meeting form (issue 22): record a meeting or change one — day, organising office, venue, agenda,
// attendance by agency, the briefing presented, decisions and first follow-ups — and the fields of one
// follow-up, which the meeting card's "add a follow-up" form uses too. The venue is a point: clicked on
// the small map, typed or pasted as coordinates (a WhatsApp location, a map link), or a district's label
// point when only the district is chosen; the server finds the district and regency holding it.
import { agencyName, AGENCIES, type Agency, type MeetingDetail } from '@pantau/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getArea, getAreas } from '../api/pantau-api.js';
import { dataOf, useApiRequest } from '../api/use-api-request.js';
import { listBriefings } from '../briefing/briefings-api.js';
import { useFormat } from '../i18n/format.js';
import { PlacePicker } from '../map/place-picker.js';
import { formatTypedPlace, parseTypedPlace, type TypedPlace } from '../map/typed-place.js';
import { listOffices } from '../planning/planning-api.js';
import { emptyFollowUp, meetingCreateBody, meetingPatchBody, type FollowUpDraft, type MeetingDraft } from './meeting-form.js';
import { createMeeting, updateMeeting } from './meetings-api.js';

/** The fields of one follow-up: task, owner agency, due date, the decision it serves. */
export function FollowUpFields({
  n,
  draft,
  onChange,
  minDate,
  testId,
}: {
  n: number;
  draft: FollowUpDraft;
  onChange(draft: FollowUpDraft): void;
  minDate: string;
  testId: string;
}) {
  const { t } = useTranslation('meetings');
  const format = useFormat();
  return (
    <>
      <label>
        {t('form.task', { n })}{' '}
        <input value={draft.task} onChange={(event) => onChange({ ...draft, task: event.target.value })} maxLength={2000} data-testid={`${testId}-task`} />
      </label>
      <label>
        {t('form.owner', { n })}{' '}
        <select
          value={draft.ownerAgency}
          onChange={(event) => onChange({ ...draft, ownerAgency: event.target.value as Agency })}
          data-testid={`${testId}-owner`}
        >
          {AGENCIES.map((agency) => (
            <option key={agency} value={agency}>
              {agencyName(agency, format.lang)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('form.due', { n })}{' '}
        <input
          type="date"
          value={draft.dueDate}
          min={minDate}
          onChange={(event) => onChange({ ...draft, dueDate: event.target.value })}
          required
          data-testid={`${testId}-due`}
        />
      </label>
      <label>
        {t('form.forDecision', { n })}{' '}
        <input
          inputMode="numeric"
          pattern="\d*"
          size={3}
          value={draft.decision}
          onChange={(event) => onChange({ ...draft, decision: event.target.value })}
          data-testid={`${testId}-decision`}
        />
      </label>
    </>
  );
}

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
  const [venueFailure, setVenueFailure] = useState<string | null>(null);
  // The venue as the field shows it: the saved point when editing, then what is clicked, typed or taken from a district.
  const [venueText, setVenueText] = useState(meeting && initial.venue ? formatTypedPlace(initial.venue) : '');
  const set = (change: Partial<MeetingDraft>) => setDraft((current) => ({ ...current, ...change }));
  const province = region ? region.slice(0, 2) : null;
  const offices = dataOf(useApiRequest('offices', listOffices)) ?? [];
  const briefings = dataOf(useApiRequest('briefings:list', listBriefings)) ?? [];
  const regencies = dataOf(useApiRequest(`areas:regency:${province ?? '*'}`, (signal) => getAreas('regency', province, signal))) ?? [];
  const districts =
    dataOf(useApiRequest(draft.regency ? `areas:district:${draft.regency}` : null, (signal) => getAreas('district', draft.regency, signal))) ?? [];
  const prefix = meeting ? `edit-meeting` : 'meeting';
  // The small map shows the district or regency last chosen, else the page's area; a click on it does not move it.
  const [mapArea, setMapArea] = useState(initial.regency || region);
  const shownArea = mapArea || region;
  const shown = dataOf(useApiRequest(shownArea ? `area:${shownArea}` : null, (signal) => getArea(shownArea ?? '', signal)));

  /** No venue chosen: the saved one when editing (the API keeps it), none for a new meeting. */
  const noVenue = () => (meeting ? initial.venue : null);
  const pick = (place: TypedPlace) => {
    setVenueFailure(null);
    set({ venue: place, district: '' });
    setVenueText(formatTypedPlace(place));
  };
  const type = (text: string) => {
    setVenueText(text);
    const place = parseTypedPlace(text);
    set({ venue: place ?? noVenue(), district: '' });
    if (place) setVenueFailure(null);
  };
  const typedInvalid = venueText.trim() !== '' && !parseTypedPlace(venueText);

  // A district alone puts the venue at its label point (inside the district, so its regency follows from it).
  const chooseDistrict = async (code: string) => {
    set({ district: code, ...(code === '' ? { venue: noVenue() } : {}) });
    setMapArea(code || draft.regency);
    if (code === '') {
      setVenueText(meeting && initial.venue ? formatTypedPlace(initial.venue) : '');
      return;
    }
    try {
      const area = await getArea(code);
      const place = { lng: area.label[0], lat: area.label[1] };
      setVenueFailure(null);
      set({ district: code, venue: place });
      setVenueText(formatTypedPlace(place));
    } catch (error) {
      setVenueFailure(error instanceof Error ? error.message : String(error));
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    try {
      if (meeting) onSaved(await updateMeeting(meeting.id, meetingPatchBody(draft)));
      else {
        const body = meetingCreateBody(draft);
        if (!body) {
          setVenueFailure(t('form.venueNeeded'));
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

  const setFollowUp = (index: number, followUp: FollowUpDraft) => set({ followUps: draft.followUps.map((f, i) => (i === index ? followUp : f)) });
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
        <label>
          {t('form.regency')}{' '}
          <select
            value={draft.regency}
            onChange={(event) => {
              set({ regency: event.target.value, district: '' });
              setMapArea(event.target.value);
            }}
            data-testid="meeting-regency"
          >
            <option value="">{t('form.choose')}</option>
            {regencies.map((a) => (
              <option key={a.code} value={a.code}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('form.district')}{' '}
          <select value={draft.district} onChange={(event) => void chooseDistrict(event.target.value)} data-testid="meeting-district">
            <option value="">{t('form.choose')}</option>
            {districts.map((a) => (
              <option key={a.code} value={a.code}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('form.venuePoint')}{' '}
          <input
            value={venueText}
            onChange={(event) => type(event.target.value)}
            placeholder="-2.48971, 106.41421"
            aria-invalid={typedInvalid}
            aria-describedby={`${prefix}-venue-hint`}
            data-testid="meeting-venue-point"
          />
          <span id={`${prefix}-venue-hint`} className="people-note">
            {' '}
            {typedInvalid ? t('form.venuePointInvalid') : meeting ? t('form.venuePointKeep') : t('form.venuePointHint')}
          </span>
        </label>
        <PlacePicker
          bbox={shown?.bbox ?? null}
          value={draft.venue}
          onPick={pick}
          label={t('form.venueMap')}
          asOf={draft.date || new Date().toISOString().slice(0, 10)}
          testId="meeting-venue-map"
        />
        {venueFailure && (
          <p className="error-box" role="alert">
            {venueFailure}
          </p>
        )}
        <label>
          {t('form.venueName')}{' '}
          <input value={draft.venueName} onChange={(event) => set({ venueName: event.target.value })} maxLength={300} data-testid="meeting-venue-name" />
        </label>
        <label>
          {t('form.agenda')} <textarea value={draft.agenda} onChange={(event) => set({ agenda: event.target.value })} rows={3} data-testid="meeting-agenda" />
        </label>
        <fieldset data-testid="meeting-attendance-fields">
          <legend>{t('form.attendance')}</legend>
          {AGENCIES.map((agency) => {
            const row = draft.attendance[agency];
            const name = agencyName(agency, format.lang);
            const setRow = (change: Partial<typeof row>) => set({ attendance: { ...draft.attendance, [agency]: { ...row, ...change } } });
            return (
              <div key={agency} className="attendance-row">
                <label>
                  <input
                    type="checkbox"
                    checked={row.present}
                    onChange={(event) => setRow({ present: event.target.checked })}
                    data-testid={`attend-${agency}`}
                  />{' '}
                  {name}
                </label>
                {row.present && (
                  <>
                    {' '}
                    <input
                      aria-label={t('form.names', { agency: name })}
                      placeholder={t('form.names', { agency: name })}
                      value={row.names}
                      onChange={(event) => setRow({ names: event.target.value })}
                      data-testid={`attend-names-${agency}`}
                    />{' '}
                    <input
                      aria-label={t('form.unit', { agency: name })}
                      placeholder={t('form.unit', { agency: name })}
                      value={row.unit}
                      onChange={(event) => setRow({ unit: event.target.value })}
                      data-testid={`attend-unit-${agency}`}
                    />
                  </>
                )}
              </div>
            );
          })}
        </fieldset>
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
        <fieldset>
          <legend>{t('form.decisions')}</legend>
          {draft.decisions.map((text, index) => (
            <div key={index} className="decision-row">
              <label>
                {t('form.decision', { n: index + 1 })}{' '}
                <input
                  value={text}
                  onChange={(event) => set({ decisions: draft.decisions.map((d, i) => (i === index ? event.target.value : d)) })}
                  maxLength={2000}
                  data-testid={`decision-${index + 1}`}
                />
              </label>{' '}
              <button
                type="button"
                onClick={() => set({ decisions: draft.decisions.filter((_, i) => i !== index) })}
                aria-label={t('form.removeDecision', { n: index + 1 })}
              >
                ×
              </button>
            </div>
          ))}
          <button type="button" onClick={() => set({ decisions: [...draft.decisions, ''] })} data-testid="add-decision">
            {t('form.addDecision')}
          </button>
        </fieldset>
        {!meeting && (
          <fieldset>
            <legend>{t('form.followUps')}</legend>
            {draft.followUps.map((followUp, index) => (
              <div key={index} className="follow-up-fields">
                <FollowUpFields
                  n={index + 1}
                  draft={followUp}
                  onChange={(changed) => setFollowUp(index, changed)}
                  minDate={draft.date}
                  testId={`follow-up-${index + 1}`}
                />{' '}
                <button
                  type="button"
                  onClick={() => set({ followUps: draft.followUps.filter((_, i) => i !== index) })}
                  aria-label={t('form.removeFollowUp', { n: index + 1 })}
                >
                  ×
                </button>
              </div>
            ))}
            <button type="button" onClick={() => set({ followUps: [...draft.followUps, emptyFollowUp(draft.date)] })} data-testid="add-follow-up-row">
              {t('form.addFollowUp')}
            </button>
          </fieldset>
        )}
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
