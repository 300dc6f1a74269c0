/**
 * Screenshots of each element in its main state, for docs/elements.md:
 *
 *   pnpm exec node --conditions=@connect-auth/source examples/demo/screenshots.ts
 *
 * Starts the demo on a free port over a temporary data directory, opens each page in headless
 * Chromium at a phone-to-tablet width, and writes `docs/screenshots/<tag>.png`, cropped to the
 * element with a small margin.
 */
import { resolve } from 'node:path';
import { resetLink } from './links.ts';
import { shoot, waitForStep, withDemoPage } from './shots.ts';

const OUT_DIR = resolve(import.meta.dirname, '../../docs/screenshots');

await withDemoPage(OUT_DIR, async ({ demo, page }) => {
  await page.goto(`${demo.url}/lost-password`);
  const lost = page.locator('connect-lost-password');
  await waitForStep(lost, 'form');
  await shoot(page, lost, OUT_DIR, 'connect-lost-password');

  await page.goto(await resetLink(demo));
  const reset = page.locator('connect-reset-password');
  await waitForStep(reset, 'form');
  await shoot(page, reset, OUT_DIR, 'connect-reset-password');

  // The password input with its checklist part-way: some rules met, some not yet.
  await reset.locator('input[name="password"]').fill('harbour7');
  await shoot(
    page,
    reset.locator('connect-password-input[name="password"]'),
    OUT_DIR,
    'connect-password-input',
  );

  await page.goto(`${demo.url}/sign-in`);
  const signIn = page.locator('connect-sign-in');
  await waitForStep(signIn, 'form');
  await shoot(page, signIn, OUT_DIR, 'connect-sign-in');

  await page.goto(`${demo.url}/register`);
  const register = page.locator('connect-register');
  await waitForStep(register, 'form');
  await shoot(page, register, OUT_DIR, 'connect-register');
});
