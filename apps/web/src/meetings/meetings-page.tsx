// The coordination-meeting page (issue 22, `?page=meetings`): the follow-ups overdue in the area (or the
// whole scope), the meetings recorded there, one meeting with its decisions and follow-ups (status changes
// with a note, kept as history; a follow-up added later), and the form to record a meeting or change one
// (meeting-editor.tsx). Writing is for the roles that plan operations (permissions.planning.write).
// Loaded lazily, like the report page.
import { agencyName, type FollowUpAnswer, type FollowUpStatus, type MeetingDetail } from '@pantau/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-client.js';
import { getMeta } from '../api/pantau-api.js';
import { dataOf, invalidateApiAnswers, useApiRequest } from '../api/use-api-request.js';
import { usePermissions } from '../auth/session-context.js';
import { useFormat } from '../i18n/format.js';
import type { HistoryMode, ViewUpdate } from '../state/use-view-state.js';
import type { ViewState } from '../state/view-state.js';
import { PageHeader } from '../ui/page-header.js';
import { FollowUpFields, MeetingForm } from './meeting-editor.js';
import { draftOfMeeting, emptyFollowUp, emptyMeetingDraft, type FollowUpDraft } from './meeting-form.js';
import { addFollowUp, changeFollowUp, getMeeting, getOverdueFollowUps, listMeetings } from './meetings-api.js';
import { addMeetingsResources } from './meetings-locales.js';
import '../people/people.css';
import './meetings.css';

export interface MeetingsPageProps {
  view: ViewState;
  updateView(update: ViewUpdate, mode?: HistoryMode): void;
}

type T = ReturnType<typeof useTranslation<'meetings'>>['t'];

const SAVE_ERRORS = ['invalid_parameter', 'area_not_found', 'not_found', 'forbidden'] as const;

/** An API refusal in words: the known codes in the page's language (the server's message says which field), others as they come. */
function saveError(t: T, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ApiError && (SAVE_ERRORS as readonly string[]).includes(error.code)) {
    return t(`errors.${error.code as (typeof SAVE_ERRORS)[number]}`, { message });
  }
  return t('errors.other', { message });
}

/** The overdue list and the meeting list take a province or regency; a district narrows to its regency. */
const listArea = (region: string | null) => (region === null ? null : region.slice(0, 5));

export default function MeetingsPage({ view, updateView }: MeetingsPageProps) {
  const { i18n } = useTranslation();
  addMeetingsResources(i18n);
  const { t } = useTranslation('meetings');
  const format = useFormat();
  const mayWrite = usePermissions().planning.write;
  const area = listArea(view.region);
  // Counts the saves: a fresh form after each one. The answers themselves are invalidated (TanStack Query).
  const [saves, setSaves] = useState(0);
  const [selected, setSelected] = useState<number | null>(null);
  const [editing, setEditing] = useState<MeetingDetail | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const meetings = useApiRequest(`meetings:list:${area ?? '*'}`, (signal) => listMeetings(area, signal));
  const overdue = useApiRequest(`meetings:overdue:${area ?? '*'}`, (signal) => getOverdueFollowUps(area, signal));
  const today = dataOf(useApiRequest('meta', getMeta))?.today ?? null;

  const saved = (meeting: MeetingDetail, message: string) => {
    setFailure(null);
    setNotice(message);
    setEditing(null);
    setSelected(meeting.id);
    setSaves((n) => n + 1);
    void invalidateApiAnswers('meetings');
  };
  const items = dataOf(meetings)?.items ?? [];
  const overdueItems = dataOf(overdue)?.items ?? [];

  return (
    <div className="people-page meetings-page" data-testid="meetings-page">
      <PageHeader title={t('title')} backLabel={t('backToMap')} view={view} updateView={updateView} />
      <main className="people-main">
        {failure && (
          <p className="error-box" role="alert" data-testid="meetings-error">
            {failure}
          </p>
        )}
        {notice && (
          <p className="people-note" role="status" data-testid="meetings-notice">
            {notice}
          </p>
        )}
        {!mayWrite && <p className="people-note">{t('readOnly')}</p>}

        <section className="people-card" aria-labelledby="overdue-title">
          <h2 id="overdue-title">{t('overdue.title')}</h2>
          {overdue.status === 'error' && (
            <p className="error-box" role="alert">
              {t('failed', { message: saveError(t, overdue.error) })}
            </p>
          )}
          {overdue.status === 'ok' && overdueItems.length === 0 && <p className="people-note">{t('overdue.empty')}</p>}
          {overdueItems.length > 0 && (
            <ul className="people-list" data-testid="overdue-follow-ups">
              {overdueItems.map((item) => (
                <li key={item.id} data-testid={`overdue-${item.id}`}>
                  <strong>{item.task}</strong> — {agencyName(item.ownerAgency, format.lang)} · {format.date(item.dueDate)} (
                  {t('overdue.days', { count: item.daysOverdue })}) ·{' '}
                  <button type="button" className="link-button" onClick={() => setSelected(item.meeting.id)}>
                    {t('overdue.meeting', { date: format.date(item.meeting.date), title: item.meeting.title })}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>

        {selected !== null && (
          <MeetingCard
            id={selected}
            mayWrite={mayWrite}
            onClose={() => setSelected(null)}
            onEdit={(meeting) => {
              setNotice(null);
              setEditing(meeting);
            }}
            onChanged={(message) => {
              setFailure(null);
              setNotice(message);
              void invalidateApiAnswers('meetings');
            }}
            onFailed={(error) => setFailure(saveError(t, error))}
          />
        )}

        {mayWrite && today && (
          <MeetingForm
            // A new form for each meeting changed, and a fresh one after a save.
            key={editing ? `edit:${editing.id}` : `new:${saves}`}
            meeting={editing}
            initial={editing ? draftOfMeeting(editing) : emptyMeetingDraft(today, area && area.length === 5 ? area : '')}
            region={view.region}
            onSaved={(meeting) => saved(meeting, t('form.saved', { id: meeting.id }))}
            onCancel={editing ? () => setEditing(null) : undefined}
            onFailed={(error) => setFailure(saveError(t, error))}
          />
        )}

        <section className="people-card" aria-labelledby="meetings-list-title">
          <h2 id="meetings-list-title">{t('list.title')}</h2>
          {meetings.status === 'error' && (
            <p className="error-box" role="alert">
              {t('failed', { message: saveError(t, meetings.error) })}
            </p>
          )}
          {meetings.status === 'ok' && items.length === 0 && <p className="people-note">{t('list.empty')}</p>}
          {items.length > 0 && (
            <table className="people-table" data-testid="meeting-list">
              <thead>
                <tr>
                  <th>#</th>
                  <th>{t('list.date')}</th>
                  <th>{t('list.name')}</th>
                  <th>{t('list.organiser')}</th>
                  <th>{t('list.openFollowUps')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {items.map((meeting) => (
                  <tr key={meeting.id} data-testid={`meeting-row-${meeting.id}`}>
                    <td>{meeting.id}</td>
                    <td>{format.date(meeting.date)}</td>
                    <td>{meeting.title}</td>
                    <td>{meeting.organiser}</td>
                    <td>{meeting.openFollowUps}</td>
                    <td>
                      <button type="button" onClick={() => setSelected(meeting.id)} data-testid={`open-meeting-${meeting.id}`}>
                        {t('list.open')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </main>
    </div>
  );
}

/** One meeting: its facts, decisions, follow-ups with their status buttons and history, and a form to add a follow-up. */
function MeetingCard({
  id,
  mayWrite,
  onClose,
  onEdit,
  onChanged,
  onFailed,
}: {
  id: number;
  mayWrite: boolean;
  onClose(): void;
  onEdit(meeting: MeetingDetail): void;
  onChanged(message: string): void;
  onFailed(error: unknown): void;
}) {
  const { t } = useTranslation('meetings');
  const format = useFormat();
  const state = useApiRequest(`meetings:one:${id}`, (signal) => getMeeting(id, signal));
  const meeting = dataOf(state);
  if (state.status === 'error') {
    return (
      <section className="people-card">
        <p className="error-box" role="alert">
          {t('failed', { message: state.error instanceof Error ? state.error.message : String(state.error) })}
        </p>
      </section>
    );
  }
  if (!meeting) return null;
  return (
    <section className="people-card" aria-labelledby="meeting-detail-title" data-testid="meeting-detail">
      <h2 id="meeting-detail-title">{t('detail.title', { id: meeting.id, title: meeting.title })}</h2>
      <p>
        {format.date(meeting.date)} · {t('detail.place')}: {meeting.venue ?? '—'} ({meeting.regencyCode}) · {t('detail.organiser')}: {meeting.organiser}
      </p>
      <div className="people-actions">
        {mayWrite && (
          <button type="button" onClick={() => onEdit(meeting)} data-testid="edit-meeting">
            {t('detail.edit')}
          </button>
        )}{' '}
        <button type="button" onClick={onClose}>
          {t('detail.close')}
        </button>
      </div>
      {meeting.attendance.length > 0 && (
        <>
          <h3>{t('detail.attendance')}</h3>
          <ul className="people-list" data-testid="meeting-attendance">
            {meeting.attendance.map((row) => (
              <li key={row.agency}>
                {agencyName(row.agency, format.lang)}
                {row.unit ? ` (${row.unit})` : ''}
                {row.names.length > 0 ? `: ${row.names.join(', ')}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {meeting.agenda.length > 0 && (
        <>
          <h3>{t('detail.agenda')}</h3>
          <ol className="people-list">
            {meeting.agenda.map((item, index) => (
              <li key={index}>{item}</li>
            ))}
          </ol>
        </>
      )}
      <h3>{t('detail.decisions')}</h3>
      {meeting.decisions.length === 0 ? (
        <p className="people-note">{t('detail.noDecisions')}</p>
      ) : (
        <ol className="people-list" data-testid="meeting-decisions">
          {meeting.decisions.map((decision) => (
            <li key={decision.id}>{decision.text}</li>
          ))}
        </ol>
      )}
      <h3>{t('detail.followUps')}</h3>
      {meeting.followUps.length === 0 && <p className="people-note">{t('detail.noFollowUps')}</p>}
      {meeting.followUps.map((followUp) => (
        <FollowUpRow key={followUp.id} followUp={followUp} mayWrite={mayWrite} onChanged={onChanged} onFailed={onFailed} />
      ))}
      {mayWrite && <AddFollowUp meeting={meeting} onAdded={(added) => onChanged(t('detail.added', { id: added.id }))} onFailed={onFailed} />}
    </section>
  );
}

function FollowUpRow({
  followUp,
  mayWrite,
  onChanged,
  onFailed,
}: {
  followUp: FollowUpAnswer;
  mayWrite: boolean;
  onChanged(message: string): void;
  onFailed(error: unknown): void;
}) {
  const { t } = useTranslation('meetings');
  const format = useFormat();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const change = async (status: FollowUpStatus) => {
    setBusy(true);
    try {
      const changed = await changeFollowUp(followUp.id, { status, ...(note.trim() ? { note: note.trim() } : {}) });
      setNote('');
      onChanged(t('detail.changed', { id: changed.id, status: t(`status.${changed.status}`) }));
    } catch (error) {
      onFailed(error);
    } finally {
      setBusy(false);
    }
  };
  const actions: Array<[FollowUpStatus, string]> =
    followUp.status === 'open'
      ? [
          ['done', t('detail.markDone')],
          ['dropped', t('detail.drop')],
        ]
      : [['open', t('detail.reopen')]];
  return (
    <article className="people-card" data-testid={`follow-up-${followUp.id}`} aria-label={followUp.task}>
      <p>
        <strong>{followUp.task}</strong>
        {followUp.decision !== null ? ` (${t('form.decision', { n: followUp.decision })})` : ''}
      </p>
      <p>
        {t('detail.owner')}: {agencyName(followUp.ownerAgency, format.lang)} · {t('detail.due')}: {format.date(followUp.dueDate)} · {t('detail.status')}:{' '}
        <span data-testid={`follow-up-status-${followUp.id}`} data-status={followUp.status}>
          {t(`status.${followUp.status}`)}
        </span>
      </p>
      <details>
        <summary>{t('detail.history')}</summary>
        <ol className="people-list" data-testid={`follow-up-history-${followUp.id}`}>
          {followUp.history.map((change, index) => (
            <li key={index}>
              {t(`status.${change.status}`)} — {new Date(change.at).toLocaleString(format.lang === 'en' ? 'en-GB' : 'id-ID', { timeZone: 'Asia/Jakarta' })}{' '}
              {t('detail.by', { who: change.by })}
              {change.note ? ` — ${change.note}` : ''}
            </li>
          ))}
        </ol>
      </details>
      {mayWrite && (
        <div className="people-actions">
          <label>
            {t('detail.note')}{' '}
            <input value={note} onChange={(event) => setNote(event.target.value)} maxLength={2000} data-testid={`follow-up-note-${followUp.id}`} />
          </label>{' '}
          {actions.map(([status, label]) => (
            <button key={status} type="button" disabled={busy} onClick={() => void change(status)} data-testid={`follow-up-${status}-${followUp.id}`}>
              {label}
            </button>
          ))}
        </div>
      )}
    </article>
  );
}

function AddFollowUp({ meeting, onAdded, onFailed }: { meeting: MeetingDetail; onAdded(followUp: FollowUpAnswer): void; onFailed(error: unknown): void }) {
  const { t } = useTranslation('meetings');
  const [draft, setDraft] = useState<FollowUpDraft>(() => emptyFollowUp(meeting.date));
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const decision = /^\d+$/.test(draft.decision.trim()) ? Number(draft.decision.trim()) : null;
      const added = await addFollowUp(meeting.id, { task: draft.task.trim(), ownerAgency: draft.ownerAgency, dueDate: draft.dueDate, decision });
      setDraft(emptyFollowUp(meeting.date));
      onAdded(added);
    } catch (error) {
      onFailed(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} className="meeting-form" data-testid="add-follow-up">
      <h3>{t('detail.addTitle')}</h3>
      <FollowUpFields n={meeting.followUps.length + 1} draft={draft} onChange={setDraft} minDate={meeting.date} testId="new-follow-up" />
      <button type="submit" disabled={busy || !draft.task.trim()} data-testid="add-follow-up-submit">
        {t('detail.add')}
      </button>
    </form>
  );
}
