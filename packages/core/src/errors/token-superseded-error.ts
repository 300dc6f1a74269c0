import type { ConnectErrorOptions } from './connect-error.ts';
import { TokenError } from './token-error.ts';

/**
 * A newer request sent a newer email: only the newest link and code work. Code `token_superseded`, HTTP 410.
 *
 * @example
 * ```ts
 * try {
 *   await client.completePasswordReset({ token, password });
 * } catch (error) {
 *   if (error instanceof TokenSupersededError) showRequestNewLink();
 * }
 * ```
 */
export class TokenSupersededError extends TokenError {
  override name = 'TokenSupersededError';

  constructor(message = 'A newer email replaced this link.', options: ConnectErrorOptions = {}) {
    super('token_superseded', message, options);
  }
}
