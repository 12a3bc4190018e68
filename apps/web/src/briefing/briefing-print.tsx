// The print page of a briefing (`?page=briefing-print&briefing=ID`): every slide, one per 16:9 page.
// Maps are drawn a few at a time (a WebGL context each) and kept as images; when all maps and panels are
// in, the page marks itself ready for the PDF renderer (data-print-ready). With `#export=pptx` or
// `#export=html` it then writes the PPTX or the self-contained offline HTML file from the same slides.
import type { Briefing } from '@pantau/domain';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getMeta } from '../api/pantau-api.js';
import { dataOf, useApiRequest } from '../api/use-api-request.js';
import { useFormat } from '../i18n/format.js';
import type { ViewState } from '../state/view-state.js';
import { addBriefingResources } from './briefing-locales.js';
import { getBriefing } from './briefings-api.js';
import { loadPanel, type PanelTable } from './slide-data.js';
import { SlideFrame } from './slide-frame.js';
import { mapImage } from './slide-map.js';
import './briefing.css';

export type ExportKind = 'pptx' | 'html';

const LIVE_MAPS = 4;

export default function BriefingPrintPage({ view }: { view: ViewState }) {
  const { i18n } = useTranslation();
  addBriefingResources(i18n);
  return <BriefingPrint view={view} />;
}

function markPrint(state: { ready: true } | { error: string }) {
  if ('ready' in state) document.documentElement.dataset.printReady = 'true';
  else document.documentElement.dataset.printError = state.error;
}

function BriefingPrint({ view }: { view: ViewState }) {
  const { t } = useTranslation('briefing');
  const format = useFormat();
  const id = view.briefing;
  // In the hash: the app rewrites the query to its canonical form, which keeps the hash as it is.
  const [exportKind] = useState(() => {
    const value = new URLSearchParams(window.location.hash.slice(1)).get('export');
    return value === 'pptx' || value === 'html' ? (value as ExportKind) : null;
  });
  const loaded = useApiRequest(id === null ? null : `briefing:${id}`, (signal) => getBriefing(id ?? 0, signal));
  const meta = useApiRequest('meta', getMeta);
  const briefing = dataOf(loaded)?.briefing ?? null;
  const demo = dataOf(meta)?.demo ?? false;
  const [images, setImages] = useState<Record<number, string>>({});
  const capturedCount = Object.keys(images).length;
  const [exported, setExported] = useState<string | null>(null);

  useEffect(() => { document.documentElement.classList.add('printing-slides'); return () => document.documentElement.classList.remove('printing-slides'); }, []);
  useEffect(() => {
    if (id === null) markPrint({ error: 'no briefing named (briefing=ID)' });
    else if (loaded.status === 'error') markPrint({ error: loaded.error instanceof Error ? loaded.error.message : String(loaded.error) });
  }, [id, loaded.status]);

  // Up to LIVE_MAPS maps draw at once (each a WebGL context); a map becomes an image once drawn.
  const firstMissing = briefing ? briefing.slides.findIndex((_, index) => images[index] === undefined) : -1;
  const isLive = (index: number) => firstMissing >= 0 && images[index] === undefined && index < firstMissing + LIVE_MAPS;
  // A map may report ready twice (a late camera move): only the first image of a slide counts.
  const onMapReady = useCallback((index: number) => async (map: MapLibreMap) => {
    const image = await mapImage(map);
    setImages((done) => (done[index] === undefined ? { ...done, [index]: image } : done));
  }, []);

  // All maps drawn: wait for the panels' data, then mark ready and (when asked) export.
  useEffect(() => {
    if (!briefing || meta.status !== 'ok' || capturedCount < briefing.slides.length) return;
    let stopped = false;
    const check = async () => {
      if (stopped) return;
      if (document.querySelector('.slide-panel[aria-busy="true"]')) { window.setTimeout(() => void check(), 200); return; }
      markPrint({ ready: true });
      if (!exportKind) return;
      try {
        const tables = await Promise.all(briefing.slides.map((slide) => Promise.all(slide.panels.map((panel) =>
          loadPanel(panel, slide.view, slide.view.asOf ?? briefing.date, t as never, briefing.lang, format.date)))));
        const texts = { demo: t('demo'), footer: (date: string) => t('footer', { date: format.date(date) }) };
        const { exportPptx, exportOfflineHtml } = await import('./briefing-export.js');
        const pictures = briefing.slides.map((_, index) => images[index] ?? '');
        const name = exportKind === 'pptx' ? await exportPptx(briefing, pictures, tables, demo, texts) : exportOfflineHtml(briefing, pictures, tables, demo, texts);
        setExported(name);
      } catch (error) {
        setExported(`${t('exportFailed')}: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
    void check();
    return () => { stopped = true; };
  }, [briefing, capturedCount, meta.status]);

  if (!briefing) return <p>{loaded.status === 'error' ? String(loaded.error) : t('loading')}</p>;
  return (
    <div className="print-slides" data-testid="print-slides">
      {exported && <p className="print-status no-print" role="status" data-testid="export-status">{exported}</p>}
      {briefing.slides.map((slide, index) => (
        <div className="print-page" key={slide.id}>
          {images[index] !== undefined || isLive(index) ? (
            <SlideFrame slide={slide} number={index + 1} count={briefing.slides.length} date={briefing.date} demo={demo}
              mapImage={images[index] ?? null} onMapReady={isLive(index) ? onMapReady(index) : undefined} />
          ) : <p className="print-waiting">{t('loading')}</p>}
        </div>
      ))}
    </div>
  );
}

export type { Briefing, PanelTable };
