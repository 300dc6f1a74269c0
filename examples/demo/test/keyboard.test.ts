/**
 * The activation journey with the keyboard only: Tab, Shift+Tab, Enter, Space and typing. The
 * test never clicks; it only reads where focus is. (Opening the emailed link is a navigation, as
 * when a mail client opens it.)
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hasChromium, launchBrowser, newestLink, openPage, snap } from './browser.ts';
import { type DemoFixture, freshDemo } from './fixture.ts';

const STRONG = 'Violet-Harbour-42';
const MAX_TABS = 40;

/** Whether the focused element matches a selector. */
function focusedMatches(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);
}

/** A short description of the focused element, for failure messages. */
function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return 'nothing';
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('name') ? `[name=${el.getAttribute('name')}]` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
  });
}

/** Press Tab (or Shift+Tab) until focus is on `selector`; fails after MAX_TABS presses. */
async function tabTo(page: Page, selector: string, key = 'Tab'): Promise<number> {
  for (let presses = 1; presses <= MAX_TABS; presses++) {
    await page.keyboard.press(key);
    if (await focusedMatches(page, selector)) return presses;
  }
  throw new Error(
    `${key} never reached ${selector} (focus is on ${await describeFocus(page)} after ${MAX_TABS} presses)`,
  );
}

describe.skipIf(!hasChromium)('keyboard-only activation in Chromium', () => {
  let browser: Browser;
  let fixture: DemoFixture;

  beforeAll(async () => {
    [browser, fixture] = await Promise.all([launchBrowser(), freshDemo()]);
  });
  afterAll(async () => {
    await browser?.close();
    await fixture?.dispose();
  });

  test('request, follow the link, reveal the password with the toggle, save, sign in', async () => {
    const { demo } = fixture;
    const email = demo.account.email;
    const { page, errors, close } = await openPage(browser);

    // Lost password: Tab to the email field, type, Enter submits.
    await page.goto(`${demo.url}/lost-password`);
    const lost = page.locator('connect-lost-password');
    await expect.poll(() => lost.getAttribute('data-step')).toBe('form');
    await tabTo(page, 'connect-lost-password input[name="email"]');
    await page.keyboard.type(email);
    await page.keyboard.press('Enter');
    await expect.poll(() => lost.getAttribute('data-step')).toBe('sent');
    // Focus follows the step change to its heading, so screen readers announce it.
    await expect
      .poll(() => focusedMatches(page, 'connect-lost-password .connect-heading'))
      .toBe(true);

    // The link from the email.
    await page.goto(await newestLink(demo, email, 'account_activation'));
    const reset = page.locator('connect-reset-password');
    await expect.poll(() => reset.getAttribute('data-step')).toBe('form');

    // New password; the show/hide toggle is the next stop after the field, and Space works it.
    const password = 'connect-reset-password input[name="password"]';
    await tabTo(page, password);
    await page.keyboard.type(STRONG);
    await page.keyboard.press('Tab');
    const toggle =
      'connect-reset-password connect-password-input[name="password"] .connect-password__toggle';
    expect(await focusedMatches(page, toggle), await describeFocus(page)).toBe(true);
    await page.keyboard.press('Space');
    expect(await page.locator(toggle).getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator(password).getAttribute('type')).toBe('text');
    expect(await page.locator(password).inputValue()).toBe(STRONG);
    await snap(page, '30-keyboard-password-shown');
    await page.keyboard.press('Enter'); // Enter on a button works it too: hidden again
    expect(await page.locator(toggle).getAttribute('aria-pressed')).toBe('false');
    expect(await page.locator(password).getAttribute('type')).toBe('password');
    // Shift+Tab goes back to the field.
    await page.keyboard.press('Shift+Tab');
    expect(await focusedMatches(page, password)).toBe(true);

    // Confirm, then Tab to "Save" and press Enter.
    await tabTo(page, 'connect-reset-password input[name="confirm"]');
    await page.keyboard.type(STRONG);
    await tabTo(page, 'connect-reset-password button[type="submit"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => reset.getAttribute('data-step')).toBe('sign-in');
    await expect
      .poll(() => focusedMatches(page, 'connect-reset-password .connect-notice .connect-heading'))
      .toBe(true);

    // Sign in: the email is filled in; Tab to the password, type, Enter.
    const signIn = reset.locator('connect-sign-in');
    expect(await signIn.getByLabel('Email address').inputValue()).toBe(email);
    await tabTo(page, 'connect-sign-in input[name="password"]');
    await page.keyboard.type(STRONG);
    await page.keyboard.press('Enter');
    await expect.poll(() => signIn.getAttribute('data-step')).toBe('done');
    await snap(page, '31-keyboard-signed-in');
    expect((await demo.server.store.findAccountByEmailKey(email))?.status).toBe('active');
    expect(errors).toEqual([]);
    await close();
  });
});
