import type { ConnectErrorOptions } from './connect-error.ts';
import { TokenError } from './token-error.ts';

/**
 * The token (or code) is past its expiry. Code `token_expired`, HTTP 410.
 *
 * @example
 * ```ts
 * try {
 *   await client.completePasswordReset({ token, password });
 * } catch (error) {
 *   if (error instanceof TokenExpiredError) showRequestNewLink();
 * }
 * ```
 */
export class TokenExpiredError extends TokenError {
  override name = 'TokenExpiredError';

  constructor(message = 'This link has expired.', options: ConnectErrorOptions = {}) {
    super('token_expired', message, options);
  }
}
