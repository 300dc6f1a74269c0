import type { Session } from '@connect-auth/core';
import { html, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ConnectElement } from '../shared/connect-element.ts';
import { ConnectSignedInEvent } from '../shared/events.ts';
import { FormController } from '../shared/form-controller.ts';
import { notice } from '../shared/step-templates.ts';
import {
  emailField,
  errorSummary,
  heading,
  passwordField,
  submitButton,
  supportBlock,
} from '../shared/templates.ts';
import { checkEmail, checkPassword, text } from '../shared/validate.ts';

/**
 * Steps of `<connect-sign-in>`, reflected as `data-step` on the element.
 *
 * @example
 * ```css
 * connect-sign-in[data-step="form"] { border: 1px solid; }
 * ```
 */
export type SignInStep = 'form' | 'activate' | 'done';

/**
 * Themed with the shared `--connect-*` custom properties (`shared/base.styles.ts`).
 *
 * @summary Sign in with email and password. A wrong email and a wrong password get the same
 * message; the form always offers the way to activate an account from the old portal and a link
 * to Customer Services.
 *
 * @example
 * ```html
 * <connect-sign-in base-url="https://connect.example.com" activate-url="/lost-password"></connect-sign-in>
 * ```
 *
 * @tag connect-sign-in
 *
 * @attr base-url - The Connect server; the element creates (and shares) a client for it.
 * @attr email - Prefills the email field (e.g. carried over from a reset).
 * @attr activate-url - Where "Activate your account" and "Lost Password?" point; without it, a lost-password form appears in place.
 * @attr support-url - Link for "Contact Customer Services".
 * @prop {ConnectClient} client - A client from `createConnectClient()`; wins over `base-url`.
 * @prop {StringOverrides} strings - Per-instance string overrides.
 * @prop {SignInStep} step - The current step (read-only; also `data-step`).
 *
 * @event {ConnectBeforeSubmitEvent} connect-before-submit - Before the request; cancelable.
 * @event {ConnectSignedInEvent} connect-signed-in - Signed in (`session`).
 * @event {ConnectErrorEvent} connect-error - The request failed (`code`, `action`).
 */
export class ConnectSignIn extends ConnectElement {
  static override properties: PropertyDeclarations = {
    email: { type: String },
    activateUrl: { type: String, attribute: 'activate-url' },
    _step: { state: true, attribute: false },
    _session: { state: true, attribute: false },
  };

  declare email: string | undefined;
  declare activateUrl: string | undefined;
  /** @internal */
  declare _step: SignInStep;
  /** @internal */
  declare _session: Session | null;

  readonly #form = new FormController(this, this.formOptions);

  constructor() {
    super();
    this.email = undefined;
    this.activateUrl = undefined;
    this._step = 'form';
    this._session = null;
  }

  /** The current step. */
  get step(): SignInStep {
    return this._step;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.dataset.step = this._step;
  }

  #go(step: SignInStep): void {
    this.#form.abort();
    this.#form.clearErrors();
    this._step = step;
    this.focusHeadingAfterUpdate();
  }

  #submit = async (event: SubmitEvent): Promise<void> => {
    const session = await this.#form.submit(event, {
      action: 'sign-in',
      validate: (data) => checkPassword(data, checkEmail(data, {})),
      run: (data, client, signal) =>
        client.signIn(
          { email: text(data, 'email').trim(), password: text(data, 'password') },
          { signal },
        ),
    });
    if (!session) return;
    this._session = session;
    this.dispatchEvent(new ConnectSignedInEvent(session));
    this.#go('done');
  };

  /** A link when `activate-url` is set, else a button that shows the lost-password form here. */
  #activateLink(action: string, label: string): TemplateResult {
    return this.activateUrl
      ? html`<a class="connect-link" data-action=${action} href=${this.activateUrl}>${label}</a>`
      : html`<button class="connect-link" type="button" data-action=${action} @click=${() => this.#go('activate')}>${label}</button>`;
  }

  #renderForm(): TemplateResult {
    const t = this.t.bind(this);
    return html`<div class="connect-step" data-part="form">
      ${heading(this.headingId, t('signin.heading'))}
      ${errorSummary(this.#form, t)}
      <form class="connect-form" novalidate @submit=${this.#submit} aria-busy=${this.#form.pending ? 'true' : 'false'}>
        ${emailField(this.#form, t, this.email)}
        ${passwordField({
          form: this.#form,
          t,
          label: t('field.password'),
          autocomplete: 'current-password',
          strings: this.strings,
        })}
        <div class="connect-actions">
          ${submitButton(this.#form, t, t('signin.submit'))}
          ${this.#activateLink('forgot', t('signin.forgot'))}
        </div>
      </form>
      <p class="connect-text" data-part="activate">
        ${t('signin.activate_prompt')}
        ${this.#activateLink('activate', t('signin.activate'))}
      </p>
      ${supportBlock(t, this.supportUrl)}
    </div>`;
  }

  #renderActivate(): TemplateResult {
    const t = this.t.bind(this);
    return html`<div class="connect-step" data-part="activate">
      <connect-lost-password
        .client=${this.resolvedClient}
        .strings=${this.strings}
        support-url=${ifDefined(this.supportUrl)}
        data-embedded
      ></connect-lost-password>
      <button class="connect-link" type="button" data-action="back" @click=${() => this.#go('form')}>
        ${t('signin.back')}
      </button>
    </div>`;
  }

  #renderDone(): TemplateResult {
    const t = this.t.bind(this);
    const email = this._session?.account.email;
    return html`<div class="connect-step" data-part="done">
      ${notice('success', this.headingId, t('signin.done_heading'), email === undefined ? undefined : t('signin.done_body', { email }))}
    </div>`;
  }

  protected override render(): TemplateResult {
    if (this._step === 'activate') return this.#renderActivate();
    if (this._step === 'done') return this.#renderDone();
    return this.#renderForm();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // The embedded lost-password form has its own heading: move focus there.
    if (this._step === 'activate' && changed.has('_step')) {
      const embedded = this.querySelector('connect-lost-password');
      void (embedded as HTMLElement & { updateComplete?: Promise<unknown> })?.updateComplete?.then(
        () => embedded?.querySelector<HTMLElement>('.connect-heading')?.focus(),
      );
    }
  }
}
