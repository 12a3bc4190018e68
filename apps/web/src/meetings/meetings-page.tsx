// The coordination-meeting page (issue 22, `?page=meetings`): the follow-ups overdue in the area (or the
// whole scope), the meetings recorded there, one meeting with its decisions and follow-ups (status changes
// with a note, kept as history; a follow-up added later), and the form to record a meeting or change one
// (meeting-editor.tsx). Writing is for the roles that plan operations (permissions.planning.write).
// Loaded lazily, like the report page.
import { agencyName, type MeetingDetail } from '@pantau/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-client.js';
import { getMeta } from '../api/pantau-api.js';
import { dataOf, invalidateApiAnswers, useApiRequest } from '../api/use-api-request.js';
import { usePermissions } from '../auth/session-context.js';
import { useFormat } from '../i18n/format.js';
import { useRoute } from '../state/router.js';
import { PageHeader } from '../ui/page-header.js';
import { MeetingForm } from './meeting-editor.js';
import { draftOfMeeting, emptyMeetingDraft } from './meeting-form.js';
import { getOverdueFollowUps, listMeetings } from './meetings-api.js';
import { MeetingCard } from './meeting-card.js';
import { addMeetingsResources } from './meetings-locales.js';
import '../people/people.css';
import './meetings.css';

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

export default function MeetingsPage() {
  const { view } = useRoute('meetings');
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
      <PageHeader title={t('title')} backLabel={t('backToMap')} />
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
