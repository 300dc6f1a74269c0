import { createConnectClient } from '@connect-auth/core';
import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../define/sign-in.ts';
import { autofill, mount, settle, submit, textOf, untilStep } from '../../test/dom.ts';
import { runFormBaseSuite } from '../../test/form-base-suite.ts';
import {
  BASE,
  EMAIL,
  makeClient,
  problem,
  requestsTo,
  server,
  session,
} from '../../test/server.ts';
import { ConnectSignedInEvent } from '../shared/events.ts';
import { de } from '../strings/de.ts';
import { en } from '../strings/en.ts';
import { registerTranslation } from '../strings/registry.ts';
import type { ConnectSignIn } from './sign-in.component.ts';

runFormBaseSuite('connect-sign-in', {
  fill: (el) => {
    autofill(el, 'input[name="email"]', EMAIL);
    autofill(el, 'input[name="password"]', 'Secret123!');
    return { email: EMAIL, password: 'Secret123!' };
  },
  path: '/v1/sessions',
});

async function signIn(attrs: Record<string, string> = {}): Promise<ConnectSignIn> {
  const el = document.createElement('connect-sign-in');
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  el.client = makeClient();
  return mount(el);
}

function fill(el: HTMLElement): void {
  autofill(el, 'input[name="email"]', EMAIL);
  autofill(el, 'input[name="password"]', 'Secret123!');
}

afterEach(() => {
  vi.useRealTimers();
});

describe('<connect-sign-in>', () => {
  it('renders labelled fields with the sign-in autocomplete tokens', async () => {
    const el = await signIn();
    const email = el.querySelector<HTMLInputElement>('input[name="email"]');
    const password = el.querySelector<HTMLInputElement>('input[name="password"]');
    expect(email?.type).toBe('email');
    expect(email?.getAttribute('autocomplete')).toBe('username');
    expect(password?.type).toBe('password');
    expect(password?.getAttribute('autocomplete')).toBe('current-password');
    expect(password?.hasAttribute('passwordrules')).toBe(false);
    for (const input of [email, password]) {
      expect(textOf(el.querySelector(`label[for="${input?.id}"]`))).not.toBe('');
    }
    expect(el.dataset.step).toBe('form');
    // No checklist on a sign-in form.
    expect(el.querySelector('.connect-rules')).toBeNull();
  });

  it('fires connect-signed-in with the session and shows the signed-in step', async () => {
    const el = await signIn();
    const events: ConnectSignedInEvent[] = [];
    document.addEventListener('connect-signed-in', (e) => events.push(e), { once: true });
    fill(el);
    submit(el);
    await untilStep(el, 'done');
    expect(events[0]).toBeInstanceOf(ConnectSignedInEvent);
    expect(events[0]?.session.account.email).toBe(EMAIL);
    expect(events[0]?.bubbles && events[0]?.composed).toBe(true);
    expect(textOf(el)).toContain(EMAIL);
    expect(document.activeElement?.classList.contains('connect-heading')).toBe(true);
  });

  it('says the same for a wrong email or a wrong password, and offers activation', async () => {
    server.use(http.post(`${BASE}/v1/sessions`, () => problem('invalid_credentials', 401)));
    const el = await signIn();
    fill(el);
    submit(el);
    await vi.waitFor(() => expect(el.querySelector('.connect-error-summary')).not.toBeNull());
    const message = textOf(el.querySelector('.connect-error-summary'));
    expect(message).toContain(en['error.invalid_credentials']);
    expect(message).not.toMatch(/password is (wrong|incorrect)|no account/i);
    expect(el.querySelector('[data-action="activate"]')).not.toBeNull();
  });

  it('counts down a rate limit and blocks submit until it ends', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    server.use(
      http.post(`${BASE}/v1/sessions`, () =>
        problem('rate_limited', 429, { retryAfterMs: 30_000 }),
      ),
    );
    const el = await signIn();
    fill(el);
    submit(el);
    await vi.waitFor(() => expect(el.querySelector('.connect-error-summary')).not.toBeNull());
    await settle(el);
    const summary = () => textOf(el.querySelector('.connect-error-summary'));
    expect(summary()).toContain('30 s');
    expect(el.querySelector<HTMLButtonElement>('button[type="submit"]')?.disabled).toBe(true);
    vi.advanceTimersByTime(10_000);
    await settle(el);
    expect(summary()).toContain('20 s');
    submit(el);
    await settle(el);
    expect(requestsTo('/v1/sessions')).toHaveLength(1);
    vi.advanceTimersByTime(20_000);
    await settle(el);
    expect(el.querySelector('.connect-error-summary')).toBeNull();
    expect(el.querySelector<HTMLButtonElement>('button[type="submit"]')?.disabled).toBe(false);
  });

  it('shows a visible message for every error code, unknown ones included', async () => {
    const codes: Array<[string, number]> = [
      ['invalid_credentials', 401],
      ['rate_limited', 429],
      ['validation_failed', 400],
      ['session_invalid', 401],
      ['origin_forbidden', 403],
      ['unsupported_media_type', 415],
      ['payload_too_large', 413],
      ['not_found', 404],
      ['method_not_allowed', 405],
      ['server_error', 500],
      ['weak_password', 422],
      ['token_invalid', 400],
      ['code_invalid', 400],
      ['token_expired', 410],
      ['token_used', 410],
      ['token_superseded', 410],
      ['brand_new_code', 418],
    ];
    for (const [code, status] of codes) {
      server.use(http.post(`${BASE}/v1/sessions`, () => problem(code, status)));
      const el = await signIn();
      const seen: string[] = [];
      el.addEventListener('connect-error', (e) => seen.push(String(e.code)));
      fill(el);
      submit(el);
      await vi.waitFor(() => expect(el.querySelector('.connect-error-summary')).not.toBeNull());
      const summary = el.querySelector('.connect-error-summary');
      const key = `error.${code}` in en ? (`error.${code}` as keyof typeof en) : 'error.unknown';
      expect(summary?.getAttribute('role'), code).toBe('alert');
      expect(textOf(summary), code).toContain(en[key]);
      expect(seen, code).toEqual([code]);
      el.remove();
    }
  });

  it('shows network failures as a visible message', async () => {
    server.use(http.post(`${BASE}/v1/sessions`, () => HttpResponse.error()));
    const el = await signIn();
    fill(el);
    submit(el);
    await vi.waitFor(() => expect(el.querySelector('.connect-error-summary')).not.toBeNull());
    expect(textOf(el.querySelector('.connect-error-summary'))).toContain(en['error.network_error']);
  });

  it('shows unreadable answers and timeouts as visible messages', async () => {
    server.use(http.post(`${BASE}/v1/sessions`, () => HttpResponse.json({ not: 'a session' })));
    const el = await signIn();
    fill(el);
    submit(el);
    await vi.waitFor(() => expect(el.querySelector('.connect-error-summary')).not.toBeNull());
    expect(textOf(el.querySelector('.connect-error-summary'))).toContain(
      en['error.invalid_response'],
    );
    el.remove();

    server.use(http.post(`${BASE}/v1/sessions`, () => new Promise<Response>(() => {})));
    const slow = document.createElement('connect-sign-in');
    slow.client = createConnectClient({ baseUrl: BASE, retry: false, timeout: 50 });
    await mount(slow);
    fill(slow);
    submit(slow);
    await vi.waitFor(() => expect(slow.querySelector('.connect-error-summary')).not.toBeNull());
    expect(textOf(slow.querySelector('.connect-error-summary'))).toContain(en['error.timeout']);
  });

  it('links to activate-url and Customer Services when given', async () => {
    const el = await signIn({
      'activate-url': '/lost-password',
      'support-url': 'https://help.example/contact',
    });
    expect(el.querySelector('a[data-action="activate"]')?.getAttribute('href')).toBe(
      '/lost-password',
    );
    expect(el.querySelector('.connect-support a')?.getAttribute('href')).toBe(
      'https://help.example/contact',
    );
  });

  it('switches to the lost-password form in place without activate-url', async () => {
    const el = await signIn();
    el.querySelector<HTMLButtonElement>('button[data-action="activate"]')?.click();
    await untilStep(el, 'activate');
    const embedded = el.querySelector('connect-lost-password');
    expect(embedded).not.toBeNull();
    await settle(el);
    expect(document.activeElement?.classList.contains('connect-heading')).toBe(true);
    el.querySelector<HTMLButtonElement>('button[data-action="back"]')?.click();
    await untilStep(el, 'form');
  });

  it('takes strings per instance and follows the lang attribute', async () => {
    const el = await signIn();
    el.strings = { 'signin.heading': 'Welcome back' };
    await settle(el);
    expect(textOf(el.querySelector('.connect-heading'))).toBe('Welcome back');
    document.documentElement.lang = 'de';
    await vi.waitFor(() =>
      expect(textOf(el.querySelector('button[type="submit"]'))).toBe(de['signin.submit']),
    );
    expect(textOf(el.querySelector('.connect-heading'))).toBe('Welcome back'); // instance override wins
    el.setAttribute('lang', 'sv');
    registerTranslation('sv', { 'signin.submit': 'Logga in' });
    await vi.waitFor(() =>
      expect(textOf(el.querySelector('button[type="submit"]'))).toBe('Logga in'),
    );
    // Untranslated ids fall back to English.
    expect(textOf(el.querySelector('label[for$="-email"]'))).toBe(en['field.email']);
  });

  it('carries an email attribute into the field', async () => {
    const el = await signIn({ email: EMAIL });
    expect(el.querySelector<HTMLInputElement>('input[name="email"]')?.value).toBe(EMAIL);
  });

  it('sends the session answer through unchanged', async () => {
    const el = await signIn();
    let detail: unknown;
    el.addEventListener('connect-signed-in', (e) => {
      detail = e.session;
    });
    fill(el);
    submit(el);
    await untilStep(el, 'done');
    expect(detail).toMatchObject({ tokenType: 'Bearer', account: session.account });
  });
});
