/**
 * The portal's activation journey in a real browser, against the real demo server, by the names
 * the portal's Getting Started guide gives each step ("Visit the Lost Password page", "click Reset
 * Password", the "Password Reset Request for Codelocks Connect" email, "Click Save", "Sign-in
 * using your email address and your new password"): ask for the email, follow the link from the
 * dev inbox, get a weak password refused with the checklist, save a strong one, sign in. axe-core audits every step; each step is photographed, at desktop
 * width and again on a 375 px phone (where nothing may scroll sideways).
 */
import { importLegacyAccounts } from '@connect-auth/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  axeFindings,
  hasChromium,
  inbox,
  launchBrowser,
  newestLink,
  openPage,
  runAxe,
  seriousOrWorse,
  snap,
  widths,
  writeAxeReport,
} from './browser.ts';
import { type DemoFixture, freshDemo } from './fixture.ts';

const WEAK = 'password';
const STRONG = 'Violet-Harbour-42';

/**
 * From now on, for each `POST /v1/password-resets/verify` the page sends, the path of the script
 * whose code sent it (the innermost frame of the initiator's stack, async parents included).
 */
async function verifyRequests(page: Page): Promise<string[]> {
  interface Frame {
    url: string;
  }
  interface Stack {
    callFrames: Frame[];
    parent?: Stack;
  }
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const sent: string[] = [];
  cdp.on('Network.requestWillBeSent', ({ request, initiator }) => {
    if (!request.url.endsWith('/v1/password-resets/verify')) return;
    let stack = initiator.stack as Stack | undefined;
    let url = '';
    while (stack && !url) {
      url = stack.callFrames.find((frame) => frame.url)?.url ?? '';
      stack = stack.parent;
    }
    sent.push(url && new URL(url).pathname);
  });
  return sent;
}

/** axe at a step: every finding is printed; serious and critical ones fail. */
async function audit(page: Page, step: string): Promise<void> {
  expect(seriousOrWorse(await runAxe(page, step)), `axe at "${step}"`).toEqual([]);
}

describe.skipIf(!hasChromium)('activation journey in Chromium', () => {
  let browser: Browser;
  let fixture: DemoFixture;

  beforeAll(async () => {
    [browser, fixture] = await Promise.all([launchBrowser(), freshDemo()]);
  });
  afterAll(async () => {
    writeAxeReport('journey');
    await browser?.close();
    await fixture?.dispose();
  });

  test('request → dev inbox → link → weak password refused → strong password → sign in', async () => {
    const { demo } = fixture;
    const email = demo.account.email;
    const { page, errors, apiRefusals, close } = await openPage(browser);

    // 1. "Visit the Lost Password page".
    await page.goto(`${demo.url}/lost-password`);
    const lost = page.locator('connect-lost-password');
    await expect.poll(() => lost.getAttribute('data-step')).toBe('form');
    expect(await lost.getByRole('heading', { name: 'Lost Password' }).count()).toBe(1);
    await expect
      .poll(() => page.getByRole('link', { name: /open the dev inbox/i }).count())
      .toBe(1);
    await snap(page, '01-lost-password');
    await audit(page, 'lost-password form');
    // 2. "Enter your email address and click Reset Password".
    await lost.getByLabel('Email address').fill(email);
    await lost.getByRole('button', { name: 'Reset Password' }).click();
    await expect.poll(() => lost.getAttribute('data-step')).toBe('sent');
    expect(await lost.textContent()).toContain(email);
    expect(await lost.textContent()).toContain('a Password Reset Request email is on its way');
    await snap(page, '02-sent');
    await audit(page, 'sent confirmation');

    // 3. "You will receive a Password Reset Request for Codelocks Connect email that contains a
    // link": in the dev inbox, with a link to the demo's reset page.
    const [mail] = await inbox(demo, email);
    expect(mail?.template).toBe('account_activation');
    expect(mail?.subject).toBe('Password Reset Request for Codelocks Connect');
    const link = mail?.link ?? '';
    expect(link.startsWith(`${demo.url}/reset#token=`)).toBe(true);
    // The readable inbox page shows the same mail (the demo's stand-in for a mailbox).
    await page.goto(`${demo.url}/dev/inbox`);
    expect(await page.locator('article').first().textContent()).toContain(email);
    await snap(page, '03-dev-inbox');
    await audit(page, 'dev inbox');

    // "Click on the link": strict headers, the token scrubbed from the address bar, the account
    // named under the heading "Activate your account". The link is checked once, by the page's
    // early script (browser/reset-early.ts, inlined in the page), whose answer the element takes.
    const checks = await verifyRequests(page);
    const response = await page.goto(link);
    expect(response?.headers()['referrer-policy']).toBe('no-referrer');
    expect(response?.headers()['cache-control']).toContain('no-store');
    const reset = page.locator('connect-reset-password');
    await expect.poll(() => reset.getAttribute('data-step')).toBe('form');
    expect(page.url()).toBe(`${demo.url}/reset`);
    expect(await page.evaluate(() => window.location.href)).not.toContain('token');
    expect(await reset.locator('[data-part="account"]').textContent()).toContain(email);
    expect(await reset.getAttribute('data-purpose')).toBe('activation');
    expect(await reset.getByRole('heading', { name: 'Activate your account' }).count()).toBe(1);
    expect(checks).toEqual(['/reset']); // the page itself: its inline early script
    await snap(page, '04-reset-form');
    await audit(page, 'reset form');

    // 4. "Choose and confirm a new password": a weak one first; the checklist shows the unmet
    // rules and saving is refused by the server.
    const password = reset.locator('input[name="password"]');
    const confirm = reset.locator('input[name="confirm"]');
    await password.fill(WEAK);
    const rule = (id: string) =>
      reset.locator(`.connect-rule[data-rule="${id}"][data-level="required"]`);
    expect(await rule('uppercase').getAttribute('data-state')).toBe('unmet');
    expect(await rule('digit').getAttribute('data-state')).toBe('unmet');
    expect(await rule('lowercase').getAttribute('data-state')).toBe('met');
    await confirm.fill(WEAK);
    await reset.getByRole('button', { name: 'Save' }).click();
    const summary = reset.locator('.connect-error-summary');
    await expect.poll(() => summary.getAttribute('data-code')).toBe('weak_password');
    expect(await summary.isVisible()).toBe(true);
    expect(await summary.textContent()).toContain('does not meet every requirement');
    for (const id of ['uppercase', 'digit', 'not_common']) {
      expect(await rule(id).getAttribute('data-state'), `rule ${id}`).toBe('failed');
    }
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    expect(await reset.getAttribute('data-step')).toBe('form');
    expect(apiRefusals).toContain('422 /v1/password-resets/complete');
    await snap(page, '05-weak-password');
    await audit(page, 'weak-password error');

    // 5. "Click Save to save your new password": a strong one, confirmed, saved; the sign-in step
    // has the email filled in.
    await password.fill(STRONG);
    expect(await rule('uppercase').getAttribute('data-state')).toBe('met');
    await confirm.fill(STRONG);
    await reset.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => reset.getAttribute('data-step')).toBe('sign-in');
    const signIn = reset.locator('connect-sign-in');
    expect(await signIn.getByLabel('Email address').inputValue()).toBe(email);
    await snap(page, '06-saved-sign-in');
    await audit(page, 'success / sign-in step');

    // 6. "Sign-in using your email address and your new password".
    await signIn.locator('input[name="password"]').fill(STRONG);
    await signIn.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => signIn.getAttribute('data-step')).toBe('done');
    expect(await signIn.textContent()).toContain(email);
    await snap(page, '07-signed-in');
    await audit(page, 'signed in');

    const account = await demo.server.store.findAccountByEmailKey(email);
    expect(account?.status).toBe('active');
    expect((await inbox(demo, email)).map((m) => m.template)).toContain('password_changed');
    expect(errors).toEqual([]);
    await close();
  });

  test('budget: the reset journey takes 3 API requests from "request email" to "password saved"', async () => {
    const { demo } = fixture;
    const email = 'budget@example.com';
    await importLegacyAccounts(demo.server.store, `email,name\n${email},Budget\n`, new Date());
    const { page, errors, close } = await openPage(browser);
    await page.goto(`${demo.url}/lost-password`);
    const lost = page.locator('connect-lost-password');
    await expect.poll(() => lost.getAttribute('data-step')).toBe('form');
    await lost.getByLabel('Email address').fill(email);

    // Every API request the browser makes from here on (the contract's /v1/ and /.well-known/
    // routes; pages, assets and the dev inbox's /dev/ requests are not API calls).
    const api: string[] = [];
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith('/v1/') || pathname.startsWith('/.well-known/')) {
        api.push(`${request.method()} ${pathname}`);
      }
    });
    await lost.getByRole('button', { name: 'Reset Password' }).click();
    await expect.poll(() => lost.getAttribute('data-step')).toBe('sent');

    // The user's part: open the dev inbox, follow the newest mail's link in the same tab.
    await inbox(demo, email); // waits until the outbox has delivered
    await page.goto(`${demo.url}/dev/inbox`);
    const mail = page.locator('article').filter({ hasText: email }).first();
    await mail.getByRole('link', { name: 'Open the link' }).click();
    const reset = page.locator('connect-reset-password');
    await expect.poll(() => reset.getAttribute('data-step')).toBe('form');
    await reset.locator('input[name="password"]').fill(STRONG);
    await reset.locator('input[name="confirm"]').fill(STRONG);
    await reset.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => reset.getAttribute('data-step')).toBe('sign-in');

    console.log(`[budget] reset journey: ${api.length} API requests: ${api.join(', ')}`);
    expect(api).toEqual([
      'POST /v1/password-resets',
      'POST /v1/password-resets/verify',
      'POST /v1/password-resets/complete',
    ]);
    expect((await demo.server.store.findAccountByEmailKey(email))?.status).toBe('active');
    expect(errors).toEqual([]);
    await close();
  });

  test('phone (375 px wide): every step of the journey fits without horizontal scrolling', async () => {
    const { demo } = fixture;
    const email = 'phone.owner@example.com';
    await importLegacyAccounts(demo.server.store, `email,name\n${email},Phone\n`, new Date());
    const { page, errors, close } = await openPage(browser, { width: 375, height: 812 });
    /** Photograph the step (phone-*.png) and check nothing is wider than the screen. */
    const check = async (shot: string): Promise<void> => {
      await snap(page, `phone-${shot}`);
      const { scrollWidth, innerWidth } = await widths(page);
      expect(innerWidth, 'the viewport is a phone').toBe(375);
      expect(scrollWidth, `horizontal scrolling at "${shot}"`).toBeLessThanOrEqual(innerWidth);
    };

    await page.goto(`${demo.url}/lost-password`);
    const lost = page.locator('connect-lost-password');
    await expect.poll(() => lost.getAttribute('data-step')).toBe('form');
    await check('01-lost-password');
    await lost.getByLabel('Email address').fill(email);
    await lost.getByRole('button', { name: 'Reset Password' }).click();
    await expect.poll(() => lost.getAttribute('data-step')).toBe('sent');
    await check('02-sent');

    const link = await newestLink(demo, email, 'account_activation');
    await page.goto(`${demo.url}/dev/inbox`);
    await check('03-dev-inbox');
    await page.goto(link);
    const reset = page.locator('connect-reset-password');
    await expect.poll(() => reset.getAttribute('data-step')).toBe('form');
    await check('04-reset-form');
    await reset.locator('input[name="password"]').fill(WEAK);
    await reset.locator('input[name="confirm"]').fill(WEAK);
    await reset.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => reset.locator('.connect-error-summary').getAttribute('data-code'))
      .toBe('weak_password');
    await check('05-weak-password');
    await reset.locator('input[name="password"]').fill(STRONG);
    await reset.locator('input[name="confirm"]').fill(STRONG);
    await reset.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => reset.getAttribute('data-step')).toBe('sign-in');
    await check('06-saved-sign-in');
    const signIn = reset.locator('connect-sign-in');
    await signIn.locator('input[name="password"]').fill(STRONG);
    await signIn.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => signIn.getAttribute('data-step')).toBe('done');
    await check('07-signed-in');

    for (const [path, tag, shot] of [
      ['/sign-in', 'connect-sign-in', '08-sign-in'],
      ['/register', 'connect-register', '09-register'],
      ['/', '', '10-overview'],
      ['/support', '', '11-support'],
    ] as const) {
      await page.goto(`${demo.url}${path}`);
      if (tag) await expect.poll(() => page.locator(tag).getAttribute('data-step')).toBe('form');
      await check(shot);
    }
    expect(errors).toEqual([]);
    await close();
  });

  test('the sign-in, register, overview and support pages pass axe and log no errors', async () => {
    const { demo } = fixture;
    const { page, errors, close } = await openPage(browser);
    const pages: Array<[string, string, string]> = [
      ['/sign-in', 'connect-sign-in', '08-sign-in'],
      ['/register', 'connect-register', '09-register'],
      ['/', '', '10-overview'],
      ['/support', '', '11-support'],
    ];
    for (const [path, tag, shot] of pages) {
      await page.goto(`${demo.url}${path}`);
      if (tag) await expect.poll(() => page.locator(tag).getAttribute('data-step')).toBe('form');
      await expect.poll(() => page.locator('h1').count()).toBe(1);
      await snap(page, shot);
      await audit(page, `${path} page`);
    }
    expect(errors).toEqual([]);
    await close();
  });

  test('registration: the confirmation email opens the demo’s verify page', async () => {
    const { demo } = fixture;
    const email = 'new.owner@example.com';
    const { page, errors, close } = await openPage(browser);
    await page.goto(`${demo.url}/register`);
    const register = page.locator('connect-register');
    await expect.poll(() => register.getAttribute('data-step')).toBe('form');
    await register.getByLabel('Email address').fill(email);
    await register.locator('input[name="password"]').fill(STRONG);
    await register.getByRole('button', { name: 'Register' }).click();
    await expect.poll(() => register.getAttribute('data-step')).toBe('sent');
    await audit(page, 'register sent');

    const link = await newestLink(demo, email, 'verify_email');
    expect(link.startsWith(`${demo.url}/verify-email#token=`)).toBe(true);
    const response = await page.goto(link);
    expect(response?.headers()['cache-control']).toContain('no-store');
    const host = page.locator('[data-verify-email]');
    await expect.poll(() => host.getAttribute('data-state')).toBe('verified');
    expect(page.url()).toBe(`${demo.url}/verify-email`);
    await snap(page, '12-email-verified');
    await audit(page, 'email verified');
    expect((await demo.server.store.findAccountByEmailKey(email))?.status).toBe('active');
    expect(errors).toEqual([]);
    await close();
  });

  test('the emailed code instead of the link: code and new password on the lost-password page', async () => {
    const { demo } = fixture;
    const email = 'code.user@example.com';
    await importLegacyAccounts(demo.server.store, `email,name\n${email},Code User\n`, new Date());
    const { page, errors, close } = await openPage(browser);
    await page.goto(`${demo.url}/lost-password`);
    const lost = page.locator('connect-lost-password');
    await lost.getByLabel('Email address').fill(email);
    await lost.getByRole('button', { name: 'Reset Password' }).click();
    await expect.poll(() => lost.getAttribute('data-step')).toBe('sent');
    await lost.locator('[data-action="code"]').click();
    await expect.poll(() => lost.getAttribute('data-step')).toBe('code');
    const [mail] = await inbox(demo, email);
    expect(mail?.code).toMatch(/^\d{8}$/);
    await lost.locator('input[name="code"]').fill(mail?.code ?? '');
    await lost.locator('input[name="password"]').fill(STRONG);
    await snap(page, '13-code-step');
    await audit(page, 'code step');
    await lost.locator('button[type="submit"]').click();
    await expect.poll(() => lost.getAttribute('data-step')).toBe('sign-in');
    expect(await lost.locator('connect-sign-in').getByLabel('Email address').inputValue()).toBe(
      email,
    );
    expect((await demo.server.store.findAccountByEmailKey(email))?.status).toBe('active');
    expect(errors).toEqual([]);
    await close();
  });

  test('the harness itself catches console errors, uncaught errors, axe violations and overflow', async () => {
    const { demo } = fixture;
    const { page, errors, close } = await openPage(browser);
    await page.goto(`${demo.url}/support`);
    await page.evaluate(() => {
      console.error('boom');
      setTimeout(() => {
        throw new Error('kaboom');
      });
    });
    await expect.poll(() => errors.length).toBe(2);
    expect(errors[0]).toContain('boom');
    expect(errors[1]).toContain('kaboom');

    // And axe does report a planted violation (so "no violations" above means something).
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.src = '/assets/favicon.svg';
      document.querySelector('main')?.append(img);
    });
    const planted = await runAxe(page, 'harness self-test (planted <img> without alt)');
    expect(seriousOrWorse(planted).map((f) => f.id)).toContain('image-alt');
    axeFindings.splice(axeFindings.length - planted.length, planted.length);

    // And the width check sees sideways scrolling (so "fits on a phone" means something).
    const before = await widths(page);
    expect(before.scrollWidth).toBeLessThanOrEqual(before.innerWidth);
    await page.evaluate(() => {
      const wide = document.createElement('div');
      wide.style.width = `${window.innerWidth + 200}px`;
      wide.style.height = '1px';
      document.querySelector('main')?.append(wide);
    });
    const after = await widths(page);
    expect(after.scrollWidth).toBeGreaterThan(after.innerWidth);
    await close();
  });
});
