import { ConnectError, type ConnectErrorOptions } from './connect-error.ts';

/**
 * Too many attempts: the server throttled this account, address or IP. Code `rate_limited`,
 * HTTP 429. `retryAfterMs` tells how long to wait (from the `Retry-After` header, in seconds or as
 * an HTTP date, or from the problem's `retryAfterMs`), when the server said so.
 *
 * @example
 * ```ts
 * try {
 *   await client.signIn({ email, password });
 * } catch (error) {
 *   if (error instanceof RateLimitedError) showWait(error.retryAfterMs ?? 60_000);
 * }
 * ```
 */
export class RateLimitedError extends ConnectError {
  override name = 'RateLimitedError';

  constructor(message = 'Too many attempts; try again later.', options: ConnectErrorOptions = {}) {
    super('rate_limited', message, options);
  }
}
