import {
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { ConnectElement } from '../shared/connect-element.ts';
import { ConnectRegisteredEvent } from '../shared/events.ts';
import { FormController } from '../shared/form-controller.ts';
import { PolicyController } from '../shared/policy-controller.ts';
import { notice } from '../shared/step-templates.ts';
import {
  emailField,
  errorSummary,
  heading,
  passwordField,
  submitButton,
  textField,
} from '../shared/templates.ts';
import { checkEmail, checkPassword, text } from '../shared/validate.ts';

/**
 * Steps of `<connect-register>`, reflected as `data-step` on the element.
 *
 * @example
 * ```css
 * connect-register[data-step="form"] { border: 1px solid; }
 * ```
 */
export type RegisterStep = 'form' | 'sent';

/**
 * Themed with the shared `--connect-*` custom properties (`shared/base.styles.ts`).
 *
 * @summary Register for a new account: email, optional name and a password with the live policy
 * checklist. The confirmation reads the same whether the email is new or already registered.
 *
 * @example
 * ```html
 * <connect-register base-url="https://connect.example.com" sign-in-url="/sign-in"></connect-register>
 * ```
 *
 * @tag connect-register
 *
 * @attr base-url - The Connect server; the element creates (and shares) a client for it.
 * @attr email - Prefills the email field.
 * @attr sign-in-url - Link for "Already have an account? Sign in".
 * @prop {ConnectClient} client - A client from `createConnectClient()`; wins over `base-url`.
 * @prop {StringOverrides} strings - Per-instance string overrides.
 * @prop {RegisterStep} step - The current step (read-only; also `data-step`).
 *
 * @event {ConnectBeforeSubmitEvent} connect-before-submit - Before the request; cancelable.
 * @event {ConnectRegisteredEvent} connect-registered - The registration was accepted (`email`).
 * @event {ConnectErrorEvent} connect-error - The request failed (`code`, `action`).
 */
export class ConnectRegister extends ConnectElement {
  static override properties: PropertyDeclarations = {
    email: { type: String },
    signInUrl: { type: String, attribute: 'sign-in-url' },
    _step: { state: true, attribute: false },
    _sentTo: { state: true, attribute: false },
    _context: { state: true, attribute: false },
  };

  declare email: string | undefined;
  declare signInUrl: string | undefined;
  /** @internal */
  declare _step: RegisterStep;
  /** @internal */
  declare _sentTo: string;
  /** @internal */
  declare _context: { email: string; name: string };

  readonly #form = new FormController(this, this.formOptions);
  readonly #policy = new PolicyController(this, () => this.resolvedClient);

  constructor() {
    super();
    this.email = undefined;
    this.signInUrl = undefined;
    this._step = 'form';
    this._sentTo = '';
    this._context = { email: '', name: '' };
  }

  /** The current step. */
  get step(): RegisterStep {
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

  // Keep the checklist's "not your email or name" rule in step with what is typed.
  #onContext = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    if (input.name === 'email' || input.name === 'name') {
      this._context = { ...this._context, [input.name]: input.value };
    }
  };

  #submit = async (event: SubmitEvent): Promise<void> => {
    const email = await this.#form.submit(event, {
      action: 'register',
      newPasswordField: 'password',
      validate: (data) => {
        const errors = checkPassword(data, checkEmail(data, {}));
        if (text(data, 'name').trim().length > 200) errors.name = 'field.name.invalid';
        return errors;
      },
      run: async (data, client, signal) => {
        const address = text(data, 'email').trim();
        const name = text(data, 'name').trim();
        // The page's language becomes the account's: its mails are written in it.
        const locale = this.l10n.locale.replaceAll('_', '-');
        await client.register(
          {
            email: address,
            password: text(data, 'password'),
            ...(name ? { name } : {}),
            ...(/^[a-z]{2,3}(?:-[a-z\d]{1,8})*$/i.test(locale) && locale.length <= 35
              ? { locale }
              : {}),
          },
          { signal },
        );
        return address;
      },
    });
    if (email === undefined) return;
    this._sentTo = email;
    this._step = 'sent';
    this.dispatchEvent(new ConnectRegisteredEvent(email));
    this.focusHeadingAfterUpdate();
  };

  #renderForm(): TemplateResult {
    const t = this.t.bind(this);
    return html`<div class="connect-step" data-part="form">
      ${heading(this.headingId, t('register.heading'))}
      <p class="connect-muted">${t('register.intro')}</p>
      ${errorSummary(this.#form, t)}
      <form class="connect-form" novalidate @submit=${this.#submit} @input=${this.#onContext}
        aria-busy=${this.#form.pending ? 'true' : 'false'}>
        ${emailField(this.#form, t, this.email)}
        ${textField({ form: this.#form, t, name: 'name', label: t('field.name'), type: 'text', autocomplete: 'name' })}
        ${passwordField({
          form: this.#form,
          t,
          label: t('field.password'),
          email: this._context.email || this.email,
          userName: this._context.name,
          policy: this.#policy.policy,
          strings: this.strings,
        })}
        ${submitButton(this.#form, t, t('register.submit'))}
      </form>
      ${
        this.signInUrl
          ? html`<p class="connect-text">${t('register.have_account')}
              <a class="connect-link" href=${this.signInUrl}>${t('register.sign_in')}</a></p>`
          : nothing
      }
    </div>`;
  }

  #renderSent(): TemplateResult {
    const t = this.t.bind(this);
    return html`<div class="connect-step" data-part="sent">
      ${notice('sent', this.headingId, t('register.sent_heading'), t('register.sent_body', { email: this._sentTo }))}
      <p class="connect-muted">${t('lost.sent_hint')}</p>
    </div>`;
  }

  protected override render(): TemplateResult {
    return this._step === 'sent' ? this.#renderSent() : this.#renderForm();
  }
}
