import { http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../define/lost-password.ts';
import { autofill, mount, settle, submit, textOf, untilStep } from '../../test/dom.ts';
import { runFormBaseSuite } from '../../test/form-base-suite.ts';
import { BASE, EMAIL, makeClient, problem, requestsTo, server } from '../../test/server.ts';
import { ConnectPasswordResetEvent, ConnectResetRequestedEvent } from '../shared/events.ts';
import { de } from '../strings/de.ts';
import { en } from '../strings/en.ts';
import { fr } from '../strings/fr.ts';
import { nl } from '../strings/nl.ts';
import type { ConnectLostPassword } from './lost-password.component.ts';

runFormBaseSuite('connect-lost-password', {
  fill: (el) => {
    autofill(el, 'input[name="email"]', EMAIL);
    return { email: EMAIL };
  },
  path: '/v1/password-resets',
});

async function lostPassword(attrs: Record<string, string> = {}): Promise<ConnectLostPassword> {
  const el = document.createElement('connect-lost-password');
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  el.client = makeClient();
  return mount(el);
}

async function send(el: HTMLElement, email = EMAIL): Promise<void> {
  autofill(el, 'input[name="email"]', email);
  submit(el);
  await untilStep(el, 'sent');
}

afterEach(() => {
  vi.useRealTimers();
});

describe('<connect-lost-password>', () => {
  it('renders an email field the password manager recognises as the username', async () => {
    const el = await lostPassword();
    const input = el.querySelector<HTMLInputElement>('input[name="email"]');
    expect(input?.type).toBe('email');
    expect(input?.getAttribute('autocomplete')).toBe('username');
    expect(textOf(el.querySelector(`label[for="${input?.id}"]`))).toBe(en['field.email']);
    expect(el.dataset.step).toBe('form');
  });

  it('confirms in the same words for any address, mentioning old-portal activation', async () => {
    const texts: string[] = [];
    for (const email of [EMAIL, 'nobody@example.org']) {
      const el = await lostPassword();
      await send(el, email);
      texts.push(textOf(el.querySelector('.connect-notice')).replace(email, '<email>'));
      el.remove();
    }
    expect(texts[0]).toBe(texts[1]);
    expect(texts[0]).toContain('If an account exists for <email>');
    expect(texts[0]).toMatch(/old portal/);
  });

  it('fires connect-reset-requested and moves focus to the confirmation heading', async () => {
    const el = await lostPassword();
    const events: ConnectResetRequestedEvent[] = [];
    el.addEventListener('connect-reset-requested', (e) => events.push(e));
    await send(el);
    expect(events).toHaveLength(1);
    expect(events[0]).toBeInstanceOf(ConnectResetRequestedEvent);
    expect(events[0]).toMatchObject({ email: EMAIL, resend: false, bubbles: true, composed: true });
    expect(document.activeElement).toBe(el.querySelector('.connect-heading'));
    expect(document.activeElement?.getAttribute('tabindex')).toBe('-1');
  });

  it('holds "send again" for 60 s locally, then resends and announces it', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const el = await lostPassword();
    const events: ConnectResetRequestedEvent[] = [];
    el.addEventListener('connect-reset-requested', (e) => events.push(e));
    await send(el);
    const resend = () => el.querySelector<HTMLButtonElement>('button[data-action="resend"]');
    expect(resend()?.disabled).toBe(true);
    expect(textOf(el.querySelector('[data-state="cooldown"]'))).toContain('60 s');
    vi.advanceTimersByTime(59_000);
    await settle(el);
    expect(textOf(el.querySelector('[data-state="cooldown"]'))).toContain('1 s');
    vi.advanceTimersByTime(1_000);
    await settle(el);
    expect(resend()?.disabled).toBe(false);
    resend()?.click();
    await vi.waitFor(() => expect(events).toHaveLength(2));
    await settle(el);
    expect(events[1]?.resend).toBe(true);
    expect(requestsTo('/v1/password-resets')).toHaveLength(2);
    expect(textOf(el.querySelector('[role="status"]'))).toBe(
      en['lost.resent'].replace('{email}', EMAIL),
    );
    expect(resend()?.disabled).toBe(true);
  });

  it("counts down the server's retryAfterMs when a resend is rate limited", async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const el = await lostPassword();
    await send(el);
    vi.advanceTimersByTime(60_000);
    await settle(el);
    server.use(
      http.post(`${BASE}/v1/password-resets`, () =>
        problem('rate_limited', 429, { retryAfterMs: 120_000 }),
      ),
    );
    el.querySelector<HTMLButtonElement>('button[data-action="resend"]')?.click();
    await vi.waitFor(() => expect(el.querySelector('.connect-error-summary')).not.toBeNull());
    await settle(el);
    expect(textOf(el.querySelector('.connect-error-summary'))).toContain('120 s');
    expect(textOf(el.querySelector('[data-state="cooldown"]'))).toContain('120 s');
    expect(el.querySelector<HTMLButtonElement>('button[data-action="resend"]')?.disabled).toBe(
      true,
    );
  });

  it('completes the reset with the emailed code and a new password', async () => {
    const el = await lostPassword({ 'sign-in-url': '/sign-in' });
    const events: ConnectPasswordResetEvent[] = [];
    el.addEventListener('connect-password-reset', (e) => events.push(e));
    await send(el);
    el.querySelector<HTMLButtonElement>('button[data-action="code"]')?.click();
    await untilStep(el, 'code');
    const code = el.querySelector<HTMLInputElement>('input[name="code"]');
    expect(code?.getAttribute('autocomplete')).toBe('one-time-code');
    expect(code?.getAttribute('inputmode')).toBe('numeric');
    expect(el.querySelector('input[name="username"]')?.getAttribute('autocomplete')).toBe(
      'username',
    );
    autofill(el, 'input[name="code"]', '1234 5678');
    autofill(el, 'input[name="password"]', 'Fresh-Passw0rd');
    submit(el);
    await untilStep(el, 'done');
    await vi.waitFor(() =>
      expect(requestsTo('/v1/password-resets/complete')[0]?.body).toEqual({
        email: EMAIL,
        code: '12345678',
        password: 'Fresh-Passw0rd',
      }),
    );
    expect(events[0]).toBeInstanceOf(ConnectPasswordResetEvent);
    expect(events[0]?.activated).toBe(true);
    // Like every button and link of the elements, it carries a data-action hook.
    expect(el.querySelector('a[href="/sign-in"]')?.getAttribute('data-action')).toBe('sign-in');
  });

  it('marks a wrong code on the code field', async () => {
    server.use(
      http.post(`${BASE}/v1/password-resets/complete`, () => problem('code_invalid', 400)),
    );
    const el = await lostPassword();
    await send(el);
    el.querySelector<HTMLButtonElement>('button[data-action="code"]')?.click();
    await untilStep(el, 'code');
    autofill(el, 'input[name="code"]', '12345678');
    autofill(el, 'input[name="password"]', 'Fresh-Passw0rd');
    submit(el);
    await vi.waitFor(() => expect(el.querySelector('.connect-error-summary')).not.toBeNull());
    await settle(el);
    const input = el.querySelector('input[name="code"]');
    expect(input?.getAttribute('aria-invalid')).toBe('true');
    const summary = textOf(el.querySelector('.connect-error-summary'));
    expect(summary).toContain(en['error.code_invalid']);
    // Said once in the summary, and again at the field.
    expect(summary.split(en['error.code_invalid'])).toHaveLength(2);
    const errorId = input?.getAttribute('aria-describedby')?.split(' ').at(-1);
    expect(textOf(el.querySelector(`[id="${errorId}"]`))).toBe(en['error.code_invalid']);
  });

  it('shows the server’s weak_password rules on the checklist', async () => {
    server.use(
      http.post(`${BASE}/v1/password-resets/complete`, () =>
        problem('weak_password', 422, {
          rules: [{ id: 'not_common', level: 'required', ok: false, params: { checked: true } }],
        }),
      ),
    );
    const el = await lostPassword();
    await send(el);
    el.querySelector<HTMLButtonElement>('button[data-action="code"]')?.click();
    await untilStep(el, 'code');
    autofill(el, 'input[name="code"]', '12345678');
    autofill(el, 'input[name="password"]', 'Password123');
    submit(el);
    await vi.waitFor(() =>
      expect(el.querySelector('.connect-rule[data-state="failed"]')).not.toBeNull(),
    );
    expect(el.querySelector('.connect-rule[data-state="failed"]')?.getAttribute('data-rule')).toBe(
      'not_common',
    );
    expect(el.querySelector('input[name="password"]')?.getAttribute('aria-invalid')).toBe('true');
  });

  it('offers sign-in in place, email carried over, without sign-in-url', async () => {
    const el = await lostPassword();
    await send(el);
    el.querySelector<HTMLButtonElement>('button[data-action="code"]')?.click();
    await untilStep(el, 'code');
    autofill(el, 'input[name="code"]', '12345678');
    autofill(el, 'input[name="password"]', 'Fresh-Passw0rd');
    submit(el);
    await untilStep(el, 'sign-in');
    await settle(el);
    const signIn = el.querySelector('connect-sign-in');
    expect(signIn?.querySelector<HTMLInputElement>('input[name="email"]')?.value).toBe(EMAIL);
    expect(textOf(el.querySelector('.connect-notice'))).toContain(
      en['lost.done_heading_activation'],
    );
  });

  it('explains what Customer Services can do, and links to them', async () => {
    const el = await lostPassword({ 'support-url': 'https://help.example/contact' });
    const support = el.querySelector('.connect-support');
    expect(textOf(support)).toContain(en['support.heading']);
    expect(textOf(support)).toMatch(/cannot transfer locks/);
    expect(support?.querySelector('a')?.getAttribute('href')).toBe('https://help.example/contact');
  });

  it('goes back to the form with the address kept', async () => {
    const el = await lostPassword();
    await send(el);
    el.querySelector<HTMLButtonElement>('button[data-action="other-email"]')?.click();
    await untilStep(el, 'form');
    expect(el.querySelector<HTMLInputElement>('input[name="email"]')?.value).toBe(EMAIL);
  });

  it('speaks German under lang="de"', async () => {
    const wrapper = document.createElement('div');
    wrapper.lang = 'de';
    document.body.append(wrapper);
    const el = document.createElement('connect-lost-password');
    el.client = makeClient();
    wrapper.append(el);
    await settle(el);
    expect(textOf(el.querySelector('.connect-heading'))).toBe(de['lost.heading']);
    wrapper.lang = 'en';
    await vi.waitFor(() =>
      expect(textOf(el.querySelector('.connect-heading'))).toBe(en['lost.heading']),
    );
  });

  it('first renders in the page language, loaded on demand, with no English flash', async () => {
    document.documentElement.lang = 'fr';
    const el = document.createElement('connect-lost-password');
    el.client = makeClient();
    document.body.append(el);
    await el.updateComplete;
    // The very first render already speaks French: it waited for the French chunk.
    expect(textOf(el.querySelector('.connect-heading'))).toBe(fr['lost.heading']);
    expect(textOf(el.querySelector('button[type="submit"]'))).toBe(fr['lost.submit']);
    expect(textOf(el.querySelector('label'))).toBe(fr['field.email']);
  });

  it('without any lang, follows the browser languages', async () => {
    const languages = vi
      .spyOn(navigator, 'languages', 'get')
      .mockReturnValue(['ja', 'nl-BE', 'en']);
    try {
      const el = await lostPassword();
      expect(textOf(el.querySelector('.connect-heading'))).toBe(nl['lost.heading']);
    } finally {
      languages.mockRestore();
    }
  });
});
