import { sharePercent, type PanelFormat } from './panel-format.js';

export interface BarItem {
  key: string;
  label: string;
  count: number;
}

/**
 * Horizontal bars drawn with CSS: bar length relative to the largest count, the count as text beside
 * it (the bar only repeats what the number says).
 */
export function BarList({ items, format, testId }: { items: readonly BarItem[]; format: PanelFormat; testId?: string }) {
  const largest = Math.max(0, ...items.map((item) => item.count));
  return (
    <ol className="panel-bars" data-testid={testId}>
      {items.map((item) => (
        <li key={item.key} className="panel-bar-row">
          <span className="panel-bar-label">{item.label}</span>
          <span className="panel-bar-track" aria-hidden="true">
            <span className="panel-bar" style={{ width: `${Math.max(sharePercent(item.count, largest), 1)}%` }} />
          </span>
          <span className="panel-bar-count">{format.number(item.count)}</span>
        </li>
      ))}
    </ol>
  );
}
