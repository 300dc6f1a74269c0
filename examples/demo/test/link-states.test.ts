/**
 * What the reset page says when the link no longer works: expired (the server's clock moved past
 * the expiry), already used, and superseded by a newer email. Each state offers a new link. And a
 * newer link pasted into the tab that shows an older one is checked in place.
 */
import { importLegacyAccounts } from '@connect-auth/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  api,
  hasChromium,
  inbox,
  launchBrowser,
  newestLink,
  openPage,
  runAxe,
  seriousOrWorse,
  snap,
  tokenOf,
  writeAxeReport,
} from './browser.ts';
import { type DemoFixture, freshDemo, testClock } from './fixture.ts';

const HOUR = 60 * 60_000;

describe.skipIf(!hasChromium)('expired, used and superseded links in Chromium', () => {
  let browser: Browser;
  let fixture: DemoFixture;
  const clock = testClock();

  beforeAll(async () => {
    [browser, fixture] = await Promise.all([launchBrowser(), freshDemo({ clock: clock.now })]);
    // One migrated account per test, so the tests do not depend on each other.
    const csv =
      'email,name\nexpired@example.com,E\nused@example.com,U\nsuperseded@example.com,S\npasted@example.com,P\n';
    await importLegacyAccounts(fixture.demo.server.store, csv, clock.now());
  });
  afterAll(async () => {
    writeAxeReport('link-states');
    await browser?.close();
    await fixture?.dispose();
  });

  /** Request an activation email through the API and return its link. */
  async function requestLink(email: string): Promise<string> {
    expect((await api(fixture.demo, '/v1/password-resets', { email })).status).toBe(202);
    return newestLink(fixture.demo, email, 'account_activation');
  }

  /** Open a link and wait for the reset element to settle on a step. */
  async function openLink(page: Page, link: string, step: string): Promise<void> {
    await page.goto(link);
    const reset = page.locator('connect-reset-password');
    await expect.poll(() => reset.getAttribute('data-step')).toBe(step);
    expect(page.url()).not.toContain('token');
  }

  test('expired: the page says so and offers a new link in place', async () => {
    const { page, errors, close } = await openPage(browser);
    const link = await requestLink('expired@example.com');
    clock.advance(25 * HOUR); // activation links live 24 h
    await openLink(page, link, 'expired');
    const reset = page.locator('connect-reset-password');
    expect(await reset.locator('.connect-heading').textContent()).toMatch(/expired/i);
    await snap(page, '20-link-expired');
    expect(seriousOrWorse(await runAxe(page, 'expired link'))).toEqual([]);

    await reset.locator('[data-action="request-new"]').click();
    const again = reset.locator('connect-lost-password');
    await expect.poll(() => again.getAttribute('data-step')).toBe('form');
    await again.getByLabel('Email address').fill('expired@example.com');
    await again.getByRole('button', { name: 'Reset Password' }).click();
    await expect.poll(() => again.getAttribute('data-step')).toBe('sent');
    const mails = await inbox(fixture.demo, 'expired@example.com');
    expect(mails.filter((m) => m.template === 'account_activation')).toHaveLength(2);
    expect(errors).toEqual([]);
    await close();
  });

  test('used: a link that has set a password says it was used, and nothing else', async () => {
    const { page, errors, close } = await openPage(browser);
    const link = await requestLink('used@example.com');
    const done = await api(fixture.demo, '/v1/password-resets/complete', {
      token: tokenOf(link),
      password: 'Violet-Harbour-42',
    });
    expect(done.status).toBe(200);
    await openLink(page, link, 'used');
    const reset = page.locator('connect-reset-password');
    expect(await reset.locator('.connect-heading').textContent()).toMatch(/already been used/i);
    expect(await reset.locator('input[name="password"]').count()).toBe(0);
    expect(await reset.locator('[data-action="request-new"]').isVisible()).toBe(true);
    await snap(page, '21-link-used');
    expect(seriousOrWorse(await runAxe(page, 'used link'))).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  test('superseded: after a second email, the first link points to the newer one', async () => {
    const { page, errors, close } = await openPage(browser);
    const first = await requestLink('superseded@example.com');
    clock.advance(61_000); // one email a minute per address
    const second = await requestLink('superseded@example.com');
    expect(second).not.toBe(first);
    await openLink(page, first, 'superseded');
    expect(await page.locator('connect-reset-password .connect-heading').textContent()).toMatch(
      /newer/i,
    );
    await snap(page, '22-link-superseded');
    expect(seriousOrWorse(await runAxe(page, 'superseded link'))).toEqual([]);
    // The newer link still works, opened from the email in a new tab (as a mail client does).
    const tab = await page.context().newPage();
    await openLink(tab, second, 'form');
    expect(errors).toEqual([]);
    await close();
  });

  test('a newer link pasted into the same tab: checked at once, without a reload', async () => {
    const { page, errors, close } = await openPage(browser);
    const first = await requestLink('pasted@example.com');
    clock.advance(61_000); // one email a minute per address
    const second = await requestLink('pasted@example.com');
    await openLink(page, first, 'superseded');
    // /reset → /reset#token=… differs only in the fragment: a same-document navigation, no
    // reload, only a hashchange. A marker on window proves the document stayed the same.
    await page.evaluate(() => {
      (window as unknown as { sameDocument: boolean }).sameDocument = true;
    });
    const reset = page.locator('connect-reset-password');
    await page.goto(second);
    await expect.poll(() => reset.getAttribute('data-step')).toBe('form');
    expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);
    expect(page.url()).toBe(`${fixture.demo.url}/reset`);
    expect(await reset.locator('[data-part="account"]').textContent()).toContain(
      'pasted@example.com',
    );
    // Focus follows the new step, so a screen reader announces it.
    expect(await page.evaluate(() => document.activeElement?.className)).toContain(
      'connect-heading',
    );
    // And the newer link does set the password.
    await reset.locator('input[name="password"]').fill('Violet-Harbour-42');
    await reset.locator('input[name="confirm"]').fill('Violet-Harbour-42');
    await reset.getByRole('button', { name: /save/i }).click();
    await expect.poll(() => reset.getAttribute('data-step')).toBe('sign-in');
    expect(errors).toEqual([]);
    await close();
  });
});
