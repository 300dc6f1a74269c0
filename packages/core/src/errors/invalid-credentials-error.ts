import { ConnectError, type ConnectErrorOptions } from './connect-error.ts';

/**
 * Sign-in failed: unknown email, wrong password and an account awaiting activation all get this same answer (no account enumeration). Code `invalid_credentials`, HTTP 401.
 *
 * @example
 * ```ts
 * try {
 *   await client.signIn({ email, password });
 * } catch (error) {
 *   if (error instanceof InvalidCredentialsError) showWrongPasswordAndActivationHint();
 * }
 * ```
 */
export class InvalidCredentialsError extends ConnectError {
  override name = 'InvalidCredentialsError';

  constructor(
    message = 'The email or password is not correct.',
    options: ConnectErrorOptions = {},
  ) {
    super('invalid_credentials', message, options);
  }
}
