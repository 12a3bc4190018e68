// One slide as the room sees it: title, the map at the slide's view (live, or as SVG for print), its
// panels, and a footer with the data date, the source and the demo-data mark. Used by the builder's
// preview, present mode and the print page.
import type { Slide, SlidePanel } from '@pantau/domain';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useTranslation } from 'react-i18next';
import { dataOf, useApiRequest } from '../api/use-api-request.js';
import { useFormat } from '../i18n/format.js';
import { TrendSparkline } from '../panels/trend-sparkline.js';
import { usePanelText } from '../panels/use-panel-format.js';
import { loadPanel, type PanelTable } from './slide-data.js';
import { SlideMap } from './slide-map.js';
import { SlideVectorMap, type VectorMap } from './slide-vector-map.js';

export interface SlideFrameProps {
  slide: Slide;
  number: number;
  count: number;
  /** The briefing's date: what a slide without its own date counts. */
  date: string;
  demo: boolean;
  /** Draws the map as SVG instead of the live map (print page and exports). */
  vector?: boolean;
  onMapReady?(map: MapLibreMap): void;
  onVectorMap?(map: VectorMap): void;
  onMapError?(message: string): void;
  onPanelsReady?(tables: PanelTable[]): void;
}

export function SlideFrame({ slide, number, count, date, demo, vector, onMapReady, onVectorMap, onMapError }: SlideFrameProps) {
  const { t } = useTranslation('briefing');
  const { t: tCommon } = useTranslation();
  const format = useFormat();
  const asOf = slide.view.asOf ?? date;
  const typesLabel = (slide.view.permitTypes.length > 0 ? slide.view.permitTypes : ['itas', 'itap']).map((type) => tCommon(`filters.permitTypes.${type}` as 'filters.permitTypes.itas')).join(' + ');
  return (
    <article className="slide" data-testid="slide" data-slide-id={slide.id}>
      <h2 className="slide-title" data-testid="slide-title">{slide.title || t('untitled')}</h2>
      <div className={`slide-body${slide.panels.length > 0 ? ' with-panels' : ''}`}>
        {vector
          ? <SlideVectorMap view={slide.view} fallbackAsOf={date} label={t('mapOf', { title: slide.title })} typesLabel={typesLabel} onReady={onVectorMap} onError={onMapError} />
          : <SlideMap view={slide.view} fallbackAsOf={date} label={t('mapOf', { title: slide.title })} typesLabel={typesLabel} onReady={onMapReady} onError={onMapError} />}
        {slide.panels.length > 0 && (
          <div className="slide-panels">
            {slide.panels.map((panel) => <SlidePanelView key={panel.kind} panel={panel} slide={slide} asOf={asOf} />)}
          </div>
        )}
      </div>
      <footer className="slide-footer">
        <span>{t('footer', { date: format.date(asOf) })}</span>
        {demo && <strong className="slide-demo" data-testid="slide-demo">{t('demo')}</strong>}
        <span className="slide-number">{number} / {count}</span>
      </footer>
    </article>
  );
}

function SlidePanelView({ panel, slide, asOf }: { panel: SlidePanel; slide: Slide; asOf: string }) {
  const { t, i18n } = useTranslation('briefing');
  const format = useFormat();
  const { format: panelFormat } = usePanelText();
  const key = `panel:${slide.id}:${JSON.stringify(panel)}:${JSON.stringify(slide.view)}:${asOf}:${i18n.language}`;
  const state = useApiRequest(key, (signal) => loadPanel(panel, slide.view, asOf, t as never, format.lang, format.date, signal));
  const table = dataOf(state);
  if (state.status === 'error') return <section className="slide-panel" role="alert">{t('panelError', { message: state.error instanceof Error ? state.error.message : String(state.error) })}</section>;
  if (!table) return <section className="slide-panel" aria-busy="true">{t('loading')}</section>;
  return (
    <section className="slide-panel" data-testid={`panel-${panel.kind}`} data-ready="true">
      <h3>{table.title}</h3>
      {!slide.view.region && <p>{t('needsArea')}</p>}
      {panel.kind === 'figures' && slide.view.region && (
        <dl className="slide-figures">
          {table.rows.map(([label, value]) => (
            <div key={String(label)} className={`slide-figure${typeof value === 'number' ? '' : ' slide-figure-text'}`} data-testid={`figure-${String(label).toLowerCase()}`}>
              <dt>{label}</dt>
              <dd>{typeof value === 'number' ? format.number(value) : value}</dd>
            </div>
          ))}
        </dl>
      )}
      {panel.kind === 'trend' && table.months && <TrendSparkline months={table.months} typesLabel="ITAS + ITAP" format={panelFormat} />}
      {(panel.kind === 'candidates' || panel.kind === 'operations') && (
        table.rows.length === 0 ? <p>{t('noRows')}</p> : (
          <table className="slide-table">
            <thead><tr>{table.columns.map((column) => <th key={column} scope="col">{column}</th>)}</tr></thead>
            <tbody>{table.rows.map((row, index) => <tr key={index}>{row.map((cell, column) => <td key={column}>{typeof cell === 'number' ? format.number(cell) : cell}</td>)}</tr>)}</tbody>
          </table>
        )
      )}
    </section>
  );
}
