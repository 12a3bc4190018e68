// One meeting: its decisions and follow-ups, each follow-up's status changed with a note (kept as history), and a follow-up added later.
import { agencyName, type FollowUpAnswer, type FollowUpStatus, type MeetingDetail } from '@pantau/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { dataOf, useApiRequest } from '../api/use-api-request.js';
import { useFormat } from '../i18n/format.js';
import { FollowUpFields } from './follow-up-fields.js';
import { emptyFollowUp, type FollowUpDraft } from './meeting-form.js';
import { addFollowUp, changeFollowUp, getMeeting } from './meetings-api.js';

/** One meeting: its facts, decisions, follow-ups with their status buttons and history, and a form to add a follow-up. */
export function MeetingCard({
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
