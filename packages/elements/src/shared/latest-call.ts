import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Latest call wins: each `start()` aborts the call still running, so an answer that arrives after
 * a newer call started (or after the host left the page) is never shown. Disconnecting the host
 * aborts the running call. The host renders again when `running` changes.
 *
 * A few lines of our own rather than `@lit/task`, whose ~1.4 KB gzip would not fit the
 * reset page's budget; the elements need only the signal and the "still the latest?" check.
 */
export class LatestCall implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #current: AbortController | null = null;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** True from `start()` until that call's `finish()` or an `abort()`. */
  get running(): boolean {
    return this.#current !== null;
  }

  /** Start a call: abort the running one and return the new call's signal. */
  start(): AbortSignal {
    this.#current?.abort();
    this.#current = new AbortController();
    this.#host.requestUpdate();
    return this.#current.signal;
  }

  /** The call of `signal` is over (call it in a `finally`); a superseded call changes nothing. */
  finish(signal: AbortSignal): void {
    if (this.#current?.signal !== signal) return;
    this.#current = null;
    this.#host.requestUpdate();
  }

  /** Abort the running call, if any. */
  abort(): void {
    if (!this.#current) return;
    this.#current.abort();
    this.#current = null;
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.abort();
  }
}
