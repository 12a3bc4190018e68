// PDFs (printable plans, briefing slides) are pages of the web app printed by headless Chromium, so a
// map comes out as sharp as on screen and the print layout is ordinary HTML and CSS. The renderer
// opens the page as the requesting user (their session token as the cookie), allows no request
// outside the app's own origin, waits for the page to say it is ready, and prints.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { SESSION_COOKIE } from '../auth/access.js';

/** A4 portrait for plans; 16:9 slides (254 × 142.9 mm, PowerPoint's widescreen size) for briefings. */
export type PdfPageFormat = 'a4' | 'slide';

export interface PdfRequest {
  /** Path and query of the app page to print, e.g. `/?page=plan-print&plan=3`. */
  path: string;
  /** The requesting user's session token: the page sees exactly what they may see. */
  sessionToken: string;
  format: PdfPageFormat;
}

export interface PdfRenderer {
  render(request: PdfRequest): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** Raised when no Chromium is available or a page does not become ready; the route answers 503. */
export class PdfUnavailableError extends Error {
  override name = 'PdfUnavailableError';
}

/** The page sets `data-print-ready="true"` on <html> once its data and map are drawn, or `data-print-error`. */
export const PRINT_READY_ATTRIBUTE = 'data-print-ready';
export const PRINT_ERROR_ATTRIBUTE = 'data-print-error';

/** Where Debian, Ubuntu and Chrome put the browser; PANTAU_CHROMIUM overrides. */
const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium(configured: string | undefined): string | undefined {
  if (configured) return existsSync(configured) ? configured : undefined;
  return CHROMIUM_CANDIDATES.find((path) => existsSync(path));
}

const READY_TIMEOUT_MS = 60_000;

/** The part of the print page's DOM read from inside the browser (the API is compiled without DOM types). */
type PrintPage = { document: { documentElement: { hasAttribute(name: string): boolean; getAttribute(name: string): string | null } } };

export interface ChromiumPdfRendererOptions {
  /** The browser binary; undefined = none found (render then fails with a clear message). */
  executablePath: string | undefined;
  /** The app's own origin as the renderer reaches it, known once the server listens. */
  baseUrl: () => string;
}

export function chromiumPdfRenderer(options: ChromiumPdfRendererOptions): PdfRenderer {
  let browser: Promise<Browser> | undefined;
  // One page at a time: a print is memory-heavy and the machine may be a small office server.
  let queue: Promise<unknown> = Promise.resolve();

  const launch = (): Promise<Browser> => {
    const executablePath = options.executablePath;
    if (!executablePath) {
      return Promise.reject(
        new PdfUnavailableError(
          'PDF output needs Chromium on the server: install it (apt-get install chromium) or set PANTAU_CHROMIUM to its path. The print page can still be printed from the browser.',
        ),
      );
    }
    if (!browser) {
      browser = chromium
        .launch({
          executablePath,
          // No calls home: the server may have no internet, and the page must load only from the app.
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        })
        .then(
          (b) => {
            b.on('disconnected', () => {
              browser = undefined;
            });
            return b;
          },
          (error: unknown) => {
            browser = undefined;
            throw new PdfUnavailableError(
              `Chromium at ${executablePath} did not start: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
            );
          },
        );
    }
    return browser;
  };

  const renderNow = async (request: PdfRequest): Promise<Uint8Array> => {
    const origin = new URL(options.baseUrl()).origin;
    const context = await (await launch()).newContext({ viewport: request.format === 'slide' ? { width: 1600, height: 900 } : { width: 1123, height: 1588 } });
    try {
      await context.addCookies([{ name: SESSION_COOKIE, value: request.sessionToken, url: origin, httpOnly: true, sameSite: 'Lax' }]);
      await context.route('**/*', (route) =>
        new URL(route.request().url()).origin === origin || route.request().url().startsWith('data:') || route.request().url().startsWith('blob:')
          ? route.continue()
          : route.abort('blockedbyclient'),
      );
      const page = await context.newPage();
      await page.goto(new URL(request.path, origin).href, { waitUntil: 'load' });
      try {
        await page.waitForFunction(
          ([ready, failed]) =>
            (globalThis as unknown as PrintPage).document.documentElement.hasAttribute(ready!) ||
            (globalThis as unknown as PrintPage).document.documentElement.hasAttribute(failed!),
          [PRINT_READY_ATTRIBUTE, PRINT_ERROR_ATTRIBUTE],
          { timeout: READY_TIMEOUT_MS },
        );
      } catch {
        throw new PdfUnavailableError(`The print page ${request.path} was not ready within ${READY_TIMEOUT_MS / 1000} s.`);
      }
      const failure = await page.evaluate(
        (failed) => (globalThis as unknown as PrintPage).document.documentElement.getAttribute(failed),
        PRINT_ERROR_ATTRIBUTE,
      );
      if (failure !== null) throw new PdfUnavailableError(`The print page could not be drawn: ${failure}`);
      await page.emulateMedia({ media: 'print' });
      return await page.pdf(
        request.format === 'slide'
          ? { width: '254mm', height: '142.875mm', printBackground: true, margin: { top: '0', right: '0', bottom: '0', left: '0' } }
          : { format: 'A4', printBackground: true, preferCSSPageSize: true },
      );
    } finally {
      await context.close();
    }
  };

  return {
    render(request) {
      const result = queue.then(() => renderNow(request));
      // One page at a time: the next render waits for this one whether it fails or not; its caller gets the failure.
      queue = result.catch(() => undefined);
      return result;
    },
    async close() {
      const open = browser;
      browser = undefined;
      // A browser that failed to start was reported to the render that started it; there is nothing to close.
      if (open) await (await open.catch(() => undefined))?.close();
    },
  };
}
