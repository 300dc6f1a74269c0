/**
 * Self-service in a real browser through the new elements, against the real demo server: sign in,
 * change the password with <connect-change-password> (another device is signed out), change the
 * email with <connect-change-email> and confirm it from the mailed link, then sign out on every
 * device. axe-core audits each step.
 */
import { createConnectClient } from '@connect-auth/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  api,
  hasChromium,
  launchBrowser,
  newestLink,
  openPage,
  runAxe,
  seriousOrWorse,
  tokenOf,
  writeAxeReport,
} from './browser.ts';
import { type DemoFixture, freshDemo } from './fixture.ts';

const FIRST = 'Violet-Harbour-42';
const SECOND = 'Copper-Meadow-Lantern-58';

async function audit(page: Page, step: string): Promise<void> {
  expect(seriousOrWorse(await runAxe(page, step)), `axe at "${step}"`).toEqual([]);
}

describe.skipIf(!hasChromium)('account self-service in Chromium', () => {
  let browser: Browser;
  let fixture: DemoFixture;

  beforeAll(async () => {
    [browser, fixture] = await Promise.all([launchBrowser(), freshDemo()]);
  });
  afterAll(async () => {
    writeAxeReport('account');
    await browser?.close();
    await fixture?.dispose();
  });

  test('sign in → change password → change email → confirm → sign out everywhere', async () => {
    const { demo } = fixture;
    const email = demo.account.email;
    // Activate the migrated account through the API (the journey test covers the pages).
    await api(demo, '/v1/password-resets', { email });
    const link = await newestLink(demo, email, 'account_activation');
    expect(
      (await api(demo, '/v1/password-resets/complete', { token: tokenOf(link), password: FIRST }))
        .status,
    ).toBe(200);
    // Another device, signed in with the same account.
    const other = createConnectClient({
      baseUrl: demo.url,
      retry: false,
      refreshBeforeExpiryMs: false,
    });
    await other.signIn({ email, password: FIRST });

    const { page, errors, close } = await openPage(browser);
    await page.goto(`${demo.url}/account`);
    await expect
      .poll(() => page.locator('[data-account]').getAttribute('data-state'))
      .toBe('signed-out');
    await page.goto(`${demo.url}/sign-in`);
    const signIn = page.locator('connect-sign-in');
    await signIn.getByLabel('Email address').fill(email);
    await signIn.getByLabel('Password', { exact: true }).fill(FIRST);
    await signIn.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => signIn.getAttribute('data-step')).toBe('done');

    // 1. Change the password.
    await page.goto(`${demo.url}/account`);
    await expect
      .poll(() => page.locator('[data-account]').getAttribute('data-state'))
      .toBe('signed-in');
    const changePassword = page.locator('connect-change-password');
    await expect.poll(() => changePassword.getAttribute('data-step')).toBe('form');
    await audit(page, 'account page');
    await changePassword.getByLabel('Current password', { exact: true }).fill('not-my-password');
    await changePassword.getByLabel('New password', { exact: true }).fill(SECOND);
    await changePassword.getByLabel('Confirm new password', { exact: true }).fill(SECOND);
    await changePassword.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => changePassword.locator('[role="alert"]').count()).toBe(1);
    expect(await changePassword.textContent()).toContain('The current password is not correct.');
    await audit(page, 'change password: wrong current password');
    await changePassword.getByLabel('Current password', { exact: true }).fill(FIRST);
    await changePassword.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => changePassword.getAttribute('data-step')).toBe('done');
    await audit(page, 'change password: done');
    // The other device is signed out; this page stays signed in.
    expect(
      await other.refreshSession().then(
        () => 'alive',
        (e: { code: string }) => e.code,
      ),
    ).toBe('session_invalid');
    await page.reload();
    await expect
      .poll(() => page.locator('[data-account]').getAttribute('data-state'))
      .toBe('signed-in');

    // 2. Change the email: a link to the new address; confirming it moves the account.
    const newEmail = 'owner.new@example.com';
    const changeEmail = page.locator('connect-change-email');
    await changeEmail.getByLabel('New email address').fill(newEmail);
    await changeEmail.getByLabel('Current password', { exact: true }).fill(SECOND);
    await changeEmail.getByRole('button', { name: 'Send confirmation link' }).click();
    await expect.poll(() => changeEmail.getAttribute('data-step')).toBe('sent');
    expect(await changeEmail.textContent()).toContain(newEmail);
    await audit(page, 'change email: sent');
    const confirmLink = await newestLink(demo, newEmail, 'email_change');
    expect(confirmLink.startsWith(`${demo.url}/confirm-email#token=`)).toBe(true);
    await page.goto(confirmLink);
    const confirm = page.locator('[data-confirm-email]');
    await expect.poll(() => confirm.getAttribute('data-state')).toBe('changed');
    expect(await confirm.textContent()).toContain(newEmail);
    expect(new URL(page.url()).hash).toBe(''); // the token is scrubbed from the address bar
    await audit(page, 'confirm email');
    const notice = (await (
      await fetch(`${demo.url}/dev/mail?to=${encodeURIComponent(email)}`)
    ).json()) as Array<{ template: string }>;
    expect(notice.map((m) => m.template)).toContain('email_changed');

    // 3. Sign out on every device.
    await page.goto(`${demo.url}/account`);
    await expect
      .poll(() => page.locator('[data-account] [data-part="status"]').textContent())
      .toContain(newEmail);
    await page.getByRole('button', { name: 'Sign out on every device' }).click();
    await expect
      .poll(() => page.locator('[data-account]').getAttribute('data-state'))
      .toBe('signed-out');
    await page.reload();
    await expect
      .poll(() => page.locator('[data-account]').getAttribute('data-state'))
      .toBe('signed-out');
    expect(errors).toEqual([]);
    await close();
  }, 120_000);
});
