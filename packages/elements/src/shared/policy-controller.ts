import type { ConnectClient, PasswordPolicy } from '@connect-auth/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { issueWarning } from './warn.ts';

/**
 * Loads the password policy in force on the server (`client.getPasswordPolicy()`, cached by the
 * client) so the checklist shows what the server will enforce. Until it arrives, or if it cannot
 * be loaded, `policy` is `undefined` and the password input falls back to core's preset.
 *
 * @example
 * ```ts
 * #policy = new PolicyController(this, () => this.resolvedClient);
 * // when the password step appears: this.#policy.load();
 * // render: html`<connect-password-input .policy=${this.#policy.policy}>`
 * ```
 */
export class PolicyController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #getClient: () => ConnectClient | null;
  #abort: AbortController | null = null;
  #loaded: ConnectClient | null = null;
  #wanted = false;
  /** The server's policy, once loaded. */
  policy: PasswordPolicy | undefined = undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, getClient: () => ConnectClient | null) {
    this.#host = host;
    this.#getClient = getClient;
    host.addController(this);
  }

  /**
   * Start loading (once per client). If the element has no client yet, loading starts on the
   * first update after one is configured.
   */
  load(): void {
    this.#wanted = true;
    const client = this.#getClient();
    if (!client || this.#loaded === client) return;
    this.#loaded = client;
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    client.getPasswordPolicy({ signal: abort.signal }).then(
      (policy) => {
        if (abort.signal.aborted) return;
        this.policy = policy;
        this.#host.requestUpdate();
      },
      () => {
        if (abort.signal.aborted) return;
        this.#loaded = null;
        this.#wanted = false; // no retry on every render; the next load() call tries again
        issueWarning(
          'policy-unavailable',
          this.#host.localName,
          'The password policy could not be loaded; showing the built-in preset.',
        );
      },
    );
  }

  hostUpdate(): void {
    if (this.#wanted && !this.policy && this.#host.isConnected) this.load();
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    this.#abort = null;
    if (!this.policy) this.#loaded = null;
  }
}
