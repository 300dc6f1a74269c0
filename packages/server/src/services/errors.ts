/**
 * The domain error: a failure with a stable contract code that services raise and callers can act
 * on. It knows nothing of HTTP; the app maps it to problem+json in one place (`http/problem.ts`).
 */
import type { FieldIssue, RuleResult, ServerErrorCode } from '@connect-auth/core/contract';

/**
 * What a {@link ServiceError} carries besides its code: the extension members of the problem it
 * becomes on the wire.
 *
 * @example
 * ```ts
 * const extras: ServiceErrorExtras = { issues: [{ path: ['email'], code: 'invalid_email' }] };
 * ```
 */
export interface ServiceErrorExtras {
  /** Replaces the language's standard detail of the code (already in the request's language). */
  detail?: string;
  /** Which fields are wrong and why (`validation_failed`). */
  issues?: FieldIssue[];
  /** The verdict on each password rule (`weak_password`). */
  rules?: RuleResult[];
  /** When to try again (`rate_limited`). */
  retryAfterMs?: number;
}

/**
 * A failure with a stable code from the contract (`session_invalid`, `rate_limited`,
 * `token_expired`, …). Services throw it; `server.authenticate()` rejects with it; the app answers
 * it as problem+json with the code's status.
 *
 * @example
 * ```ts
 * throw new ServiceError('token_expired');
 * throw new ServiceError('rate_limited', { retryAfterMs: 30_000 });
 * ```
 */
export class ServiceError extends Error {
  override readonly name = 'ServiceError';
  readonly code: ServerErrorCode;
  readonly extras: ServiceErrorExtras;

  constructor(
    code: ServerErrorCode,
    extras: ServiceErrorExtras = {},
    options?: { cause?: unknown },
  ) {
    super(code, options);
    this.code = code;
    this.extras = extras;
  }
}

/**
 * Cross-realm check for a {@link ServiceError}, optionally of one code (two copies of the server
 * package can be installed side by side, so `instanceof` alone is not enough).
 *
 * @example
 * ```ts
 * try {
 *   const account = await server.authenticate(token);
 * } catch (error) {
 *   if (isServiceError(error, 'session_invalid')) return new Response(null, { status: 401 });
 *   throw error;
 * }
 * ```
 */
export function isServiceError(error: unknown, code?: ServerErrorCode): error is ServiceError {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as { name?: unknown; code?: unknown };
  return candidate.name === 'ServiceError' && (code === undefined || candidate.code === code);
}
