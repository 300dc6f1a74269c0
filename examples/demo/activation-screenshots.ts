/**
 * The screenshots of docs/activating-migrated-accounts.md, one per step of the portal's
 * activation guide, taken from the demo in headless Chromium:
 *
 *   pnpm --filter @connect-auth/demo run screenshots:activation
 *
 * Starts the demo on a free port over a temporary data directory and writes
 * `docs/screenshots/activation/<step>.png`.
 */
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { silentLogger } from '@connect-auth/server';
import type { Locator, Page } from 'playwright-core';
import { launchBrowser } from './chromium.ts';
import { startDemo } from './demo.ts';

const OUT_DIR = resolve(import.meta.dirname, '../../docs/screenshots/activation');
const VIEWPORT = { width: 600, height: 1000 };
const MARGIN = 16;
const PASSWORD = 'Harbour-Lantern-42';

async function waitForStep(element: Locator, step: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if ((await element.getAttribute('data-step')) === step) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`element never reached step "${step}"`);
}

async function shoot(page: Page, target: Locator, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  const box = await target.boundingBox();
  if (!box) throw new Error(`${name}: nothing visible to photograph`);
  const x = Math.max(0, Math.floor(box.x - MARGIN));
  const y = Math.max(0, Math.floor(box.y - MARGIN));
  const path = join(OUT_DIR, `${name}.png`);
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

const dataDir = await mkdtemp(join(tmpdir(), 'connect-activation-shots-'));
const demo = await startDemo({ port: 0, dataDir, logger: silentLogger });
const browser = await launchBrowser();
try {
  await mkdir(OUT_DIR, { recursive: true });
  const context = await browser.newContext({ viewport: VIEWPORT, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const email = demo.account.email;
  process.stdout.write(`Writing screenshots to ${OUT_DIR}\n`);

  // 1. The Lost Password page.
  await page.goto(`${demo.url}/lost-password`);
  const lost = page.locator('connect-lost-password');
  await waitForStep(lost, 'form');
  await shoot(page, lost, '1-lost-password');

  // 2. The email address entered, the link requested.
  await lost.getByLabel('Email address').fill(email);
  await lost.getByRole('button', { name: 'Send the link' }).click();
  await waitForStep(lost, 'sent');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await shoot(page, lost, '2-link-sent');

  // 3. The Password Reset Request email (the demo's dev inbox shows what was sent).
  await demo.settled();
  await page.goto(`${demo.url}/dev/inbox?to=${encodeURIComponent(email)}`);
  const mail = page.locator('article').first();
  await shoot(page, mail, '3-email');

  // 4. The link opens the reset page: a new password, chosen and confirmed.
  await mail.getByRole('link', { name: 'Open the link' }).click();
  const reset = page.locator('connect-reset-password');
  await waitForStep(reset, 'form');
  await reset.locator('input[name="password"]').fill(PASSWORD);
  await reset.locator('input[name="confirm"]').fill(PASSWORD);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await shoot(page, reset, '4-choose-password');

  // 5. Saved: the account is active, and sign-in is offered in place.
  await reset.getByRole('button', { name: /save/i }).click();
  await waitForStep(reset, 'sign-in');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await shoot(page, reset, '5-saved');

  // 6. Signed in with the email address and the new password.
  const signIn = reset.locator('connect-sign-in');
  await signIn.locator('input[name="password"]').fill(PASSWORD);
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await waitForStep(signIn, 'done');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await shoot(page, reset, '6-signed-in');
  await context.close();
} finally {
  await browser.close();
  await demo.close();
  await rm(dataDir, { recursive: true, force: true });
}
