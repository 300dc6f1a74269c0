import { canonicalizeEmail, isWellFormedText, MAX_EMAIL_LENGTH } from './canonical-email.ts';
import { LOCALE_PATTERN, MAX_LOCALE_LENGTH, MAX_PASSWORD_WIRE_LENGTH } from './constants.ts';
import { isObject } from './guards.ts';
import type { FieldIssue } from './problem.ts';

/**
 * Hand-written checks of the request bodies of the wire contract, for the browser: the same
 * verdicts as the strict zod schemas in `messages.ts` (which the server validates with), without
 * bundling zod. `checkX(value)` returns the field issues the client reports (`required`,
 * `too_short`, `too_long`, `invalid_format`, `invalid_type`, `unknown_field`, `invalid_email`,
 * `invalid_unicode` for a lone surrogate in a password or name),
 * exactly those the schema's issues map to, and an empty list when the body fits.
 * `guards.test.ts` proves it on generated, mutated and hostile values.
 */

/**
 * One string member: minimum and maximum length (in code points, as zod counts), a pattern,
 * whether it must be an email. Length limits are absent for the code, which only has a pattern.
 */
type Field = readonly [
  min?: number,
  max?: number,
  pattern?: RegExp,
  email?: boolean,
  wellFormed?: boolean,
];
type Fields = Record<string, Field>;

const EMAIL: Field = [3, MAX_EMAIL_LENGTH * 4, undefined, true];
const PASSWORD: Field = [1, MAX_PASSWORD_WIRE_LENGTH, undefined, false, true];
const TOKEN: Field = [16, 512, /^[A-Za-z0-9_-]+$/];
const CODE: Field = [undefined, undefined, /^\d{8}$/];
const NAME: Field = [1, 200, undefined, false, true];
const LOCALE: Field = [1, MAX_LOCALE_LENGTH, LOCALE_PATTERN];

/** Length in code points; a lone surrogate counts as one. */
const codePoints = (text: string): number =>
  text.length - (text.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0);

/** Issues of a strict object, and whether every member had the right type. */
interface Checked {
  issues: FieldIssue[];
  typed: boolean;
}

/**
 * `z.strictObject` of string members, reported as the client reports issues: per member in
 * order, every failing check (length, pattern, email), then one `unknown_field` per extra member.
 * As in zod, the length checks also run on a non-string that has a `length` (an array, say), so
 * `['a@b.co']` as an email is `invalid_type` and `too_short`.
 */
function strict(value: unknown, required: Fields, optional: Fields = {}): Checked {
  if (!isObject(value)) {
    return {
      issues: [{ path: [], code: value === undefined ? 'required' : 'invalid_type' }],
      typed: false,
    };
  }
  const issues: FieldIssue[] = [];
  let typed = true;
  const check = (key: string, [min, max, pattern, email, wellFormed]: Field): void => {
    const member = value[key];
    const add = (code: string) => issues.push({ path: [key], code });
    const isString = typeof member === 'string';
    if (!isString) {
      typed = false;
      add(member === undefined ? 'required' : 'invalid_type');
    }
    // Whatever `length` holds, compared as zod compares it (`!(x >= min)` is true for NaN).
    const length: unknown = member == null ? undefined : (member as { length?: unknown }).length;
    if (length !== undefined && min !== undefined && max !== undefined) {
      const size = isString ? codePoints(member) : (length as number);
      if (!(size >= min)) add(member === '' ? 'required' : 'too_short');
      if (!(size <= max)) add('too_long');
    }
    if (!isString) return;
    if (pattern && !pattern.test(member)) add('invalid_format');
    if (email && canonicalizeEmail(member) === null) add('invalid_email');
    if (wellFormed && !isWellFormedText(member)) add('invalid_unicode');
  };
  for (const key in required) check(key, required[key] as Field);
  for (const key in optional) {
    if (key in value && value[key] !== undefined) check(key, optional[key] as Field);
  }
  for (const key in value) {
    if (!Object.hasOwn(required, key) && !Object.hasOwn(optional, key)) {
      issues.push({ path: [key], code: 'unknown_field' });
    }
  }
  return { issues, typed };
}

/**
 * Issues of a `POST /v1/password-resets` body (`{ email }`); empty when it fits.
 */
export function checkRequestPasswordResetBody(value: unknown): FieldIssue[] {
  return strict(value, { email: EMAIL }).issues;
}

/**
 * Issues of a token-only body (`POST /v1/password-resets/verify` and
 * `POST /v1/accounts/verify-email`: `{ token }`); empty when it fits.
 */
export function checkTokenBody(value: unknown): FieldIssue[] {
  return strict(value, { token: TOKEN }).issues;
}

/**
 * Issues of a `POST /v1/password-resets/complete` body: `{ token, password }` or
 * `{ email, code, password }`. Like the union schema, the issues of the one alternative whose
 * members all have the right type; `invalid_union` when neither or both do.
 */
export function checkCompletePasswordResetBody(value: unknown): FieldIssue[] {
  const withToken = strict(value, { token: TOKEN, password: PASSWORD });
  const withCode = strict(value, { email: EMAIL, code: CODE, password: PASSWORD });
  if (!withToken.issues.length || !withCode.issues.length) return [];
  if (withToken.typed !== withCode.typed) {
    return withToken.typed ? withToken.issues : withCode.issues;
  }
  return [{ path: [], code: 'invalid_union' }];
}

/**
 * Issues of a `POST /v1/sessions` body (`{ email, password }`); empty when it fits.
 */
export function checkSignInBody(value: unknown): FieldIssue[] {
  return strict(value, { email: EMAIL, password: PASSWORD }).issues;
}

/**
 * Issues of a `POST /v1/accounts` body (`{ email, password, name?, locale? }`); empty when it fits.
 */
export function checkRegisterBody(value: unknown): FieldIssue[] {
  return strict(value, { email: EMAIL, password: PASSWORD }, { name: NAME, locale: LOCALE }).issues;
}

/**
 * Issues of a `POST /v1/account/password` body (`{ currentPassword, newPassword }`); empty when
 * it fits.
 */
export function checkChangePasswordBody(value: unknown): FieldIssue[] {
  return strict(value, { currentPassword: PASSWORD, newPassword: PASSWORD }).issues;
}

/**
 * Issues of a `POST /v1/account/email-changes` body (`{ newEmail, password }`); empty when it
 * fits.
 */
export function checkRequestEmailChangeBody(value: unknown): FieldIssue[] {
  return strict(value, { newEmail: EMAIL, password: PASSWORD }).issues;
}
