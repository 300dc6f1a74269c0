import { ConnectError, type ConnectErrorOptions } from './connect-error.ts';

/**
 * An attempt took longer than the client's `timeout` option (per attempt, headers and body). Code `timeout`. Never confused with {@link AbortedError}: a timeout is the client giving up, an abort is the caller cancelling.
 *
 * @example
 * ```ts
 * try {
 *   await client.getPasswordPolicy();
 * } catch (error) {
 *   if (error instanceof TimeoutError) showTryAgainLater();
 * }
 * ```
 */
export class TimeoutError extends ConnectError {
  override name = 'TimeoutError';

  constructor(message = 'The server did not answer in time.', options: ConnectErrorOptions = {}) {
    super('timeout', message, options);
  }
}
