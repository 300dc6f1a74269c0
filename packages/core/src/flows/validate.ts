import { canonicalizeEmail } from '../contract/canonical-email.ts';
import type { FieldIssue } from '../contract/problem.ts';
import { ValidationError } from '../errors/validation-error.ts';

/**
 * `value` checked with one of the contract's request checks (`checkSignInBody`, … in
 * `contract/checks.ts`); a `ValidationError` with its field issues (and no network call) when it
 * does not fit.
 */
export function validateBody<T>(check: (value: unknown) => FieldIssue[], value: T): T {
  const issues = check(value);
  if (issues.length > 0) throw new ValidationError(undefined, { issues });
  return value;
}

/**
 * `input` as an object, or a `TypeError` naming the flow (programmer misuse).
 */
export function requireObject<T extends object>(input: unknown, flow: string): Partial<T> {
  if (typeof input !== 'object' || input === null) {
    throw new TypeError(`${flow}: expected an object argument.`);
  }
  return input as Partial<T>;
}

/**
 * `value` when it is a string, else a `TypeError` (programmer misuse, not user input).
 */
export function requireString(value: unknown, field: string, flow: string): string {
  if (typeof value !== 'string') throw new TypeError(`${flow}: ${field} must be a string.`);
  return value;
}

/**
 * The canonical email (see `canonicalizeEmail`), or a `ValidationError` with an `invalid_email`
 * issue (`required` when empty).
 */
export function canonicalEmailOrThrow(value: unknown, flow: string): string {
  const email = requireString(value, 'email', flow);
  const canonical = canonicalizeEmail(email);
  if (canonical === null) {
    const code = email.trim() === '' ? 'required' : 'invalid_email';
    throw new ValidationError(undefined, { issues: [{ path: ['email'], code }] });
  }
  return canonical;
}
