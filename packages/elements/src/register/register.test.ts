import { http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import '../define/register.ts';
import { autofill, mount, settle, submit, textOf, untilStep } from '../../test/dom.ts';
import { runFormBaseSuite } from '../../test/form-base-suite.ts';
import { BASE, EMAIL, makeClient, problem, requestsTo, seen, server } from '../../test/server.ts';
import { ConnectRegisteredEvent } from '../shared/events.ts';
import { de } from '../strings/de.ts';
import { en } from '../strings/en.ts';
import type { ConnectRegister } from './register.component.ts';

runFormBaseSuite('connect-register', {
  fill: (el) => {
    autofill(el, 'input[name="email"]', EMAIL);
    autofill(el, 'input[name="name"]', 'Ada Owner');
    autofill(el, 'input[name="password"]', 'Fresh-Passw0rd');
    // No lang on the page: the browser's first language becomes the account's.
    return {
      email: EMAIL,
      name: 'Ada Owner',
      password: 'Fresh-Passw0rd',
      locale: navigator.languages[0],
    };
  },
  path: '/v1/accounts',
});

async function register(attrs: Record<string, string> = {}): Promise<ConnectRegister> {
  const el = document.createElement('connect-register');
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  el.client = makeClient();
  return mount(el);
}

describe('<connect-register>', () => {
  it('renders email, optional name and a new password with its checklist', async () => {
    const el = await register();
    expect(el.querySelector('input[name="email"]')?.getAttribute('autocomplete')).toBe('username');
    expect(el.querySelector('input[name="name"]')?.getAttribute('autocomplete')).toBe('name');
    expect(el.querySelector('input[name="name"]')?.hasAttribute('required')).toBe(false);
    expect(el.querySelector('input[name="password"]')?.getAttribute('autocomplete')).toBe(
      'new-password',
    );
    expect(el.querySelector('.connect-rules')).not.toBeNull();
    expect(el.querySelector('meter')).not.toBeNull();
  });

  it('loads the server policy once a client is configured after connecting', async () => {
    const el = document.createElement('connect-register');
    await mount(el);
    expect(seen.some((r) => r.path === '/v1/password-policy')).toBe(false);
    el.client = makeClient();
    await vi.waitFor(() => expect(seen.some((r) => r.path === '/v1/password-policy')).toBe(true));
  });

  it('omits an empty name from the request, and sends the page language as the account’s', async () => {
    document.documentElement.lang = 'fr-CA';
    const el = await register();
    autofill(el, 'input[name="email"]', EMAIL);
    autofill(el, 'input[name="password"]', 'Fresh-Passw0rd');
    submit(el);
    await untilStep(el, 'sent');
    await vi.waitFor(() =>
      expect(requestsTo('/v1/accounts').at(-1)?.body).toEqual({
        email: EMAIL,
        password: 'Fresh-Passw0rd',
        locale: 'fr-CA',
      }),
    );
  });

  it('sends no locale when the page’s lang is not a language tag', async () => {
    document.documentElement.lang = 'not a tag!';
    const el = await register();
    autofill(el, 'input[name="email"]', EMAIL);
    autofill(el, 'input[name="password"]', 'Fresh-Passw0rd');
    submit(el);
    await untilStep(el, 'sent');
    await vi.waitFor(() =>
      expect(requestsTo('/v1/accounts').at(-1)?.body).not.toHaveProperty('locale'),
    );
  });

  it('confirms in the same words for new and existing emails, and fires connect-registered', async () => {
    const texts: string[] = [];
    for (const email of [EMAIL, 'new-person@example.org']) {
      const el = await register();
      const events: ConnectRegisteredEvent[] = [];
      el.addEventListener('connect-registered', (e) => events.push(e));
      autofill(el, 'input[name="email"]', email);
      autofill(el, 'input[name="password"]', 'Fresh-Passw0rd');
      submit(el);
      await untilStep(el, 'sent');
      expect(events[0]).toBeInstanceOf(ConnectRegisteredEvent);
      expect(events[0]?.email).toBe(email);
      texts.push(textOf(el).replace(email, '<email>'));
      expect(document.activeElement).toBe(el.querySelector('.connect-heading'));
      el.remove();
    }
    expect(texts[0]).toBe(texts[1]);
  });

  it('checks the password against what is typed in the email and name fields', async () => {
    const el = await register();
    const email = el.querySelector<HTMLInputElement>('input[name="email"]');
    if (!email) throw new Error('no email field');
    email.value = 'marigold@example.com';
    email.dispatchEvent(new Event('input', { bubbles: true }));
    await settle(el);
    const password = el.querySelector<HTMLInputElement>('input[name="password"]');
    if (!password) throw new Error('no password field');
    password.value = 'Marigold-2024x';
    password.dispatchEvent(new Event('input', { bubbles: true }));
    await settle(el);
    expect(
      el.querySelector('.connect-rule[data-rule="not_context"]')?.getAttribute('data-state'),
    ).toBe('unmet');
  });

  it('shows the server’s per-rule verdict on weak_password', async () => {
    server.use(
      http.post(`${BASE}/v1/accounts`, () =>
        problem('weak_password', 422, {
          rules: [
            { id: 'min_length', level: 'required', ok: true, params: { min: 8 } },
            { id: 'not_common', level: 'required', ok: false },
          ],
        }),
      ),
    );
    const el = await register();
    autofill(el, 'input[name="email"]', EMAIL);
    autofill(el, 'input[name="password"]', 'Password1');
    submit(el);
    await vi.waitFor(() => expect(el.querySelector('.connect-error-summary')).not.toBeNull());
    await settle(el);
    expect(textOf(el.querySelector('.connect-error-summary'))).toContain(en['error.weak_password']);
    expect(
      el.querySelector('.connect-rule[data-rule="not_common"]')?.getAttribute('data-state'),
    ).toBe('failed');
  });

  it('maps validation_failed issues to the fields', async () => {
    server.use(
      http.post(`${BASE}/v1/accounts`, () =>
        problem('validation_failed', 400, { issues: [{ path: ['email'], code: 'invalid_email' }] }),
      ),
    );
    const el = await register();
    autofill(el, 'input[name="email"]', EMAIL);
    autofill(el, 'input[name="password"]', 'Fresh-Passw0rd');
    submit(el);
    await vi.waitFor(() =>
      expect(el.querySelector('input[name="email"][aria-invalid="true"]')).not.toBeNull(),
    );
    expect(textOf(el.querySelector('.connect-error-summary a'))).toBe(en['field.email.invalid']);
  });

  it('links to sign-in-url and follows lang', async () => {
    const el = await register({ 'sign-in-url': '/sign-in', lang: 'de' });
    expect(el.querySelector('a[href="/sign-in"]')).not.toBeNull();
    expect(textOf(el.querySelector('.connect-heading'))).toBe(de['register.heading']);
    el.setAttribute('lang', 'en');
    await vi.waitFor(() =>
      expect(textOf(el.querySelector('.connect-heading'))).toBe(en['register.heading']),
    );
  });
});
