import {
  isConnectError,
  type PasswordResetResult,
  type ResetTokenInfo,
  readResetToken,
} from '@connect-auth/core';
import {
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ConnectElement } from '../shared/connect-element.ts';
import { ConnectErrorEvent, ConnectPasswordResetEvent } from '../shared/events.ts';
import { FormController } from '../shared/form-controller.ts';
import { LatestCall } from '../shared/latest-call.ts';
import { PolicyController } from '../shared/policy-controller.ts';
import { savedStep } from '../shared/step-templates.ts';
import {
  errorSummary,
  heading,
  passwordField,
  submitButton,
  supportBlock,
} from '../shared/templates.ts';
import { checkNewPassword, text } from '../shared/validate.ts';
import type { StringId } from '../strings/en.ts';
import { loadErrorStrings } from '../strings/registry.ts';

/**
 * Steps of `<connect-reset-password>`, reflected as `data-step` on the element.
 *
 * @example
 * ```css
 * connect-reset-password[data-step="form"] { border: 1px solid; }
 * ```
 */
export type ResetPasswordStep =
  | 'verifying'
  | 'error'
  | 'form'
  | 'expired'
  | 'used'
  | 'superseded'
  | 'invalid'
  | 'done'
  | 'sign-in';

type TokenStep = 'expired' | 'used' | 'superseded' | 'invalid';
/**
 * What the element shows, one state per step with exactly the data that step needs: the verified
 * link (`info`) from `form` on, the saved result in `done` / `sign-in`.
 */
type ResetState =
  | { step: 'verifying' | 'error'; info?: undefined }
  | { step: 'form'; info: ResetTokenInfo }
  | { step: 'done' | 'sign-in'; info: ResetTokenInfo; result: PasswordResetResult }
  | {
      step: TokenStep;
      /** Known when the link died between checking and saving. */
      info?: ResetTokenInfo;
      /** There was no token at all (`invalid` with its own text). */
      missing?: boolean;
      /** The in-place lost-password form is open. */
      requesting?: boolean;
    };

const TOKEN_STEPS: Readonly<Record<string, TokenStep>> = {
  token_expired: 'expired',
  token_used: 'used',
  token_superseded: 'superseded',
  token_invalid: 'invalid',
  validation_failed: 'invalid',
};

/**
 * Themed with the shared `--connect-*` custom properties (`shared/base.styles.ts`).
 *
 * @summary The page a reset or activation link opens: checks the link without using it up, says
 * which account it is for, and lets the user choose a new password (with the policy checklist and
 * strength meter). Expired, used, superseded and invalid links each get their own explanation and
 * a way to ask for a new one.
 *
 * @example
 * ```html
 * <!-- opened as /reset#token=… from the email -->
 * <connect-reset-password base-url="https://connect.example.com" sign-in-url="/sign-in"></connect-reset-password>
 * ```
 *
 * @tag connect-reset-password
 *
 * @attr base-url - The Connect server; the element creates (and shares) a client for it.
 * @attr lost-password-url - Where "Ask for a new link" points; without it a lost-password form appears in place.
 * @attr sign-in-url - Where "Sign in" points after success; without it a sign-in form appears in place, email filled in.
 * @attr support-url - Link for "Contact Customer Services".
 * @prop {string} token - The token; default: read from the address (`#token=…`) with `readResetToken()`, which also scrubs it. Without `token`, a newer link opened in the same tab (a `hashchange`) is read and checked in turn.
 * @prop {ConnectClient} client - A client from `createConnectClient()`; wins over `base-url`.
 * @prop {StringOverrides} strings - Per-instance string overrides.
 * @prop {ResetPasswordStep} step - The current step (read-only; also `data-step`).
 *
 * @event {ConnectBeforeSubmitEvent} connect-before-submit - Before saving; cancelable.
 * @event {ConnectPasswordResetEvent} connect-password-reset - The password was saved (`email`, `activated`).
 * @event {ConnectErrorEvent} connect-error - Verifying or saving failed (`code`, `action`).
 */
export class ConnectResetPassword extends ConnectElement {
  static override properties: PropertyDeclarations = {
    token: { attribute: false },
    lostPasswordUrl: { type: String, attribute: 'lost-password-url' },
    signInUrl: { type: String, attribute: 'sign-in-url' },
    _state: { state: true, attribute: false },
  };

  declare token: string | undefined;
  declare lostPasswordUrl: string | undefined;
  declare signInUrl: string | undefined;
  /** @internal */
  declare _state: ResetState;

  readonly #form = new FormController(this, this.formOptions);
  readonly #policy = new PolicyController(this, () => this.resolvedClient);
  readonly #verify = new LatestCall(this);
  #activeToken: string | null = null;

  constructor() {
    super();
    this.token = undefined;
    this.lostPasswordUrl = undefined;
    this.signInUrl = undefined;
    this._state = { step: 'verifying' };
  }

  /** The current step. */
  get step(): ResetPasswordStep {
    return this._state.step;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // After a microtask: a page that upgrades the element and then sets `client` in the same
    // task must not see a missing-client error. (On first connection the first update has
    // started the check already; see willUpdate.)
    queueMicrotask(() => this.#checkIfIdle());
    window.addEventListener('hashchange', this.#onHashChange);
  }

  #checkIfIdle(): void {
    if (
      this.isConnected &&
      (this.step === 'verifying' || this.step === 'error') &&
      !this.#verify.running
    ) {
      void this.#start();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.#onHashChange); // the controllers abort calls
  }

  /**
   * A newer link opened in the same tab (`/reset` → `/reset#token=…`) is a same-document
   * navigation: no reload, only a `hashchange`. Start over with the new token, whatever step the
   * old one had reached (a pending check or save is aborted). A page that sets `token` itself
   * owns the token, so the address is left alone.
   */
  #onHashChange = (): void => {
    if (this.token !== undefined) return;
    const token = readResetToken();
    if (!token) return;
    this.#form.abort();
    this.#form.clearErrors();
    this.#activeToken = token;
    void this.#start(true);
  };

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // The first update runs a microtask after the element connects, when a page that sets
    // `client` in the same task has done so. The link is checked before that first render, so
    // the request is on the network while Lit renders (tens of milliseconds on a cold page).
    if (!this.hasUpdated) this.#checkIfIdle();
    if (changed.has('token') && this.hasUpdated && this.isConnected) {
      this.#activeToken = null;
      void this.#start();
    } else if (
      (changed.has('client') || changed.has('baseUrl')) &&
      this.hasUpdated &&
      this.isConnected &&
      this.step === 'error' &&
      this.#form.summary?.code === 'missing_client'
    ) {
      void this.#start(); // configured late: check the link now
    }
    const { step, info } = this._state;
    this.dataset.step = step;
    if (info) this.dataset.purpose = info.purpose;
    else delete this.dataset.purpose;
  }

  #go(state: ResetState, focus = true): void {
    this._state = state;
    if (focus) this.focusHeadingAfterUpdate();
  }

  /**
   * Read the token (once: reading scrubs it from the address) and verify it. `focus` moves focus
   * to the heading of the step it lands on (when the page changed under the user).
   */
  async #start(focus = false): Promise<void> {
    const token = this.token ?? this.#activeToken ?? readResetToken();
    this.#activeToken = token;
    if (!token) {
      this.#go({ step: 'invalid', missing: true }, focus);
      return;
    }
    const client = this.resolvedClient;
    if (!client) {
      this.#go({ step: 'error' }, false);
      this.warnMissingClient();
      await this.#form.showMissingClient('verify-token', false);
      return;
    }
    const signal = this.#verify.start();
    this._state = { step: 'verifying' };
    this.#form.clearErrors();
    try {
      const info = await client.verifyResetToken(token, { signal });
      if (signal.aborted) return;
      // The verify answer carries the policy in force; only an older server's needs a request.
      if (!info.policy) this.#policy.load();
      this.#go({ step: 'form', info }, focus);
    } catch (error) {
      // The link states' English texts load on demand (they follow a server answer).
      await loadErrorStrings().catch(() => {});
      if (signal.aborted) return;
      const tokenStep = isConnectError(error) ? TOKEN_STEPS[error.code] : undefined;
      if (tokenStep && isConnectError(error)) {
        // Not inline: the manifest analyzer would read `new …Event('verify-token')` as an event name.
        const failure = new ConnectErrorEvent('verify-token', error.code, error);
        this.dispatchEvent(failure);
        this.#go({ step: tokenStep }, focus);
      } else {
        this.#go({ step: 'error' }, false);
        await this.#form.fail('verify-token', error);
      }
    } finally {
      this.#verify.finish(signal);
    }
  }

  #submit = async (event: SubmitEvent): Promise<void> => {
    const token = this.#activeToken;
    const state = this._state;
    if (!token || state.step !== 'form') return;
    const result = await this.#form.submit(event, {
      action: 'complete-reset',
      newPasswordField: 'password',
      validate: (data) => checkNewPassword(data, {}),
      run: (data, client, signal) =>
        client.completePasswordReset({ token, password: text(data, 'password') }, { signal }),
    });
    const failed = this.#form.summary?.code;
    const tokenStep = failed ? TOKEN_STEPS[failed] : undefined;
    if (tokenStep && failed !== 'validation_failed') {
      this.#form.clearErrors();
      this.#go({ step: tokenStep, info: state.info });
      return;
    }
    if (!result) return;
    this.dispatchEvent(new ConnectPasswordResetEvent(result));
    this.#go({ step: this.signInUrl ? 'done' : 'sign-in', info: state.info, result });
  };

  #renderVerifying(): TemplateResult {
    return html`<div class="connect-step" data-part="verifying" aria-busy="true">
      ${heading(this.headingId, this.t('reset.verifying'))}
    </div>`;
  }

  #renderError(): TemplateResult {
    const t = this.t.bind(this);
    return html`<div class="connect-step" data-part="error">
      ${errorSummary(this.#form, t)}
      <button class="connect-button" type="button" data-action="retry" @click=${() => void this.#start()}>
        ${t('common.retry')}
      </button>
    </div>`;
  }

  #renderForm(info: ResetTokenInfo): TemplateResult {
    const t = this.t.bind(this);
    const email = info.email;
    const activation = info.purpose === 'activation';
    return html`<div class="connect-step" data-part="form">
      ${heading(this.headingId, t(activation ? 'reset.heading_activation' : 'reset.heading_reset'))}
      <p class="connect-text" data-part="account">${t('reset.for_account', { email })}</p>
      <p class="connect-muted">${t(activation ? 'reset.intro_activation' : 'reset.intro_reset')}</p>
      ${errorSummary(this.#form, t)}
      <form class="connect-form" novalidate @submit=${this.#submit} aria-busy=${this.#form.pending ? 'true' : 'false'}>
        <input class="connect-visually-hidden" type="email" name="username" autocomplete="username"
          .value=${email} readonly tabindex="-1" aria-hidden="true" />
        ${passwordField({
          form: this.#form,
          t,
          label: t('field.new_password'),
          email,
          policy: info.policy ?? this.#policy.policy,
          strings: this.strings,
        })}
        ${passwordField({
          form: this.#form,
          t,
          name: 'confirm',
          feedback: 'none',
          label: t('field.confirm_password'),
          strings: this.strings,
        })}
        ${submitButton(this.#form, t, t('reset.submit'))}
      </form>
    </div>`;
  }

  #renderTokenProblem(state: ResetState & { step: TokenStep }): TemplateResult {
    const { step, missing, requesting } = state;
    const t = this.t.bind(this);
    // `reset.<step>_heading` and `reset.<step>_body`; a missing token is `invalid` with its own text.
    const title: StringId = `reset.${step}_heading`;
    const body: StringId = `reset.${missing ? 'missing' : step}_body`;
    return html`<div class="connect-step" data-part="token-problem" data-state=${step}>
      ${heading(this.headingId, t(title))}
      <p class="connect-text">${t(body)}</p>
      ${
        requesting
          ? html`<connect-lost-password .client=${this.resolvedClient} .strings=${this.strings}
              support-url=${ifDefined(this.supportUrl)} data-embedded></connect-lost-password>`
          : html`<div class="connect-actions">
              ${
                this.lostPasswordUrl
                  ? html`<a class="connect-button" data-action="request-new" href=${this.lostPasswordUrl}>${t('reset.request_new')}</a>`
                  : html`<button class="connect-button" type="button" data-action="request-new"
                      @click=${() => this.#showRequest(state)}>${t('reset.request_new')}</button>`
              }
              ${step === 'used' && this.signInUrl ? html`<a class="connect-link" href=${this.signInUrl}>${t('reset.sign_in')}</a>` : nothing}
            </div>`
      }
      ${requesting ? nothing : supportBlock(t, this.supportUrl)}
    </div>`;
  }

  async #showRequest(state: ResetState & { step: TokenStep }): Promise<void> {
    this._state = { ...state, requesting: true };
    await this.updateComplete;
    const embedded = this.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>(
      'connect-lost-password',
    );
    await embedded?.updateComplete;
    embedded?.querySelector<HTMLElement>('.connect-heading')?.focus();
  }

  #renderDone({ step, result }: ResetState & { result: PasswordResetResult }): TemplateResult {
    const t = this.t.bind(this);
    const { email, activated } = result;
    return savedStep(this, {
      headingId: this.headingId,
      title: t(activated ? 'reset.done_heading_activation' : 'reset.done_heading_reset'),
      body: t(activated ? 'reset.done_body_activation' : 'reset.done_body_reset', { email }),
      email,
      embedded: step === 'sign-in',
      signIn: t('reset.sign_in'),
    });
  }

  protected override render(): TemplateResult {
    const state = this._state;
    switch (state.step) {
      case 'verifying':
        return this.#renderVerifying();
      case 'error':
        return this.#renderError();
      case 'form':
        return this.#renderForm(state.info);
      case 'done':
      case 'sign-in':
        return this.#renderDone(state);
      default:
        return this.#renderTokenProblem(state);
    }
  }
}
