import { ConnectError, type ConnectErrorOptions } from './connect-error.ts';

/**
 * The request never got an answer: DNS failure, refused connection, dropped connection, CORS rejection or offline browser. Code `network_error`; `cause` holds the underlying error.
 *
 * @example
 * ```ts
 * try {
 *   await client.signIn({ email, password });
 * } catch (error) {
 *   if (error instanceof NetworkError) showOfflineNotice();
 * }
 * ```
 */
export class NetworkError extends ConnectError {
  override name = 'NetworkError';

  constructor(message = 'The server could not be reached.', options: ConnectErrorOptions = {}) {
    super('network_error', message, options);
  }
}
