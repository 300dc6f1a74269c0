/**
 * Conformance: the client's hand-written guards (`guards.ts` for answers, `checks.ts` for
 * request bodies) and the zod schemas the server validates with must give the same verdict on
 * every value, the same clean copy for answers and the same field issues for request bodies. Values come from arbitraries built to match each schema, then
 * mutated (members deleted, replaced by hostile values, added — `__proto__` and friends
 * included — or wrapped in arrays), plus hostile values of every kind.
 */
import { inspect, isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { canonicalizeEmail } from './canonical-email.ts';
import * as checks from './checks.ts';
import * as guards from './guards.ts';
import * as messages from './messages.ts';
import { PasswordPolicy } from './policy.ts';
import { type FieldIssue, Problem } from './problem.ts';

const RUNS = 1500;
const PROTOTYPE_BEFORE = Object.getOwnPropertyNames(Object.prototype).sort();

// ---- The reference: zod issues → field issues, as the client mapped them before the guards ----

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message?: string;
  keys?: string[];
}

function issuesFromZod(issues: readonly ZodIssueLike[], value: unknown): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys ?? []) out.push({ path: [...path, key], code: 'unknown_field' });
      continue;
    }
    const input = valueAt(value, path);
    const code =
      issue.code === 'too_small'
        ? input === ''
          ? 'required'
          : 'too_short'
        : issue.code === 'too_big'
          ? 'too_long'
          : issue.code === 'invalid_type'
            ? input === undefined
              ? 'required'
              : 'invalid_type'
            : issue.code === 'custom'
              ? (issue.message ?? 'invalid')
              : issue.code;
    out.push({ path, code });
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

/**
 * The guard's copy is the schema's: same prototypes, own keys and values (`Object.is`). Not
 * `toStrictEqual`: it also requires `a.constructor === b.constructor`, and a hostile value may
 * carry an own `constructor` member of NaN — in both copies, and never equal to itself.
 */
function expectSameCopy(guardCopy: unknown, schemaCopy: unknown): void {
  const message = `guard copy ${inspect(guardCopy)} ≠ schema copy ${inspect(schemaCopy)}`;
  expect(isDeepStrictEqual(guardCopy, schemaCopy), message).toBe(true);
}

// ---- Values ----

type Bag = Record<PropertyKey, unknown>;
const define = (target: object, key: PropertyKey, value: unknown): void => {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
};
const isContainer = (v: unknown): v is Bag =>
  Array.isArray(v) ||
  (typeof v === 'object' &&
    v !== null &&
    [Object.prototype, null].includes(Object.getPrototypeOf(v) as object | null));

/** Deep copy of arrays (holes kept) and plain or null-prototype objects (`__proto__` kept own). */
function clone(v: unknown): unknown {
  if (!isContainer(v)) return v;
  const copy: Bag = Array.isArray(v)
    ? new Array(v.length)
    : Object.create(Object.getPrototypeOf(v) as object | null);
  for (const key of Object.keys(v)) define(copy, key, clone(v[key]));
  return copy;
}

function containers(v: unknown, out: Bag[] = []): Bag[] {
  if (isContainer(v)) {
    out.push(v);
    for (const key of Object.keys(v)) containers(v[key], out);
  }
  return out;
}

const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];
const MEMBERS = [
  ...['status', 'email', 'expiresAt', 'purpose', 'accessToken', 'tokenType', 'account', 'id'],
  ...['name', 'session', 'activated', 'version', 'rules', 'level', 'params', 'ok', 'code'],
  ...['path', 'issues', 'type', 'title', 'detail', 'instance', 'retryAfterMs', 'token'],
  'password',
  'policy',
];
const LITERALS = ['accepted', 'Bearer', 'bearer', 'reset', 'activation', 'required', 'recommended'];
const HUGE = 'x'.repeat(300_000);

const key = fc.oneof(fc.constantFrom(...HOSTILE_KEYS, ...MEMBERS), fc.string());
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, undefined, Number.NaN, Number.POSITIVE_INFINITY, -0, 1.5, '', HUGE, true),
  fc.constantFrom(...LITERALS, 'verified', 'password_changed'),
  fc
    .constantFrom(0, 1, 2, 3, 4)
    .map((i) => [Object.create(null), [], {}, [undefined], new Date(0)][i] as unknown),
  fc.anything({
    key,
    maxDepth: 2,
    withNullPrototype: true,
    withBoxedValues: true,
    withSparseArray: true,
    withDate: true,
    withMap: true,
    withBigInt: true,
  }),
);

const mutation = fc.record({
  at: fc.nat(),
  pick: fc.nat(),
  op: fc.constantFrom('delete', 'replace', 'add', 'wrap'),
  key,
  value: hostile,
});

/** `valid` with one to three mutations somewhere inside. */
function mutated(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(valid, fc.array(mutation, { minLength: 1, maxLength: 3 }))
    .map(([value, steps]) => {
      const root = clone(value);
      for (const { at, pick, op, key: added, value: replacement } of steps) {
        const all = containers(root);
        const target = all[at % Math.max(1, all.length)];
        if (!target) break;
        const keys = Object.keys(target);
        const chosen = keys[pick % Math.max(1, keys.length)];
        if (op === 'add' && !(Array.isArray(target) && added === 'length')) {
          define(target, added, clone(replacement));
        } else if (chosen !== undefined) {
          if (op === 'delete') delete target[chosen];
          else define(target, chosen, op === 'wrap' ? [target[chosen]] : clone(replacement));
        }
      }
      return root;
    });
}

const str = fc.oneof({ weight: 20, arbitrary: fc.string() }, fc.constantFrom('', HUGE));
const num = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
const params = fc.dictionary(key, fc.oneof(str, num, fc.boolean()), { maxKeys: 4 });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, fc.constant(undefined));
const account = fc.record(
  { id: str, email: str, name: fc.oneof(str, fc.constant(null), fc.constant(undefined)) },
  { requiredKeys: ['id', 'email'] },
);
const session = fc.record({
  accessToken: str,
  tokenType: fc.constant('Bearer'),
  expiresAt: str,
  account,
});
const level = fc.constantFrom('required', 'recommended');
const rule = fc.record(
  { id: str, level, params: maybe(params) },
  { requiredKeys: ['id', 'level'] },
);
const policy = fc.record({ id: str, version: num, rules: fc.array(rule, { maxLength: 4 }) });
const ruleResult = fc.record(
  { id: str, level, ok: fc.boolean(), params: maybe(params) },
  { requiredKeys: ['id', 'level', 'ok'] },
);
const fieldIssue = fc.record({ path: fc.array(fc.oneof(fc.string(), num)), code: str });

const ANSWERS: [string, z.ZodMiniType, (value: unknown) => unknown, fc.Arbitrary<unknown>][] = [
  [
    'Accepted',
    messages.Accepted,
    guards.parseAccepted,
    fc.record({ status: fc.constant('accepted') }),
  ],
  [
    'ResetTokenInfo',
    messages.ResetTokenInfo,
    guards.parseResetTokenInfo,
    fc.record(
      {
        email: str,
        expiresAt: str,
        purpose: fc.constantFrom('activation', 'reset'),
        // The policy in force rides along (optional: older servers omit it).
        policy: maybe(policy),
      },
      { requiredKeys: ['email', 'expiresAt', 'purpose'] },
    ),
  ],
  ['Session', messages.Session, guards.parseSession, session],
  [
    'PasswordResetResult',
    messages.PasswordResetResult,
    guards.parsePasswordResetResult,
    fc.record(
      {
        status: fc.constant('password_changed'),
        email: str,
        activated: fc.boolean(),
        session: maybe(session),
      },
      { requiredKeys: ['status', 'email', 'activated'] },
    ),
  ],
  [
    'EmailVerified',
    messages.EmailVerified,
    guards.parseEmailVerified,
    fc.record({ status: fc.constant('verified'), email: str }),
  ],
  [
    'EmailChanged',
    messages.EmailChanged,
    guards.parseEmailChanged,
    fc.record({ status: fc.constant('email_changed'), email: str }),
  ],
  ['PasswordPolicy', PasswordPolicy, guards.parsePasswordPolicy, policy],
  [
    'Problem',
    Problem,
    guards.parseProblem,
    fc.record(
      {
        ...{ type: str, title: str, status: num, detail: str, instance: str, code: str },
        issues: fc.array(fieldIssue, { maxLength: 3 }),
        rules: fc.array(ruleResult, { maxLength: 3 }),
        retryAfterMs: num,
      },
      { requiredKeys: ['code'] },
    ),
  ],
];

describe.each(ANSWERS)('%s: guard ⇔ schema', (_name, schema, guard, valid) => {
  it('accepts every value built to match the schema, with the same clean copy', () => {
    fc.assert(
      fc.property(valid, (value) => {
        const result = schema.safeParse(value);
        expect(result.success).toBe(true);
        expectSameCopy(guard(value), result.data);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees on mutated and hostile values (verdict and copy), and both verdicts occur', () => {
    const verdicts = { accepted: 0, rejected: 0 };
    fc.assert(
      fc.property(fc.oneof({ weight: 6, arbitrary: mutated(valid) }, hostile), (value) => {
        const result = schema.safeParse(value);
        const parsed = guard(value);
        expect(parsed !== null).toBe(result.success);
        if (result.success) expectSameCopy(parsed, result.data);
        verdicts[result.success ? 'accepted' : 'rejected']++;
      }),
      { numRuns: RUNS },
    );
    expect(verdicts.rejected).toBeGreaterThan(RUNS / 10);
    expect(verdicts.accepted).toBeGreaterThan(RUNS / 50);
  });
});

describe('answer semantics pinned by example', () => {
  it('drops unknown members, except on the loose Problem (and never copies __proto__)', () => {
    expect(guards.parseAccepted({ status: 'accepted', extra: 1 })).toStrictEqual({
      status: 'accepted',
    });
    const json = JSON.parse('{"code":"x","extra":{"a":1},"__proto__":{"polluted":true}}');
    const problem = guards.parseProblem(json);
    expect(problem).toStrictEqual({ code: 'x', extra: { a: 1 } });
    expect(Object.getPrototypeOf(problem)).toBe(Object.prototype);
    expect(problem).toStrictEqual(Problem.parse(json));
  });

  it('keeps a loose Problem member named constructor, NaN included, as the schema does', () => {
    // The counterexample CI found: both copies hold `constructor: NaN`, which toStrictEqual
    // cannot compare (see expectSameCopy).
    const value = { code: '', retryAfterMs: 0, constructor: Number.NaN };
    const problem = guards.parseProblem(value);
    expect(Object.getPrototypeOf(problem)).toBe(Object.prototype);
    expect(Object.hasOwn(problem ?? {}, 'constructor')).toBe(true);
    expectSameCopy(problem, Problem.parse(value));
    // …and the comparison still tells copies apart.
    expect(() => expectSameCopy({ ...value, retryAfterMs: -0 }, value)).toThrow(/≠/);
    expect(() => expectSameCopy(Object.assign(Object.create(null), value), value)).toThrow(/≠/);
    expect(() => expectSameCopy({ ...value, extra: undefined }, value)).toThrow(/≠/);
  });

  it('rejects NaN, Infinity, arrays for objects, sparse arrays and non-plain params', () => {
    const policy = { id: 'p', version: 1, rules: [{ id: 'r', level: 'required' }] };
    const cases = [
      { ...policy, version: Number.NaN },
      { ...policy, version: Number.POSITIVE_INFINITY },
      [policy],
      // biome-ignore lint/suspicious/noSparseArray: a hole is the point
      { ...policy, rules: [, policy.rules[0]] },
      { ...policy, rules: [{ ...policy.rules[0], params: new Date(0) }] },
      { ...policy, rules: [{ ...policy.rules[0], params: [] }] },
    ];
    for (const value of cases) {
      expect(guards.parsePasswordPolicy(value)).toBeNull();
      expect(PasswordPolicy.safeParse(value).success).toBe(false);
    }
  });

  it('ResetTokenInfo carries the policy in force when present, and is valid without it', () => {
    const info = { email: 'a@example.com', expiresAt: '2026-01-01T00:00:00Z', purpose: 'reset' };
    const policy = { id: 'p', version: 1, rules: [{ id: 'digit', level: 'required' }] };
    const cases: unknown[] = [
      info,
      { ...info, policy },
      { ...info, policy: undefined },
      { ...info, policy: { ...policy, extra: true } }, // unknown member dropped, like zod
      { ...info, policy: { ...policy, version: '1' } },
      { ...info, policy: null },
      { ...info, policy: [policy] },
      { ...info, policy: { ...policy, rules: [{ id: 'digit', level: 'maybe' }] } },
    ];
    const verdicts = cases.map((value) => guards.parseResetTokenInfo(value) !== null);
    expect(verdicts).toEqual([true, true, true, true, false, false, false, false]);
    for (const value of cases) {
      const result = messages.ResetTokenInfo.safeParse(value);
      expectSameCopy(guards.parseResetTokenInfo(value), result.success ? result.data : null);
    }
    expect(guards.parseResetTokenInfo({ ...info, policy })?.policy).toStrictEqual(policy);
    expect(guards.parseResetTokenInfo(info)).not.toHaveProperty('policy');
  });

  it('isPasswordPolicy matches the zod schema', () => {
    fc.assert(
      fc.property(fc.oneof(mutated(ANSWERS[5]?.[3] as fc.Arbitrary<unknown>), hostile), (value) => {
        expect(guards.isPasswordPolicy(value)).toBe(PasswordPolicy.safeParse(value).success);
      }),
      { numRuns: 500 },
    );
  });
});

// ---- Requests ----

const canonicalEmail = fc
  .emailAddress()
  .map((e) => canonicalizeEmail(e))
  .filter((e): e is string => e !== null);
const token = fc.stringMatching(/^[A-Za-z0-9_-]{16,64}$/);
const code = fc.stringMatching(/^\d{8}$/);
const password = fc.string({ minLength: 1, maxLength: 64 });
const edge = fc.constantFrom(
  ...['', ' ', 'ab', 'a@b.co', ' Owner@Example.COM ', 'a@b.co\r\nBcc: x@y.z', '1234 5678'],
  ...['a'.repeat(15), 'a'.repeat(16), 'a'.repeat(512), 'a'.repeat(513), 'short!', '12345678'],
  ...['p'.repeat(1024), 'p'.repeat(1025), 'n'.repeat(200), 'n'.repeat(201), 'e'.repeat(1017)],
  // zod counts code points: astral characters are two UTF-16 units but one character.
  ...[
    '😀'.repeat(8),
    '😀'.repeat(16),
    '😀'.repeat(600),
    '😀'.repeat(1025),
    '😀'.repeat(150),
    '\uD83D',
  ],
  // Lone surrogates (#8 item 5): refused, never replaced by U+FFFD.
  ...['Harbour-42\uD800', 'Harbour-42\uDC00', '\uDC00\uD800', 'a\uD800@example.com'],
);
const anyField = fc.oneof(
  ...[canonicalEmail, token, code, password, edge, fc.string(), hostile],
  fc.string({ unit: 'binary', maxLength: 300 }),
);

const REQUESTS: [
  string,
  z.ZodMiniType,
  (value: unknown) => FieldIssue[],
  Record<string, fc.Arbitrary<unknown>>[],
][] = [
  [
    'RequestPasswordResetBody',
    messages.RequestPasswordResetBody,
    checks.checkRequestPasswordResetBody,
    [{ email: canonicalEmail }],
  ],
  ['VerifyResetTokenBody', messages.VerifyResetTokenBody, checks.checkTokenBody, [{ token }]],
  ['VerifyEmailBody', messages.VerifyEmailBody, checks.checkTokenBody, [{ token }]],
  [
    'CompletePasswordResetBody',
    messages.CompletePasswordResetBody,
    checks.checkCompletePasswordResetBody,
    [
      { token, password },
      { email: canonicalEmail, code, password },
    ],
  ],
  [
    'SignInBody',
    messages.SignInBody,
    checks.checkSignInBody,
    [{ email: canonicalEmail, password }],
  ],
  [
    'RegisterBody',
    messages.RegisterBody,
    checks.checkRegisterBody,
    [
      { email: canonicalEmail, password },
      { email: canonicalEmail, password, name: fc.string({ minLength: 1, maxLength: 200 }) },
      {
        email: canonicalEmail,
        password,
        locale: fc.constantFrom('fr', 'en-GB', 'de-AT', 'zh-Hant-TW'),
      },
    ],
  ],
  [
    'ChangePasswordBody',
    messages.ChangePasswordBody,
    checks.checkChangePasswordBody,
    [{ currentPassword: password, newPassword: password }],
  ],
  [
    'RequestEmailChangeBody',
    messages.RequestEmailChangeBody,
    checks.checkRequestEmailChangeBody,
    [{ newEmail: canonicalEmail, password }],
  ],
  ['ConfirmEmailChangeBody', messages.ConfirmEmailChangeBody, checks.checkTokenBody, [{ token }]],
];

describe.each(REQUESTS)('%s: check ⇔ schema', (_name, schema, check, shapes) => {
  const valid = fc.oneof(...shapes.map((shape) => fc.record(shape)));
  // Any subset of the members of every shape, each with any value.
  const members = Object.fromEntries(
    shapes.flatMap((shape) => Object.keys(shape)).map((name) => [name, anyField]),
  );
  const loose = fc.record(members, { requiredKeys: [] });

  it('passes every valid body', () => {
    fc.assert(
      fc.property(valid, (value) => {
        expect(schema.safeParse(value).success).toBe(true);
        expect(check(value)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('reports exactly the field issues the schema reports, on any value', () => {
    let rejected = 0;
    fc.assert(
      fc.property(fc.oneof(loose, mutated(valid), mutated(loose), hostile), (value) => {
        const result = schema.safeParse(value);
        const issues = check(value);
        expect(issues.length === 0).toBe(result.success);
        if (!result.success) {
          rejected++;
          expect(issues).toEqual(issuesFromZod(result.error.issues as ZodIssueLike[], value));
        }
      }),
      { numRuns: RUNS },
    );
    expect(rejected).toBeGreaterThan(RUNS / 2);
  });
});

describe('request semantics pinned by example', () => {
  it('#8 item 5: a lone surrogate in a password or name is invalid_unicode, in an email invalid_email — client and schema alike', () => {
    for (const password of ['Harbour-Lantern-42\ud800', 'Harbour-Lantern-42\udc00']) {
      const body = { email: 'a@example.com', password, name: 'Ann\udfff' };
      const expected = [
        { path: ['password'], code: 'invalid_unicode' },
        { path: ['name'], code: 'invalid_unicode' },
      ];
      expect(checks.checkRegisterBody(body)).toEqual(expected);
      const result = messages.RegisterBody.safeParse(body);
      expect(result.success).toBe(false);
      expect(issuesFromZod((result.error?.issues ?? []) as ZodIssueLike[], body)).toEqual(expected);
    }
    expect(checks.checkSignInBody({ email: 'a\ud800@example.com', password: 'x' })).toEqual([
      { path: ['email'], code: 'invalid_email' },
    ]);
    // A well-formed pair is one code point, and fine.
    expect(checks.checkSignInBody({ email: 'a@example.com', password: 'Harbour-🔑-42' })).toEqual(
      [],
    );
  });

  it('reports every failing check of a member, then unknown members (prototype keys too)', () => {
    const body = JSON.parse('{"token":"short!","password":"","__proto__":1,"constructor":2}');
    expect(checks.checkCompletePasswordResetBody(body)).toEqual([
      { path: ['token'], code: 'too_short' },
      { path: ['token'], code: 'invalid_format' },
      { path: ['password'], code: 'required' },
      { path: ['__proto__'], code: 'unknown_field' },
      { path: ['constructor'], code: 'unknown_field' },
    ]);
    expect(checks.checkSignInBody({ email: 'x', password: 5 })).toEqual([
      { path: ['email'], code: 'too_short' },
      { path: ['email'], code: 'invalid_email' },
      { path: ['password'], code: 'invalid_type' },
    ]);
    expect(checks.checkRegisterBody({ email: 'a@b.co', password: 'x', name: undefined })).toEqual(
      [],
    );
    // Lengths in code points, like zod: 600 emoji are 1,200 UTF-16 units but within 1,024.
    expect(checks.checkSignInBody({ email: 'a@b.co', password: '😀'.repeat(600) })).toEqual([]);
    expect(checks.checkSignInBody({ email: 'a@b.co', password: '😀'.repeat(1025) })).toEqual([
      { path: ['password'], code: 'too_long' },
    ]);
  });

  it('leaves Object.prototype untouched after all the fuzzing above', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_BEFORE);
    expect('polluted' in {}).toBe(false);
  });
});
