import type { ConnectClient, PasswordPolicy } from '@connect-auth/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LatestCall } from './latest-call.ts';
import { issueWarning } from './warn.ts';

/**
 * Loads the password policy in force on the server (`client.getPasswordPolicy()`, cached by the
 * client) so the checklist shows what the server will enforce. Until it arrives, or if it cannot
 * be loaded, `policy` is `undefined` and the password input falls back to core's preset.
 */
export class PolicyController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #getClient: () => ConnectClient | null;
  readonly #call: LatestCall;
  #loaded: ConnectClient | null = null;
  #wanted = false;
  /** The server's policy, once loaded. */
  policy: PasswordPolicy | undefined = undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, getClient: () => ConnectClient | null) {
    this.#host = host;
    this.#getClient = getClient;
    this.#call = new LatestCall(host); // a new client's load wins; aborted on disconnect
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
    const signal = this.#call.start();
    client
      .getPasswordPolicy({ signal })
      .then(
        (policy) => {
          if (!signal.aborted) this.policy = policy;
        },
        () => {
          if (signal.aborted) return;
          this.#loaded = null;
          this.#wanted = false; // no retry on every render; the next load() call tries again
          issueWarning(
            'policy-unavailable',
            this.#host.localName,
            'The password policy could not be loaded; showing the built-in preset.',
          );
        },
      )
      .finally(() => this.#call.finish(signal)); // renders the policy
  }

  hostUpdate(): void {
    if (this.#wanted && !this.policy && this.#host.isConnected) this.load();
  }

  hostDisconnected(): void {
    if (!this.policy) this.#loaded = null;
  }
}
