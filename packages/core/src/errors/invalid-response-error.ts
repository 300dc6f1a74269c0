import { ConnectError, type ConnectErrorOptions } from './connect-error.ts';

/**
 * The answer could not be used: malformed JSON, wrong content type, a body that does not fit the contract (checked by the guards in `contract/guards.ts`), a body larger than `MAX_RESPONSE_BODY_BYTES`, or an error status without problem details. Code `invalid_response`; `status` is set when there was an HTTP answer and `cause` holds the JSON parse error, if that is what failed.
 *
 * @example
 * ```ts
 * try {
 *   await client.verifyResetToken(token);
 * } catch (error) {
 *   if (error instanceof InvalidResponseError) reportBug(error);
 * }
 * ```
 */
export class InvalidResponseError extends ConnectError {
  override name = 'InvalidResponseError';

  constructor(
    message = 'The server sent an answer the client cannot use.',
    options: ConnectErrorOptions = {},
  ) {
    super('invalid_response', message, options);
  }
}
