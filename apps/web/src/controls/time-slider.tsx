import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.js';
import { monthOfPeriod, monthPeriod, monthsBetween, type TimeMode } from './time-months.js';

/** The first month of the timeline: the demo and reference data start in 2016–2019. */
export const TIMELINE_FIRST_MONTH = '2019-01';
const PLAY_STEP_MS = 1200;

export interface TimeSliderProps {
  from: string | null;
  to: string | null;
  mode: TimeMode;
  /** The server's today: the timeline's last month. */
  today: string;
  /** A month chosen (or played): period and as-of date; `replace` while playing and dragging. */
  onPeriod(period: { from: string | null; to: string | null; asOf: string | null }, history: 'push' | 'replace'): void;
  onModeChange(mode: TimeMode): void;
}

/**
 * Plays operations and reports month by month: the period of the layers and the permits' as-of date
 * (the month's last day) move together, so the choropleth shows the holders at the end of the month.
 */
export function TimeSlider({ from, to, mode, today, onPeriod, onModeChange }: TimeSliderProps) {
  const { t } = useTranslation('map');
  const format = useFormat();
  const id = useId();
  const months = useMemo(() => monthsBetween(TIMELINE_FIRST_MONTH, today.slice(0, 7)), [today]);
  const month = monthOfPeriod(from, to, mode, TIMELINE_FIRST_MONTH);
  const index = month === null ? months.length - 1 : Math.max(0, months.indexOf(month));
  const [playing, setPlaying] = useState(false);
  const stateRef = useRef({ index, months, mode, onPeriod });
  stateRef.current = { index, months, mode, onPeriod };

  const showMonth = (monthIndex: number, history: 'push' | 'replace') => {
    const chosen = months[monthIndex];
    if (chosen) onPeriod(monthPeriod(chosen, mode, TIMELINE_FIRST_MONTH), history);
  };

  useEffect(() => {
    if (!playing) return;
    const timer = window.setInterval(() => {
      const { index: current, months: all, mode: currentMode, onPeriod: setPeriod } = stateRef.current;
      const next = all[current + 1];
      if (!next) {
        setPlaying(false);
        return;
      }
      setPeriod(monthPeriod(next, currentMode, TIMELINE_FIRST_MONTH), 'replace');
    }, PLAY_STEP_MS);
    return () => window.clearInterval(timer);
  }, [playing]);

  const togglePlay = () => {
    if (playing) {
      setPlaying(false);
      return;
    }
    // From the start when nothing (or the last month) is shown yet.
    if (month === null || index >= months.length - 1) showMonth(0, 'push');
    setPlaying(true);
  };

  const summary =
    month === null
      ? t('time.all')
      : mode === 'window'
        ? t('time.windowSummary', { month: format.month(month) })
        : t('time.cumulativeSummary', { month: format.month(month) });

  return (
    <section className="time-slider map-card" aria-labelledby={`${id}-title`} data-testid="time-slider">
      <div className="time-slider-head">
        <h2 id={`${id}-title`} className="time-slider-title">
          {t('time.label')}
        </h2>
        <output className="time-slider-month" htmlFor={`${id}-range`} data-testid="time-month" aria-live="off">
          {summary}
        </output>
      </div>
      <div className="time-slider-row">
        <button type="button" className="button button-primary" onClick={togglePlay} aria-pressed={playing} data-testid="time-play">
          {playing ? `❚❚ ${t('time.pause')}` : `▶ ${t('time.play')}`}
        </button>
        <label className="visually-hidden" htmlFor={`${id}-range`}>
          {t('time.slider')}
        </label>
        <input
          id={`${id}-range`}
          type="range"
          min={0}
          max={months.length - 1}
          step={1}
          value={index}
          aria-valuetext={summary}
          onChange={(event) => {
            setPlaying(false);
            showMonth(Number(event.target.value), 'replace');
          }}
        />
        <label className="time-mode">
          <span className="visually-hidden">{t('time.mode')}</span>
          <select value={mode} onChange={(event) => onModeChange(event.target.value === 'cumulative' ? 'cumulative' : 'window')}>
            <option value="window">{t('time.window')}</option>
            <option value="cumulative">{t('time.cumulative')}</option>
          </select>
        </label>
        {month !== null && (
          <button
            type="button"
            className="button"
            onClick={() => {
              setPlaying(false);
              onPeriod({ from: null, to: null, asOf: null }, 'push');
            }}
          >
            {t('time.showAll')}
          </button>
        )}
      </div>
    </section>
  );
}
