import {
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { ConnectElement } from '../shared/connect-element.ts';
import { ConnectPasswordChangedEvent } from '../shared/events.ts';
import { type FieldErrors, FormController } from '../shared/form-controller.ts';
import { PolicyController } from '../shared/policy-controller.ts';
import { notice } from '../shared/step-templates.ts';
import { errorSummary, heading, passwordField, submitButton } from '../shared/templates.ts';
import { checkNewPassword, text } from '../shared/validate.ts';
import { useAccountStrings } from '../strings/account/index.ts';

/**
 * Steps of `<connect-change-password>`, reflected as `data-step` on the element.
 *
 * @example
 * ```css
 * connect-change-password[data-step="done"] { border-color: green; }
 * ```
 */
export type ChangePasswordStep = 'form' | 'done';

/**
 * @summary Change the signed-in user's password: the current password, then a new one (typed
 * twice) checked live against the server's policy. Every other device is signed out; this page
 * stays signed in with the fresh session the server returns.
 *
 * @example
 * ```html
 * <connect-change-password></connect-change-password>
 * <script type="module">
 *   document.querySelector('connect-change-password').client = client; // the signed-in client
 * </script>
 * ```
 *
 * @tag connect-change-password
 *
 * @attr base-url - The Connect server; the element shares a client for it (it must be signed in).
 * @attr support-url - Link for "Contact Customer Services".
 * @prop {ConnectClient} client - The signed-in client from `createConnectClient()`; wins over `base-url`.
 * @prop {StringOverrides} strings - Per-instance string overrides.
 * @prop {ChangePasswordStep} step - The current step (read-only; also `data-step`).
 *
 * @event {ConnectBeforeSubmitEvent} connect-before-submit - Before the request; cancelable.
 * @event {ConnectPasswordChangedEvent} connect-password-changed - Saved (`session`: the fresh session).
 * @event {ConnectErrorEvent} connect-error - The request failed (`code`, `action`).
 *
 * @cssproperty --connect-color-accent - Primary button background.
 */
export class ConnectChangePassword extends ConnectElement {
  static override properties: PropertyDeclarations = {
    _step: { state: true, attribute: false },
  };

  /** @internal */
  declare _step: ChangePasswordStep;

  readonly #form = new FormController(this, this.formOptions);
  readonly #policy = new PolicyController(this, () => this.resolvedClient);

  constructor() {
    super();
    useAccountStrings(); // this element's strings: only pages that show it carry them
    this._step = 'form';
  }

  /** The current step. */
  get step(): ChangePasswordStep {
    return this._step;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#policy.load();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.dataset.step = this._step;
  }

  #submit = async (event: SubmitEvent): Promise<void> => {
    const session = await this.#form.submit(event, {
      action: 'change-password',
      newPasswordField: 'newPassword',
      validate: (data) => {
        const errors: FieldErrors = {};
        if (!text(data, 'currentPassword'))
          errors.currentPassword = 'field.current_password.required';
        return checkNewPassword(data, errors, 'newPassword');
      },
      run: (data, client, signal) =>
        client.changePassword(
          {
            currentPassword: text(data, 'currentPassword'),
            newPassword: text(data, 'newPassword'),
          },
          { signal },
        ),
      fieldErrorsFor: (error): FieldErrors =>
        error.code === 'invalid_credentials' ? { currentPassword: 'changepw.wrong_current' } : {},
    });
    if (!session) return;
    this._step = 'done';
    this.dispatchEvent(new ConnectPasswordChangedEvent(session));
    this.focusHeadingAfterUpdate();
  };

  protected override render(): TemplateResult {
    const t = this.t.bind(this);
    if (this._step === 'done') {
      return html`<div class="connect-step" data-part="done">
        ${notice('success', this.headingId, t('changepw.done_heading'), t('changepw.done_body'))}
      </div>`;
    }
    const email = this.resolvedClient?.session?.account.email;
    return html`<div class="connect-step" data-part="form">
      ${heading(this.headingId, t('changepw.heading'))}
      <p class="connect-muted">${t('changepw.intro')}</p>
      ${errorSummary(this.#form, t)}
      <form class="connect-form" novalidate @submit=${this.#submit} aria-busy=${this.#form.pending ? 'true' : 'false'}>
        ${
          email
            ? html`<input class="connect-visually-hidden" type="email" name="username" autocomplete="username"
                .value=${email} readonly tabindex="-1" aria-hidden="true" />`
            : nothing
        }
        ${passwordField({
          form: this.#form,
          t,
          name: 'currentPassword',
          label: t('field.current_password'),
          autocomplete: 'current-password',
          feedback: 'none',
          strings: this.strings,
        })}
        ${passwordField({
          form: this.#form,
          t,
          name: 'newPassword',
          label: t('field.new_password'),
          email,
          policy: this.#policy.policy,
          strings: this.strings,
        })}
        ${passwordField({
          form: this.#form,
          t,
          name: 'confirm',
          label: t('field.confirm_password'),
          feedback: 'none',
          strings: this.strings,
        })}
        ${submitButton(this.#form, t, t('changepw.submit'))}
      </form>
    </div>`;
  }
}
