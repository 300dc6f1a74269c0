import type { ErrorCode } from '../contract/codes.ts';
import type { Problem } from '../contract/problem.ts';

const BRAND = Symbol.for('@connect-auth/core/ConnectError');

/**
 * Options every {@link ConnectError} takes.
 *
 * @example
 * ```ts
 * new ConnectError('rate_limited', 'Slow down', { status: 429, retryAfterMs: 30_000 });
 * ```
 */
export interface ConnectErrorOptions {
  /** HTTP status of the answer, when there was one. */
  status?: number;
  /** The problem details the server sent, when there were any. */
  problem?: Problem;
  /** The underlying error (network failure, parse error, …). */
  cause?: unknown;
  /** How long to wait before trying again, in milliseconds (from `Retry-After`). */
  retryAfterMs?: number;
}

/**
 * Base of every error a flow of the client can throw. Carries a stable `code`: exhaustive for the
 * codes this version knows, open to codes a newer server sends.
 *
 * Use {@link isConnectError} rather than `instanceof` when two copies of core may be installed.
 *
 * @example
 * ```ts
 * try {
 *   await client.signIn({ email, password });
 * } catch (error) {
 *   if (isConnectError(error) && error.code === 'invalid_credentials') showWrongPassword();
 *   else throw error;
 * }
 * ```
 */
export class ConnectError extends Error {
  override name = 'ConnectError';
  /** Stable machine-readable code. */
  readonly code: ErrorCode;
  /** HTTP status, when the server answered. */
  readonly status: number | undefined;
  /** Problem details from the server, when it sent them. */
  readonly problem: Problem | undefined;
  /** Milliseconds to wait before retrying, when the server said so. */
  readonly retryAfterMs: number | undefined;

  constructor(code: ErrorCode, message: string, options: ConnectErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = options.status;
    this.problem = options.problem;
    this.retryAfterMs = options.retryAfterMs;
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/**
 * True for any `ConnectError`, from this copy of core or another one installed beside it.
 *
 * @example
 * ```ts
 * if (isConnectError(error)) console.log(error.code);
 * ```
 */
export function isConnectError(value: unknown): value is ConnectError {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value instanceof ConnectError || (value as Record<symbol, unknown>)[BRAND] === true)
  );
}
