import { normalizeResetCode, type PasswordResetResult } from '@connect-auth/core';
import {
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ConnectElement } from '../shared/connect-element.ts';
import { CountdownController } from '../shared/countdown-controller.ts';
import { ConnectPasswordResetEvent, ConnectResetRequestedEvent } from '../shared/events.ts';
import { type FieldErrors, FormController } from '../shared/form-controller.ts';
import { PolicyController } from '../shared/policy-controller.ts';
import { savedStep } from '../shared/step-templates.ts';
import {
  emailField,
  errorSummary,
  heading,
  liveRegion,
  passwordField,
  submitButton,
  supportBlock,
  textField,
} from '../shared/templates.ts';
import { checkEmail, checkPassword, text } from '../shared/validate.ts';

/**
 * Steps of `<connect-lost-password>`, reflected as `data-step` on the element.
 *
 * @example
 * ```css
 * connect-lost-password[data-step="form"] { border: 1px solid; }
 * ```
 */
export type LostPasswordStep = 'form' | 'sent' | 'code' | 'done' | 'sign-in';

/** The local wait between two emails: the server's own cooldown is silent. */
export const RESEND_COOLDOWN_MS = 60_000;

/**
 * Themed with the shared `--connect-*` custom properties (`shared/base.styles.ts`).
 *
 * @summary Ask for a password-reset or activation email; then, optionally, enter the emailed
 * 8-digit code with a new password. The confirmation reads the same whether or not the account
 * exists.
 *
 * @example
 * ```html
 * <connect-lost-password base-url="https://connect.example.com" support-url="/contact"></connect-lost-password>
 * ```
 *
 * @tag connect-lost-password
 *
 * @attr base-url - The Connect server; the element creates (and shares) a client for it.
 * @attr email - Prefills the email field.
 * @attr support-url - Link for "Contact Customer Services".
 * @attr sign-in-url - Where "Sign in" points after a code reset; without it a sign-in form appears in place.
 * @prop {ConnectClient} client - A client from `createConnectClient()`; wins over `base-url`.
 * @prop {StringOverrides} strings - Per-instance string overrides.
 * @prop {LostPasswordStep} step - The current step (read-only; also `data-step`).
 *
 * @event {ConnectBeforeSubmitEvent} connect-before-submit - Before any request; cancelable.
 * @event {ConnectResetRequestedEvent} connect-reset-requested - An email was requested (`email`, `resend`).
 * @event {ConnectPasswordResetEvent} connect-password-reset - A password was saved with the code.
 * @event {ConnectErrorEvent} connect-error - A request failed (`code`, `action`).
 */
export class ConnectLostPassword extends ConnectElement {
  static override properties: PropertyDeclarations = {
    email: { type: String },
    signInUrl: { type: String, attribute: 'sign-in-url' },
    _step: { state: true, attribute: false },
    _sentTo: { state: true, attribute: false },
    _announcement: { state: true, attribute: false },
    _activated: { state: true, attribute: false },
  };

  declare email: string | undefined;
  declare signInUrl: string | undefined;
  /** @internal */
  declare _step: LostPasswordStep;
  /** @internal */
  declare _sentTo: string;
  /** @internal */
  declare _announcement: string;
  /** @internal */
  declare _activated: boolean;

  readonly #form = new FormController(this, this.formOptions);
  readonly #resend = new CountdownController(this);
  readonly #policy = new PolicyController(this, () => this.resolvedClient);

  constructor() {
    super();
    this.email = undefined;
    this.signInUrl = undefined;
    this._step = 'form';
    this._sentTo = '';
    this._announcement = '';
    this._activated = false;
  }

  /** The current step. */
  get step(): LostPasswordStep {
    return this._step;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.dataset.step = this._step;
  }

  #go(step: LostPasswordStep): void {
    this.#form.abort();
    this.#form.clearErrors();
    this._announcement = '';
    this._step = step;
    if (step === 'code') this.#policy.load();
    this.focusHeadingAfterUpdate();
  }

  #request = async (event: SubmitEvent): Promise<void> => {
    const resend = this._step === 'sent';
    const result = await this.#form.submit(event, {
      action: 'request-reset',
      validate: (data) => checkEmail(data, {}),
      run: async (data, client, signal) => {
        const email = text(data, 'email').trim();
        await client.requestPasswordReset({ email }, { signal });
        return email;
      },
    });
    if (result === undefined) return;
    this._sentTo = result;
    this.#resend.start(RESEND_COOLDOWN_MS);
    this.dispatchEvent(new ConnectResetRequestedEvent(result, resend));
    if (resend) this._announcement = this.t('lost.resent', { email: result });
    else this.#go('sent');
  };

  #complete = async (event: SubmitEvent): Promise<void> => {
    const result = await this.#form.submit<PasswordResetResult>(event, {
      action: 'complete-reset',
      newPasswordField: 'password',
      validate: (data) => {
        const errors: FieldErrors = {};
        const code = normalizeResetCode(text(data, 'code'));
        if (!code) errors.code = 'field.code.required';
        else if (!/^\d{8}$/.test(code)) errors.code = 'field.code.invalid';
        return checkPassword(data, errors);
      },
      run: (data, client, signal) =>
        client.completePasswordReset(
          {
            email: this._sentTo,
            code: normalizeResetCode(text(data, 'code')),
            password: text(data, 'password'),
          },
          { signal },
        ),
      fieldErrorsFor: (error): FieldErrors =>
        error.code === 'code_invalid' ? { code: 'error.code_invalid' } : {},
    });
    if (!result) return;
    this._activated = result.activated;
    this.dispatchEvent(new ConnectPasswordResetEvent(result));
    this.#go(this.signInUrl ? 'done' : 'sign-in');
  };

  #renderForm(): TemplateResult {
    const t = this.t.bind(this);
    return html`<div class="connect-step" data-part="form">
      ${heading(this.headingId, t('lost.heading'))}
      <p class="connect-text">${t('lost.intro')}</p>
      ${errorSummary(this.#form, t)}
      <form class="connect-form" novalidate @submit=${this.#request} aria-busy=${this.#form.pending ? 'true' : 'false'}>
        ${emailField(this.#form, t, this._sentTo || this.email)}
        ${submitButton(this.#form, t, t('lost.submit'))}
      </form>
      ${supportBlock(t, this.supportUrl)}
    </div>`;
  }

  #renderSent(): TemplateResult {
    const t = this.t.bind(this);
    const waiting = this.#resend.running || this.#form.cooldown.running;
    const seconds = Math.max(this.#resend.seconds, this.#form.cooldown.seconds);
    const waitId = `${this.idPrefix}-resend-wait`;
    return html`<div class="connect-step" data-part="sent">
      ${heading(this.headingId, t('lost.sent_heading'))}
      <div class="connect-notice" data-state="sent">
        <p class="connect-text">${t('lost.sent_body', { email: this._sentTo })}</p>
      </div>
      <p class="connect-muted">${t('lost.sent_hint')}</p>
      ${errorSummary(this.#form, t)}
      <form class="connect-form" novalidate @submit=${this.#request}>
        <input type="hidden" name="email" .value=${this._sentTo} />
        <div class="connect-actions">
          <button class="connect-button" data-variant="secondary" type="submit" data-action="resend"
            ?disabled=${waiting || this.#form.pending} aria-describedby=${ifDefined(waiting ? waitId : undefined)}>
            ${t('lost.resend')}
          </button>
          ${waiting ? html`<span class="connect-hint" id=${waitId} data-state="cooldown">${t('lost.resend_wait', { seconds })}</span>` : nothing}
        </div>
      </form>
      <div class="connect-actions">
        <button class="connect-link" type="button" data-action="code" @click=${() => this.#go('code')}>${t('lost.use_code')}</button>
        <button class="connect-link" type="button" data-action="other-email" @click=${() => this.#go('form')}>${t('lost.other_email')}</button>
      </div>
      ${supportBlock(t, this.supportUrl)}
      ${liveRegion(this._announcement)}
    </div>`;
  }

  #renderCode(): TemplateResult {
    const t = this.t.bind(this);
    return html`<div class="connect-step" data-part="code">
      ${heading(this.headingId, t('lost.code_heading'))}
      <p class="connect-text">${t('lost.code_intro')}</p>
      ${errorSummary(this.#form, t, { password: this.#form.fieldId('password') })}
      <form class="connect-form" novalidate @submit=${this.#complete} aria-busy=${this.#form.pending ? 'true' : 'false'}>
        <input class="connect-visually-hidden" type="email" name="username" autocomplete="username"
          .value=${this._sentTo} readonly tabindex="-1" aria-hidden="true" />
        ${textField({
          form: this.#form,
          t,
          name: 'code',
          label: t('field.code'),
          hint: t('field.code.hint'),
          type: 'text',
          autocomplete: 'one-time-code',
          inputmode: 'numeric',
          required: true,
        })}
        ${passwordField({
          form: this.#form,
          t,
          label: t('field.new_password'),
          email: this._sentTo,
          policy: this.#policy.policy,
          strings: this.strings,
        })}
        <div class="connect-actions">
          ${submitButton(this.#form, t, t('lost.code_submit'))}
          <button class="connect-link" type="button" data-action="back" @click=${() => this.#go('sent')}>${t('lost.back')}</button>
        </div>
      </form>
    </div>`;
  }

  #renderDone(): TemplateResult {
    const t = this.t.bind(this);
    return savedStep(this, {
      headingId: this.headingId,
      title: t(this._activated ? 'lost.done_heading_activation' : 'lost.done_heading'),
      body: t('lost.done_body', { email: this._sentTo }),
      email: this._sentTo,
      embedded: this._step === 'sign-in',
      signIn: t('reset.sign_in'),
    });
  }

  protected override render(): TemplateResult {
    switch (this._step) {
      case 'sent':
        return this.#renderSent();
      case 'code':
        return this.#renderCode();
      case 'done':
      case 'sign-in':
        return this.#renderDone();
      default:
        return this.#renderForm();
    }
  }
}
