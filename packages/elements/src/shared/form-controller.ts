import type { ErrorCode, RuleResult } from '@connect-auth/core';
import { type ConnectClient, type ConnectError, isConnectError } from '@connect-auth/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { StringId } from '../strings/en.ts';
import { errorStringId, MISSING_CLIENT } from '../strings/errors.ts';
import type { FormatParams } from '../strings/format.ts';
import { loadErrorStrings } from '../strings/registry.ts';
import { CountdownController } from './countdown-controller.ts';
import { type ConnectAction, ConnectBeforeSubmitEvent, ConnectErrorEvent } from './events.ts';
import { LatestCall } from './latest-call.ts';

/** Inline errors by field name (`email`, `password`, `confirm`, `code`, `name`). */
export type FieldErrors = Record<string, StringId>;

/** The message shown at the top of the error summary. */
export interface SummaryMessage {
  id: StringId;
  params?: FormatParams;
  /** The error code behind the message (`missing_client` when there is no client). */
  code: ErrorCode | typeof MISSING_CLIENT | null;
}

/** One submission: what to validate, what to call, and how to read its failure. */
export interface SubmitSpec<T> {
  action: ConnectAction;
  /** Client-side checks on the submitted data; any error stops the submission. */
  validate?: (data: FormData) => FieldErrors;
  /** The call. Must honour `signal`. */
  run: (data: FormData, client: ConnectClient, signal: AbortSignal) => Promise<T>;
  /**
   * The field of the new password, if the call sets one: a `weak_password` answer is shown there,
   * and its per-rule verdict in {@link FormController.serverRules}.
   */
  newPasswordField?: string;
  /** Extra field errors drawn from a failed call (e.g. `code_invalid` → `code`). */
  fieldErrorsFor?: (error: ConnectError) => FieldErrors;
}

/** The element a {@link FormController} serves. */
export interface FormHost extends ReactiveControllerHost, HTMLElement {}

/** Options of a {@link FormController}. */
export interface FormControllerOptions {
  /** Prefix of every id the element renders (document-unique). */
  idPrefix: string;
  /** The element's client, or `null` when none is configured. */
  getClient: () => ConnectClient | null;
  /** Called when no client is configured at submit (the element warns). */
  onMissingClient?: () => void;
}

/**
 * The behaviour every Connect form shares, as a reactive controller: reads values with
 * `FormData` at submit (autofill may fire no `input` event), validates, fires the cancelable
 * `connect-before-submit`, runs the call with an `AbortSignal` (aborted on a new submit and on
 * disconnect), maps every error code to a string id, and after a failed submit moves focus to the
 * error summary. Rate limits start a countdown that the summary shows. The host carries
 * `data-pending` while a request runs.
 */
export class FormController implements ReactiveController {
  readonly #host: FormHost;
  readonly #options: FormControllerOptions;
  readonly #call: LatestCall;
  /** The summary message, or `null` when there is nothing to report. */
  summary: SummaryMessage | null = null;
  /** Inline errors by field name. */
  fieldErrors: FieldErrors = {};
  /** Per-rule results of the last `weak_password` answer, for the checklist (until cleared). */
  serverRules: RuleResult[] | null = null;
  /** Counts down a server-imposed wait (`rate_limited`). */
  readonly cooldown: CountdownController;

  constructor(host: FormHost, options: FormControllerOptions) {
    this.#host = host;
    this.#options = options;
    this.cooldown = new CountdownController(host);
    this.#call = new LatestCall(host); // aborted on a new submit and on disconnect
    host.addController(this);
  }

  /** A running request. */
  get pending(): boolean {
    return this.#call.running;
  }

  /** Reflect a running request as `data-pending` on the host (a styling and test hook). */
  hostUpdate(): void {
    this.#host.toggleAttribute('data-pending', this.pending);
  }

  /** Abort the running request, if any. */
  abort(): void {
    this.#call.abort();
  }

  /** Forget errors (e.g. when moving to another step). */
  clearErrors(): void {
    this.summary = null;
    this.fieldErrors = {};
    this.serverRules = null;
    this.#host.requestUpdate();
  }

  /** The id of the summary element. */
  get summaryId(): string {
    return `${this.#options.idPrefix}-summary`;
  }

  /** The id of a field's input. */
  fieldId(name: string): string {
    return `${this.#options.idPrefix}-${name}`;
  }

  /** The id of a field's inline error. */
  errorId(name: string): string {
    return `${this.#options.idPrefix}-${name}-error`;
  }

  /**
   * Handle a `submit` event. Resolves the call's result, or `undefined` when the submission was
   * invalid, cancelled, aborted or failed (the element then shows why).
   */
  async submit<T>(event: Event, spec: SubmitSpec<T>): Promise<T | undefined> {
    event.preventDefault();
    const form = event.currentTarget instanceof HTMLFormElement ? event.currentTarget : null;
    if (!form || this.cooldown.running) return undefined;
    const data = new FormData(form);
    this.summary = null;
    this.serverRules = null;
    this.fieldErrors = spec.validate?.(data) ?? {};
    if (Object.keys(this.fieldErrors).length > 0) {
      this.summary = { id: 'error.validation_failed', code: 'validation_failed' };
      await this.#focusSummary();
      return undefined;
    }
    this.#host.requestUpdate();
    if (!this.#host.dispatchEvent(new ConnectBeforeSubmitEvent(spec.action, data)))
      return undefined;
    const client = this.#options.getClient();
    if (!client) {
      this.#options.onMissingClient?.();
      await this.showMissingClient(spec.action);
      return undefined;
    }
    const signal = this.#call.start();
    try {
      const result = await spec.run(data, client, signal);
      // What the form shows next ("check your email", "signed in"…) may be in the lazily
      // loaded English texts: have them before the element moves on.
      await loadErrorStrings().catch(() => {});
      if (!signal.aborted) return result;
    } catch (error) {
      // Superseded or disconnected: nobody to tell.
      if (!signal.aborted) await this.fail(spec.action, error, spec);
    } finally {
      this.#call.finish(signal);
    }
    return undefined;
  }

  /** Show an error the way a failed submit does (summary, inline errors, event, focus). */
  async fail(
    action: ConnectAction,
    error: unknown,
    spec?: Pick<SubmitSpec<unknown>, 'newPasswordField' | 'fieldErrorsFor'>,
  ): Promise<void> {
    // The English texts of server errors are a chunk of their own: wait for it (usually long
    // loaded, since the form started loading it when it connected).
    await loadErrorStrings().catch(() => {});
    const connectError = isConnectError(error) ? error : undefined;
    const code: ErrorCode = connectError?.code ?? 'server_error';
    const weak = code === 'weak_password' ? spec?.newPasswordField : undefined;
    this.serverRules = weak ? (connectError?.problem?.rules ?? null) : null;
    this.fieldErrors = {
      ...(connectError ? issuesToFieldErrors(connectError) : {}),
      ...(weak ? { [weak]: 'error.weak_password' } : {}),
      ...(connectError && spec?.fieldErrorsFor ? spec.fieldErrorsFor(connectError) : {}),
    };
    this.summary = { id: errorStringId(code), code };
    const retryAfterMs = connectError?.retryAfterMs ?? connectError?.problem?.retryAfterMs;
    if (code === 'rate_limited' && retryAfterMs !== undefined && retryAfterMs > 0) {
      this.cooldown.start(retryAfterMs, () => {
        if (this.summary?.code === 'rate_limited') this.summary = null;
        this.#host.requestUpdate();
      });
    }
    this.#host.dispatchEvent(new ConnectErrorEvent(action, code, connectError));
    await this.#focusSummary();
  }

  /** Show the "not connected to an account service" error and fire `connect-error`. */
  async showMissingClient(action: ConnectAction, focus = true): Promise<void> {
    this.fieldErrors = {};
    this.summary = { id: 'error.missing_client', code: MISSING_CLIENT };
    this.#host.dispatchEvent(new ConnectErrorEvent(action, MISSING_CLIENT));
    if (focus) await this.#focusSummary();
    else this.#host.requestUpdate();
  }

  /** The summary's current text parameters (the countdown for rate limits). */
  summaryText(t: (id: StringId, params?: FormatParams) => string): string | null {
    const summary = this.summary;
    if (!summary) return null;
    if (summary.code === 'rate_limited' && this.cooldown.running) {
      return t('error.rate_limited_wait', { seconds: this.cooldown.seconds });
    }
    return t(summary.id, summary.params);
  }

  async #focusSummary(): Promise<void> {
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const summary = this.#host.querySelector<HTMLElement>(`[id="${this.summaryId}"]`);
    summary?.focus();
  }
}

/** Field errors from a `validation_failed` problem's issues. */
export function issuesToFieldErrors(error: ConnectError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.problem?.issues ?? []) {
    const field = String(issue.path[0] ?? '');
    if (!field || errors[field]) continue;
    errors[field] = issueStringId(field, issue.code);
  }
  return errors;
}

function issueStringId(field: string, code: string): StringId {
  if (field === 'email')
    return code === 'required' ? 'field.email.required' : 'field.email.invalid';
  if (field === 'code') return code === 'required' ? 'field.code.required' : 'field.code.invalid';
  if (field === 'password' && code === 'required') return 'field.password.required';
  if (field === 'name') return 'field.name.invalid';
  return 'field.invalid';
}
