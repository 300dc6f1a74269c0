import { describe, expect, it } from 'vitest';
import {
  commonPasswordBase,
  createCommonPasswords,
  decodeCommonPasswords,
  isCommonPassword,
  loadCommonPasswords,
} from './common-passwords.ts';

describe('decodeCommonPasswords', () => {
  it('decodes front-coded lines', () => {
    const list = decodeCommonPasswords('0password\n8123\n2ss\n0qwerty\n');
    expect(list.size).toBe(4);
    for (const entry of ['password', 'password123', 'pass', 'qwerty']) {
      expect(list.has(entry)).toBe(true);
    }
    expect(list.has('password1')).toBe(false);
  });
});

describe('CommonPasswords.has', () => {
  it('normalizes case and Unicode form', () => {
    const list = createCommonPasswords(['ÉTÉ2024été']);
    expect(list.has('e\u0301te\u03012024E\u0301TE\u0301')).toBe(true);
  });
  it('is false for absurd candidates rather than slow', () => {
    expect(createCommonPasswords(['a']).has('a'.repeat(10_000))).toBe(false);
  });
});

describe('commonPasswordBase', () => {
  it('strips leading and trailing digits, symbols and spaces', () => {
    expect(commonPasswordBase('!!sunshine2024!')).toBe('sunshine');
    expect(commonPasswordBase('sunshine')).toBeUndefined();
    expect(commonPasswordBase('sun2024!!')).toBeUndefined();
    expect(commonPasswordBase('summer2024')).toBe('summer');
    expect(commonPasswordBase('12summe')).toBeUndefined();
    expect(commonPasswordBase('12345678')).toBeUndefined();
    expect(commonPasswordBase('pass word1')).toBe('pass word');
  });
});

describe('isCommonPassword', () => {
  const list = createCommonPasswords(['sunshine', 'password1']);
  it('tells exact and base matches apart', () => {
    expect(isCommonPassword(list, 'Password1')).toBe('exact');
    expect(isCommonPassword(list, 'SUNSHINE99')).toBe('base');
    expect(isCommonPassword(list, 'sunshines99')).toBeUndefined();
  });
});

describe('loadCommonPasswords', () => {
  it('loads the generated list once', async () => {
    const first = loadCommonPasswords();
    expect(loadCommonPasswords()).toBe(first);
    const list = await first;
    expect(list.size).toBeGreaterThan(3000);
  });
  it('covers well-known common passwords of 8+ characters', async () => {
    const list = await loadCommonPasswords();
    for (const p of ['Password', 'baseball', 'iloveyou', 'trustno1', '1qaz2wsx', 'Qwertyuiop']) {
      expect(isCommonPassword(list, p), p).toBeDefined();
    }
    for (const p of ['Password1', 'Sunshine2024!', 'Football!!', 'Summer2024', 'Qwerty123!']) {
      expect(isCommonPassword(list, p), p).toBeDefined();
    }
    for (const p of ['Kx7-mQ2vLp', 'Master-Plan-99', 'Blue!7391xq']) {
      expect(isCommonPassword(list, p), p).toBeUndefined();
    }
  });
});
