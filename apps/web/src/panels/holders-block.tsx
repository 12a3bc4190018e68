// The area's holders on the day: people in total, with an ITAS, an ITAP, a visit permit, waiting for a permit, and the permits they hold.
import type { AreaSummary } from '../api/panels-api.js';
import { PanelBlock } from './panel-frame.js';
import { SourceLine, type SourceEntry } from './panel-parts.js';
import { usePanelText } from './use-panel-format.js';

export function HoldersBlock({
  summary,
  filtered,
  sources,
  demo,
}: {
  summary: AreaSummary;
  /** Whether the view filters permit types, nationalities or purposes (the figures then count only those). */
  filtered: boolean;
  sources: readonly SourceEntry[];
  demo: boolean;
}) {
  const { t, format } = usePanelText();
  const { holders } = summary;
  return (
    <PanelBlock title={t('area.holders')} note={t('area.holdersAsOf', { date: format.date(summary.asOf) })} demo={demo} testId="detail-holders">
      <dl className="panel-stats">
        <div className="panel-stat panel-stat-total">
          <dt>{t('area.total')}</dt>
          <dd data-testid="detail-total">{format.number(holders.total)}</dd>
        </div>
        <div className="panel-stat">
          <dt>
            <abbr title={t('area.itasLong')}>{t('area.itas')}</abbr>
          </dt>
          <dd data-testid="detail-itas">{format.number(holders.itas)}</dd>
        </div>
        <div className="panel-stat">
          <dt>
            <abbr title={t('area.itapLong')}>{t('area.itap')}</abbr>
          </dt>
          <dd data-testid="detail-itap">{format.number(holders.itap)}</dd>
        </div>
        <div className="panel-stat">
          <dt title={t('area.visitLong')}>{t('area.visit')}</dt>
          <dd data-testid="detail-visit">{format.number(holders.visit)}</dd>
        </div>
        <div className="panel-stat">
          <dt title={t('area.pendingLong')}>{t('area.pending')}</dt>
          <dd data-testid="detail-pending">{format.number(holders.pending)}</dd>
        </div>
        <div className="panel-stat">
          <dt title={t('area.permitsLong')}>{t('area.permits')}</dt>
          <dd data-testid="detail-permits">{format.number(holders.permits)}</dd>
        </div>
      </dl>
      {filtered && <p className="panel-muted">{t('area.filtered')}</p>}
      <SourceLine entries={sources} />
    </PanelBlock>
  );
}
