import { ConnectError, type ConnectErrorOptions } from './connect-error.ts';

/**
 * The codes of {@link TokenError} and its subclasses.
 *
 * @example
 * ```ts
 * const code: TokenErrorCode = 'token_superseded';
 * ```
 */
export type TokenErrorCode =
  | 'token_expired'
  | 'token_used'
  | 'token_superseded'
  | 'token_invalid'
  | 'code_invalid';

/**
 * Base of every error about a reset, activation or verification token (or the emailed one-time
 * code): catch it to show "this link no longer works, request a new one" whatever the reason.
 * Subclasses: {@link TokenExpiredError}, {@link TokenUsedError}, {@link TokenSupersededError},
 * {@link TokenInvalidError}, {@link CodeInvalidError}.
 *
 * @example
 * ```ts
 * try {
 *   await client.verifyResetToken(token);
 * } catch (error) {
 *   if (error instanceof TokenError) showRequestNewLink(error.code);
 * }
 * ```
 */
export class TokenError extends ConnectError {
  override name = 'TokenError';
  declare readonly code: TokenErrorCode;

  constructor(code: TokenErrorCode, message: string, options: ConnectErrorOptions = {}) {
    super(code, message, options);
  }
}
