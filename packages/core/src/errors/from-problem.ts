import type { ErrorCode } from '../contract/codes.ts';
import type { Problem } from '../contract/problem.ts';
import { CodeInvalidError } from './code-invalid-error.ts';
import { ConnectError, type ConnectErrorOptions } from './connect-error.ts';
import { InvalidCredentialsError } from './invalid-credentials-error.ts';
import { RateLimitedError } from './rate-limited-error.ts';
import { parseRetryAfter } from './retry-after.ts';
import { ServerError } from './server-error.ts';
import { SessionInvalidError } from './session-invalid-error.ts';
import { TokenExpiredError } from './token-expired-error.ts';
import { TokenInvalidError } from './token-invalid-error.ts';
import { TokenSupersededError } from './token-superseded-error.ts';
import { TokenUsedError } from './token-used-error.ts';
import { ValidationError } from './validation-error.ts';
import { WeakPasswordError } from './weak-password-error.ts';

type ErrorClass = new (message?: string, options?: ConnectErrorOptions) => ConnectError;

/**
 * The class each server code maps to. Codes absent here (`origin_forbidden`,
 * `unsupported_media_type`, `payload_too_large`, `not_found`, `method_not_allowed` and any code a
 * newer server invents) become a plain {@link ConnectError} carrying that code.
 */
const CLASSES: Readonly<Partial<Record<string, ErrorClass>>> = {
  invalid_credentials: InvalidCredentialsError,
  token_expired: TokenExpiredError,
  token_used: TokenUsedError,
  token_superseded: TokenSupersededError,
  token_invalid: TokenInvalidError,
  code_invalid: CodeInvalidError,
  weak_password: WeakPasswordError,
  rate_limited: RateLimitedError,
  validation_failed: ValidationError,
  session_invalid: SessionInvalidError,
  server_error: ServerError,
};

/**
 * The typed error for a problem-details answer: the class matching `problem.code`, carrying the
 * HTTP status, the problem, and `retryAfterMs` (from the problem's `retryAfterMs`, else the
 * `Retry-After` header). An unknown code becomes a plain `ConnectError` with that code.
 *
 * @example
 * ```ts
 * const error = errorFromProblem(410, { code: 'token_expired', title: 'Expired' });
 * error instanceof TokenExpiredError; // true
 * errorFromProblem(418, { code: 'teapot_busy' }).code; // 'teapot_busy'
 * ```
 */
export function errorFromProblem(
  status: number | undefined,
  problem: Problem,
  headers?: Headers,
): ConnectError {
  const retryAfterMs = pickRetryAfter(problem, headers);
  const options: ConnectErrorOptions = { problem };
  if (status !== undefined) options.status = status;
  if (retryAfterMs !== undefined) options.retryAfterMs = retryAfterMs;
  const message = problem.detail ?? problem.title;
  const Class = Object.hasOwn(CLASSES, problem.code) ? CLASSES[problem.code] : undefined;
  if (Class) return new Class(message, options);
  return new ConnectError(
    problem.code as ErrorCode,
    message ?? `The server answered ${problem.code}.`,
    options,
  );
}

function pickRetryAfter(problem: Problem, headers: Headers | undefined): number | undefined {
  const fromProblem = problem.retryAfterMs;
  if (typeof fromProblem === 'number' && Number.isFinite(fromProblem) && fromProblem >= 0) {
    return fromProblem;
  }
  return parseRetryAfter(headers?.get('retry-after'));
}
