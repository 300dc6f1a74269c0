import { html, LitElement, render, type TemplateResult } from 'lit';
import { describe, expect, it } from 'vitest';
import '../define/password-input.ts';
import { settle, textOf } from '../../test/dom.ts';
import { makeClient } from '../../test/server.ts';
import { enAccount } from '../strings/account/en.ts';
import { en, type StringId } from '../strings/en.ts';
import { FormController } from './form-controller.ts';
import { notice, savedStep } from './step-templates.ts';
import { emailField, passwordField } from './templates.ts';

const t = (id: StringId) => ({ ...en, ...enAccount })[id];

/** A bare host for a FormController, rendering whatever a test gives it. */
class TemplateHost extends LitElement {
  content: (host: TemplateHost) => TemplateResult = () => html``;
  readonly form = new FormController(this, { idPrefix: 'tpl', getClient: () => null });
  protected override createRenderRoot(): HTMLElement {
    return this;
  }
  protected override render(): TemplateResult {
    return this.content(this);
  }
}
customElements.define('connect-template-host', TemplateHost);

async function host(content: (host: TemplateHost) => TemplateResult): Promise<TemplateHost> {
  const el = document.createElement('connect-template-host') as TemplateHost;
  el.content = content;
  document.body.append(el);
  await settle(el);
  return el;
}

describe('shared form templates', () => {
  it('emailField: required email input with the username token, labelled, value as attribute', async () => {
    const el = await host((h) => emailField(h.form, t, 'ann@example.com'));
    const input = el.querySelector<HTMLInputElement>('input');
    expect(input?.id).toBe('tpl-email');
    expect(input?.name).toBe('email');
    expect(input?.type).toBe('email');
    expect(input?.getAttribute('autocomplete')).toBe('username');
    expect(input?.required).toBe(true);
    expect(input?.getAttribute('value')).toBe('ann@example.com');
    expect(textOf(el.querySelector('label[for="tpl-email"]'))).toBe(en['field.email']);
  });

  it('passwordField: id and inline error from the form; a confirmation field has no checklist', async () => {
    const el = await host(
      (h) =>
        html`${passwordField({ form: h.form, t, label: 'New', strings: undefined })}
      ${passwordField({ form: h.form, t, name: 'confirm', feedback: 'none', label: 'Again', strings: undefined })}`,
    );
    el.form.fieldErrors = { confirm: 'field.confirm.mismatch' };
    el.requestUpdate();
    await settle(el);
    const [password, confirm] = el.querySelectorAll('connect-password-input');
    expect(password?.getAttribute('autocomplete')).toBe('new-password');
    expect(password?.hasAttribute('required')).toBe(true);
    expect(password?.querySelector('input')?.id).toBe('tpl-password');
    expect(password?.querySelector('.connect-rules')).not.toBeNull();
    expect(confirm?.getAttribute('feedback')).toBe('none');
    expect(confirm?.querySelector('.connect-rules')).toBeNull();
    const input = confirm?.querySelector('input');
    expect(input?.name).toBe('confirm');
    expect(input?.getAttribute('aria-invalid')).toBe('true');
    expect(textOf(confirm?.querySelector('.connect-field-error'))).toBe(
      en['field.confirm.mismatch'],
    );
  });
});

describe('shared step templates', () => {
  it('notice: a heading and, only when given, a paragraph', () => {
    const box = document.createElement('div');
    render(notice('success', 'h1', 'Done', 'All set.'), box);
    expect(box.querySelector('.connect-notice')?.getAttribute('data-state')).toBe('success');
    expect(box.querySelector('h2#h1')?.getAttribute('tabindex')).toBe('-1');
    expect(textOf(box.querySelector('p.connect-text'))).toBe('All set.');
    render(notice('sent', 'h2', 'Sent'), box);
    expect(box.querySelector('p')).toBeNull();
  });

  it('savedStep: the notice, then sign-in in place with the email, or a link to sign-in-url', () => {
    const client = makeClient();
    const page = {
      resolvedClient: client,
      strings: undefined,
      supportUrl: '/help',
      signInUrl: '/in',
    };
    const step = {
      headingId: 'h3',
      title: 'Saved',
      body: 'Your password was changed.',
      email: 'ann@example.com',
      signIn: 'Sign in',
    };
    const box = document.createElement('div');
    render(savedStep(page, { ...step, embedded: true }), box);
    expect(box.querySelector('[data-part="done"] .connect-notice h2#h3')).not.toBeNull();
    const embedded = box.querySelector('connect-sign-in') as
      | (HTMLElement & { client?: unknown })
      | null;
    expect(embedded?.getAttribute('email')).toBe('ann@example.com');
    expect(embedded?.getAttribute('support-url')).toBe('/help');
    expect(embedded?.client).toBe(client);
    expect(embedded?.hasAttribute('data-embedded')).toBe(true);
    render(savedStep(page, { ...step, embedded: false }), box);
    const link = box.querySelector('a.connect-button');
    expect(link?.getAttribute('href')).toBe('/in');
    expect(link?.getAttribute('data-action')).toBe('sign-in');
    expect(textOf(link)).toBe('Sign in');
  });
});
