// Helpers shared by the end-to-end files: signing in, waiting for the painted map, a briefing from its template, clicking a place by
// its coordinates, the guard that every request stays on the app's own host, and the guard that the app never sends a query
// parameter the API does not take (a test fails when one of its pages got a 400 `unknown_parameter`, issue 20).
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterEach, expect } from 'vitest';
import { AREA_TILE_LAYERS } from '../src/map/tile-urls.js';
import type { E2eAccount } from './e2e-accounts.js';

export const RESULTS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'test-results');

interface PageProbes {
  __pantauReady?: boolean;
  __pantauMap?: { project(lngLat: [number, number]): { x: number; y: number } } | null;
  /** URLs the page's Content-Security-Policy refused: a request to another host that never left. */
  __blockedUrls?: string[];
}

/** `unknown_parameter` answers the app's own pages received since the last test ended, each as "METHOD path?query: message". */
const unknownParameterAnswers: string[] = [];
/** Answers whose body is still being read. */
const answersBeingRead = new Set<Promise<void>>();

/**
 * Watches every page of the context (pages opened from it too, and the API calls, tiles and exports they
 * make) for a 400 `unknown_parameter`: the API refuses a parameter it does not declare, so one means the
 * web app sends a parameter the API would otherwise have ignored. Requests a test sends itself
 * (`page.request`) are not watched: those may probe the refusal on purpose.
 */
export function guardQueryParameters(context: BrowserContext): void {
  context.on('response', (response) => {
    if (response.status() !== 400) return;
    const reading = response.json().then(
      (body: unknown) => {
        const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
        if (error?.code !== 'unknown_parameter') return;
        const url = new URL(response.url());
        unknownParameterAnswers.push(`${response.request().method()} ${url.pathname}${url.search}: ${String(error.message)}`);
      },
      () => undefined,
    );
    answersBeingRead.add(reading);
    void reading.finally(() => answersBeingRead.delete(reading));
  });
}

// Registered by every test file that uses these helpers: the test during which the app sent an unknown parameter fails, naming it.
afterEach(async () => {
  await Promise.all([...answersBeingRead]);
  const found = unknownParameterAnswers.splice(0);
  expect(found, 'the web app sent query parameters the API does not take').toEqual([]);
});

/** A page that records every URL it requests and every URL its Content-Security-Policy refused; the API never answers it `unknown_parameter`. */
export async function openGuardedPage(browser: Browser, viewport = { width: 1366, height: 768 }) {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  guardQueryParameters(context);
  const page = await context.newPage();
  const requestedUrls: string[] = [];
  page.on('request', (request) => requestedUrls.push(request.url()));
  trackRequestsInFlight(page);
  await page.addInitScript(() => {
    const probes = window as PageProbes;
    probes.__blockedUrls = [];
    document.addEventListener('securitypolicyviolation', (event) => probes.__blockedUrls?.push(event.blockedURI));
  });
  return { page, requestedUrls };
}

/**
 * Signs the page's browser context in through the API, as the sign-in form does: the session cookie
 * lands in the context's cookie jar, so every page of the context is signed in.
 */
export async function signIn(page: Page, baseUrl: string, account: E2eAccount): Promise<void> {
  const response = await page.request.post(new URL('/api/v1/auth/sign-in', baseUrl).href, {
    data: { email: account.email, password: account.password },
    headers: { origin: new URL(baseUrl).origin },
  });
  if (response.status() !== 200) throw new Error(`signing in as ${account.email} answered ${response.status()}: ${await response.text()}`);
}

/** A guarded page (see `openGuardedPage`) whose context is signed in as `account`. */
export async function openSignedInPage(browser: Browser, baseUrl: string, account: E2eAccount, viewport = { width: 1366, height: 768 }) {
  const opened = await openGuardedPage(browser, viewport);
  await signIn(opened.page, baseUrl, account);
  return opened;
}

/** Fills in and sends the sign-in form with the keyboard, as a user would. */
export async function signInWithForm(page: Page, email: string, password: string): Promise<void> {
  await page.getByTestId('sign-in-email').fill(email);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-password').press('Enter');
}

/** Fails with the offending URLs when any request went to a host other than the app's. */
export async function expectOnlyOwnHost(page: Page, requestedUrls: readonly string[], baseUrl: string): Promise<void> {
  const appOrigin = new URL(baseUrl).origin;
  // data: and blob: URLs (MapLibre's worker, control icons, the exported image) never reach a host.
  const foreignUrls = requestedUrls.filter((url) => {
    const { protocol, origin } = new URL(url);
    return protocol !== 'data:' && protocol !== 'blob:' && origin !== appOrigin;
  });
  expect(foreignUrls).toEqual([]);
  expect(await page.evaluate(() => (window as PageProbes).__blockedUrls)).toEqual([]);
}

/** Waits for the painted map; fails at once, with the message, if the page shows an error or the sign-in page instead. */
export async function waitForPaintedMap(page: Page): Promise<void> {
  try {
    await page.waitForFunction(
      () =>
        (window as PageProbes).__pantauReady === true ||
        document.querySelector('[data-testid="error-box"]') !== null ||
        document.querySelector('[data-testid="sign-in-page"]') !== null,
      undefined,
      // Generous: a shared CI machine under load draws and serves tiles several times slower.
      { timeout: 60_000 },
    );
  } catch (error) {
    // Say what the map was waiting for, so a timeout in CI can be told from a slow server.
    throw new Error(`${error instanceof Error ? error.message : String(error)}\nmap state: ${await mapState(page)}`, { cause: error });
  }
  const errorBox = page.getByTestId('error-box');
  if ((await errorBox.count()) > 0) throw new Error(`the page shows an error: ${await errorBox.innerText()}`);
  if ((await page.getByTestId('sign-in-page').count()) > 0) throw new Error('the page asks to sign in instead of showing the map');
}

/** Waits until the map has finished moving (fit or fly) and is painted again. */
export async function waitForMapAtRest(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const map = (window as unknown as { __pantauMap?: { isMoving(): boolean; loaded(): boolean } }).__pantauMap;
      return map !== undefined && map !== null && !map.isMoving() && map.loaded();
    },
    undefined,
    { timeout: 30_000 },
  );
  await waitForPaintedMap(page);
}

/** Clicks the map at a place. */
export async function clickPlace(page: Page, lngLat: [number, number]): Promise<void> {
  const point = await page.evaluate((place) => {
    const map = (window as PageProbes).__pantauMap;
    if (!map) throw new Error('no map on the page');
    return map.project(place);
  }, lngLat);
  const box = await page.getByTestId('map').boundingBox();
  if (!box) throw new Error('the map has no size');
  await page.mouse.click(box.x + point.x, box.y + point.y);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: join(RESULTS_DIR, `${name}.png`) });
}

/** The legend's class ranges as shown, e.g. ["0 – 12", "13 – 40", …]. */
export async function legendClasses(page: Page): Promise<string[]> {
  return page.getByTestId('legend-class').allInnerTexts();
}

/**
 * Builds a briefing from its template (the concentration one unless named) for a regency and date, on
 * the briefing page; returns the saved briefing's id once its editor is open.
 */
export async function buildTemplateBriefing(
  page: Page,
  baseUrl: string,
  regency: { code: string; name: string },
  date: string,
  template: 'concentration' | 'enforcement' | 'risks' = 'concentration',
): Promise<number> {
  await page.goto(new URL('/?page=briefing', baseUrl).href);
  await page.getByTestId('template-area').fill(regency.code);
  await page.getByTestId('template-date').fill(date);
  // The field has committed the day (its value, not only its text) before the template is chosen.
  await page.getByTestId('template-date').press('Tab');
  await expect.poll(() => page.getByTestId('template-date').getAttribute('data-value'), { timeout: 30_000 }).toBe(date);
  // The regencies of the user's area have loaded: the code is recognised.
  await expect.poll(() => page.getByTestId('template-area-name').innerText(), { timeout: 30_000 }).toBe(regency.name);
  await page.getByTestId(`template-${template}`).click();
  await page.getByTestId('briefing-editor').waitFor();
  const id = Number(new URL(page.url()).searchParams.get('briefing'));
  expect(id).toBeGreaterThan(0);
  return id;
}

/** Requests a page has sent and not yet had an answer to, with when they were sent: for the timeout report. */
const requestsInFlight = new WeakMap<Page, Map<Request, number>>();

function trackRequestsInFlight(page: Page): void {
  const inFlight = new Map<Request, number>();
  requestsInFlight.set(page, inFlight);
  page.on('request', (request) => inFlight.set(request, Date.now()));
  page.on('requestfinished', (request) => inFlight.delete(request));
  page.on('requestfailed', (request) => inFlight.delete(request));
}

function describeRequestsInFlight(page: Page): string[] {
  const now = Date.now();
  return [...(requestsInFlight.get(page) ?? new Map<Request, number>())].map(
    ([request, sentAt]) => `${request.method()} ${new URL(request.url()).pathname}${new URL(request.url()).search} (${Math.round((now - sentAt) / 1000)} s)`,
  );
}

/** The map's loading state as one line of JSON: which sources are still loading, and their tiles. */
async function mapState(page: Page): Promise<string> {
  const state = await page
    .evaluate(
      async (tileLayers) => {
        const map = (window as unknown as { __pantauMap?: DebuggableMap | null }).__pantauMap;
        if (!map) return JSON.stringify({ map: null });
        // Does one more frame (and its idle) make the map ready? Then the page missed an idle.
        const idleAfterRepaint = await new Promise<boolean>((done) => {
          const timer = setTimeout(() => done(false), 3000);
          map.once('idle', () => {
            clearTimeout(timer);
            done(true);
          });
          map.triggerRepaint();
        });
        await new Promise((done) => setTimeout(done, 100));
        const sources = Object.fromEntries(
          Object.keys(map.getStyle().sources).map((id) => {
            const cache = map.style?.tileManagers?.[id];
            const tiles = cache?._inViewTiles?.getAllTiles().map((tile) => tile.state) ?? [];
            const sourceLayer = id.endsWith('-areas') ? tileLayers[id.slice(0, -'-areas'.length)] : undefined;
            const features = sourceLayer ? map.querySourceFeatures(id, { sourceLayer }).length : null;
            return [id, { loaded: map.isSourceLoaded(id), tiles, features }];
          }),
        );
        return JSON.stringify({
          idleAfterRepaint,
          readyAfterRepaint: (window as { __pantauReady?: boolean }).__pantauReady,
          loaded: map.loaded(),
          moving: map.isMoving(),
          zoom: map.getZoom(),
          url: location.search,
          legend: document.querySelector('[data-testid="legend"]')?.textContent ?? null,
          sources,
        });
      },
      AREA_TILE_LAYERS as Record<string, string>,
    )
    .catch((error: unknown) => `unavailable (${String(error)})`);
  return `${state}\nrequests in flight: ${JSON.stringify(describeRequestsInFlight(page))}`;
}

/** The parts of MapLibre's map (public and internal) the state report reads. */
interface DebuggableMap {
  getStyle(): { sources: Record<string, unknown> };
  isSourceLoaded(id: string): boolean;
  querySourceFeatures(id: string, options: { sourceLayer: string }): unknown[];
  once(event: 'idle', listener: () => void): unknown;
  triggerRepaint(): void;
  loaded(): boolean;
  isMoving(): boolean;
  getZoom(): number;
  style?: { tileManagers?: Record<string, { _inViewTiles?: { getAllTiles(): { state: string }[] } }> };
}
