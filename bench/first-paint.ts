// `pnpm bench paint` (issue 25): the first map paint in Chromium, from navigation start to the first
// painted choropleth, against a bare MapLibre page that paints the same tiles. The web app marks
// `pantau:choropleth-painted` (apps/web/src/map/ready-signal.ts) on the first frame drawn with the
// shading's classes over the loaded tiles of the shown level; the bare page, one fill layer on the same
// TileJSON at the same camera and canvas size, marks `bare:choropleth-painted` on the same condition.
// Both are read as `performance.getEntriesByName(mark)[0].startTime` (ms since navigation start).
//
// The API runs as its own process (as `pnpm start` runs it) over the bench's database, with the built web
// app (rebuilt first when stale). In front of it a small node:http server serves the bare page and
// MapLibre's own files (gzipped, as the API serves the app's) under /bare/ and passes every other request
// to the API, so both pages are loaded from one origin, with one session cookie and through the same hop.
// Each run opens a fresh browser context (cold browser cache; the server's tile cache is warm after the
// warm-up), app and bare alternating, the order swapped every round.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Request } from 'playwright-core';
import { REPO_ROOT } from '@pantau/data';
import { freePort, startServer } from './load.js';
import { ms, ratio, summarize } from './measure.js';
import { recordFigure } from './results.js';

/** Set by the web app (apps/web/src/map/ready-signal.ts). */
const APP_MARK = 'pantau:choropleth-painted';
const BARE_MARK = 'bare:choropleth-painted';
/** The viewport of the end-to-end tests: a common laptop screen. */
const VIEWPORT = { width: 1366, height: 768 };
const TARGET = 1.3;
/** A mark not set within this long is a failure (a shared machine under load is slow, not this slow). */
const PAINT_TIMEOUT_MS = 120_000;
const MAPLIBRE_DIST = resolve(REPO_ROOT, 'apps/web/node_modules/maplibre-gl/dist');

export interface PaintOptions {
  rounds: number;
  /** A `Cookie` header value of a signed-in session (`pantau_session=…`). */
  cookie: string;
  /** What the spawned server needs to open the same database (as for `pnpm bench load`). */
  env: Record<string, string>;
}

/** What the app painted first, as the bare page must paint it: the shaded level's TileJSON, camera and canvas size. */
interface FirstView {
  level: string;
  tileJson: string;
  sourceLayer: string;
  center: [number, number];
  zoom: number;
  width: number;
  height: number;
}

/** What the bench reads of the app's MapLibre map (`window.__pantauMap`). */
interface MapProbe {
  getLayoutProperty(layer: string, name: string): unknown;
  getSource(id: string): { url?: string } | undefined;
  getLayer(id: string): { sourceLayer?: string } | undefined;
  getCanvas(): { clientWidth: number; clientHeight: number };
  getCenter(): { lng: number; lat: number };
  getZoom(): number;
}

/**
 * Debian's Chromium, headless, with the flags of the end-to-end tests (apps/web/e2e/browser.ts): without
 * them it keeps calling hosts this network does not reach. WebGL falls back to software (SwiftShader).
 */
function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** The bare page: MapLibre's own module, one fill layer on the app's TileJSON, the mark on the first frame with the source loaded. */
function barePage(view: FirstView): string {
  const style = {
    version: 8,
    sources: { areas: { type: 'vector', url: view.tileJson } },
    layers: [
      {
        id: 'areas-fill',
        type: 'fill',
        source: 'areas',
        'source-layer': view.sourceLayer,
        // Five classes on the holder count, as a choropleth paints them (the values do not matter to the timing).
        paint: { 'fill-color': ['step', ['coalesce', ['get', 'total'], 0], '#fee5d9', 10, '#fcae91', 100, '#fb6a4a', 1000, '#de2d26', 10000, '#a50f15'] },
      },
    ],
  };
  return `<!doctype html>
<html>
<head>
<meta charset="utf-8">
<title>bare MapLibre</title>
<link rel="stylesheet" href="/bare/maplibre-gl.css">
<style>body { margin: 0 } #map { width: ${view.width}px; height: ${view.height}px }</style>
</head>
<body>
<div id="map"></div>
<script type="module">
import { Map } from '/bare/maplibre-gl.mjs';
const map = new Map({
  container: 'map',
  style: ${JSON.stringify(style)},
  center: ${JSON.stringify(view.center)},
  zoom: ${view.zoom},
  renderWorldCopies: false,
  attributionControl: false,
});
const painted = () => {
  const drawn = map.getSource('areas') !== undefined && map.isSourceLoaded('areas') && map.querySourceFeatures('areas', { sourceLayer: ${JSON.stringify(view.sourceLayer)} }).length > 0;
  if (!drawn) return;
  performance.mark(${JSON.stringify(BARE_MARK)});
  map.off('render', painted);
};
map.on('render', painted);
</script>
</body>
</html>
`;
}

type BareFile = { body: Buffer; gzipped: Buffer; type: string };

function bareFile(body: Buffer | string, type: string): BareFile {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  return { body: bytes, gzipped: gzipSync(bytes), type };
}

/** The front server: /bare/ from memory, everything else passed to the API (same Host, so TileJSON names this origin). */
async function startFront(apiOrigin: string): Promise<{ server: Server; origin: string; setBarePage: (html: string) => void }> {
  const api = new URL(apiOrigin);
  const agent = new Agent({ keepAlive: true });
  const files = new Map<string, BareFile>([
    ['/bare/maplibre-gl.mjs', bareFile(readFileSync(resolve(MAPLIBRE_DIST, 'maplibre-gl.mjs')), 'text/javascript')],
    ['/bare/maplibre-gl-worker.mjs', bareFile(readFileSync(resolve(MAPLIBRE_DIST, 'maplibre-gl-worker.mjs')), 'text/javascript')],
    ['/bare/maplibre-gl.css', bareFile(readFileSync(resolve(MAPLIBRE_DIST, 'maplibre-gl.css')), 'text/css')],
  ]);
  const serve = (req: IncomingMessage, res: ServerResponse) => {
    const file = files.get(new URL(req.url ?? '/', 'http://front').pathname);
    if (file) {
      const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-cache', ...(gzip ? { 'content-encoding': 'gzip' } : {}) });
      res.end(gzip ? file.gzipped : file.body);
      return;
    }
    const { connection: _connection, ...headers } = req.headers;
    const upstream = request({ host: api.hostname, port: api.port, method: req.method, path: req.url, headers, agent }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
    req.pipe(upstream);
  };
  const port = await freePort();
  const server = createServer(serve);
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  return {
    server,
    origin: `http://127.0.0.1:${port}`,
    setBarePage: (html) => files.set('/bare/', bareFile(html, 'text/html; charset=utf-8')),
  };
}

/** One page load in a fresh context: ms from navigation start to `mark`, and the URLs the page requested. */
async function paintOnce(browser: Browser, origin: string, path: string, mark: string, cookie: string) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const [name, value] = cookie.split('=', 2) as [string, string];
    await context.addCookies([{ name, value, url: origin, httpOnly: true, sameSite: 'Lax' }]);
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (r: Request) => requested.push(r.url()));
    const finished: Request[] = [];
    page.on('requestfinished', (r: Request) => finished.push(r));
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(new URL(path, origin).href);
    try {
      await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark, { timeout: PAINT_TIMEOUT_MS, polling: 100 });
    } catch (error) {
      const shown = (
        await page
          .locator('body')
          .innerText({ timeout: 5_000 })
          .catch(() => '')
      ).slice(0, 300);
      throw new Error(
        `bench paint: ${path} set no ${mark} within ${PAINT_TIMEOUT_MS / 1000} s (page errors: ${errors.join('; ') || 'none'}; page shows: ${shown})`,
        {
          cause: error,
        },
      );
    }
    const { startTime, timeOrigin } = await page.evaluate(
      (name) => ({ startTime: performance.getEntriesByName(name)[0]!.startTime, timeOrigin: performance.timeOrigin }),
      mark,
    );
    // When each answer had arrived, in ms since navigation start, from the browser's own network timing
    // (requests made by MapLibre's worker too, which the page's resource timing does not list).
    const answers = finished.map((r) => {
      const timing = r.timing();
      return { path: new URL(r.url()).pathname, end: timing.startTime + timing.responseEnd - timeOrigin };
    });
    return { startTime, requested, answers, page };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/** The app's default view, once: what it painted first, read from its map. */
async function appFirstView(browser: Browser, origin: string, cookie: string): Promise<{ view: FirstView; tiles: string[] }> {
  const { requested, page } = await paintOnce(browser, origin, '/', APP_MARK, cookie);
  try {
    const view = await page.evaluate(() => {
      // Runs in the page: `globalThis` is its window.
      const map = (globalThis as unknown as { __pantauMap?: MapProbe | null }).__pantauMap;
      if (!map) throw new Error('no map on the page');
      const level = ['province', 'regency', 'district'].find((l) => map.getLayoutProperty(`${l}-fill`, 'visibility') !== 'none') ?? 'province';
      const source = map.getSource(`${level}-areas`);
      const layer = map.getLayer(`${level}-fill`);
      const canvas = map.getCanvas();
      const { lng, lat } = map.getCenter();
      return {
        level,
        tileJson: source?.url ?? '',
        sourceLayer: layer?.sourceLayer ?? '',
        center: [lng, lat] as [number, number],
        zoom: map.getZoom(),
        width: canvas.clientWidth,
        height: canvas.clientHeight,
      };
    });
    if (!view.tileJson || !view.sourceLayer) throw new Error(`bench paint: the app's ${view.level} layer has no TileJSON or source layer`);
    // The TileJSON URL as the page asked for it (absolute): the bare page asks for the same path and query.
    const tileJson = new URL(view.tileJson, origin);
    return { view: { ...view, tileJson: `${tileJson.pathname}${tileJson.search}` }, tiles: shadedTiles(requested, view.sourceLayer) };
  } finally {
    await page.context().close();
  }
}

/** Where a page load's time went: when the last answer of each kind had arrived before the mark (ms since navigation start). */
interface Steps {
  scripts: number;
  api: number;
  tileJson: number;
  tiles: number;
  painted: number;
}

function stepsOf(loaded: { startTime: number; answers: ReadonlyArray<{ path: string; end: number }> }, sourceLayer: string): Steps {
  const last = (test: (path: string) => boolean) =>
    Math.max(0, ...loaded.answers.filter(({ path, end }) => end <= loaded.startTime && test(path)).map(({ end }) => end));
  return {
    scripts: last((path) => /\.m?js$/.test(path)),
    api: last((path) => path.startsWith('/api/')),
    tileJson: last((path) => path === `/tiles/${sourceLayer}.json`),
    tiles: last((path) => path.startsWith(`/tiles/${sourceLayer}/`)),
    painted: loaded.startTime,
  };
}

/** The tiles of the shaded layer a page requested (path and query), sorted. */
function shadedTiles(requested: readonly string[], sourceLayer: string): string[] {
  return requested
    .map((url) => new URL(url))
    .filter(({ pathname }) => pathname.startsWith(`/tiles/${sourceLayer}/`))
    .map(({ pathname, search }) => `${pathname}${search}`)
    .filter((tile, i, tiles) => tiles.indexOf(tile) === i)
    .sort();
}

export async function benchFirstPaint(options: PaintOptions): Promise<void> {
  // The API serves apps/web/dist: build it when a source is newer, as `pnpm start` does.
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-if-stale.ts'], { cwd: resolve(REPO_ROOT, 'apps/web'), stdio: 'inherit' });
  const { child, origin: apiOrigin } = await startServer(options.env, 'paint');
  const front = await startFront(apiOrigin).catch((error: unknown) => {
    child.kill('SIGTERM');
    throw error;
  });
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const origin = front.origin;
    // The app's default view once: its first-painted level, TileJSON, camera and canvas size make the bare page.
    const first = await appFirstView(browser, origin, options.cookie);
    const { view } = first;
    front.setBarePage(barePage(view));
    console.log(
      `paint: Chromium ${browser.version()}, ${VIEWPORT.width}×${VIEWPORT.height}; the dashboard's default view paints ${view.level} (${view.tileJson}) at z${view.zoom.toFixed(2)}, canvas ${view.width}×${view.height}`,
    );
    // The same tiles, or the comparison would measure something else.
    const bare = await paintOnce(browser, origin, '/bare/', BARE_MARK, options.cookie);
    const bareTiles = shadedTiles(bare.requested, view.sourceLayer);
    await bare.page.context().close();
    if (bareTiles.length === 0 || bareTiles.join() !== first.tiles.join())
      throw new Error(`bench paint: the bare page asked for other tiles than the app:\n  app:  ${first.tiles.join(' ')}\n  bare: ${bareTiles.join(' ')}`);
    console.log(`  both pages request the same ${bareTiles.length} ${view.sourceLayer} tiles (${bareTiles[0]} …)`);

    const runs = { app: [] as Steps[], bare: [] as Steps[] };
    const run = async (which: 'app' | 'bare') => {
      const loaded = await paintOnce(browser!, origin, which === 'app' ? '/' : '/bare/', which === 'app' ? APP_MARK : BARE_MARK, options.cookie);
      await loaded.page.context().close();
      return stepsOf(loaded, view.sourceLayer);
    };
    // Warm-up: one more of each (the discovery runs above were the first).
    await run('app');
    await run('bare');
    for (let round = 0; round < options.rounds; round++) {
      const order = round % 2 === 0 ? (['app', 'bare'] as const) : (['bare', 'app'] as const);
      for (const which of order) runs[which].push(await run(which));
    }
    const a = summarize(runs.app.map((steps) => steps.painted));
    const b = summarize(runs.bare.map((steps) => steps.painted));
    const p50Ratio = a.p50 / b.p50;
    const p95Ratio = a.p95 / b.p95;
    const verdict = (value: number) => (value <= TARGET ? 'met' : 'MISSED');
    console.log(`  ${options.rounds} rounds each, fresh browser context per page load`);
    console.log(`  bare MapLibre page (1 fill layer)   p50 ${ms(b.p50)}  p95 ${ms(b.p95)}`);
    console.log(`  Pantau dashboard, default view      p50 ${ms(a.p50)}  p95 ${ms(a.p95)}`);
    console.log(
      `  ratio p50 ${ratio(a.p50, b.p50)} (target ≤ ${TARGET}×) — ${verdict(p50Ratio)}; p95 ${ratio(a.p95, b.p95)} (target ≤ ${TARGET}×) — ${verdict(p95Ratio)}`,
    );
    const median = (steps: Steps[], step: keyof Steps) =>
      summarize(steps.map((one) => one[step]))
        .p50.toFixed(0)
        .padStart(8);
    console.log(`  where the time goes (p50 ms after navigation start of the last answer of each kind before the mark):`);
    console.log(`           scripts     API  TileJSON   tiles  painted`);
    for (const which of ['bare', 'app'] as const)
      console.log(`    ${which.padEnd(4)} ${(['scripts', 'api', 'tileJson', 'tiles', 'painted'] as const).map((step) => median(runs[which], step)).join(' ')}`);
    const round2 = (v: number) => Math.round(v * 100) / 100;
    const round1 = (v: number) => Math.round(v * 10) / 10;
    recordFigure({ bench: 'paint', name: 'first paint p50 / bare MapLibre p50', value: round2(p50Ratio), unit: '×', target: { max: TARGET } });
    recordFigure({ bench: 'paint', name: 'first paint p95 / bare MapLibre p95', value: round2(p95Ratio), unit: '×', target: { max: TARGET } });
    recordFigure({ bench: 'paint', name: 'first paint p50', value: round1(a.p50), unit: 'ms' });
    recordFigure({ bench: 'paint', name: 'first paint p95', value: round1(a.p95), unit: 'ms' });
    recordFigure({ bench: 'paint', name: 'bare MapLibre p50', value: round1(b.p50), unit: 'ms' });
    recordFigure({ bench: 'paint', name: 'bare MapLibre p95', value: round1(b.p95), unit: 'ms' });
  } finally {
    await browser?.close();
    const closed = new Promise<void>((done) => front.server.close(() => done()));
    front.server.closeAllConnections();
    await closed;
    child.kill('SIGTERM');
    await new Promise((done) => (child.exitCode !== null ? done(null) : child.once('exit', done)));
  }
}
