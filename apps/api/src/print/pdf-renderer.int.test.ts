// The PDF renderer against a real Chromium and a small page server: it prints only once the page
// says it is ready, sends the session cookie, lets nothing leave the origin, and says why it failed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumPdfRenderer, findChromium, PdfUnavailableError } from './pdf-renderer.js';

const seen: Array<{ url: string; cookie: string | undefined }> = [];
let outsideRequested = false;
let server: Server;
let baseUrl = '';

const pages: Record<string, string> = {
  // Becomes ready only after a delay and a fetch that carries the cookie, and tries to reach outside.
  '/ready': `<html><body><h1>Rencana operasi</h1><img src="http://example.invalid/x.png"><script>
    setTimeout(() => fetch('/data').then((r) => r.text()).then((t) => { document.body.insertAdjacentHTML('beforeend', '<p>' + t + '</p>'); document.documentElement.setAttribute('data-print-ready', 'true'); }), 300);
  </script></body></html>`,
  '/broken': `<html><body><script>document.documentElement.setAttribute('data-print-error', 'plan 7 not found');</script></body></html>`,
};

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', cookie: req.headers.cookie });
    if (req.url === '/data') {
      res.end('Tiga sasaran');
      return;
    }
    const html = pages[req.url ?? ''];
    res.writeHead(html ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' }).end(html ?? 'no');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A second origin that must never be called.
  const outside = createServer((_, res) => {
    outsideRequested = true;
    res.end();
  });
  await new Promise<void>((done) => outside.listen(0, '127.0.0.1', () => done()));
  pages['/ready'] = pages['/ready']!.replace('http://example.invalid/x.png', `http://127.0.0.1:${(outside.address() as AddressInfo).port}/x.png`);
  return () => {
    outside.close();
  };
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe('chromiumPdfRenderer', () => {
  test('Chromium is found where Debian puts it, and a configured path that does not exist is not used', () => {
    expect(findChromium(undefined)).toBe('/usr/bin/chromium');
    expect(findChromium('/nowhere/chromium')).toBeUndefined();
  });

  test('prints a page once it is ready, as the user, without reaching outside the origin', async () => {
    const renderer = chromiumPdfRenderer({ executablePath: findChromium(undefined), baseUrl: () => baseUrl });
    try {
      const pdf = Buffer.from(await renderer.render({ path: '/ready', sessionToken: 'token-123', format: 'a4' }));
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(seen.find((s) => s.url === '/data')?.cookie).toBe('pantau_session=token-123');
      expect(outsideRequested).toBe(false);
      const slide = Buffer.from(await renderer.render({ path: '/ready', sessionToken: 'token-123', format: 'slide' }));
      // 16:9 at 254 mm wide: a MediaBox of about 720 × 405 points (Chromium rounds to whole pixels).
      const [width, height] = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(slide.toString('latin1'))!.slice(1).map(Number) as [number, number];
      expect(width).toBeCloseTo(720, -1);
      expect(width / height).toBeCloseTo(16 / 9, 2);
    } finally {
      await renderer.close();
    }
  });

  test('a page that reports an error, and a missing browser, fail with a reason', async () => {
    const renderer = chromiumPdfRenderer({ executablePath: findChromium(undefined), baseUrl: () => baseUrl });
    try {
      await expect(renderer.render({ path: '/broken', sessionToken: 't', format: 'a4' })).rejects.toThrow(/plan 7 not found/);
    } finally {
      await renderer.close();
    }
    const none = chromiumPdfRenderer({ executablePath: undefined, baseUrl: () => baseUrl });
    await expect(none.render({ path: '/ready', sessionToken: 't', format: 'a4' })).rejects.toBeInstanceOf(PdfUnavailableError);
  });
});
