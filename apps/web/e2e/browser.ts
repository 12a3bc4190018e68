import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium, headless. The flags stop it from calling home (updates, sync, field trials):
 * this network does not reach those hosts, and the tests must see only the app's own requests.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
