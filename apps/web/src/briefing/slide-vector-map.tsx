// A slide's map as vector graphics (SVG) for the print page, the PDF and the exports: the same view,
// tiles, classes, outlines and overlays as the live slide map, drawn as paths and circles so Chromium
// prints it sharp and the offline file carries it inline. The legend stays HTML beside it.
import { INDONESIA_BBOX, type SlideView } from '@pantau/domain';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { getArea } from '../api/pantau-api.js';
import { dataOf, useApiRequest } from '../api/use-api-request.js';
import { shownOverlays } from '../auth/permissions.js';
import { useNationalScope, usePermissions } from '../auth/session-context.js';
import { choroplethScope } from '../map/choropleth.js';
import type { ChoroplethClass } from '../map/choropleth-classes.js';
import { fitPadding, frameAtPosition, frameFittingBbox, type Frame } from '../map/svg/mercator.js';
import { slideSvg, type SourceLoader } from '../map/svg/slide-svg.js';
import type { TileFilters } from '../map/tile-urls.js';
import { loadWorldLand } from '../map/world-land.js';
import { countedPermitTypes } from '../state/view-state.js';
import { useSlideClasses } from './slide-classes.js';
import { useSlideKey } from './use-slide-key.js';
import { SlideLegend } from './slide-legend.js';

/** What the exports need of a drawn slide map. */
export interface VectorMap {
  svg: string;
  width: number;
  height: number;
  classes: readonly ChoroplethClass[];
}

export interface SlideVectorMapProps {
  view: SlideView;
  /** The day counted when the slide names none. */
  fallbackAsOf: string | null;
  label: string;
  typesLabel: string;
  /** The source line under the legend ("Sumber: …, dimuat …"). */
  source: string;
  onReady?(map: VectorMap): void;
  onError?(message: string): void;
}

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

let worldLand: Promise<GeoJSON.FeatureCollection> | null = null;

/** The page's own API and assets; the world's land is loaded once for every slide. */
const browserLoader: SourceLoader = {
  tileJson: async (url) => (await fetchOk(url)).json() as Promise<{ tiles: string[]; minzoom?: number; maxzoom?: number }>,
  tile: async (url) => {
    const response = await fetchOk(url);
    return response.status === 204 ? null : new Uint8Array(await response.arrayBuffer());
  },
  worldLand: () => {
    worldLand ??= loadWorldLand().catch((error: unknown) => {
      worldLand = null;
      throw error;
    });
    return worldLand;
  },
};

/** The frame the live map would show at this size: the slide's position, else its area fitted, else Indonesia. */
export function slideFrame(
  view: Pick<SlideView, 'map' | 'region'>,
  regionBbox: readonly [number, number, number, number] | null,
  width: number,
  height: number,
): Frame | null {
  if (view.map) return frameAtPosition(view.map, width, height);
  if (view.region) return regionBbox ? frameFittingBbox(regionBbox, width, height, fitPadding(width, height)) : null;
  return frameFittingBbox(INDONESIA_BBOX, width, height, 16);
}

export function SlideVectorMap({ view, fallbackAsOf, label, typesLabel, source, onReady, onError }: SlideVectorMapProps) {
  const permissions = usePermissions();
  const boxRef = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  // The frame is measured once: the SVG scales with its box afterwards (print media, the offline file).
  useLayoutEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const measure = () => {
      const { width, height } = box.getBoundingClientRect();
      if (width > 0 && height > 0) {
        setSize((known) => known ?? { width: Math.round(width), height: Math.round(height) });
        return true;
      }
      return false;
    };
    if (measure()) return;
    const observer = new ResizeObserver(() => {
      if (measure()) observer.disconnect();
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  const region = useApiRequest(view.region && !view.map ? `area:${view.region}` : null, (signal) => getArea(view.region ?? '', signal));
  const regionBbox = dataOf(region)?.bbox ?? null;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the frame follows size, map position and region only; the box by content
  const frame = useMemo(() => (size ? slideFrame(view, regionBbox, size.width, size.height) : null), [size, view.map, view.region, regionBbox?.join()]);
  const scope = frame ? choroplethScope(view, frame.zoom) : null;
  const asOf = view.asOf ?? fallbackAsOf;
  const { classes, error } = useSlideClasses(view, scope, asOf);
  const nationalScope = useNationalScope();
  const layers = useMemo(
    () => shownOverlays(view.layers, permissions, { region: view.region, nationalScope }),
    [view.layers, permissions, view.region, nationalScope],
  );
  const permitTypes = countedPermitTypes(view);
  const key = useSlideKey();
  const filters = useMemo<TileFilters | null>(
    () =>
      asOf === null
        ? null
        : { asOf, permitTypes, nationalities: view.nationalities, purposes: view.purposes, from: view.from, to: view.to, region: view.region },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- arrays compared by their content (joined), not by identity
    [asOf, permitTypes.join(), view.nationalities.join(), view.purposes.join(), view.from, view.to, view.region],
  );

  const [svg, setSvg] = useState<string | null>(null);
  const readyRef = useRef(onReady);
  readyRef.current = onReady;
  const errorRef = useRef(onError);
  errorRef.current = onError;
  useEffect(() => {
    const failure = region.status === 'error' ? region.error : error;
    if (failure) errorRef.current?.(failure instanceof Error ? failure.message : String(failure));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reported once per status, with the error of that moment
  }, [region.status, error]);
  const classesKey = classes ? JSON.stringify(classes) : null;
  useEffect(() => {
    if (!frame || !scope || !classes || !filters) return;
    let stopped = false;
    slideSvg({ frame, filters, scope, classes, measure: view.measure, layers, region: view.region, title: label }, browserLoader).then(
      (drawn) => {
        if (stopped) return;
        setSvg(drawn);
        readyRef.current?.({ svg: drawn, width: frame.width, height: frame.height, classes });
      },
      (failure: unknown) => {
        if (!stopped) errorRef.current?.(failure instanceof Error ? failure.message : String(failure));
      },
    );
    return () => {
      stopped = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- classes, scope and layers compared by their keys, not by identity
  }, [frame, scope?.level, scope?.parent, classesKey, filters, layers.join(), view.measure, view.region, label]);

  return (
    <div className="slide-map slide-map-vector" ref={boxRef} data-testid="slide-vector-map" data-ready={svg ? 'true' : undefined}>
      {/* Built by svg-render.ts from numbers and escaped text only. */}
      {svg && <div className="slide-svg" dangerouslySetInnerHTML={{ __html: svg }} />}
      <div className="slide-legend">
        {classes && asOf && <SlideLegend slideKey={key({ classes, measure: view.measure, layers, typesLabel, asOf, source })} />}
      </div>
    </div>
  );
}
