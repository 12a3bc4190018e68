// One slide as the room sees it: title, the map at the slide's view (live, or as SVG for print), its
// panels, and a footer with the data date, the source and the demo-data mark. Used by the builder's
// preview, present mode and the print page. Panels shrink their type to fit; in present mode tables
// longer than a screen holds continue on a next part of the slide (`part`, `onParts`).
import type { Slide, SlidePanel } from '@pantau/domain';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { getMeta } from '../api/pantau-api.js';
import { dataOf, useApiRequest } from '../api/use-api-request.js';
import { useFormat } from '../i18n/format.js';
import { TrendSparkline } from '../panels/trend-sparkline.js';
import { usePanelText } from '../panels/use-panel-format.js';
import { loadPanel, type PanelTable } from './slide-data.js';
import { SlideMap } from './slide-map.js';
import { SlideVectorMap, type VectorMap } from './slide-vector-map.js';
import { dataSourceText } from './slide-key.js';
import { presentParts } from './slide-pages.js';
import { useFitToBox } from './use-fit-to-box.js';

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
  /** Present mode: the part of the slide shown (0 first). */
  part?: number;
  /** Present mode: tables longer than a screen holds continue on further parts; called with their number. */
  onParts?(parts: number): void;
}

type PanelResult = { panel: SlidePanel; table: PanelTable | null; error: unknown };

export function SlideFrame({ slide, number, count, date, demo, vector, onMapReady, onVectorMap, onMapError, part = 0, onParts }: SlideFrameProps) {
  const { t, i18n } = useTranslation('briefing');
  const { t: tCommon } = useTranslation();
  const format = useFormat();
  const asOf = slide.view.asOf ?? date;
  const meta = useApiRequest('meta', getMeta);
  const source = dataSourceText(dataOf(meta) ?? null, t as never, format.date);
  const panelsRef = useFitToBox<HTMLDivElement>();
  // Every panel's table, each loaded on its own (one failing says so in its place, the others show).
  const panelsKey =
    slide.panels.length === 0 ? null : `panels:${slide.id}:${JSON.stringify(slide.panels)}:${JSON.stringify(slide.view)}:${asOf}:${i18n.language}`;
  const loaded = useApiRequest(panelsKey, (signal) =>
    Promise.all(
      slide.panels.map((panel) =>
        loadPanel(panel, slide.view, asOf, t as never, format.lang, format.date, signal).then(
          (table): PanelResult => ({ panel, table, error: null }),
          (error: unknown): PanelResult => {
            if (signal.aborted) throw error;
            return { panel, table: null, error };
          },
        ),
      ),
    ),
  );
  const results = dataOf(loaded);
  // The parts: one unless in present mode and the tables run longer than a screen holds.
  const parts = useMemo(() => {
    if (!results) return null;
    const tables = results.flatMap((result) => (result.table ? [result.table] : []));
    return onParts ? presentParts(tables) : [tables];
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only whether onParts is given matters, not its identity
  }, [results, onParts !== undefined]);
  const partCount = parts?.length ?? 1;
  useEffect(() => {
    if (parts) onParts?.(parts.length);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- told once per change of the count, not per new callback
  }, [partCount]);
  const shownPart = Math.min(part, partCount - 1);
  const shown = parts?.[shownPart] ?? [];
  const typesLabel = (slide.view.permitTypes.length > 0 ? slide.view.permitTypes : ['itas', 'itap'])
    .map((type) => tCommon(`filters.permitTypes.${type}` as 'filters.permitTypes.itas'))
    .join(' + ');
  return (
    <article className="slide" data-testid="slide" data-slide-id={slide.id}>
      <h2 className="slide-title" data-testid="slide-title">
        {shownPart > 0 ? t('continued', { title: slide.title || t('untitled') }) : slide.title || t('untitled')}
      </h2>
      <div className={`slide-body${slide.panels.length > 0 ? ' with-panels' : ''}`}>
        {vector ? (
          <SlideVectorMap
            view={slide.view}
            fallbackAsOf={date}
            label={t('mapOf', { title: slide.title })}
            typesLabel={typesLabel}
            source={source}
            onReady={onVectorMap}
            onError={onMapError}
          />
        ) : (
          <SlideMap
            view={slide.view}
            fallbackAsOf={date}
            label={t('mapOf', { title: slide.title })}
            typesLabel={typesLabel}
            source={source}
            onReady={onMapReady}
            onError={onMapError}
          />
        )}
        {slide.panels.length > 0 && (
          <div className="slide-panels" ref={panelsRef}>
            {slide.panels.map((panel) => {
              const result = results?.find((candidate) => candidate.panel.kind === panel.kind);
              if (!results || !result)
                return loaded.status === 'error' ? (
                  <PanelError key={panel.kind} error={loaded.error} />
                ) : (
                  <section key={panel.kind} className="slide-panel" aria-busy="true">
                    {t('loading')}
                  </section>
                );
              if (result.error !== null) return shownPart === 0 ? <PanelError key={panel.kind} error={result.error} /> : null;
              const table = shown.find((candidate) => candidate.kind === panel.kind);
              return table ? <SlidePanelView key={panel.kind} panel={panel} slide={slide} table={table} /> : null;
            })}
          </div>
        )}
      </div>
      <footer className="slide-footer">
        <span data-testid="slide-source">{t('footer', { date: format.date(asOf), source })}</span>
        {demo && (
          <strong className="slide-demo" data-testid="slide-demo">
            {t('demo')}
          </strong>
        )}
        <span className="slide-number">
          {number} / {count}
        </span>
      </footer>
    </article>
  );
}

function PanelError({ error }: { error: unknown }) {
  const { t } = useTranslation('briefing');
  return (
    <section className="slide-panel" role="alert">
      {t('panelError', { message: error instanceof Error ? error.message : String(error) })}
    </section>
  );
}

function SlidePanelView({ panel, slide, table }: { panel: SlidePanel; slide: Slide; table: PanelTable }) {
  const { t } = useTranslation('briefing');
  const format = useFormat();
  const { format: panelFormat } = usePanelText();
  return (
    <section className="slide-panel" data-testid={`panel-${panel.kind}`} data-ready="true">
      <h3>{table.title}</h3>
      {!slide.view.region && <p>{t('needsArea')}</p>}
      {panel.kind === 'figures' && slide.view.region && (
        <dl className="slide-figures">
          {table.rows.map(([label, value]) => (
            <div
              key={String(label)}
              className={`slide-figure${typeof value === 'number' ? '' : ' slide-figure-text'}`}
              data-testid={`figure-${String(label).toLowerCase()}`}
            >
              <dt>{label}</dt>
              <dd>{typeof value === 'number' ? format.number(value) : value}</dd>
            </div>
          ))}
        </dl>
      )}
      {panel.kind === 'trend' && table.months && <TrendSparkline months={table.months} typesLabel="ITAS + ITAP" format={panelFormat} />}
      {panel.kind === 'arrivals' && table.months && <TrendSparkline months={table.months} typesLabel="" format={panelFormat} figure="arrivals" />}
      {(panel.kind === 'candidates' || panel.kind === 'operations') &&
        (table.rows.length === 0 ? (
          <p>{t('noRows')}</p>
        ) : (
          <table className="slide-table">
            <thead>
              <tr>
                {table.columns.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, index) => (
                <tr key={index}>
                  {row.map((cell, column) => (
                    <td key={column}>{typeof cell === 'number' ? format.number(cell) : cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </section>
  );
}
