import { HttpResponse, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import '../define/change-password.ts';
import { autofill, mount, settle, submit, textOf, untilStep } from '../../test/dom.ts';
import {
  BASE,
  EMAIL,
  makeClient,
  problem,
  requestsTo,
  server,
  session,
} from '../../test/server.ts';
import type { ConnectPasswordChangedEvent } from '../shared/events.ts';
import { enAccount } from '../strings/account/en.ts';
import { en as forms } from '../strings/en.ts';

const en = { ...forms, ...enAccount };

import type { ConnectChangePassword } from './change-password.component.ts';

const NEW = 'Copper-Meadow-Lantern-58';

async function signedInClient() {
  const client = makeClient();
  await client.signIn({ email: EMAIL, password: 'Secret123!' });
  return client;
}

async function create(signedIn = true): Promise<ConnectChangePassword> {
  const el = document.createElement('connect-change-password');
  el.client = signedIn ? await signedInClient() : makeClient();
  return mount(el);
}

function fill(el: HTMLElement, current = 'Secret123!', next = NEW, confirm = next): void {
  autofill(el, 'input[name="currentPassword"]', current);
  autofill(el, 'input[name="newPassword"]', next);
  autofill(el, 'input[name="confirm"]', confirm);
}

describe('<connect-change-password>', () => {
  it('renders the account as username and the password fields with the right autocomplete tokens', async () => {
    const el = await create();
    expect(el.dataset.step).toBe('form');
    const username = el.querySelector<HTMLInputElement>('input[name="username"]');
    expect(username?.value).toBe(EMAIL);
    expect(username?.getAttribute('autocomplete')).toBe('username');
    const token = (name: string) =>
      el.querySelector(`input[name="${name}"]`)?.getAttribute('autocomplete');
    expect(token('currentPassword')).toBe('current-password');
    expect(token('newPassword')).toBe('new-password');
    expect(token('confirm')).toBe('new-password');
    for (const name of ['currentPassword', 'newPassword', 'confirm']) {
      const input = el.querySelector(`input[name="${name}"]`);
      expect(textOf(el.querySelector(`label[for="${input?.id}"]`))).not.toBe('');
    }
    expect(textOf(el.querySelector('h2'))).toBe(en['changepw.heading']);
  });

  it('checks the fields before sending anything', async () => {
    const el = await create();
    fill(el, '', NEW, 'different');
    submit(el);
    await settle(el);
    expect(requestsTo('/v1/account/password')).toHaveLength(0);
    expect(el.textContent).toContain(en['field.current_password.required']);
    expect(el.textContent).toContain(en['field.confirm.mismatch']);
  });

  it('sends the current and new password with the session, then fires connect-password-changed', async () => {
    const fresh = { ...session, accessToken: 'fresh.access.token' };
    server.use(http.post(`${BASE}/v1/account/password`, () => HttpResponse.json(fresh)));
    const el = await create();
    const events: ConnectPasswordChangedEvent[] = [];
    el.addEventListener('connect-password-changed', (e) => events.push(e));
    fill(el);
    submit(el);
    await untilStep(el, 'done');
    const [request] = requestsTo('/v1/account/password');
    expect(request?.body).toEqual({ currentPassword: 'Secret123!', newPassword: NEW });
    expect(events[0]?.session.accessToken).toBe('fresh.access.token');
    expect(el.client?.session?.accessToken).toBe('fresh.access.token');
    expect(el.textContent).toContain(en['changepw.done_heading']);
    expect(document.activeElement?.id).toBe(el.querySelector('h2')?.id);
  });

  it('names a wrong current password at its field', async () => {
    server.use(http.post(`${BASE}/v1/account/password`, () => problem('invalid_credentials', 401)));
    const el = await create();
    fill(el, 'wrong');
    submit(el);
    await vi.waitFor(() => expect(el.querySelector('.connect-error-summary')).not.toBeNull());
    await settle(el);
    const current = el.querySelector('input[name="currentPassword"]');
    expect(current?.getAttribute('aria-invalid')).toBe('true');
    expect(el.textContent).toContain(en['changepw.wrong_current']);
    expect(el.dataset.step).toBe('form');
  });

  it('says the session has ended when the client is signed out', async () => {
    const el = await create(false);
    const codes: string[] = [];
    el.addEventListener('connect-error', (e) => codes.push(e.code));
    fill(el);
    submit(el);
    await vi.waitFor(() => expect(codes).toHaveLength(1));
    await settle(el);
    expect(codes).toEqual(['session_invalid']);
    expect(el.querySelector('[role="alert"]')?.textContent).toContain(en['error.session_invalid']);
  });
});
