import { HttpResponse, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import '../define/change-email.ts';
import { autofill, mount, settle, submit, textOf, untilStep } from '../../test/dom.ts';
import { BASE, EMAIL, makeClient, problem, requestsTo, server } from '../../test/server.ts';
import type { ConnectEmailChangeRequestedEvent } from '../shared/events.ts';
import accountDe from '../strings/account/de.ts';
import { enAccount } from '../strings/account/en.ts';
import { de } from '../strings/de.ts';
import { en as forms } from '../strings/en.ts';

const en = { ...forms, ...enAccount };

import { format } from '../strings/format.ts';
import type { ConnectChangeEmail } from './change-email.component.ts';

async function create(): Promise<ConnectChangeEmail> {
  const client = makeClient();
  await client.signIn({ email: EMAIL, password: 'Secret123!' });
  const el = document.createElement('connect-change-email');
  el.client = client;
  return mount(el);
}

describe('<connect-change-email>', () => {
  it('renders the new address (autocomplete email) and the current password', async () => {
    const el = await create();
    const email = el.querySelector<HTMLInputElement>('input[name="newEmail"]');
    expect(email?.type).toBe('email');
    expect(email?.getAttribute('autocomplete')).toBe('email');
    expect(el.querySelector('input[name="password"]')?.getAttribute('autocomplete')).toBe(
      'current-password',
    );
    expect(el.textContent).toContain(format(en['changeemail.current'], { email: EMAIL }));
    expect(textOf(el.querySelector(`label[for="${email?.id}"]`))).toBe(en['field.new_email']);
  });

  it('refuses an invalid address without a request', async () => {
    const el = await create();
    autofill(el, 'input[name="newEmail"]', 'not-an-email');
    autofill(el, 'input[name="password"]', 'Secret123!');
    submit(el);
    await settle(el);
    expect(requestsTo('/v1/account/email-changes')).toHaveLength(0);
    expect(el.querySelector('input[name="newEmail"]')?.getAttribute('aria-invalid')).toBe('true');
  });

  it('sends the request and shows where the link went', async () => {
    server.use(
      http.post(`${BASE}/v1/account/email-changes`, () =>
        HttpResponse.json({ status: 'accepted' }, { status: 202 }),
      ),
    );
    const el = await create();
    const events: ConnectEmailChangeRequestedEvent[] = [];
    el.addEventListener('connect-email-change-requested', (e) => events.push(e));
    autofill(el, 'input[name="newEmail"]', ' new@example.com ');
    autofill(el, 'input[name="password"]', 'Secret123!');
    submit(el);
    await untilStep(el, 'sent');
    expect(requestsTo('/v1/account/email-changes')[0]?.body).toEqual({
      newEmail: 'new@example.com',
      password: 'Secret123!',
    });
    expect(events.map((e) => e.newEmail)).toEqual(['new@example.com']);
    expect(el.textContent).toContain(
      format(en['changeemail.sent_body'], { email: 'new@example.com' }),
    );
  });

  it('shows a wrong password and an unchanged address at their fields', async () => {
    server.use(
      http.post(`${BASE}/v1/account/email-changes`, () => problem('invalid_credentials', 401)),
    );
    const el = await create();
    autofill(el, 'input[name="newEmail"]', 'new@example.com');
    autofill(el, 'input[name="password"]', 'wrong');
    submit(el);
    await vi.waitFor(() => expect(el.textContent).toContain(en['changepw.wrong_current']));
    server.use(
      http.post(`${BASE}/v1/account/email-changes`, () =>
        problem('validation_failed', 400, { issues: [{ path: ['newEmail'], code: 'unchanged' }] }),
      ),
    );
    autofill(el, 'input[name="password"]', 'Secret123!');
    submit(el);
    await vi.waitFor(() => expect(el.textContent).toContain(en['changeemail.unchanged']));
  });

  it('speaks German under lang="de"', async () => {
    document.documentElement.lang = 'de';
    try {
      const el = await create();
      // The account strings' German table loads by itself, like the forms'.
      await vi.waitFor(() =>
        expect(textOf(el.querySelector('h2'))).toBe(accountDe['changeemail.heading']),
      );
      expect(el.textContent).toContain(de['field.password']);
    } finally {
      document.documentElement.lang = '';
    }
  });
});
