// An operation's administrative actions (TAK) by kind, in one line.
import { enumText } from './panel-parts.js';
import { usePanelText } from './use-panel-format.js';

/** "TAK: Deportasi 1 · Penangkalan 2", or "Tanpa TAK". */
export function ActionSummary({ actions }: { actions: Record<string, number> }) {
  const { t, format } = usePanelText();
  const entries = Object.entries(actions).filter(([, count]) => count > 0);
  if (entries.length === 0) return <span className="panel-item-meta">{t('area.noActions')}</span>;
  return (
    <span className="panel-item-meta panel-actions">
      <abbr title={t('record.actions')}>{t('area.actions')}</abbr>:{' '}
      {entries.map(([kind, count]) => `${enumText(t, 'action', kind)} ${format.number(count)}`).join(' · ')}
    </span>
  );
}
