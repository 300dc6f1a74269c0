import { html, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ConnectElement } from '../shared/connect-element.ts';
import { ConnectEmailChangeRequestedEvent } from '../shared/events.ts';
import { type FieldErrors, FormController } from '../shared/form-controller.ts';
import { notice } from '../shared/step-templates.ts';
import {
  errorSummary,
  heading,
  passwordField,
  submitButton,
  textField,
} from '../shared/templates.ts';
import { checkEmail, text } from '../shared/validate.ts';
import { useAccountStrings } from '../strings/account/index.ts';

/**
 * Steps of `<connect-change-email>`, reflected as `data-step` on the element.
 *
 * @example
 * ```css
 * connect-change-email[data-step="sent"] { border-color: green; }
 * ```
 */
export type ChangeEmailStep = 'form' | 'sent';

/**
 * @summary Move the signed-in account to a new email address: the new address and the current
 * password; a confirmation link goes to the new address, and nothing changes until it is
 * followed (the page that link opens calls `confirmEmailChange`). The old address is told then.
 *
 * @example
 * ```html
 * <connect-change-email></connect-change-email>
 * <script type="module">
 *   document.querySelector('connect-change-email').client = client; // the signed-in client
 * </script>
 * ```
 *
 * @tag connect-change-email
 *
 * @attr base-url - The Connect server; the element shares a client for it (it must be signed in).
 * @attr support-url - Link for "Contact Customer Services".
 * @prop {ConnectClient} client - The signed-in client from `createConnectClient()`; wins over `base-url`.
 * @prop {StringOverrides} strings - Per-instance string overrides.
 * @prop {ChangeEmailStep} step - The current step (read-only; also `data-step`).
 *
 * @event {ConnectBeforeSubmitEvent} connect-before-submit - Before the request; cancelable.
 * @event {ConnectEmailChangeRequestedEvent} connect-email-change-requested - The link was sent (`newEmail`).
 * @event {ConnectErrorEvent} connect-error - The request failed (`code`, `action`).
 *
 * @cssproperty --connect-color-accent - Primary button background.
 */
export class ConnectChangeEmail extends ConnectElement {
  static override properties: PropertyDeclarations = {
    _step: { state: true, attribute: false },
    _sentTo: { state: true, attribute: false },
  };

  /** @internal */
  declare _step: ChangeEmailStep;
  /** @internal */
  declare _sentTo: string;

  readonly #form = new FormController(this, this.formOptions);

  constructor() {
    super();
    useAccountStrings(); // this element's strings: only pages that show it carry them
    this._step = 'form';
    this._sentTo = '';
  }

  /** The current step. */
  get step(): ChangeEmailStep {
    return this._step;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.dataset.step = this._step;
  }

  #submit = async (event: SubmitEvent): Promise<void> => {
    const sentTo = await this.#form.submit(event, {
      action: 'change-email',
      validate: (data) => {
        const errors = checkEmail(data, {}, 'newEmail');
        if (!text(data, 'password')) errors.password = 'field.current_password.required';
        return errors;
      },
      run: async (data, client, signal) => {
        const newEmail = text(data, 'newEmail').trim();
        await client.requestEmailChange({ newEmail, password: text(data, 'password') }, { signal });
        return newEmail;
      },
      fieldErrorsFor: (error): FieldErrors => {
        if (error.code === 'invalid_credentials') return { password: 'changepw.wrong_current' };
        const unchanged = error.problem?.issues?.some((i) => i.code === 'unchanged');
        return unchanged ? { newEmail: 'changeemail.unchanged' } : {};
      },
    });
    if (sentTo === undefined) return;
    this._sentTo = sentTo;
    this._step = 'sent';
    this.dispatchEvent(new ConnectEmailChangeRequestedEvent(sentTo));
    this.focusHeadingAfterUpdate();
  };

  protected override render(): TemplateResult {
    const t = this.t.bind(this);
    if (this._step === 'sent') {
      return html`<div class="connect-step" data-part="sent">
        ${notice('sent', this.headingId, t('changeemail.sent_heading'), t('changeemail.sent_body', { email: this._sentTo }))}
      </div>`;
    }
    const current = this.resolvedClient?.session?.account.email;
    return html`<div class="connect-step" data-part="form">
      ${heading(this.headingId, t('changeemail.heading'))}
      <p class="connect-muted">${current ? t('changeemail.current', { email: current }) : ''} ${t('changeemail.intro')}</p>
      ${errorSummary(this.#form, t)}
      <form class="connect-form" novalidate @submit=${this.#submit} aria-busy=${this.#form.pending ? 'true' : 'false'}>
        ${textField({
          form: this.#form,
          t,
          name: 'newEmail',
          label: t('field.new_email'),
          type: 'email',
          autocomplete: 'email',
          required: true,
        })}
        ${passwordField({
          form: this.#form,
          t,
          label: t('field.current_password'),
          autocomplete: 'current-password',
          feedback: 'none',
          strings: this.strings,
        })}
        ${submitButton(this.#form, t, t('changeemail.submit'))}
      </form>
    </div>`;
  }
}
