/**
 * Screenshots of each element in its main state, for docs/elements.md:
 *
 *   pnpm exec node --conditions=@connect-auth/source examples/demo/screenshots.ts
 *
 * Starts the demo on a free port over a temporary data directory, opens each page in headless
 * Chromium at a phone-to-tablet width, and writes `docs/screenshots/<tag>.png`, cropped to the
 * element with a small margin.
 */
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { silentLogger } from '@connect-auth/server';
import type { Locator, Page } from 'playwright-core';
import { launchBrowser } from './chromium.ts';
import { type Demo, startDemo } from './demo.ts';

const OUT_DIR = resolve(import.meta.dirname, '../../docs/screenshots');
const VIEWPORT = { width: 600, height: 1000 };
const MARGIN = 16;

/** Poll until the element reports a step (`data-step`). */
async function waitForStep(element: Locator, step: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if ((await element.getAttribute('data-step')) === step) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`element never reached step "${step}"`);
}

/** Save the element's box plus a margin, clipped to the page. */
async function shoot(page: Page, target: Locator, tag: string): Promise<void> {
  // Park the caret and pointer away from the element: no focus ring or hover in the picture.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.mouse.move(0, 0);
  const box = await target.boundingBox();
  if (!box) throw new Error(`${tag} is not visible`);
  const x = Math.max(0, Math.floor(box.x - MARGIN));
  const y = Math.max(0, Math.floor(box.y - MARGIN));
  const path = join(OUT_DIR, `${tag}.png`);
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
  const size = (await stat(path)).size;
  process.stdout.write(`  ${path} (${Math.round(size / 1024)} KB)\n`);
}

async function resetLink(demo: Demo): Promise<string> {
  await fetch(`${demo.url}/v1/password-resets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: demo.account.email }),
  });
  await demo.settled();
  const mails = (await (
    await fetch(`${demo.url}/dev/mail?to=${encodeURIComponent(demo.account.email)}`)
  ).json()) as Array<{ link?: string }>;
  const link = mails[0]?.link;
  if (!link) throw new Error('no reset link in the dev inbox');
  return link;
}

const dataDir = await mkdtemp(join(tmpdir(), 'connect-demo-shots-'));
const demo = await startDemo({ port: 0, dataDir, logger: silentLogger });
const browser = await launchBrowser();
try {
  await mkdir(OUT_DIR, { recursive: true });
  const context = await browser.newContext({ viewport: VIEWPORT, reducedMotion: 'reduce' });
  const page = await context.newPage();
  process.stdout.write(`Writing screenshots to ${OUT_DIR}\n`);

  await page.goto(`${demo.url}/lost-password`);
  const lost = page.locator('connect-lost-password');
  await waitForStep(lost, 'form');
  await shoot(page, lost, 'connect-lost-password');

  await page.goto(await resetLink(demo));
  const reset = page.locator('connect-reset-password');
  await waitForStep(reset, 'form');
  await shoot(page, reset, 'connect-reset-password');

  // The password input with its checklist part-way: some rules met, some not yet.
  await reset.locator('input[name="password"]').fill('harbour7');
  await shoot(
    page,
    reset.locator('connect-password-input[name="password"]'),
    'connect-password-input',
  );

  await page.goto(`${demo.url}/sign-in`);
  const signIn = page.locator('connect-sign-in');
  await waitForStep(signIn, 'form');
  await shoot(page, signIn, 'connect-sign-in');

  await page.goto(`${demo.url}/register`);
  const register = page.locator('connect-register');
  await waitForStep(register, 'form');
  await shoot(page, register, 'connect-register');
  await context.close();
} finally {
  await browser.close();
  await demo.close();
  await rm(dataDir, { recursive: true, force: true });
}
