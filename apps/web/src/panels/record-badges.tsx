// The badges and validity line the area and record panels share: a risk's severity, an operation's outcome, the days a risk area holds.
import { enumText, type PanelT } from './panel-parts.js';
import type { PanelFormat } from './panel-format.js';
import { usePanelText } from './use-panel-format.js';

export function SeverityBadge({ severity }: { severity: string }) {
  const { t } = usePanelText();
  return <span className={`panel-badge panel-severity-${severity}`}>{enumText(t, 'severity', severity)}</span>;
}

export function OutcomeBadge({ outcome }: { outcome: string }) {
  const { t } = usePanelText();
  return <span className={`panel-badge panel-outcome-${outcome}`}>{enumText(t, 'outcome', outcome)}</span>;
}

export function validity(t: PanelT, format: PanelFormat, from: string | null, to: string | null): string {
  if (from && to) return t('area.validRange', { from: format.date(from), to: format.date(to) });
  if (from) return t('area.validSince', { date: format.date(from) });
  return '';
}
