/**
 * The reset page's first job is the password form: the forms the element can turn into load only
 * when it might show them, and the link check leaves before the first render. A file of its own:
 * what is registered depends on what ran before in the same module graph.
 */
import { http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import '../define/reset-password.ts';
import { autofill, mount, submit, untilStep } from '../../test/dom.ts';
import { BASE, EMAIL, makeClient, problem, server, TOKEN } from '../../test/server.ts';
import type { ConnectResetPassword } from './reset-password.component.ts';

const defined = (tag: string) => customElements.get(tag) !== undefined;

function reset(): ConnectResetPassword {
  const el = document.createElement('connect-reset-password');
  el.token = TOKEN;
  el.client = makeClient();
  return el;
}

describe('<connect-reset-password> loads what it may turn into only when it may', () => {
  it('registers neither form on import; <connect-sign-in> once the form shows, then signs in in place', async () => {
    expect(defined('connect-password-input')).toBe(true);
    expect(defined('connect-sign-in')).toBe(false);
    expect(defined('connect-lost-password')).toBe(false);
    const el = await mount(reset());
    await untilStep(el, 'form');
    await vi.waitFor(() => expect(defined('connect-sign-in')).toBe(true));
    autofill(el, 'input[name="password"]', 'Fresh-Passw0rd');
    autofill(el, 'input[name="confirm"]', 'Fresh-Passw0rd');
    submit(el);
    await untilStep(el, 'sign-in');
    await vi.waitFor(() =>
      expect(el.querySelector<HTMLInputElement>('connect-sign-in input[name="email"]')?.value).toBe(
        EMAIL,
      ),
    );
    el.remove();
  });

  it('sends the link check before its first render', async () => {
    const el = reset();
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
    el.remove();
  });

  it('a dead link offers <connect-lost-password> in place', async () => {
    server.use(http.post(`${BASE}/v1/password-resets/verify`, () => problem('token_used', 410)));
    const el = await mount(reset());
    await untilStep(el, 'used');
    await vi.waitFor(() => expect(defined('connect-lost-password')).toBe(true));
    el.querySelector<HTMLButtonElement>('button[data-action="request-new"]')?.click();
    await vi.waitFor(() =>
      expect(el.querySelector('connect-lost-password input[name="email"]')).not.toBeNull(),
    );
    el.remove();
  });
});
