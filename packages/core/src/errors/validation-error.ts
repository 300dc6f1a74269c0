import type { FieldIssue } from '../contract/problem.ts';
import { ConnectError, type ConnectErrorOptions } from './connect-error.ts';

/**
 * Options of {@link ValidationError}: the base options plus the field issues.
 *
 * @example
 * ```ts
 * new ValidationError(undefined, { issues: [{ path: ['email'], code: 'invalid_email' }] });
 * ```
 */
export interface ValidationErrorOptions extends ConnectErrorOptions {
  /** Field issues; defaults to the problem's `issues`. */
  issues?: readonly FieldIssue[];
}

/**
 * Input that does not fit the contract: found by the client before sending (then `status` is
 * `undefined` and nothing went over the network) or by the server (`validation_failed`, HTTP 400).
 * `issues` lists `{ path, code }` pairs, e.g. `{ path: ['email'], code: 'invalid_email' }`.
 *
 * @example
 * ```ts
 * try {
 *   await client.requestPasswordReset({ email: 'not an email' });
 * } catch (error) {
 *   if (error instanceof ValidationError) {
 *     for (const issue of error.issues) markField(issue.path.join('.'), issue.code);
 *   }
 * }
 * ```
 */
export class ValidationError extends ConnectError {
  override name = 'ValidationError';
  /** What is wrong, field by field. */
  readonly issues: readonly FieldIssue[];

  constructor(message = 'The input is not valid.', options: ValidationErrorOptions = {}) {
    super('validation_failed', message, options);
    this.issues = options.issues ?? options.problem?.issues ?? [];
  }
}
