// Screenshots of the slide modes at the meeting room's two screens, a laptop (1366×768) and a projector
// (1920×1080), into e2e/screenshots/ (gitignored). A local stand-in for the shared harness the layout
// work adds (e2e/screenshots.ts), which was not on main yet: same folder and file names.
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

export const SCREENSHOTS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');

export const SCREENSHOT_SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

/** Two frames after a resize: layout, container queries and the maps' resize observers have run. */
async function afterLayout(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/** Saves `<name>-<width>x<height>.png` at both sizes, then restores the viewport. */
export async function saveScreenshots(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS_DIR, { recursive: true });
  const original = page.viewportSize();
  try {
    for (const size of SCREENSHOT_SIZES) {
      await page.setViewportSize(size);
      await afterLayout(page);
      // A live map redraws its tiles at the new size: give it its idle before the picture. The pictures are
      // for a person to look at, not assertions: a map still loading after 10 s is photographed as it is.
      await page
        .waitForFunction(() => [...document.querySelectorAll('.maplibregl-map')].every((el) => !el.classList.contains('maplibregl-loading')), undefined, {
          timeout: 10_000,
        })
        .catch(() => {});
      await page.screenshot({ path: join(SCREENSHOTS_DIR, `${name}-${size.width}x${size.height}.png`) });
    }
  } finally {
    if (original) {
      await page.setViewportSize(original);
      await afterLayout(page);
    }
  }
}
