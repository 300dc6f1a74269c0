import { ConnectError, type ConnectErrorOptions } from './connect-error.ts';

/**
 * The server failed: a 5xx answer, or a problem with code `server_error`. Code `server_error`.
 *
 * @example
 * ```ts
 * try {
 *   await client.requestPasswordReset({ email });
 * } catch (error) {
 *   if (error instanceof ServerError) showTryAgainLater();
 * }
 * ```
 */
export class ServerError extends ConnectError {
  override name = 'ServerError';

  constructor(
    message = 'The server failed to handle the request.',
    options: ConnectErrorOptions = {},
  ) {
    super('server_error', message, options);
  }
}
