/**
 * Typed errors of the Connect client: one class per stable code, plus the mapping from problem
 * details. Every flow rejects only with a {@link ConnectError} (or a `TypeError` for misuse).
 *
 * @packageDocumentation
 */
export { AbortedError } from './aborted-error.ts';
export { CodeInvalidError } from './code-invalid-error.ts';
export { ConnectError, type ConnectErrorOptions, isConnectError } from './connect-error.ts';
export { errorFromProblem } from './from-problem.ts';
export { InvalidCredentialsError } from './invalid-credentials-error.ts';
export { InvalidResponseError } from './invalid-response-error.ts';
export { isKnownErrorCode } from './known-codes.ts';
export { NetworkError } from './network-error.ts';
export { RateLimitedError } from './rate-limited-error.ts';
export { parseRetryAfter } from './retry-after.ts';
export { ServerError } from './server-error.ts';
export { SessionInvalidError } from './session-invalid-error.ts';
export { TimeoutError } from './timeout-error.ts';
export { TokenError, type TokenErrorCode } from './token-error.ts';
export { TokenExpiredError } from './token-expired-error.ts';
export { TokenInvalidError } from './token-invalid-error.ts';
export { TokenSupersededError } from './token-superseded-error.ts';
export { TokenUsedError } from './token-used-error.ts';
export { ValidationError, type ValidationErrorOptions } from './validation-error.ts';
export { WeakPasswordError } from './weak-password-error.ts';
