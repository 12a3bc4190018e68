// A meeting's panel: day, venue, organiser, area and open follow-ups, then its agenda, decisions, follow-ups, attendees and notes.
import type { MeetingRecord } from '../api/panels-api.js';
import { PanelBlock } from './panel-frame.js';
import { FactList, HiddenForRole } from './panel-parts.js';
import { areaFact, type AreaLinking } from './record-facts.js';
import { usePanelText } from './use-panel-format.js';

export function MeetingBody({ meeting, onSelectArea }: { meeting: MeetingRecord } & AreaLinking) {
  const { t, format } = usePanelText();
  return (
    <>
      <PanelBlock title={t('record.details')}>
        <FactList
          facts={[
            [t('record.date'), <time dateTime={meeting.date}>{format.date(meeting.date)}</time>],
            meeting.venue ? [t('record.venue'), meeting.venue] : null,
            [t('record.organiser'), meeting.organiser],
            areaFact(t('record.area'), meeting.regencyCode, { onSelectArea }),
            [t('record.openFollowUps'), format.number(meeting.openFollowUps)],
          ]}
        />
      </PanelBlock>
      {meeting.agenda.length > 0 && (
        <PanelBlock title={t('record.agenda')}>
          <ul className="panel-plain-list panel-bulleted">
            {meeting.agenda.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </PanelBlock>
      )}
      {meeting.decisions.length > 0 && (
        <PanelBlock title={t('record.decisions')}>
          <ol className="panel-plain-list">
            {meeting.decisions.map((decision) => (
              <li key={decision.id}>{`${decision.ordinal}. ${decision.text}`}</li>
            ))}
          </ol>
        </PanelBlock>
      )}
      {meeting.followUps.length > 0 && (
        <PanelBlock title={t('record.followUps')}>
          <ul className="panel-plain-list" data-testid="meeting-follow-ups">
            {meeting.followUps.map((followUp) => (
              <li key={followUp.id}>
                {t('record.followUpLine', {
                  task: followUp.task,
                  agency: t(`agency.${followUp.ownerAgency}`),
                  due: format.date(followUp.dueDate),
                  status: t(`followUpStatus.${followUp.status}`),
                })}
              </li>
            ))}
          </ul>
        </PanelBlock>
      )}
      {meeting.attendees.length > 0 && (
        <PanelBlock title={t('record.attendees')}>
          <ul className="panel-plain-list panel-bulleted">
            {meeting.attendees.map((attendee) => (
              <li key={attendee}>{attendee}</li>
            ))}
          </ul>
        </PanelBlock>
      )}
      {meeting.notes === undefined ? (
        <PanelBlock title={t('record.notes')}>
          <HiddenForRole />
        </PanelBlock>
      ) : (
        meeting.notes.length > 0 && (
          <PanelBlock title={t('record.notes')}>
            <ul className="panel-plain-list panel-bulleted">
              {meeting.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          </PanelBlock>
        )
      )}
    </>
  );
}
