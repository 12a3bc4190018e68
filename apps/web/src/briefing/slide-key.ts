// What a slide's map key says, as data: the choropleth's classes, the overlays' symbols, the data
// date and the source. The live slide, the print page (PDF), the PPTX and the offline file all draw
// this one model, so no map leaves Pantau without its legend, date and source.
import type { ChoroplethClass } from '../map/choropleth-classes.js';
import { classRangeLabel } from '../map/choropleth-legend.js';
import { NO_DATA_COLOR } from '../map/map-style.js';
import { OVERLAYS } from '../map/overlay-style.js';
import type { Measure, OverlayLayer } from '../state/view-state.js';

export interface KeyRow {
  color: string;
  label: string;
  /** `outline`: a dashed outline (risk areas, drawn so the classes under them stay readable). */
  shape: 'square' | 'circle' | 'line' | 'outline';
}

export interface SlideKey {
  title: string;
  rows: KeyRow[];
  /** One group per overlay shown on the map, titled with the layer's name. */
  overlays: Array<{ title: string; rows: KeyRow[] }>;
  /** "Data per 13 Juni 2024". */
  date: string;
  /** "Sumber: …, dimuat 4 Desember 2026". */
  source: string;
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface SlideKeyInput {
  classes: readonly ChoroplethClass[];
  measure: Measure;
  layers: readonly OverlayLayer[];
  /** "ITAS + ITAP". */
  typesLabel: string;
  /** The day counted, ISO. */
  asOf: string;
  source: string;
}

/** The key of a slide's map; `tMap` reads the `map` namespace, `tBriefing` the `briefing` one. */
export function slideKey(
  input: SlideKeyInput,
  tMap: Translate,
  tBriefing: Translate,
  format: { number(value: number, digits?: number): string; date(iso: string): string },
): SlideKey {
  return {
    title: input.measure === 'density' ? tMap('legend.titleDensity', { types: input.typesLabel }) : tMap('legend.title', { types: input.typesLabel }),
    rows: [
      ...input.classes.map((c) => ({ color: c.color, label: classRangeLabel(c, input.measure, format.number), shape: 'square' as const })),
      { color: NO_DATA_COLOR, label: tMap('legend.noData'), shape: 'square' },
    ],
    overlays: input.layers.map((layer) => ({
      title: tMap(`layers.${layer}`),
      rows: OVERLAYS[layer].legend.map((entry) => ({ color: entry.color, label: tMap(`legend.${entry.key}`), shape: entry.shape })),
    })),
    date: tBriefing('dataDate', { date: format.date(input.asOf) }),
    source: input.source,
  };
}

/** A data set as `/api/v1/meta` lists it. */
export interface LoadedDataset {
  name: string;
  /** UTC instant, ISO. */
  loadedAt: string;
}

/** The day (in WIB, where the data is loaded) of an instant. */
function dayInJakarta(instant: string): string {
  return new Date(Date.parse(instant) + 7 * 3600_000).toISOString().slice(0, 10);
}

/**
 * The source line: demo data says it is synthetic and when it was generated; real data names its
 * owners and the day of the latest import. No date is claimed when none is known.
 */
export function dataSourceText(
  meta: { demo: boolean; datasets?: readonly LoadedDataset[] } | null,
  tBriefing: Translate,
  formatDate: (iso: string) => string,
): string {
  const datasets = meta?.datasets ?? [];
  if (meta?.demo) {
    const demo = datasets.find((dataset) => dataset.name === 'demo');
    return demo ? tBriefing('sourceDemo', { loaded: formatDate(dayInJakarta(demo.loadedAt)) }) : tBriefing('sourceDemoUndated');
  }
  const latest = datasets
    .map((dataset) => dataset.loadedAt)
    .sort()
    .at(-1);
  return latest ? tBriefing('sourceData', { loaded: formatDate(dayInJakarta(latest)) }) : tBriefing('sourceDataUndated');
}
