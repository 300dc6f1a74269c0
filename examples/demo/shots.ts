/**
 * What the screenshot scripts (`screenshots.ts`, `activation-screenshots.ts`) share: a demo on a
 * free port over a temporary data directory with one headless Chromium page, waiting for an
 * element's step, and cropping a picture to an element.
 */
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '@connect-auth/server';
import type { Locator, Page } from 'playwright-core';
import { launchBrowser } from './chromium.ts';
import { type Demo, startDemo } from './demo.ts';

const VIEWPORT = { width: 600, height: 1000 };
const MARGIN = 16;

/**
 * Poll until the element reports a step (`data-step`), for up to 10 seconds.
 *
 * @example
 * ```ts
 * await waitForStep(page.locator('connect-sign-in'), 'form');
 * ```
 */
export async function waitForStep(element: Locator, step: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if ((await element.getAttribute('data-step')) === step) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`element never reached step "${step}"`);
}

/**
 * Save the element's box plus a margin, clipped to the page, as `<dir>/<name>.png`.
 *
 * @example
 * ```ts
 * await shoot(page, page.locator('connect-sign-in'), OUT_DIR, 'connect-sign-in');
 * ```
 */
export async function shoot(page: Page, target: Locator, dir: string, name: string): Promise<void> {
  // Park the caret and pointer away from the element: no focus ring or hover in the picture.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.mouse.move(0, 0);
  const box = await target.boundingBox();
  if (!box) throw new Error(`${name}: nothing visible to photograph`);
  const x = Math.max(0, Math.floor(box.x - MARGIN));
  const y = Math.max(0, Math.floor(box.y - MARGIN));
  const path = join(dir, `${name}.png`);
  await page.screenshot({
    path,
    fullPage: true,
    clip: {
      x,
      y,
      width: Math.ceil(box.width + 2 * MARGIN),
      height: Math.ceil(box.height + 2 * MARGIN),
    },
  });
  process.stdout.write(`  ${path} (${Math.round((await stat(path)).size / 1024)} KB)\n`);
}

/**
 * Start a demo (free port, temporary data), open one page in headless Chromium at a
 * phone-to-tablet width, run `shots`, then close everything and delete the data.
 *
 * @example
 * ```ts
 * await withDemoPage(OUT_DIR, async ({ demo, page }) => { await page.goto(demo.url); });
 * ```
 */
export async function withDemoPage(
  outDir: string,
  shots: (context: { demo: Demo; page: Page }) => Promise<void>,
): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'connect-demo-shots-'));
  const demo = await startDemo({ port: 0, dataDir, logger: silentLogger });
  const browser = await launchBrowser();
  try {
    await mkdir(outDir, { recursive: true });
    const context = await browser.newContext({ viewport: VIEWPORT, reducedMotion: 'reduce' });
    process.stdout.write(`Writing screenshots to ${outDir}\n`);
    await shots({ demo, page: await context.newPage() });
    await context.close();
  } finally {
    await browser.close();
    await demo.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
