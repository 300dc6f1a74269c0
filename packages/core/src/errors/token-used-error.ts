import type { ConnectErrorOptions } from './connect-error.ts';
import { TokenError } from './token-error.ts';

/**
 * The token (or code) was already consumed by a completed reset or verification. Code `token_used`, HTTP 410.
 *
 * @example
 * ```ts
 * try {
 *   await client.completePasswordReset({ token, password });
 * } catch (error) {
 *   if (error instanceof TokenUsedError) showRequestNewLink();
 * }
 * ```
 */
export class TokenUsedError extends TokenError {
  override name = 'TokenUsedError';

  constructor(message = 'This link has already been used.', options: ConnectErrorOptions = {}) {
    super('token_used', message, options);
  }
}
