import { connectPolicy, nist80063bPolicy, toPasswordRules } from '@connect-auth/core';
import { HttpResponse, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import '../define/reset-password.ts';
import { autofill, mount, settle, submit, textOf, untilStep } from '../../test/dom.ts';
import { runFormBaseSuite } from '../../test/form-base-suite.ts';
import {
  BASE,
  EMAIL,
  makeClient,
  problem,
  requestsTo,
  seen,
  server,
  TOKEN,
} from '../../test/server.ts';
import { ConnectPasswordResetEvent } from '../shared/events.ts';
import { en } from '../strings/en.ts';
import type { ConnectResetPassword } from './reset-password.component.ts';

const NEW_PASSWORD = 'Fresh-Passw0rd';

runFormBaseSuite('connect-reset-password', {
  setup: (el) => {
    (el as ConnectResetPassword).token = TOKEN;
  },
  ready: (el) => untilStep(el, 'form'),
  fill: (el) => {
    autofill(el, 'input[name="password"]', NEW_PASSWORD);
    autofill(el, 'input[name="confirm"]', NEW_PASSWORD);
    return { token: TOKEN, password: NEW_PASSWORD };
  },
  path: '/v1/password-resets/complete',
});

async function reset(
  attrs: Record<string, string> = {},
  token: string | null = TOKEN,
): Promise<ConnectResetPassword> {
  const el = document.createElement('connect-reset-password');
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  if (token !== null) el.token = token;
  el.client = makeClient();
  return mount(el);
}

function verifyAnswers(purpose: 'activation' | 'reset'): void {
  server.use(
    http.post(`${BASE}/v1/password-resets/verify`, () =>
      HttpResponse.json({
        email: EMAIL,
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
        purpose,
      }),
    ),
  );
}

function fillPasswords(el: HTMLElement, confirm = NEW_PASSWORD): void {
  autofill(el, 'input[name="password"]', NEW_PASSWORD);
  autofill(el, 'input[name="confirm"]', confirm);
}

describe('<connect-reset-password>', () => {
  it('sends the link check before its first render', async () => {
    const el = document.createElement('connect-reset-password');
    el.token = TOKEN;
    el.client = makeClient();
    // Record, when `fetch` is called, whether the element has rendered yet.
    const sent: boolean[] = [];
    const spy = vi.spyOn(globalThis, 'fetch');
    spy.mockImplementation((...args) => {
      sent.push(el.hasUpdated);
      spy.mockRestore();
      return fetch(...args);
    });
    await mount(el);
    await untilStep(el, 'form');
    expect(sent).toEqual([false]);
  });

  it('reads the token from the fragment, scrubs it, and verifies it without consuming it', async () => {
    history.replaceState(null, '', `/reset?lang=en#token=${TOKEN}`);
    const el = await reset({}, null);
    await untilStep(el, 'form');
    expect(location.hash).toBe('');
    expect(location.search).toBe('?lang=en');
    await vi.waitFor(() =>
      expect(requestsTo('/v1/password-resets/verify')[0]?.body).toEqual({ token: TOKEN }),
    );
    expect(requestsTo('/v1/password-resets/complete')).toHaveLength(0);
  });

  it('shows a "checking" step first, then which account the link is for', async () => {
    const el = document.createElement('connect-reset-password');
    el.token = TOKEN;
    el.client = makeClient();
    document.body.append(el);
    expect(el.dataset.step ?? 'verifying').toBe('verifying');
    await untilStep(el, 'form');
    expect(textOf(el.querySelector('[data-part="account"]'))).toContain(EMAIL);
    expect(textOf(el.querySelector('.connect-heading'))).toBe(en['reset.heading_activation']);
    expect(el.dataset.purpose).toBe('activation');
  });

  it('gives password managers the account and the policy', async () => {
    const el = await reset();
    await untilStep(el, 'form');
    const username = el.querySelector<HTMLInputElement>('input[autocomplete="username"]');
    expect(username?.value).toBe(EMAIL);
    const password = el.querySelector<HTMLInputElement>('input[name="password"]');
    expect(password?.getAttribute('autocomplete')).toBe('new-password');
    expect(password?.getAttribute('passwordrules')).toBe(toPasswordRules(connectPolicy));
    expect(el.querySelector('input[name="confirm"]')?.getAttribute('autocomplete')).toBe(
      'new-password',
    );
  });

  it('uses the policy the verify answer carries, without asking for it again', async () => {
    server.use(
      http.post(`${BASE}/v1/password-resets/verify`, () =>
        HttpResponse.json({
          email: EMAIL,
          expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
          purpose: 'reset',
          policy: nist80063bPolicy,
        }),
      ),
    );
    const el = await reset();
    await untilStep(el, 'form');
    expect(el.querySelector('input[name="password"]')?.getAttribute('passwordrules')).toBe(
      toPasswordRules(nist80063bPolicy),
    );
    await settle(el);
    expect(seen.filter((r) => r.path === '/v1/password-policy')).toHaveLength(0);
  });

  it('asks for the policy once the link is checked, when an older server leaves it out', async () => {
    const el = await reset();
    await untilStep(el, 'form');
    await vi.waitFor(() =>
      expect(seen.filter((r) => r.path === '/v1/password-policy')).toHaveLength(1),
    );
  });

  it('shows the policy checklist split into required and recommended rules', async () => {
    const el = await reset();
    await untilStep(el, 'form');
    const required = el.querySelectorAll('.connect-rules[data-level="required"] .connect-rule');
    const recommended = el.querySelectorAll(
      '.connect-rules[data-level="recommended"] .connect-rule',
    );
    expect(required.length).toBeGreaterThan(3);
    expect(recommended.length).toBe(2);
    // Only the first password field has a checklist.
    expect(el.querySelectorAll('.connect-rules-group')).toHaveLength(1);
  });

  it('flags a confirmation that does not match, inline, without sending', async () => {
    const el = await reset();
    await untilStep(el, 'form');
    fillPasswords(el, 'Something-else1');
    submit(el);
    await settle(el);
    const confirm = el.querySelector('input[name="confirm"]');
    expect(confirm?.getAttribute('aria-invalid')).toBe('true');
    const describedBy = confirm?.getAttribute('aria-describedby') ?? '';
    expect(textOf(el.querySelector(`[id="${describedBy.split(' ')[0]}"]`))).toBe(
      en['field.confirm.mismatch'],
    );
    expect(requestsTo('/v1/password-resets/complete')).toHaveLength(0);
  });

  for (const [code, step, headingId] of [
    ['token_expired', 'expired', 'reset.expired_heading'],
    ['token_used', 'used', 'reset.used_heading'],
    ['token_superseded', 'superseded', 'reset.superseded_heading'],
    ['token_invalid', 'invalid', 'reset.invalid_heading'],
  ] as const) {
    it(`explains a ${code} link and offers a new one`, async () => {
      server.use(
        http.post(`${BASE}/v1/password-resets/verify`, () =>
          problem(code, code === 'token_invalid' ? 400 : 410),
        ),
      );
      const el = await reset();
      const codes: string[] = [];
      el.addEventListener('connect-error', (e) => codes.push(String(e.code)));
      await untilStep(el, step);
      expect(codes).toEqual([code]);
      expect(textOf(el.querySelector('.connect-heading'))).toBe(en[headingId]);
      el.querySelector<HTMLButtonElement>('button[data-action="request-new"]')?.click();
      await vi.waitFor(() => expect(el.querySelector('connect-lost-password')).not.toBeNull());
      await settle(el);
      expect(el.querySelector('connect-lost-password input[name="email"]')).not.toBeNull();
    });
  }

  it('links to lost-password-url when it is set', async () => {
    server.use(http.post(`${BASE}/v1/password-resets/verify`, () => problem('token_expired', 410)));
    const el = await reset({ 'lost-password-url': '/lost-password' });
    await untilStep(el, 'expired');
    expect(el.querySelector('a[data-action="request-new"]')?.getAttribute('href')).toBe(
      '/lost-password',
    );
  });

  it('treats a page without a token as an invalid link, with its own explanation', async () => {
    history.replaceState(null, '', '/reset');
    const el = await reset({}, null);
    await untilStep(el, 'invalid');
    expect(textOf(el)).toContain(en['reset.missing_body']);
    expect(requestsTo('/v1/password-resets/verify')).toHaveLength(0);
  });

  it('moves to the token state when the link dies between verifying and saving', async () => {
    server.use(
      http.post(`${BASE}/v1/password-resets/complete`, () => problem('token_superseded', 410)),
    );
    const el = await reset();
    await untilStep(el, 'form');
    fillPasswords(el);
    submit(el);
    await untilStep(el, 'superseded');
  });

  it('after an activation: activation copy, event, and sign-in in place with the email', async () => {
    const el = await reset();
    const events: ConnectPasswordResetEvent[] = [];
    el.addEventListener('connect-password-reset', (e) => events.push(e));
    await untilStep(el, 'form');
    fillPasswords(el);
    submit(el);
    await untilStep(el, 'sign-in');
    expect(events[0]).toBeInstanceOf(ConnectPasswordResetEvent);
    expect(events[0]).toMatchObject({ email: EMAIL, activated: true });
    expect(textOf(el.querySelector('.connect-notice .connect-heading'))).toBe(
      en['reset.done_heading_activation'],
    );
    expect(el.querySelector<HTMLInputElement>('connect-sign-in input[name="email"]')?.value).toBe(
      EMAIL,
    );
    expect(document.activeElement).toBe(el.querySelector('.connect-notice .connect-heading'));
  });

  it('after a reset: reset copy and a link to sign-in-url', async () => {
    verifyAnswers('reset');
    server.use(
      http.post(`${BASE}/v1/password-resets/complete`, () =>
        HttpResponse.json({ status: 'password_changed', email: EMAIL, activated: false }),
      ),
    );
    const el = await reset({ 'sign-in-url': '/sign-in' });
    await untilStep(el, 'form');
    expect(textOf(el.querySelector('.connect-heading'))).toBe(en['reset.heading_reset']);
    fillPasswords(el);
    submit(el);
    await untilStep(el, 'done');
    expect(textOf(el.querySelector('.connect-notice .connect-heading'))).toBe(
      en['reset.done_heading_reset'],
    );
    expect(el.querySelector('a[data-action="sign-in"]')?.getAttribute('href')).toBe('/sign-in');
  });

  it('shows a failed verification with a way to try again', async () => {
    server.use(http.post(`${BASE}/v1/password-resets/verify`, () => HttpResponse.error()));
    const el = await reset();
    await untilStep(el, 'error');
    expect(textOf(el.querySelector('.connect-error-summary'))).toContain(en['error.network_error']);
    server.resetHandlers();
    el.querySelector<HTMLButtonElement>('button[data-action="retry"]')?.click();
    await untilStep(el, 'form');
  });

  it('verifies a token set later as a property', async () => {
    history.replaceState(null, '', '/reset');
    const el = await reset({}, null);
    await untilStep(el, 'invalid');
    el.token = TOKEN;
    await untilStep(el, 'form');
  });

  describe('a newer link opened in the same tab (hashchange)', () => {
    const OLD = `${TOKEN}_old`;
    const NEW = `${TOKEN}_new`;

    /** Verify answers: OLD was used; NEW is a live reset link. */
    function verifyByToken(old: () => Response | Promise<Response>): void {
      server.use(
        http.post(`${BASE}/v1/password-resets/verify`, async ({ request }) => {
          const { token } = (await request.json()) as { token: string };
          if (token !== NEW) return old();
          return HttpResponse.json({
            email: 'newer@example.com',
            expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
            purpose: 'reset',
          });
        }),
      );
    }

    function openInSameTab(token: string): void {
      history.replaceState(null, '', `/reset#token=${token}`);
      window.dispatchEvent(new Event('hashchange'));
    }

    it('checks the newer token, scrubs it, and moves focus to the new step', async () => {
      verifyByToken(() => problem('token_used', 410));
      history.replaceState(null, '', `/reset#token=${OLD}`);
      const el = await reset({}, null);
      await untilStep(el, 'used');
      openInSameTab(NEW);
      await untilStep(el, 'form');
      expect(location.hash).toBe('');
      expect(el.dataset.purpose).toBe('reset');
      expect(textOf(el.querySelector('[data-part="account"]'))).toContain('newer@example.com');
      expect(requestsTo('/v1/password-resets/verify').map((r) => r.body?.token)).toEqual([
        OLD,
        NEW,
      ]);
      expect(document.activeElement).toBe(el.querySelector('.connect-heading'));
      // Saving uses the newer token.
      fillPasswords(el);
      submit(el);
      await untilStep(el, 'sign-in');
      expect(requestsTo('/v1/password-resets/complete')[0]?.body).toMatchObject({ token: NEW });
    });

    it('aborts a check still pending for the older token', async () => {
      // The older check never answers: only the newer one can move the element on.
      verifyByToken(() => new Promise<Response>(() => {}));
      history.replaceState(null, '', `/reset#token=${OLD}`);
      const el = await reset({}, null);
      await vi.waitFor(() => expect(seen.some((r) => r.body?.token === OLD)).toBe(true));
      const older = seen.find((r) => r.body?.token === OLD);
      expect(el.step).toBe('verifying');
      openInSameTab(NEW);
      await untilStep(el, 'form');
      expect(older?.signal.aborted).toBe(true);
      expect(location.hash).toBe('');
    });

    it('ignores fragments without a token, and pages that set the token themselves', async () => {
      verifyByToken(() => problem('token_used', 410));
      const el = await reset({}, OLD);
      await untilStep(el, 'used');
      history.replaceState(null, '', '/reset#main');
      window.dispatchEvent(new Event('hashchange'));
      openInSameTab(NEW);
      await settle(el);
      expect(el.step).toBe('used');
      expect(location.hash).toBe(`#token=${NEW}`); // the page owns the address
      expect(requestsTo('/v1/password-resets/verify')).toHaveLength(1);
    });

    it('stops listening once removed from the page', async () => {
      verifyByToken(() => problem('token_used', 410));
      history.replaceState(null, '', `/reset#token=${OLD}`);
      const el = await reset({}, null);
      await untilStep(el, 'used');
      el.remove();
      openInSameTab(NEW);
      await settle(el);
      expect(location.hash).toBe(`#token=${NEW}`);
      expect(requestsTo('/v1/password-resets/verify')).toHaveLength(1);
    });
  });

  it('waits for a client set right after connecting (same task), as pages often do', async () => {
    const el = document.createElement('connect-reset-password');
    el.token = TOKEN;
    document.body.append(el);
    el.client = makeClient();
    await untilStep(el, 'form');
  });

  it('checks the link once a client is configured late', async () => {
    const el = document.createElement('connect-reset-password');
    el.token = TOKEN;
    await mount(el);
    await untilStep(el, 'error');
    el.setAttribute('base-url', BASE);
    await untilStep(el, 'form');
  });

  it('shows the missing-client error when verifying without a client', async () => {
    const el = document.createElement('connect-reset-password');
    el.token = TOKEN;
    await mount(el);
    await untilStep(el, 'error');
    expect(textOf(el.querySelector('.connect-error-summary'))).toContain(
      en['error.missing_client'],
    );
  });
});
