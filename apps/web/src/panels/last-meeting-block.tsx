// The area's last Timpora meeting: day, title, venue and organiser.
import type { AreaSummary } from '../api/panels-api.js';
import { PanelBlock } from './panel-frame.js';
import { DemoMarker, HiddenForRole, SourceLine, type SourceEntry } from './panel-parts.js';
import { usePanelText } from './use-panel-format.js';

export function LastMeetingBlock({ meeting, sources }: { meeting: AreaSummary['lastMeeting']; sources: readonly SourceEntry[] }) {
  const { t, format } = usePanelText();
  return (
    <PanelBlock title={t('area.lastMeeting')}>
      {meeting === undefined ? (
        <p className="panel-empty">
          <HiddenForRole />
        </p>
      ) : meeting === null ? (
        <p className="panel-empty">{t('area.noneMeeting')}</p>
      ) : (
        <div className="panel-item">
          <span className="panel-item-head">
            <time className="panel-item-date" dateTime={meeting.date}>
              {format.date(meeting.date)}
            </time>{' '}
            <DemoMarker origin={meeting.origin} />
          </span>
          <span className="panel-item-name">{meeting.title}</span>
          {meeting.venue && <span className="panel-item-meta">{meeting.venue}</span>}
          <span className="panel-item-meta">{meeting.organiser}</span>
        </div>
      )}
      <SourceLine entries={sources} />
    </PanelBlock>
  );
}
