/**
 * Debian's Chromium, driven by playwright-core: shared by the browser tests and the screenshot
 * script.
 */
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium (scripts/setup.sh installs it). */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Launch headless Chromium with flags that keep it quiet and offline.
 *
 * @example
 * ```ts
 * const browser = await launchBrowser();
 * const page = await browser.newPage();
 * ```
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
