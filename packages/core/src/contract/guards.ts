import { canonicalizeEmail, MAX_EMAIL_LENGTH } from './canonical-email.ts';
import { MAX_PASSWORD_WIRE_LENGTH } from './constants.ts';
import type {
  Accepted,
  EmailVerified,
  PasswordResetResult,
  ResetTokenInfo,
  Session,
} from './messages.ts';
import type { PasswordPolicy } from './policy.ts';
import type { FieldIssue, Problem } from './problem.ts';

/**
 * Hand-written checks of the wire contract for the browser: the same verdicts as the zod schemas
 * in `messages.ts`, `policy.ts` and `problem.ts` (which the server validates with), without
 * bundling zod. `guards.test.ts` proves the two agree on generated and hostile values.
 *
 * Answers: `parseX(value)` returns a clean copy with zod's semantics (members the schema does not
 * name are dropped, except on the loose `Problem`), or `null`. Requests: `checkX(value)` returns
 * the field issues the client reports (`required`, `too_short`, `too_long`, `invalid_format`,
 * `invalid_type`, `unknown_field`, `invalid_email`), empty when the body fits.
 */

/** Answers a clean copy of `value`, or `undefined` when it does not fit. */
type Guard<T> = (value: unknown) => T | undefined;
type Shape = Record<string, Guard<unknown>>;
type Scalar = string | number | boolean;

const isObject = (value: unknown): value is Record<PropertyKey, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** zod's notion of a plain object, which `z.record` requires. */
function isPlainObject(value: unknown): value is Record<PropertyKey, unknown> {
  if (!isObject(value)) return false;
  const ctor = value.constructor;
  if (typeof ctor !== 'function') return true;
  const proto: unknown = ctor.prototype;
  return isObject(proto) && Object.hasOwn(proto, 'isPrototypeOf');
}

const string: Guard<string> = (v) => (typeof v === 'string' ? v : undefined);
// Not NaN, not ±Infinity, no coercion: like `z.number()`.
const number: Guard<number> = (v) => (Number.isFinite(v) ? (v as number) : undefined);
const boolean: Guard<boolean> = (v) => (typeof v === 'boolean' ? v : undefined);
const scalar: Guard<Scalar> = (v) =>
  typeof v === 'string' || typeof v === 'boolean' ? v : number(v);
const pathKey: Guard<string | number> = (v) => (typeof v === 'string' ? v : number(v));

const literal =
  <T extends string>(...values: T[]): Guard<T> =>
  (v) =>
    (values as unknown[]).includes(v) ? (v as T) : undefined;

const nullable =
  <T>(guard: Guard<T>): Guard<T | null> =>
  (v) =>
    v === null ? null : guard(v);

// An index loop, as zod reads arrays: a hole is `undefined` (and fails), and `map` would trip on
// an array carrying its own `constructor` member.
const array =
  <T>(guard: Guard<T>): Guard<T[]> =>
  (v) => {
    if (!Array.isArray(v)) return undefined;
    const out: T[] = [];
    for (let i = 0; i < v.length; i++) {
      const result = guard(v[i]);
      if (result === undefined) return undefined;
      out.push(result);
    }
    return out;
  };

/**
 * `z.object` (unknown members dropped) or, with `loose`, `z.looseObject` (kept, `__proto__`
 * aside). Members are read as zod reads them (`value[key]`, present when `key in value`); an
 * optional member may be present with `undefined`.
 */
const object =
  <T>(required: Shape, optional: Shape = {}, loose = false): Guard<T> =>
  (v) => {
    if (!isObject(v)) return undefined;
    const out: Record<string, unknown> = {};
    for (const key in required) {
      const result = required[key]?.(v[key]);
      if (result === undefined) return undefined;
      out[key] = result;
    }
    for (const key in optional) {
      if (!(key in v)) continue;
      const member = v[key];
      const result = member === undefined ? member : optional[key]?.(member);
      if (result === undefined && member !== undefined) return undefined;
      out[key] = result;
    }
    if (loose) {
      for (const key in v) {
        if (!Object.hasOwn(required, key) && !Object.hasOwn(optional, key) && key !== '__proto__') {
          out[key] = v[key];
        }
      }
    }
    return out as T;
  };

/** `z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))`. */
const params: Guard<Record<string, Scalar>> = (v) => {
  if (!isPlainObject(v)) return undefined;
  const out: Record<string, Scalar> = {};
  for (const key of Reflect.ownKeys(v)) {
    if (key === '__proto__' || !Object.prototype.propertyIsEnumerable.call(v, key)) continue;
    const result = typeof key === 'string' ? scalar(v[key]) : undefined;
    if (result === undefined) return undefined;
    out[key as string] = result;
  }
  return out;
};

const account = /* @__PURE__ */ object(
  { id: string, email: string },
  { name: /* @__PURE__ */ nullable(string) },
);
const session = /* @__PURE__ */ object<Session>({
  accessToken: string,
  tokenType: /* @__PURE__ */ literal('Bearer'),
  expiresAt: string,
  account,
});
const level = /* @__PURE__ */ literal('required', 'recommended');
const ruleFields = { id: string, level };
const ruleResult = /* @__PURE__ */ object({ ...ruleFields, ok: boolean }, { params });
const fieldIssue = /* @__PURE__ */ object({ path: /* @__PURE__ */ array(pathKey), code: string });

/**
 * A session as answered by sign-in and refresh (the contract's `Session`), or `null`.
 *
 * @example
 * ```ts
 * const session = parseSession(JSON.parse(text));
 * if (session) console.log(session.account.email);
 * ```
 */
export function parseSession(value: unknown): Session | null {
  return session(value) ?? null;
}

const accepted = /* @__PURE__ */ object<Accepted>({ status: /* @__PURE__ */ literal('accepted') });
/**
 * The `{ status: 'accepted' }` answer (the contract's `Accepted`), or `null`.
 *
 * @example
 * ```ts
 * parseAccepted({ status: 'accepted' }); // { status: 'accepted' }
 * ```
 */
export function parseAccepted(value: unknown): Accepted | null {
  return accepted(value) ?? null;
}

const resetTokenInfo = /* @__PURE__ */ object<ResetTokenInfo>({
  email: string,
  expiresAt: string,
  purpose: /* @__PURE__ */ literal('activation', 'reset'),
});
/**
 * The answer of `POST /v1/password-resets/verify` (the contract's `ResetTokenInfo`), or `null`.
 *
 * @example
 * ```ts
 * parseResetTokenInfo({ email: 'a@example.com', expiresAt: '2026-01-01T00:00:00Z', purpose: 'reset' });
 * ```
 */
export function parseResetTokenInfo(value: unknown): ResetTokenInfo | null {
  return resetTokenInfo(value) ?? null;
}

const passwordResetResult = /* @__PURE__ */ object<PasswordResetResult>(
  { status: /* @__PURE__ */ literal('password_changed'), email: string, activated: boolean },
  { session },
);
/**
 * The answer of `POST /v1/password-resets/complete` (the contract's `PasswordResetResult`), or
 * `null`.
 *
 * @example
 * ```ts
 * const result = parsePasswordResetResult(json);
 * if (result?.session) adopt(result.session);
 * ```
 */
export function parsePasswordResetResult(value: unknown): PasswordResetResult | null {
  return passwordResetResult(value) ?? null;
}

const emailVerified = /* @__PURE__ */ object<EmailVerified>({
  status: /* @__PURE__ */ literal('verified'),
  email: string,
});
/**
 * The answer of `POST /v1/accounts/verify-email` (the contract's `EmailVerified`), or `null`.
 *
 * @example
 * ```ts
 * parseEmailVerified({ status: 'verified', email: 'a@example.com' });
 * ```
 */
export function parseEmailVerified(value: unknown): EmailVerified | null {
  return emailVerified(value) ?? null;
}

const passwordPolicy = /* @__PURE__ */ object<PasswordPolicy>({
  id: string,
  version: number,
  rules: /* @__PURE__ */ array(/* @__PURE__ */ object({ ...ruleFields }, { params })),
});
/**
 * A password policy (the contract's `PasswordPolicy`), or `null`.
 *
 * @example
 * ```ts
 * const policy = parsePasswordPolicy(json) ?? connectPolicy;
 * ```
 */
export function parsePasswordPolicy(value: unknown): PasswordPolicy | null {
  return passwordPolicy(value) ?? null;
}

/**
 * Whether `value` is a well-formed password policy: the same verdict as the contract's
 * `PasswordPolicy` schema, without zod.
 *
 * @example
 * ```ts
 * const policy = isPasswordPolicy(json) ? json : connectPolicy;
 * ```
 */
export function isPasswordPolicy(value: unknown): value is PasswordPolicy {
  return passwordPolicy(value) !== undefined;
}

const problem = /* @__PURE__ */ object<Problem>(
  { code: string },
  {
    type: string,
    title: string,
    status: number,
    detail: string,
    instance: string,
    issues: /* @__PURE__ */ array(fieldIssue),
    rules: /* @__PURE__ */ array(ruleResult),
    retryAfterMs: number,
  },
  true,
);
/**
 * RFC 9457 problem details with the Connect members (the contract's loose `Problem`: members it
 * does not name are kept), or `null`.
 *
 * @example
 * ```ts
 * parseProblem({ code: 'token_expired', title: 'Expired' })?.code; // 'token_expired'
 * ```
 */
export function parseProblem(value: unknown): Problem | null {
  return problem(value) ?? null;
}

// ---- Request bodies ----

/**
 * One string member: minimum and maximum length (in code points, as zod counts), a pattern,
 * whether it must be an email. Length limits are absent for the code, which only has a pattern.
 */
type Field = readonly [min?: number, max?: number, pattern?: RegExp, email?: boolean];
type Fields = Record<string, Field>;

const EMAIL: Field = [3, MAX_EMAIL_LENGTH * 4, undefined, true];
const PASSWORD: Field = [1, MAX_PASSWORD_WIRE_LENGTH];
const TOKEN: Field = [16, 512, /^[A-Za-z0-9_-]+$/];
const CODE: Field = [undefined, undefined, /^\d{8}$/];
const NAME: Field = [1, 200];

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
  const check = (key: string, [min, max, pattern, email]: Field): void => {
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
 *
 * @example
 * ```ts
 * checkRequestPasswordResetBody({ email: 'nope' }); // [{ path: ['email'], code: 'invalid_email' }]
 * ```
 */
export function checkRequestPasswordResetBody(value: unknown): FieldIssue[] {
  return strict(value, { email: EMAIL }).issues;
}

/**
 * Issues of a token-only body (`POST /v1/password-resets/verify` and
 * `POST /v1/accounts/verify-email`: `{ token }`); empty when it fits.
 *
 * @example
 * ```ts
 * checkTokenBody({ token: 'short!' }); // too_short and invalid_format on ['token']
 * ```
 */
export function checkTokenBody(value: unknown): FieldIssue[] {
  return strict(value, { token: TOKEN }).issues;
}

/**
 * Issues of a `POST /v1/password-resets/complete` body: `{ token, password }` or
 * `{ email, code, password }`. Like the union schema, the issues of the one alternative whose
 * members all have the right type; `invalid_union` when neither or both do.
 *
 * @example
 * ```ts
 * checkCompletePasswordResetBody({ email: 'a@example.com', code: '1234', password: 'x' });
 * // [{ path: ['code'], code: 'invalid_format' }]
 * ```
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
 *
 * @example
 * ```ts
 * checkSignInBody({ email: 'a@example.com', password: '' }); // [{ path: ['password'], code: 'required' }]
 * ```
 */
export function checkSignInBody(value: unknown): FieldIssue[] {
  return strict(value, { email: EMAIL, password: PASSWORD }).issues;
}

/**
 * Issues of a `POST /v1/accounts` body (`{ email, password, name? }`); empty when it fits.
 *
 * @example
 * ```ts
 * checkRegisterBody({ email: 'a@example.com', password: 'x', name: '' }); // required on ['name']
 * ```
 */
export function checkRegisterBody(value: unknown): FieldIssue[] {
  return strict(value, { email: EMAIL, password: PASSWORD }, { name: NAME }).issues;
}
