import type { PasswordPolicy } from '@connect-auth/core';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { StringId } from '../strings/en.ts';
import type { FormatParams } from '../strings/format.ts';
import type { StringOverrides } from '../strings/registry.ts';
import type { FormController } from './form-controller.ts';

/** The translate function every template takes. */
export type Translate = (id: StringId, params?: FormatParams) => string;

/**
 * The step heading: focusable by script only (`tabindex="-1"`) so focus can move to it when the
 * step changes.
 */
export function heading(id: string, text: string): TemplateResult {
  return html`<h2 class="connect-heading" id=${id} tabindex="-1">${text}</h2>`;
}

/**
 * The error summary: `role="alert"`, focusable, with links to the fields in error.
 * Renders nothing when there is nothing to report.
 */
export function errorSummary(
  form: FormController,
  t: Translate,
  fieldIds: Record<string, string> = {},
): TemplateResult | typeof nothing {
  const message = form.summaryText(t);
  if (!message) return nothing;
  // A field error that repeats the summary's message is shown inline only.
  const fields = Object.entries(form.fieldErrors).filter(([, id]) => id !== form.summary?.id);
  const title = `${form.summaryId}-title`;
  return html`<div
    class="connect-error-summary"
    id=${form.summaryId}
    role="alert"
    tabindex="-1"
    aria-labelledby=${title}
    data-state="error"
    data-code=${ifDefined(form.summary?.code ?? undefined)}
  >
    <h3 class="connect-error-summary__title" id=${title}>${t('error.summary_title')}</h3>
    <ul>
      ${fields.length === 0 || form.summary?.code !== 'validation_failed' ? html`<li>${message}</li>` : nothing}
      ${fields.map(
        ([name, id]) =>
          html`<li><a href=${`#${fieldIds[name] ?? form.fieldId(name)}`} @click=${focusTarget}>${t(id)}</a></li>`,
      )}
    </ul>
  </div>`;
}

// In-page links to ids may not move focus to inputs in every browser, and the page may use a
// <base href>; move focus directly.
function focusTarget(event: Event): void {
  const link = event.currentTarget as HTMLAnchorElement;
  const id = link.getAttribute('href')?.slice(1) ?? '';
  const target = link.ownerDocument.getElementById(id);
  if (target) {
    event.preventDefault();
    target.focus();
  }
}

/** Options of {@link textField}. */
export interface TextFieldOptions {
  form: FormController;
  t: Translate;
  name: string;
  label: string;
  type: 'email' | 'text';
  autocomplete: string;
  /** Initial value (the `value` attribute: never overwrites what the user typed). */
  value?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  inputmode?: 'numeric' | 'email' | 'text';
}

/**
 * A labelled input with its hint and inline error, wired with `aria-invalid` and
 * `aria-describedby`. Hook: `.connect-field[data-state="invalid"]`.
 */
export function textField(options: TextFieldOptions): TemplateResult {
  const { form, t, name } = options;
  const id = form.fieldId(name);
  const errorId = form.errorId(name);
  const hintId = `${id}-hint`;
  const error = form.fieldErrors[name];
  const describedBy = [options.hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  return html`<div class="connect-field" data-field=${name} data-state=${error ? 'invalid' : 'valid'}>
    <label class="connect-label" for=${id}>${options.label}</label>
    ${options.hint ? html`<p class="connect-hint" id=${hintId}>${options.hint}</p>` : nothing}
    ${error ? html`<p class="connect-field-error" id=${errorId}>${t(error)}</p>` : nothing}
    <input
      class="connect-input"
      id=${id}
      name=${name}
      type=${options.type}
      autocomplete=${options.autocomplete}
      inputmode=${ifDefined(options.inputmode)}
      value=${ifDefined(options.value)}
      spellcheck="false"
      autocapitalize=${options.type === 'email' ? 'none' : 'off'}
      ?required=${options.required ?? false}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy || undefined)}
    />
  </div>`;
}

/**
 * The email field every form starts with: `type="email"`, `autocomplete="username"` (one token:
 * axe's `autocomplete-valid` rejects `username email`), required.
 */
export function emailField(
  form: FormController,
  t: Translate,
  value: string | undefined,
): TemplateResult {
  return textField({
    form,
    t,
    name: 'email',
    label: t('field.email'),
    type: 'email',
    autocomplete: 'username',
    value,
    required: true,
  });
}

/** Options of {@link passwordField}. */
export interface PasswordFieldOptions {
  form: FormController;
  t: Translate;
  /** Field name (default `password`); its inline error is `form.fieldErrors[name]`. */
  name?: string;
  label: string;
  /** Default `new-password`. */
  autocomplete?: 'new-password' | 'current-password';
  /** `none` for a confirmation field: no checklist of its own. */
  feedback?: 'none' | undefined;
  /** The account's email and name, for the "not your email or name" rule. */
  email?: string | undefined;
  userName?: string | undefined;
  policy?: PasswordPolicy | undefined;
  strings: StringOverrides | null | undefined;
}

/**
 * A required `<connect-password-input>` wired to the form: id from the form, inline error and the
 * last `weak_password` verdict (`serverRules`) from the form, the element's strings passed down. (`required` is bound, not static,
 * so the host's attributes keep the order they had when each form wrote this out.)
 */
export function passwordField(options: PasswordFieldOptions): TemplateResult {
  const { form, t } = options;
  const name = options.name ?? 'password';
  const error = form.fieldErrors[name];
  return html`<connect-password-input
    name=${name}
    autocomplete=${options.autocomplete ?? 'new-password'}
    feedback=${ifDefined(options.feedback)}
    ?required=${true}
    input-id=${form.fieldId(name)}
    .label=${options.label}
    .email=${options.email}
    .userName=${options.userName}
    .policy=${options.policy}
    .serverRules=${form.serverRules}
    .strings=${options.strings}
    .error=${error ? t(error) : undefined}
  ></connect-password-input>`;
}

/**
 * The submit button: disabled while a request runs (`aria-busy` on the form says why) or while a
 * rate-limit countdown runs.
 */
export function submitButton(form: FormController, t: Translate, label: string): TemplateResult {
  const busy = form.pending || form.cooldown.running;
  return html`<button class="connect-button" type="submit" ?disabled=${busy} data-state=${form.pending ? 'pending' : 'idle'}>
    ${form.pending ? t('common.pending') : label}
  </button>`;
}

/**
 * "Can't get into your email?": what Customer Services can and cannot do, with a link when
 * `support-url` is set.
 */
export function supportBlock(t: Translate, supportUrl: string | undefined): TemplateResult {
  return html`<section class="connect-support" data-part="support">
    <h3 class="connect-support__heading">${t('support.heading')}</h3>
    <p class="connect-muted">${t('support.body')}</p>
    ${supportUrl ? html`<a class="connect-link" href=${supportUrl}>${t('support.link')}</a>` : nothing}
  </section>`;
}

/**
 * A polite live region (always rendered, so that changes of its text are announced).
 */
export function liveRegion(text: string): TemplateResult {
  return html`<p class="connect-visually-hidden" role="status" aria-live="polite" data-part="live">${text}</p>`;
}
