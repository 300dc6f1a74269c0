import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PasswordPolicy } from '../contract/policy.ts';
import { createCommonPasswords } from './common-passwords.ts';
import { evaluatePassword } from './evaluate.ts';
import { isPasswordPolicy } from './index.ts';
import { connectPolicy, nist80063bPolicy } from './presets.ts';

/** Any UTF-16 code unit, lone surrogates included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u));
const anyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.string({ unit: codeUnit, maxLength: 64 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);
const blocklist = createCommonPasswords(['password1', 'sunshine']);
const context = { email: 'ann.smith@example.com', name: 'Ann Smith', blocklist };
const policies = fc.constantFrom(connectPolicy, nist80063bPolicy);

describe('evaluatePassword properties', () => {
  it('never throws, and the score is an integer 0–4, for any string', () => {
    fc.assert(
      fc.property(anyString, policies, (password, policy) => {
        const verdict = evaluatePassword(password, policy, context);
        expect(Number.isInteger(verdict.score)).toBe(true);
        expect(verdict.score).toBeGreaterThanOrEqual(0);
        expect(verdict.score).toBeLessThanOrEqual(4);
        expect(verdict.ok).toBe(verdict.rules.every((r) => r.level !== 'required' || r.ok));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws for 1 MB inputs of any code units', () => {
    fc.assert(
      fc.property(fc.string({ unit: codeUnit, minLength: 1, maxLength: 8 }), (seed) => {
        const huge = seed.repeat(Math.ceil(1_048_576 / seed.length));
        const verdict = evaluatePassword(huge, connectPolicy, context);
        expect(verdict.ok).toBe(false);
        expect(verdict.score).toBe(0);
      }),
      { numRuns: 10 },
    );
  });

  it('gives NFC-equivalent inputs equal verdicts', () => {
    fc.assert(
      fc.property(anyString, policies, (password, policy) => {
        const forms = ['NFC', 'NFD'] as const;
        const [a, b] = forms.map((form) =>
          evaluatePassword(password.normalize(form), policy, context),
        );
        expect(a).toEqual(b);
      }),
      { numRuns: 500 },
    );
  });

  it('appending characters never breaks a passed min_length rule', () => {
    fc.assert(
      fc.property(
        anyString,
        anyString,
        fc.integer({ min: 0, max: 64 }),
        (password, suffix, min) => {
          const policy: PasswordPolicy = {
            id: 'p',
            version: 1,
            rules: [{ id: 'min_length', level: 'required', params: { min } }],
          };
          const before = evaluatePassword(password, policy).rules[0];
          const after = evaluatePassword(password + suffix, policy).rules[0];
          if (before?.ok) expect(after?.ok).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('policies round-trip through JSON', () => {
    const param = fc.oneof(fc.string(), fc.integer(), fc.boolean());
    const rule = fc.record(
      {
        id: fc.constantFrom('min_length', 'max_length', 'digit', 'special', 'future_rule'),
        level: fc.constantFrom('required' as const, 'recommended' as const),
        params: fc.dictionary(fc.string(), param),
      },
      { requiredKeys: ['id', 'level'] },
    );
    const policy = fc.record({ id: fc.string(), version: fc.nat(), rules: fc.array(rule) });
    fc.assert(
      fc.property(policy, anyString, (p, password) => {
        const copy = JSON.parse(JSON.stringify(p)) as unknown;
        expect(isPasswordPolicy(copy)).toBe(true);
        expect(copy).toEqual(p);
        expect(evaluatePassword(password, copy as PasswordPolicy)).toEqual(
          evaluatePassword(password, p),
        );
      }),
      { numRuns: 200 },
    );
    for (const preset of [connectPolicy, nist80063bPolicy]) {
      expect(JSON.parse(JSON.stringify(preset))).toEqual(preset);
    }
  });
});
