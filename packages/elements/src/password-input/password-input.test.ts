import { connectPolicy, nist80063bPolicy, toPasswordRules } from '@connect-auth/core';
import { describe, expect, it, vi } from 'vitest';
import '../define/password-input.ts';
import { mount, settle, textOf } from '../../test/dom.ts';
import { en } from '../strings/en.ts';
import type { ConnectPasswordInput } from './password-input.component.ts';

async function passwordInput(attrs: Record<string, string> = {}): Promise<ConnectPasswordInput> {
  const el = document.createElement('connect-password-input');
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  return mount(el);
}

async function type(el: ConnectPasswordInput, value: string): Promise<void> {
  const input = el.input;
  if (!input) throw new Error('no input');
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await settle(el);
}

describe('<connect-password-input>', () => {
  it('is a labelled light-DOM password input that takes part in the surrounding form', async () => {
    const form = document.createElement('form');
    document.body.append(form);
    const el = document.createElement('connect-password-input');
    form.append(el);
    await settle(el);
    expect(el.shadowRoot).toBeNull();
    const input = el.querySelector('input');
    expect(input?.name).toBe('password');
    expect(input?.type).toBe('password');
    expect(input?.getAttribute('autocomplete')).toBe('new-password');
    expect(textOf(el.querySelector(`label[for="${input?.id}"]`))).toBe(en['field.password']);
    if (input) input.value = 'typed without events';
    expect(new FormData(form).get('password')).toBe('typed without events');
  });

  it('has a keyboard-reachable show/hide toggle button', async () => {
    const el = await passwordInput();
    const button = el.querySelector<HTMLButtonElement>('button');
    const input = el.querySelector('input');
    expect(button?.type).toBe('button');
    expect(button?.hasAttribute('tabindex')).toBe(false);
    expect(button?.getAttribute('aria-controls')).toBe(input?.id);
    expect(button?.getAttribute('aria-pressed')).toBe('false');
    button?.click();
    await settle(el);
    expect(el.querySelector('input')?.type).toBe('text');
    expect(button?.getAttribute('aria-pressed')).toBe('true');
    expect(textOf(button)).toBe(en['password.show']); // the name stays; aria-pressed carries the state
    button?.click();
    await settle(el);
    expect(el.querySelector('input')?.type).toBe('password');
  });

  it('carries the passwordrules of its policy', async () => {
    const el = await passwordInput();
    expect(el.querySelector('input')?.getAttribute('passwordrules')).toBe(
      toPasswordRules(connectPolicy),
    );
    el.policy = nist80063bPolicy;
    await settle(el);
    expect(el.querySelector('input')?.getAttribute('passwordrules')).toBe(
      toPasswordRules(nist80063bPolicy),
    );
  });

  it('updates the checklist and the strength meter as the user types, and announces changes politely', async () => {
    const el = await passwordInput();
    const state = (rule: string, level = 'required') =>
      el
        .querySelector(`.connect-rule[data-rule="${rule}"][data-level="${level}"]`)
        ?.getAttribute('data-state');
    expect(state('lowercase')).toBe('unmet');
    await type(el, 'abc');
    expect(state('lowercase')).toBe('met');
    expect(state('uppercase')).toBe('unmet');
    const live = el.querySelector('[role="status"]');
    expect(live?.getAttribute('aria-live')).toBe('polite');
    expect(textOf(live)).toContain('Met: A lowercase letter');
    await type(el, 'abcDEF123-long-enough');
    expect(state('min_length')).toBe('met');
    expect(state('min_length', 'recommended')).toBe('met');
    expect(state('special', 'recommended')).toBe('met');
    const meter = el.querySelector('meter');
    expect(Number(meter?.getAttribute('value'))).toBe(3);
    expect(meter?.getAttribute('aria-labelledby')).toBeTruthy();
    expect(textOf(el.querySelector('.connect-strength'))).toMatch(/Strength: (fair|good|strong)/);
    // Rule state is also in the text, for screen readers reading the list.
    expect(textOf(el.querySelector('.connect-rule[data-rule="lowercase"]'))).toContain(
      en['password.rule_met'],
    );
  });

  it('shows the special characters from the policy', async () => {
    const el = await passwordInput();
    expect(textOf(el.querySelector('.connect-rule[data-rule="special"]'))).toContain('- ! @ # & $');
  });

  it('rejects a password containing the account email (not_context)', async () => {
    const el = await passwordInput({ email: 'marigold@example.com' });
    await type(el, 'Marigold-2024x');
    expect(
      el.querySelector('.connect-rule[data-rule="not_context"]')?.getAttribute('data-state'),
    ).toBe('unmet');
    expect(el.evaluation?.ok).toBe(false);
  });

  it('loads the common-password list on focus and then flags common passwords', async () => {
    const el = await passwordInput();
    el.input?.dispatchEvent(new Event('focus'));
    await type(el, 'Password123');
    await vi.waitFor(() =>
      expect(
        el.querySelector('.connect-rule[data-rule="not_common"]')?.getAttribute('data-state'),
      ).toBe('unmet'),
    );
  });

  it("marks only required rules 'failed' after a weak_password answer; recommended ones stay 'unmet'", async () => {
    const el = await passwordInput();
    await type(el, 'abcdefgh');
    // A weak_password answer: uppercase and digit (required) fail, special and 12+ (recommended) are unmet.
    el.serverRules = [
      { id: 'min_length', level: 'required', ok: true, params: { min: 8 } },
      { id: 'uppercase', level: 'required', ok: false },
      { id: 'digit', level: 'required', ok: false },
      { id: 'lowercase', level: 'required', ok: true },
      { id: 'special', level: 'recommended', ok: false, params: { chars: '-!@#&$' } },
      { id: 'min_length', level: 'recommended', ok: false, params: { min: 12 } },
    ];
    await settle(el);
    const state = (rule: string, level: string) =>
      el
        .querySelector(`.connect-rule[data-rule="${rule}"][data-level="${level}"]`)
        ?.getAttribute('data-state');
    expect(state('uppercase', 'required')).toBe('failed');
    expect(state('digit', 'required')).toBe('failed');
    expect(state('lowercase', 'required')).toBe('met');
    expect(state('special', 'recommended')).toBe('unmet');
    expect(state('min_length', 'recommended')).toBe('unmet');
    expect(
      el.querySelectorAll('[data-level="recommended"] .connect-rule[data-state="failed"]'),
    ).toHaveLength(0);
  });

  it('hides the checklist for current-password fields', async () => {
    const el = await passwordInput({ autocomplete: 'current-password' });
    expect(el.querySelector('.connect-rules')).toBeNull();
    expect(el.querySelector('meter')).toBeNull();
    expect(el.querySelector('input')?.hasAttribute('passwordrules')).toBe(false);
  });

  it('wires an error message with aria-invalid and aria-describedby', async () => {
    const el = await passwordInput({ 'input-id': 'pw' });
    el.error = 'Enter a password.';
    await settle(el);
    const input = el.querySelector('input');
    expect(input?.id).toBe('pw');
    expect(input?.getAttribute('aria-invalid')).toBe('true');
    const ids = (input?.getAttribute('aria-describedby') ?? '').split(' ');
    expect(ids).toContain('pw-error');
    expect(textOf(el.querySelector('#pw-error'))).toBe('Enter a password.');
    expect(el.dataset.state).toBe('invalid');
  });

  it('says data-state="invalid" while a required rule is unmet, recommendations aside', async () => {
    const el = await passwordInput();
    expect(el.dataset.state).toBe('invalid'); // empty: every required rule is unmet
    await type(el, 'password1'); // no upper-case letter
    expect(el.dataset.state).toBe('invalid');
    await type(el, 'Bluekettle42'); // required rules met; the special character is only recommended
    expect(el.dataset.state).toBe('valid');
    el.serverRules = [{ id: 'not_common', level: 'required', ok: false }];
    await settle(el);
    expect(el.dataset.state).toBe('invalid'); // the server's verdict counts too
  });

  it('without the checklist, says data-state="invalid" only for an error', async () => {
    const el = await passwordInput({ autocomplete: 'current-password' });
    expect(el.dataset.state).toBe('valid');
    await type(el, 'password1');
    expect(el.dataset.state).toBe('valid');
    el.error = 'Wrong password.';
    await settle(el);
    expect(el.dataset.state).toBe('invalid');
  });

  it('exposes value and focus()', async () => {
    const el = await passwordInput();
    el.value = 'abcDEF123';
    await settle(el);
    expect(el.value).toBe('abcDEF123');
    expect(el.querySelector('.connect-rule[data-rule="digit"]')?.getAttribute('data-state')).toBe(
      'met',
    );
    el.focus();
    expect(document.activeElement).toBe(el.input);
  });
});
