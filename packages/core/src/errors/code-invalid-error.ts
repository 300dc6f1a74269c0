import type { ConnectErrorOptions } from './connect-error.ts';
import { TokenError } from './token-error.ts';

/**
 * The emailed one-time code does not match (or has run out of attempts). Code `code_invalid`, HTTP 400.
 *
 * @example
 * ```ts
 * try {
 *   await client.completePasswordReset({ token, password });
 * } catch (error) {
 *   if (error instanceof CodeInvalidError) showRequestNewLink();
 * }
 * ```
 */
export class CodeInvalidError extends TokenError {
  override name = 'CodeInvalidError';

  constructor(message = 'This code is not correct.', options: ConnectErrorOptions = {}) {
    super('code_invalid', message, options);
  }
}
