import type { ConnectErrorOptions } from './connect-error.ts';
import { TokenError } from './token-error.ts';

/**
 * The server knows no such token, or it was issued for another purpose. Code `token_invalid`, HTTP 400.
 *
 * @example
 * ```ts
 * try {
 *   await client.completePasswordReset({ token, password });
 * } catch (error) {
 *   if (error instanceof TokenInvalidError) showRequestNewLink();
 * }
 * ```
 */
export class TokenInvalidError extends TokenError {
  override name = 'TokenInvalidError';

  constructor(message = 'This link is not valid.', options: ConnectErrorOptions = {}) {
    super('token_invalid', message, options);
  }
}
