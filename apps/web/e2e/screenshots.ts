// The shared screenshot harness (issue 19): saves what a page shows at the two screens the meeting
// room uses, a laptop (1366×768) and a projector (1920×1080), so a reviewer can look at every page at
// both sizes. Files land in apps/web/e2e/screenshots/ (gitignored), named `<name>-<width>x<height>.png`.
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { waitForMapAtRest } from './page-helpers.js';

export const SCREENSHOTS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');

/** The laptop and the projector of the meeting room. */
export const SCREEN_SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

export type ScreenSize = (typeof SCREEN_SIZES)[number];

/**
 * Waits until the page is settled at its current size: with a map on the page, until the map has
 * stopped moving and painted its tiles (a resize refits and redraws); otherwise one frame after layout.
 */
export async function settle(page: Page): Promise<void> {
  const hasMap = await page.evaluate(() => document.querySelector('[data-testid="map"]') !== null && (window as { __pantauMap?: unknown }).__pantauMap != null);
  if (hasMap) {
    // A resize is picked up by MapLibre's resize observer on the next frame: let it start moving first.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await waitForMapAtRest(page);
  } else {
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  }
}

/**
 * Saves the page at 1366×768 and at 1920×1080 (resizing the viewport, waiting for the map to settle
 * where there is one), then restores the viewport it had. Returns the files written.
 */
export async function saveScreenshots(page: Page, name: string): Promise<string[]> {
  await mkdir(SCREENSHOTS_DIR, { recursive: true });
  const original = page.viewportSize();
  const files: string[] = [];
  try {
    for (const size of SCREEN_SIZES) {
      await page.setViewportSize(size);
      await settle(page);
      const file = join(SCREENSHOTS_DIR, `${name}-${size.width}x${size.height}.png`);
      await page.screenshot({ path: file });
      files.push(file);
    }
  } finally {
    if (original) {
      await page.setViewportSize(original);
      await settle(page);
    }
  }
  return files;
}

/** Runs `check` at each screen size (viewport resized and settled first), restoring the viewport after. */
export async function atEachScreenSize(page: Page, check: (size: ScreenSize) => Promise<void>): Promise<void> {
  const original = page.viewportSize();
  try {
    for (const size of SCREEN_SIZES) {
      await page.setViewportSize(size);
      await settle(page);
      await check(size);
    }
  } finally {
    if (original) {
      await page.setViewportSize(original);
      await settle(page);
    }
  }
}
