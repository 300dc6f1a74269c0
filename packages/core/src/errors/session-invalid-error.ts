import { ConnectError, type ConnectErrorOptions } from './connect-error.ts';

/**
 * The refresh token (or access token) is missing, expired, revoked or replayed; sign in again. Code `session_invalid`, HTTP 401. The client clears its session when a refresh fails this way.
 *
 * @example
 * ```ts
 * try {
 *   await client.refreshSession();
 * } catch (error) {
 *   if (error instanceof SessionInvalidError) goToSignIn();
 * }
 * ```
 */
export class SessionInvalidError extends ConnectError {
  override name = 'SessionInvalidError';

  constructor(message = 'The session is no longer valid.', options: ConnectErrorOptions = {}) {
    super('session_invalid', message, options);
  }
}
