import { useId } from 'react';
import type { PanelFormat } from './panel-format.js';
import { sparklineGeometry } from './sparkline.js';
import { usePanelText } from './use-panel-format.js';

const BOX = { width: 340, height: 76, padding: 6 };

/** A month of a series: holders at its end, or arrivals during it. */
export interface SparklineMonth {
  month: string;
  total: number;
}

/** Which figure the line draws: its title and the unit under each mark. */
export type SparklineFigure = 'holders' | 'arrivals';

/**
 * Monthly holders (or arrivals) as a line, with the lowest, highest and last month marked and named in text below
 * (the numbers, not the line, are what a briefing quotes). The SVG's title and description say the
 * same for screen readers.
 */
export function TrendSparkline({
  months,
  typesLabel,
  format,
  figure = 'holders',
}: {
  months: readonly SparklineMonth[];
  typesLabel: string;
  format: PanelFormat;
  figure?: SparklineFigure;
}) {
  const keys =
    figure === 'arrivals'
      ? ({ title: 'area.arrivalsTitle', mark: 'area.arrivalsMarkValue' } as const)
      : ({ title: 'area.trendTitle', mark: 'area.trendMarkValue' } as const);
  const { t } = usePanelText();
  const titleId = useId();
  const descId = useId();
  const geometry = sparklineGeometry(
    months.map((month) => month.total),
    BOX,
  );
  const first = months[0];
  if (!geometry || !first) return <p className="panel-empty">{t('area.none')}</p>;

  const monthOf = (index: number) => format.month(months[index]?.month ?? first.month);
  const marks = [
    { key: 'min', label: t('area.trendMin'), point: geometry.min },
    { key: 'max', label: t('area.trendMax'), point: geometry.max },
    { key: 'last', label: t('area.trendLast'), point: geometry.last },
  ] as const;
  const title = t(keys.title, { types: typesLabel, from: monthOf(0), to: monthOf(months.length - 1) });
  const description = t('area.trendDesc', {
    min: format.number(geometry.min.value),
    minMonth: monthOf(geometry.min.index),
    max: format.number(geometry.max.value),
    maxMonth: monthOf(geometry.max.index),
    last: format.number(geometry.last.value),
    lastMonth: monthOf(geometry.last.index),
  });

  return (
    <figure className="panel-trend" data-testid={figure === 'arrivals' ? 'arrivals-sparkline' : 'trend-sparkline'}>
      <svg className="panel-sparkline" viewBox={`0 0 ${BOX.width} ${BOX.height}`} role="img" aria-labelledby={titleId} aria-describedby={descId}>
        <title id={titleId}>{title}</title>
        <desc id={descId}>{description}</desc>
        <path className="panel-sparkline-area" d={geometry.area} />
        <path className="panel-sparkline-line" d={geometry.line} />
        {marks.map(({ key, point }) => (
          <circle key={key} className={`panel-sparkline-dot panel-sparkline-${key}`} cx={point.x} cy={point.y} r={4} />
        ))}
      </svg>
      <div className="panel-trend-axis" aria-hidden="true">
        <span>{monthOf(0)}</span>
        <span>{monthOf(months.length - 1)}</span>
      </div>
      <figcaption>
        <dl className="panel-trend-marks">
          {marks.map(({ key, label, point }) => (
            <div key={key} className={`panel-trend-mark panel-trend-mark-${key}`}>
              <dt>
                <span className={`panel-trend-key panel-sparkline-${key}`} aria-hidden="true" />
                {label}
              </dt>
              <dd>
                {/* "1 orang, Juli 2019": a bare "1 Jul 2019" after "Terendah" read as a date. */}
                <strong>{format.number(point.value)}</strong>{' '}
                <span className="panel-muted">{t(keys.mark, { count: point.value, month: monthOf(point.index) })}</span>
              </dd>
            </div>
          ))}
        </dl>
      </figcaption>
    </figure>
  );
}
