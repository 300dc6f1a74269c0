import { describe, expect, it } from 'vitest';
import { createCommonPasswords } from './common-passwords.ts';
import { evaluatePassword } from './evaluate.ts';
import { connectPolicy, nist80063bPolicy } from './presets.ts';
import { estimateBits, scoreFromBits } from './score.ts';

describe('estimateBits', () => {
  it('is length × log2(pool) for a plain password', () => {
    expect(estimateBits('kdjsleow')).toBeCloseTo(8 * Math.log2(26));
    expect(estimateBits('Kdjs7e-w')).toBeCloseTo(8 * Math.log2(26 + 26 + 10 + 33));
    expect(estimateBits('kdjsé')).toBeCloseTo(5 * Math.log2(126));
  });
  it('does not count repeats or neighbours in Unicode order', () => {
    expect(estimateBits('aaaaaaaaaaaa')).toBeCloseTo(Math.log2(26));
    expect(estimateBits('abcdefgh')).toBeCloseTo(Math.log2(26));
    expect(estimateBits('87654321')).toBeCloseTo(Math.log2(10));
  });
  it('counts a whole repetition once', () => {
    expect(estimateBits('kx7q'.repeat(4))).toBeCloseTo(estimateBits('kx7q'));
  });
  it('discounts context words', () => {
    expect(estimateBits('kdjsleow', 5)).toBeCloseTo(3 * Math.log2(26));
    expect(estimateBits('kd', 5)).toBe(0);
  });
  it('is 0 for the empty string', () => {
    expect(estimateBits('')).toBe(0);
  });
});

describe('scoreFromBits', () => {
  it('maps the thresholds 25, 40, 50, 80', () => {
    expect([0, 24.9, 25, 39.9, 40, 49.9, 50, 79.9, 80, 500].map(scoreFromBits)).toEqual([
      0, 0, 1, 1, 2, 2, 3, 3, 4, 4,
    ]);
    expect(scoreFromBits(Number.NaN)).toBe(0);
  });
});

describe('score in evaluatePassword', () => {
  const s = (p: string) => evaluatePassword(p, connectPolicy).score;
  it('orders typical passwords sensibly', () => {
    expect(s('aaaaaaaa')).toBe(0);
    expect(s('abcd1234')).toBe(0);
    expect(s('kdjsleow')).toBe(1);
    expect(s('Kdjsle7w')).toBe(2);
    expect(s('Kd7-sle9wQ!z')).toBe(3);
    // Random upper + lower + digits, 10 characters (59.5 bits): 3, as zxcvbn scores it.
    expect(s('q7Rm2XwK9d')).toBe(3);
    expect(s('correct horse battery staple')).toBe(4);
  });
  it('drops for a password made of the account email', () => {
    const plain = evaluatePassword('Zq9-annsmith', nist80063bPolicy).score;
    const withEmail = evaluatePassword('Zq9-annsmith', nist80063bPolicy, {
      email: 'annsmith@example.com',
    }).score;
    expect(withEmail).toBeLessThan(plain);
  });
  it('is 0 for a common password', () => {
    const blocklist = createCommonPasswords(['trustno1trustno1']);
    expect(s('TrustNo1TrustNo2')).toBeGreaterThan(0);
    expect(evaluatePassword('TrustNo1TrustNo1', connectPolicy, { blocklist }).score).toBe(0);
  });
});
