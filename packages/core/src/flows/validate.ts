import type * as z from 'zod/mini';
import { canonicalizeEmail } from '../contract/email.ts';
import type { FieldIssue } from '../contract/problem.ts';
import { ValidationError } from '../errors/validation-error.ts';

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message?: string;
  keys?: string[];
  input?: unknown;
}

/**
 * Field issues from zod issues, with stable codes: `required` (missing or empty), `too_short`,
 * `too_long`, `invalid_format`, `invalid_type`, `unknown_field`, or a refinement's own code
 * (e.g. `invalid_email`). `value` is the validated input, to tell a missing or empty field
 * (`required`) from a short one.
 *
 * @example
 * ```ts
 * const result = SignInBody.safeParse(body);
 * if (!result.success) issuesFromZod(result.error.issues); // [{ path: ['email'], code: 'invalid_email' }]
 * ```
 */
export function issuesFromZod(issues: readonly ZodIssueLike[], value?: unknown): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys ?? []) out.push({ path: [...path, key], code: 'unknown_field' });
      continue;
    }
    const input = 'input' in issue ? issue.input : valueAt(value, path);
    out.push({ path, code: issueCode({ ...issue, input }) });
  }
  return out;
}

function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) {
      return undefined;
    }
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

function issueCode(issue: ZodIssueLike): string {
  switch (issue.code) {
    case 'too_small':
      return issue.input === '' ? 'required' : 'too_short';
    case 'too_big':
      return 'too_long';
    case 'invalid_format':
      return 'invalid_format';
    case 'invalid_type':
      return issue.input === undefined ? 'required' : 'invalid_type';
    case 'custom':
      return issue.message && /^[a-z_]+$/.test(issue.message) ? issue.message : 'invalid';
    default:
      return issue.code;
  }
}

/**
 * `value` checked against a contract request schema; a `ValidationError` with field issues (and
 * no network call) when it does not fit.
 *
 * @example
 * ```ts
 * const body = validateBody(SignInBody, { email, password });
 * ```
 */
export function validateBody<T>(schema: z.ZodMiniType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ValidationError(undefined, {
    issues: issuesFromZod(result.error.issues as unknown as ZodIssueLike[], value),
  });
}

/**
 * `input` as an object, or a `TypeError` naming the flow (programmer misuse).
 *
 * @example
 * ```ts
 * const { email } = requireObject<{ email: unknown }>(input, 'requestPasswordReset');
 * ```
 */
export function requireObject<T extends object>(input: unknown, flow: string): Partial<T> {
  if (typeof input !== 'object' || input === null) {
    throw new TypeError(`${flow}: expected an object argument.`);
  }
  return input as Partial<T>;
}

/**
 * `value` when it is a string, else a `TypeError` (programmer misuse, not user input).
 *
 * @example
 * ```ts
 * requireString(input.password, 'password', 'signIn');
 * ```
 */
export function requireString(value: unknown, field: string, flow: string): string {
  if (typeof value !== 'string') throw new TypeError(`${flow}: ${field} must be a string.`);
  return value;
}

/**
 * The canonical email (see `canonicalizeEmail`), or a `ValidationError` with an `invalid_email`
 * issue (`required` when empty).
 *
 * @example
 * ```ts
 * canonicalEmailOrThrow('  Owner@Example.COM ', 'signIn'); // 'Owner@example.com'
 * ```
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
