import type { PasswordPolicy, RuleResult } from '@connect-auth/core';
import {
  connectPolicy,
  evaluatePassword,
  loadCommonPasswords,
  toPasswordRules,
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
import { ruleStringId } from '../strings/errors.ts';
import { passwordInputStyles } from './password-input.styles.ts';

type Blocklist = Awaited<ReturnType<typeof loadCommonPasswords>>;
type Evaluation = ReturnType<typeof evaluatePassword>;
const NEGATIVE_RULES = new Set(['max_length', 'not_common', 'not_context']);
type DisplayRule = RuleResult & { state: 'met' | 'unmet' | 'failed' };

let blocklist: Promise<Blocklist | undefined> | undefined;
/** The common-password list, loaded once per page on first use; `undefined` if it cannot load. */
function commonPasswords(): Promise<Blocklist | undefined> {
  blocklist ??= Promise.resolve()
    .then(() => loadCommonPasswords())
    .catch(() => undefined);
  return blocklist;
}

/**
 * Styling hooks (light DOM, so classes, not parts): `.connect-password__toggle`, `.connect-rules`,
 * `.connect-rule[data-state="met|unmet|failed"][data-level]`, `.connect-strength`; the host
 * reflects `data-strength` and `data-state` (`invalid` while an `error` is shown or a required
 * rule is unmet, empty included; recommendations never count). Themed with the shared `--connect-*` custom
 * properties (`shared/base.styles.ts`).
 *
 * @summary A password field with a show/hide toggle, the policy checklist (required and
 * recommended rules, each announced politely as it changes) and a strength meter. Light DOM: the
 * inner `<input name="password">` takes part in the surrounding form.
 *
 * @example
 * ```html
 * <form><connect-password-input autocomplete="new-password" email="ann@example.com"></connect-password-input></form>
 * ```
 *
 * @tag connect-password-input
 *
 * @attr name - Name of the inner input (default `password`).
 * @attr label - Visible label (default: the `field.password` string).
 * @attr autocomplete - `new-password` (default) or `current-password`.
 * @attr feedback - `full` (checklist and meter) or `none`; default `full` for `new-password`.
 * @attr email - The account's email, so the policy can reject passwords containing it.
 * @attr user-name - The account's name, for the same check.
 * @attr input-id - Id for the inner input (default: generated).
 * @attr required - Marks the input required.
 *
 * @prop {PasswordPolicy | null} policy - The policy to show; default: core's `connectPolicy` preset.
 * @prop {RuleResult[] | null} serverRules - Per-rule results from a `weak_password` answer; shown until the next change.
 * @prop {string} error - An inline error message (already localized); sets `aria-invalid`.
 * @prop {string} value - The current password.
 * @prop {StringOverrides} strings - Per-instance string overrides.
 */
export class ConnectPasswordInput extends ConnectElement {
  static override properties: PropertyDeclarations = {
    name: { type: String },
    label: { type: String },
    autocomplete: { type: String },
    feedback: { type: String },
    email: { type: String },
    userName: { type: String, attribute: 'user-name' },
    inputId: { type: String, attribute: 'input-id' },
    required: { type: Boolean },
    describedBy: { type: String, attribute: 'described-by' },
    policy: { attribute: false },
    serverRules: { attribute: false },
    error: { attribute: false },
    _visible: { state: true, attribute: false },
    _evaluation: { state: true, attribute: false },
    _announcement: { state: true, attribute: false },
  };
  protected static override stylesheet = { name: 'password-input', cssText: passwordInputStyles };
  protected static override needsClient = false;

  declare name: string;
  declare label: string | undefined;
  declare autocomplete: 'new-password' | 'current-password';
  declare feedback: 'full' | 'none' | undefined;
  declare email: string | undefined;
  declare userName: string | undefined;
  declare inputId: string | undefined;
  declare required: boolean;
  /** Extra ids for the input's `aria-describedby` (e.g. a hint of the parent form). */
  declare describedBy: string | undefined;
  declare policy: PasswordPolicy | null | undefined;
  declare serverRules: RuleResult[] | null | undefined;
  declare error: string | undefined;
  /** @internal */
  declare _visible: boolean;
  /** @internal */
  declare _evaluation: Evaluation | null;
  /** @internal */
  declare _announcement: string;

  #blocklist: Blocklist | undefined;
  #previous = new Map<string, boolean>();

  constructor() {
    super();
    this.name = 'password';
    this.label = undefined;
    this.autocomplete = 'new-password';
    this.feedback = undefined;
    this.email = undefined;
    this.userName = undefined;
    this.inputId = undefined;
    this.required = false;
    this.describedBy = undefined;
    this.policy = undefined;
    this.serverRules = undefined;
    this.error = undefined;
    this._visible = false;
    this._evaluation = null;
    this._announcement = '';
  }

  /** The inner `<input>`. */
  get input(): HTMLInputElement | null {
    return this.querySelector<HTMLInputElement>(`[id="${this.#inputId}"]`);
  }

  /** The current password. */
  get value(): string {
    return this.input?.value ?? '';
  }
  set value(value: string) {
    const input = this.input;
    if (input) {
      input.value = value;
      this.#evaluate();
    } else {
      this.updateComplete.then(() => {
        if (this.input) this.value = value;
      });
    }
  }

  /** The policy in force: the `policy` property, or core's `connectPolicy` preset. */
  get effectivePolicy(): PasswordPolicy {
    return this.policy ?? connectPolicy;
  }

  /** The latest verdict of the policy on the current value (advisory; the server decides). */
  get evaluation(): Evaluation | null {
    return this._evaluation;
  }

  /** Focus the inner `<input>`. */
  override focus(options?: FocusOptions): void {
    this.input?.focus(options);
  }

  get #inputId(): string {
    return this.inputId || `${this.idPrefix}-input`;
  }

  get #showFeedback(): boolean {
    return (this.feedback ?? (this.autocomplete === 'new-password' ? 'full' : 'none')) === 'full';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (
      this._evaluation &&
      (changed.has('policy') || changed.has('email') || changed.has('userName'))
    ) {
      this.#evaluate(false);
    }
    // Invalid while the field shows an error or the checklist has a required rule unmet (an empty
    // field included, like the platform's `:invalid`); recommendations never make it invalid.
    const unmet =
      this.#showFeedback && this.#rules().some((rule) => rule.level === 'required' && !rule.ok);
    this.dataset.state = this.error || unmet ? 'invalid' : 'valid';
    this.dataset.strength = String(this.value === '' ? 0 : (this._evaluation?.score ?? 0));
  }

  #onInput = (): void => {
    this.serverRules = null;
    this.#evaluate();
  };

  #onFocus = (): void => {
    if (!this.#showFeedback || this.#blocklist) return;
    void commonPasswords().then((list) => {
      if (list === undefined) return;
      this.#blocklist = list;
      if (this.value) this.#evaluate(false);
    });
  };

  #toggle = (): void => {
    this._visible = !this._visible;
  };

  #evaluate(announce = true): void {
    const password = this.value;
    if (!this.#showFeedback) return;
    const evaluation = evaluatePassword(password, this.effectivePolicy, {
      email: this.email || undefined,
      name: this.userName || undefined,
      blocklist: this.#blocklist,
    });
    this._evaluation = evaluation;
    const changes: string[] = [];
    for (const rule of evaluation.rules) {
      const key = `${rule.id}:${rule.level}`;
      const before = this.#previous.get(key);
      // Rules that start out met ("not a common password") are announced only when they fail.
      const was = before ?? NEGATIVE_RULES.has(rule.id);
      if (announce && password !== '' && was !== rule.ok) {
        changes.push(
          this.t(rule.ok ? 'password.announce_met' : 'password.announce_unmet', {
            rule: this.#ruleText(rule),
          }),
        );
      }
      this.#previous.set(key, rule.ok);
    }
    if (changes.length > 0) this._announcement = changes.join('. ');
  }

  #ruleText(rule: {
    id: string;
    params?: Record<string, string | number | boolean> | undefined;
  }): string {
    const chars = rule.params?.chars;
    return this.t(ruleStringId(rule.id), {
      ...rule.params,
      chars: typeof chars === 'string' ? [...chars].join(' ') : undefined,
      id: rule.id,
    });
  }

  /**
   * Rules to display: the policy's rules with the latest local or server verdicts. Keyed by id and
   * level, since a policy may hold the same rule twice (`min_length` required 8, recommended 12).
   */
  #rules(): DisplayRule[] {
    const key = (rule: { id: string; level: string }) => `${rule.id}:${rule.level}`;
    const local = new Map((this._evaluation?.rules ?? []).map((rule) => [key(rule), rule]));
    const server = new Map((this.serverRules ?? []).map((rule) => [key(rule), rule]));
    const base: RuleResult[] = this.effectivePolicy.rules.map((rule) => ({ ...rule, ok: false }));
    const known = new Set(base.map(key));
    for (const rule of server.values()) if (!known.has(key(rule))) base.push(rule);
    const empty = this.value === '';
    return base
      .map((rule): DisplayRule => {
        const fromServer = server.get(key(rule));
        const fromLocal = local.get(key(rule));
        const shown = fromServer ?? fromLocal ?? rule;
        const ok = fromServer ? fromServer.ok : !empty && (fromLocal?.ok ?? false);
        return {
          ...shown,
          params: { ...rule.params, ...shown.params },
          ok,
          // Only a required rule can fail a save; an unmet recommendation never blocks it.
          state: ok ? 'met' : fromServer && rule.level === 'required' ? 'failed' : 'unmet',
        };
      })
      .filter(
        (rule) => rule.id !== 'max_length' || rule.state === 'failed' || (!empty && !rule.ok),
      );
  }

  #renderRules(
    level: 'required' | 'recommended',
    rules: DisplayRule[],
  ): TemplateResult | typeof nothing {
    const list = rules.filter((rule) => rule.level === level);
    if (list.length === 0) return nothing;
    const titleId = `${this.#inputId}-${level}-title`;
    return html`<div class="connect-rules" data-level=${level}>
      <p class="connect-rules__title" id=${titleId}>
        ${this.t(level === 'required' ? 'password.required_rules' : 'password.recommended_rules')}
      </p>
      <ul aria-labelledby=${titleId}>
        ${list.map(
          (
            rule,
          ) => html`<li class="connect-rule" data-rule=${rule.id} data-level=${rule.level} data-state=${rule.state}>
            <span class="connect-rule__icon" aria-hidden="true"></span>
            <span>${this.#ruleText(rule)}<span class="connect-visually-hidden">
              (${this.t(rule.ok ? 'password.rule_met' : 'password.rule_unmet')})</span></span>
          </li>`,
        )}
      </ul>
    </div>`;
  }

  protected override render(): TemplateResult {
    const id = this.#inputId;
    const errorId = `${id}-error`;
    const rulesId = `${id}-rules`;
    const strengthId = `${id}-strength`;
    const feedback = this.#showFeedback;
    const rules = feedback ? this.#rules() : [];
    const score = this.value === '' ? 0 : (this._evaluation?.score ?? 0);
    const describedBy = [this.describedBy, this.error ? errorId : '', feedback ? rulesId : '']
      .filter(Boolean)
      .join(' ');
    let passwordrules: string | undefined;
    if (this.autocomplete === 'new-password') {
      try {
        passwordrules = toPasswordRules(this.effectivePolicy) || undefined;
      } catch {
        passwordrules = undefined;
      }
    }
    return html`<div class="connect-field connect-password" data-field=${this.name} data-state=${this.error ? 'invalid' : 'valid'}>
      <label class="connect-label" for=${id}>${this.label ?? this.t('field.password')}</label>
      ${this.error ? html`<p class="connect-field-error" id=${errorId}>${this.error}</p>` : nothing}
      <div class="connect-password__row">
        <input
          class="connect-input"
          id=${id}
          name=${this.name}
          type=${this._visible ? 'text' : 'password'}
          autocomplete=${this.autocomplete}
          passwordrules=${ifDefined(passwordrules)}
          spellcheck="false"
          autocapitalize="off"
          ?required=${this.required}
          aria-invalid=${this.error ? 'true' : 'false'}
          aria-describedby=${ifDefined(describedBy || undefined)}
          @input=${this.#onInput}
          @change=${this.#onInput}
          @focus=${this.#onFocus}
        />
        <button
          class="connect-password__toggle"
          type="button"
          aria-pressed=${this._visible ? 'true' : 'false'}
          aria-controls=${id}
          @click=${this.#toggle}
        >${this.t('password.show')}</button>
      </div>
      ${
        feedback
          ? html`<div class="connect-strength" data-score=${score}>
              <meter min="0" max="4" low="2" high="3" optimum="4" value=${score} aria-labelledby=${strengthId}></meter>
              <span class="connect-hint" id=${strengthId}>
                ${this.t('password.strength', { level: this.t(`password.strength.${score as 0 | 1 | 2 | 3 | 4}`) })}
              </span>
            </div>
            <div id=${rulesId} class="connect-rules-group">
              ${this.#renderRules('required', rules)} ${this.#renderRules('recommended', rules)}
            </div>
            <p class="connect-visually-hidden" role="status" aria-live="polite" data-part="live">${this._announcement}</p>`
          : nothing
      }
    </div>`;
  }
}
