import { ConnectError, type ConnectErrorOptions } from './connect-error.ts';

/**
 * The caller's `AbortSignal` fired, before or during the call (or during a retry wait). Code `aborted`; `cause` holds the signal's reason.
 *
 * @example
 * ```ts
 * try {
 *   await client.verifyResetToken(token, { signal: controller.signal });
 * } catch (error) {
 *   if (error instanceof AbortedError) return; // the user navigated away;
 * }
 * ```
 */
export class AbortedError extends ConnectError {
  override name = 'AbortedError';

  constructor(message = 'The request was aborted.', options: ConnectErrorOptions = {}) {
    super('aborted', message, options);
  }
}
