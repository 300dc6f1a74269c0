/**
 * The screenshots of docs/activating-migrated-accounts.md, one per step of the portal's
 * activation guide, taken from the demo in headless Chromium:
 *
 *   pnpm --filter @connect-auth/demo run screenshots:activation
 *
 * Starts the demo on a free port over a temporary data directory and writes
 * `docs/screenshots/activation/<step>.png`.
 */
import { resolve } from 'node:path';
import { shoot, waitForStep, withDemoPage } from './shots.ts';

const OUT_DIR = resolve(import.meta.dirname, '../../docs/screenshots/activation');
const PASSWORD = 'Harbour-Lantern-42';

await withDemoPage(OUT_DIR, async ({ demo, page }) => {
  const email = demo.account.email;

  // 1. The Lost Password page.
  await page.goto(`${demo.url}/lost-password`);
  const lost = page.locator('connect-lost-password');
  await waitForStep(lost, 'form');
  await shoot(page, lost, OUT_DIR, '1-lost-password');

  // 2. The email address entered, the link requested.
  await lost.getByLabel('Email address').fill(email);
  await lost.getByRole('button', { name: 'Reset Password' }).click();
  await waitForStep(lost, 'sent');
  await shoot(page, lost, OUT_DIR, '2-link-sent');

  // 3. The Password Reset Request email (the demo's dev inbox shows what was sent).
  await demo.settled();
  await page.goto(`${demo.url}/dev/inbox?to=${encodeURIComponent(email)}`);
  const mail = page.locator('article').first();
  await shoot(page, mail, OUT_DIR, '3-email');

  // 4. The link opens the reset page: a new password, chosen and confirmed.
  await mail.getByRole('link', { name: 'Open the link' }).click();
  const reset = page.locator('connect-reset-password');
  await waitForStep(reset, 'form');
  await reset.locator('input[name="password"]').fill(PASSWORD);
  await reset.locator('input[name="confirm"]').fill(PASSWORD);
  await shoot(page, reset, OUT_DIR, '4-choose-password');

  // 5. Saved: the account is active, and sign-in is offered in place.
  await reset.getByRole('button', { name: /save/i }).click();
  await waitForStep(reset, 'sign-in');
  await shoot(page, reset, OUT_DIR, '5-saved');

  // 6. Signed in with the email address and the new password.
  const signIn = reset.locator('connect-sign-in');
  await signIn.locator('input[name="password"]').fill(PASSWORD);
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await waitForStep(signIn, 'done');
  await shoot(page, reset, OUT_DIR, '6-signed-in');
});
