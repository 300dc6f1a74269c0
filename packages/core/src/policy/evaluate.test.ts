import { describe, expect, it } from 'vitest';
import type { PasswordPolicy, PolicyRule } from '../contract/policy.ts';
import { createCommonPasswords } from './common-passwords.ts';
import { evaluatePassword } from './evaluate.ts';
import { connectPolicy, nist80063bPolicy } from './presets.ts';

const policy = (...rules: PolicyRule[]): PasswordPolicy => ({ id: 't', version: 1, rules });
const rule = (password: string, r: PolicyRule) =>
  evaluatePassword(password, policy(r)).rules.find((x) => x.id === r.id && x.level === r.level);

describe('min_length', () => {
  const r: PolicyRule = { id: 'min_length', level: 'required', params: { min: 8 } };
  it('fails one code point short and passes at the edge', () => {
    expect(rule('1234567', r)).toEqual({ ...r, ok: false, params: { min: 8, actual: 7 } });
    expect(rule('12345678', r)).toEqual({ ...r, ok: true, params: { min: 8, actual: 8 } });
  });
  it('counts astral characters (emoji) as one code point each', () => {
    expect(rule('😀'.repeat(7), r)?.ok).toBe(false);
    expect(rule('😀'.repeat(8), r)).toMatchObject({ ok: true, params: { actual: 8 } });
  });
  it('does not trim: spaces count', () => {
    expect(rule('  abcd  ', r)).toMatchObject({ ok: true, params: { actual: 8 } });
  });
  it('defaults min to 8 when the parameter is missing or unusable', () => {
    expect(rule('1234567', { id: 'min_length', level: 'required' })?.ok).toBe(false);
    expect(rule('1234567', { ...r, params: { min: 'x' } })).toMatchObject({ params: { min: 8 } });
  });
});

describe('max_length', () => {
  const r: PolicyRule = { id: 'max_length', level: 'required', params: { max: 10 } };
  it('passes at the edge and fails one over', () => {
    expect(rule('a'.repeat(10), r)).toEqual({ ...r, ok: true, params: { max: 10, actual: 10 } });
    expect(rule('a'.repeat(11), r)).toEqual({ ...r, ok: false, params: { max: 10, actual: 11 } });
  });
  it('is always required, even when a policy says recommended', () => {
    const verdict = evaluatePassword('a'.repeat(11), policy({ ...r, level: 'recommended' }));
    expect(verdict.rules[0]).toMatchObject({ level: 'required', ok: false });
    expect(verdict.ok).toBe(false);
  });
  it('is added (128 code points) to a policy that lacks it', () => {
    const verdict = evaluatePassword('a'.repeat(129), policy());
    expect(verdict.rules).toEqual([
      { id: 'max_length', level: 'required', ok: false, params: { max: 128, actual: 129 } },
    ]);
    expect(evaluatePassword('a'.repeat(128), policy()).ok).toBe(true);
  });
  it('rejects more than 1024 UTF-8 bytes whatever max says', () => {
    const big = { ...r, params: { max: 1000 } };
    expect(rule('€'.repeat(341), big)).toMatchObject({ ok: true, params: { actual: 341 } }); // 1023 B
    expect(rule('€'.repeat(342), big)).toEqual({
      ...big,
      ok: false,
      params: { max: 1000, maxBytes: 1024 },
    });
  });
  it('rejects a 1 MB input without examining the other rules', () => {
    const verdict = evaluatePassword('Aa1!'.repeat(262_144), connectPolicy, {
      blocklist: createCommonPasswords([]),
    });
    expect(verdict.ok).toBe(false);
    expect(verdict.score).toBe(0);
    expect(verdict.rules.find((x) => x.id === 'uppercase')).toMatchObject({
      ok: false,
      params: { checked: false },
    });
    expect(verdict.rules.find((x) => x.id === 'min_length')?.ok).toBe(true);
  });
});

describe('composition rules', () => {
  const cases: [string, string, string][] = [
    ['uppercase', 'abc1!', 'abC1!'],
    ['uppercase', 'école', 'École'],
    ['lowercase', 'ABC1!', 'ABc1!'],
    ['lowercase', 'ÉCOLE', 'ÉCOLe'],
    ['digit', 'abc!', 'abc1'],
    ['digit', 'abc', 'abc٣'], // Arabic-Indic three is a decimal digit
    ['special', 'abcABC123', 'abc-ABC'],
    ['special', 'abc', 'a c'], // a space is a special character
    ['special', 'abc', 'abc€'], // so is any symbol, not only the listed examples
  ];
  for (const [id, without, withIt] of cases) {
    it(`${id}: fails on ${JSON.stringify(without)}, passes on ${JSON.stringify(withIt)}`, () => {
      const r: PolicyRule = { id, level: 'required' };
      expect(rule(without, r)).toMatchObject({ ok: false, params: { min: 1, actual: 0 } });
      expect(rule(withIt, r)).toMatchObject({ ok: true, params: { min: 1 } });
    });
  }
  it('special: combining marks are not special characters', () => {
    expect(rule('a\u0301bc', { id: 'special', level: 'required' })?.ok).toBe(false);
    expect(rule('e\u0327\u0301', { id: 'special', level: 'required' })?.ok).toBe(false);
  });
  it('special: echoes the example characters of the policy', () => {
    const r: PolicyRule = { id: 'special', level: 'recommended', params: { chars: '-!@#&$' } };
    expect(rule('a!', r)).toEqual({
      ...r,
      ok: true,
      params: { chars: '-!@#&$', min: 1, actual: 1 },
    });
  });
  it('honours a min count', () => {
    const r: PolicyRule = { id: 'digit', level: 'required', params: { min: 2 } };
    expect(rule('a1', r)?.ok).toBe(false);
    expect(rule('a12', r)?.ok).toBe(true);
  });
});

describe('not_common', () => {
  const r: PolicyRule = { id: 'not_common', level: 'required' };
  const blocklist = createCommonPasswords(['sunshine', 'letmein123']);
  it('is advisory (passes, unchecked) without a blocklist', () => {
    expect(rule('sunshine', r)).toEqual({ ...r, ok: true, params: { checked: false } });
  });
  it('rejects an exact entry in any case', () => {
    const verdict = evaluatePassword('LetMeIn123', policy(r), { blocklist });
    expect(verdict.rules[0]).toEqual({
      ...r,
      ok: false,
      params: { checked: true, match: 'exact' },
    });
    expect(verdict.ok).toBe(false);
  });
  it('rejects an entry with digits or symbols around it', () => {
    const verdict = evaluatePassword('2Sunshine2024!', policy(r), { blocklist });
    expect(verdict.rules[0]).toMatchObject({ ok: false, params: { match: 'base' } });
  });
  it('accepts other passwords', () => {
    const verdict = evaluatePassword('Sunshines2024', policy(r), { blocklist });
    expect(verdict.rules[0]).toEqual({ ...r, ok: true, params: { checked: true } });
  });
  it('accepts any object with a has method as the list', () => {
    const custom = { has: (candidate: string) => candidate.toLowerCase() === 'hunter2hunter2' };
    const verdict = evaluatePassword('Hunter2Hunter2', policy(r), { blocklist: custom });
    expect(verdict.rules[0]).toMatchObject({ ok: false, params: { match: 'exact' } });
  });
  it('drives the score to 0', () => {
    expect(evaluatePassword('LetMeIn123', policy(r)).score).toBeGreaterThan(0);
    expect(evaluatePassword('LetMeIn123', policy(r), { blocklist }).score).toBe(0);
  });
});

describe('not_context', () => {
  const r: PolicyRule = { id: 'not_context', level: 'required' };
  const check = (password: string, context: Parameters<typeof evaluatePassword>[2]) =>
    evaluatePassword(password, policy(r), context).rules[0];
  it("rejects the email's local part, case-insensitively", () => {
    expect(check('xxANN.Smith99', { email: 'ann.smith@example.com' })).toEqual({
      ...r,
      ok: false,
      params: { match: 'email' },
    });
  });
  it('rejects a part of the local part of 4+ characters', () => {
    expect(check('Smith-1234', { email: 'ann.smith@example.com' })?.ok).toBe(false);
    expect(check('Anna-1234', { email: 'ann.smith@example.com' })?.ok).toBe(true);
  });
  it('ignores local parts shorter than 3 characters', () => {
    expect(check('joe-JO-1234', { email: 'jo@example.com' })?.ok).toBe(true);
    expect(check('xJOEx-1234', { email: 'joe@example.com' })?.ok).toBe(false);
  });
  it("rejects the account holder's name and its words", () => {
    expect(check('Garcia!2024', { name: 'María García' })?.ok).toBe(true);
    expect(check('García!2024', { name: 'María García' })).toMatchObject({
      ok: false,
      params: { match: 'name' },
    });
  });
  it('rejects the product words without any context', () => {
    for (const word of ['CodeLocks1', 'myConnect!', 'NETCODE99']) {
      expect(check(word, undefined)).toMatchObject({ ok: false, params: { match: 'product' } });
    }
  });
  it('rejects extra words', () => {
    expect(check('AcmeWidgets1', { extraWords: ['widgets'] })).toMatchObject({
      ok: false,
      params: { match: 'extra' },
    });
  });
  it('matches NFC-equivalent forms', () => {
    expect(check('Jose\u0301-2024', { name: 'JOSÉ' })?.ok).toBe(false);
  });
});

describe('unknown rules', () => {
  it('pass, marked unchecked (a newer server decides)', () => {
    const r: PolicyRule = { id: 'no_emoji', level: 'required' };
    const verdict = evaluatePassword('abc', policy(r));
    expect(verdict.rules[0]).toEqual({ ...r, ok: true, params: { checked: false } });
    expect(verdict.ok).toBe(true);
  });
});

describe('presets', () => {
  const blocklist = createCommonPasswords(['password1']);
  it('connect: accepts a compliant password and reports recommendations', () => {
    const verdict = evaluatePassword('Kx7-mQ2vLp', connectPolicy, { blocklist });
    expect(verdict.ok).toBe(true);
    const failed = verdict.rules.filter((x) => !x.ok).map((x) => `${x.id}:${x.level}`);
    expect(failed).toEqual(['min_length:recommended']);
  });
  it('connect: rejects when any required rule fails, not a recommended one', () => {
    expect(evaluatePassword('kx7mq2vlp', connectPolicy).ok).toBe(false);
    expect(evaluatePassword('Kx7mQ2vLp', connectPolicy).ok).toBe(true);
    expect(evaluatePassword('Password1', connectPolicy, { blocklist }).ok).toBe(false);
  });
  it('nist-800-63b: 15 code points, no composition rules', () => {
    expect(evaluatePassword('a'.repeat(14), nist80063bPolicy).ok).toBe(false);
    expect(evaluatePassword('plain lowercase', nist80063bPolicy).ok).toBe(true);
    expect(nist80063bPolicy.rules.map((x) => x.id)).toEqual([
      'min_length',
      'max_length',
      'not_common',
      'not_context',
    ]);
  });
  it('results follow the policy order, one per rule', () => {
    const verdict = evaluatePassword('x', connectPolicy);
    expect(verdict.rules.map((x) => x.id)).toEqual(connectPolicy.rules.map((x) => x.id));
  });
});

describe('NFC', () => {
  it('counts composed and decomposed é as one code point, with equal verdicts', () => {
    const composed = 'Caf\u00e9-123';
    const decomposed = 'Cafe\u0301-123';
    const a = evaluatePassword(composed, connectPolicy);
    const b = evaluatePassword(decomposed, connectPolicy);
    expect(a).toEqual(b);
    expect(a.rules[0]).toMatchObject({ params: { actual: 8 } });
  });
});

describe('robustness', () => {
  it('never throws on non-string input from untyped callers', () => {
    // @ts-expect-error: testing a JavaScript caller passing garbage
    expect(evaluatePassword(undefined, connectPolicy).ok).toBe(false);
    // @ts-expect-error: a policy without rules
    expect(evaluatePassword('abc', {}).rules).toHaveLength(1);
  });
  it('handles lone surrogates (counted as one code point each)', () => {
    const verdict = evaluatePassword('\ud800Abc1234', connectPolicy);
    expect(verdict.rules[0]).toMatchObject({ ok: true, params: { actual: 8 } });
  });
});
