import type {
  Accepted,
  EmailChanged,
  EmailVerified,
  PasswordResetResult,
  ResetTokenInfo,
  Session,
} from './messages.ts';
import type { PasswordPolicy } from './policy.ts';
import type { Problem } from './problem.ts';

/**
 * Hand-written checks of the answers of the wire contract, for the browser: the same verdicts as
 * the zod schemas in `messages.ts`, `policy.ts` and `problem.ts` (which the server validates
 * with), without bundling zod. `parseX(value)` returns a clean copy with zod's semantics (members
 * the schema does not name are dropped, except on the loose `Problem`), or `null`. Request bodies
 * are checked by `checks.ts`. `guards.test.ts` proves both agree with the schemas on generated,
 * mutated and hostile values.
 */

/** Answers a clean copy of `value`, or `undefined` when it does not fit. */
type Guard<T> = (value: unknown) => T | undefined;
type Shape = Record<string, Guard<unknown>>;
type Scalar = string | number | boolean;

/**
 * `z.object`'s notion of an object: not `null`, not an array.
 */
export const isObject = (value: unknown): value is Record<PropertyKey, unknown> =>
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
 */
export function parseSession(value: unknown): Session | null {
  return session(value) ?? null;
}

const accepted = /* @__PURE__ */ object<Accepted>({ status: /* @__PURE__ */ literal('accepted') });
/**
 * The `{ status: 'accepted' }` answer (the contract's `Accepted`), or `null`.
 */
export function parseAccepted(value: unknown): Accepted | null {
  return accepted(value) ?? null;
}

const passwordResetResult = /* @__PURE__ */ object<PasswordResetResult>(
  { status: /* @__PURE__ */ literal('password_changed'), email: string, activated: boolean },
  { session },
);
/**
 * The answer of `POST /v1/password-resets/complete` (the contract's `PasswordResetResult`), or
 * `null`.
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
 */
export function parseEmailVerified(value: unknown): EmailVerified | null {
  return emailVerified(value) ?? null;
}

const emailChanged = /* @__PURE__ */ object<EmailChanged>({
  status: /* @__PURE__ */ literal('email_changed'),
  email: string,
});
/**
 * The answer of `POST /v1/account/email-changes/confirm` (the contract's `EmailChanged`), or
 * `null`.
 */
export function parseEmailChanged(value: unknown): EmailChanged | null {
  return emailChanged(value) ?? null;
}

const passwordPolicy = /* @__PURE__ */ object<PasswordPolicy>({
  id: string,
  version: number,
  rules: /* @__PURE__ */ array(/* @__PURE__ */ object({ ...ruleFields }, { params })),
});
/**
 * A password policy (the contract's `PasswordPolicy`), or `null`.
 */
export function parsePasswordPolicy(value: unknown): PasswordPolicy | null {
  return passwordPolicy(value) ?? null;
}

const resetTokenInfo = /* @__PURE__ */ object<ResetTokenInfo>(
  {
    email: string,
    expiresAt: string,
    purpose: /* @__PURE__ */ literal('activation', 'reset'),
  },
  { policy: passwordPolicy },
);
/**
 * The answer of `POST /v1/password-resets/verify` (the contract's `ResetTokenInfo`, with the
 * policy in force when the server sends it), or `null`.
 */
export function parseResetTokenInfo(value: unknown): ResetTokenInfo | null {
  return resetTokenInfo(value) ?? null;
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
 */
export function parseProblem(value: unknown): Problem | null {
  return problem(value) ?? null;
}
