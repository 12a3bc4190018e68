// Stores a briefing for offline use: the plan (offline-plan.ts) fetched file by file into a new
// Cache Storage cache, within the stated budget; the copy's description is written last, so the
// service worker never serves a half-stored copy. Loaded with the briefing page only.
import { isObject, type Briefing } from '@pantau/domain';
import { requestLanguage } from '../api/api-client.js';
import { areaPath } from '../api/pantau-api.js';
import type { OverlayLayer } from '../state/view-state.js';
import { ByteBudget, checkPlan, OFFLINE_BUDGET_BYTES, OFFLINE_MAX_FILES, OfflineBudgetError } from './offline-budget.js';
import { offlineCacheNames, readMeta, type OfflineCopy } from './offline-copies.js';
import { COPY_META_PATH, offlineCacheName, parseOfflineCacheName, SHELL_MANIFEST_PATH, type CopyMeta } from './offline-names.js';
import {
  briefingApiUrls,
  slideApiUrls,
  slideAsOf,
  slideTileJsonUrls,
  slideViews,
  tileSourceOf,
  tileUrlsForViews,
  type PlannedView,
  type Viewport,
} from './offline-plan.js';
import { serviceWorkerInCharge } from './register-service-worker.js';
import type { Bbox } from './tile-math.js';

const PARALLEL_FETCHES = 4;

export interface SaveProgress {
  /** `planning`: reading what the slides need; `storing`: fetching and storing the files. */
  phase: 'planning' | 'storing';
  done: number;
  total: number;
  bytes: number;
}

export interface SaveRequest {
  briefing: Briefing;
  userId: number;
  /** The overlays a slide's map shows for this role (permissions applied). */
  overlaysOf(slide: Briefing['slides'][number]): OverlayLayer[];
  /** The size the maps will have: the screen, as in present mode. */
  viewport: Viewport;
  budgetBytes?: number;
  signal?: AbortSignal;
  onProgress?(progress: SaveProgress): void;
}

/** A file the copy needs could not be fetched: the copy is not kept. */
export class OfflineFetchError extends Error {
  constructor(
    readonly url: string,
    readonly status: number | null,
  ) {
    super(status === null ? `${url}: no answer` : `${url}: HTTP ${status}`);
    this.name = 'OfflineFetchError';
  }
}

/**
 * Stores a briefing for offline use: plans, fetches and stores every file, and writes the copy's
 * description last. Over the budget, or on any failed fetch, the new copy is removed whole and the
 * previous one (if any) stays; on success the previous one is removed.
 */
export async function saveOfflineCopy(request: SaveRequest): Promise<OfflineCopy> {
  const { briefing, userId, viewport } = request;
  // One failed file stops the others: the copy is abandoned whole.
  const stop = new AbortController();
  const abandon = () => stop.abort(request.signal?.reason);
  request.signal?.addEventListener('abort', abandon, { once: true });
  const signal = stop.signal;
  const budget = new ByteBudget(request.budgetBytes ?? OFFLINE_BUDGET_BYTES);
  // Copies are read by the worker: without it in charge, the copy would never be served.
  await serviceWorkerInCharge();
  const savedAt = new Date();
  const cacheName = offlineCacheName(briefing.id, savedAt);
  const cache = await caches.open(cacheName);
  const stored = new Set<string>();
  let total = 0;
  const progress = (phase: SaveProgress['phase']) => request.onProgress?.({ phase, done: budget.files, total, bytes: budget.bytes });

  /** Fetches one file into the copy and returns its body (read for the plan's next step). */
  const store = async (path: string): Promise<ArrayBuffer> => {
    signal?.throwIfAborted();
    const target = new URL(path, window.location.origin).href;
    let response: Response;
    try {
      response = await fetch(target, {
        credentials: 'same-origin',
        headers: { accept: 'application/json, */*', 'accept-language': requestLanguage() },
        signal,
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new OfflineFetchError(path, null);
    }
    // 204: an empty tile, stored too so the map does not ask the network for it offline.
    if (response.status !== 200 && response.status !== 204) throw new OfflineFetchError(path, response.status);
    const copy = response.clone();
    const body = await response.arrayBuffer();
    budget.add(body.byteLength);
    await cache.put(target, copy);
    stored.add(target);
    return body;
  };
  const storeAll = async (paths: readonly string[], phase: SaveProgress['phase']): Promise<ArrayBuffer[]> => {
    const results: ArrayBuffer[] = new Array<ArrayBuffer>(paths.length);
    let next = 0;
    const worker = async () => {
      while (next < paths.length) {
        const index = next++;
        results[index] = await store(paths[index] as string);
        progress(phase);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_FETCHES, paths.length) }, worker));
    return results;
  };

  try {
    // Older unfinished copies of this briefing (a closed tab half-way) go first.
    for (const cacheNameOfBriefing of await offlineCacheNames()) {
      if (
        cacheNameOfBriefing !== cacheName &&
        parseOfflineCacheName(cacheNameOfBriefing)?.briefingId === briefing.id &&
        !(await readMeta(cacheNameOfBriefing))
      ) {
        await caches.delete(cacheNameOfBriefing);
      }
    }

    // 1. What the slides' maps need to be planned: the app's file list, each slide's area box and its layers' TileJSON.
    const manifestResponse = await fetch(SHELL_MANIFEST_PATH, { cache: 'no-store', signal });
    if (!manifestResponse.ok) throw new OfflineFetchError(SHELL_MANIFEST_PATH, manifestResponse.status);
    const shell = shellFilesOf(await manifestResponse.json());
    const shellBytes = shell.reduce((sum, file) => sum + file.bytes, 0);
    const early = checkPlan(shell.length, shellBytes, { bytes: budget.limit, files: OFFLINE_MAX_FILES });
    if (early) throw new OfflineBudgetError(early);

    const slides = briefing.slides.map((slide) => ({ slide, asOf: slideAsOf(slide, briefing), overlays: request.overlaysOf(slide) }));
    const areaPaths = unique(slides.flatMap(({ slide }) => (slide.view.region && !slide.view.map ? [areaPath(slide.view.region)] : [])));
    const tileJsonPaths = unique(slides.flatMap(({ slide, asOf, overlays }) => slideTileJsonUrls(slide, asOf, overlays)));
    total = areaPaths.length + tileJsonPaths.length;
    progress('planning');
    const areaAnswers = await storeAll(areaPaths, 'planning');
    const areaBoxes = new Map<string, Bbox>();
    for (const [index, answer] of areaAnswers.entries()) {
      const body = jsonOf(answer) as { code?: unknown; bbox?: unknown } | null;
      if (body && typeof body.code === 'string' && Array.isArray(body.bbox) && body.bbox.length === 4) areaBoxes.set(body.code, body.bbox as unknown as Bbox);
      else throw new OfflineFetchError(areaPaths[index] as string, 200);
    }
    const tileJsonAnswers = await storeAll(tileJsonPaths, 'planning');
    const sources = new Map<string, NonNullable<ReturnType<typeof tileSourceOf>>>();
    for (const [index, answer] of tileJsonAnswers.entries()) {
      const source = tileSourceOf(jsonOf(answer));
      if (!source) throw new OfflineFetchError(tileJsonPaths[index] as string, 200);
      sources.set(tileJsonPaths[index] as string, source);
    }

    // 2. The whole plan: app shell, API reads, tiles of each slide's views.
    const apiPaths = new Set(briefingApiUrls(briefing.id));
    const tilePaths = new Set<string>();
    for (const { slide, asOf, overlays } of slides) {
      const views: PlannedView[] = slideViews(slide.view, slide.view.region ? (areaBoxes.get(slide.view.region) ?? null) : null, viewport);
      for (const path of slideApiUrls(slide, asOf, views)) apiPaths.add(path);
      for (const tileJsonPath of slideTileJsonUrls(slide, asOf, overlays)) {
        const source = sources.get(tileJsonPath);
        if (source) for (const tile of tileUrlsForViews(source, views)) tilePaths.add(tile);
      }
    }
    const remaining = [...shell.map((file) => file.path), ...apiPaths, ...tilePaths].filter((path) => !stored.has(new URL(path, window.location.origin).href));
    total = budget.files + remaining.length;
    const problem = checkPlan(total, shellBytes + budget.bytes, { bytes: budget.limit, files: OFFLINE_MAX_FILES });
    if (problem) throw new OfflineBudgetError(problem);
    progress('storing');

    // 3. Everything, then the description that makes the copy usable.
    await storeAll(remaining, 'storing');
    const meta: CopyMeta = { briefingId: briefing.id, title: briefing.title, userId, savedAt: savedAt.toISOString(), bytes: budget.bytes, files: budget.files };
    await cache.put(COPY_META_PATH, new Response(JSON.stringify(meta), { headers: { 'content-type': 'application/json' } }));
    for (const cacheNameOfBriefing of await offlineCacheNames()) {
      if (cacheNameOfBriefing !== cacheName && parseOfflineCacheName(cacheNameOfBriefing)?.briefingId === briefing.id) await caches.delete(cacheNameOfBriefing);
    }
    // Ask the browser not to evict the copies under storage pressure (granted or not, they still work).
    void navigator.storage?.persist?.().catch(() => false);
    return { ...meta, cacheName };
  } catch (error) {
    stop.abort(error);
    await caches.delete(cacheName);
    throw error;
  } finally {
    request.signal?.removeEventListener('abort', abandon);
  }
}

function jsonOf(body: ArrayBuffer): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(body));
  } catch {
    // Not JSON: the callers treat null as a missing answer and fail the save naming the path.
    return null;
  }
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

function shellFilesOf(manifest: unknown): Array<{ path: string; bytes: number }> {
  const files = isObject(manifest) ? manifest.files : undefined;
  if (!Array.isArray(files)) throw new OfflineFetchError(SHELL_MANIFEST_PATH, 200);
  return files.filter((file): file is { path: string; bytes: number } => isObject(file) && typeof file.path === 'string' && typeof file.bytes === 'number');
}
