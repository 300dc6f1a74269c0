import { describe, expect, it } from 'vitest';
import { normalizeResetCode } from './normalize-code.ts';

describe('normalizeResetCode', () => {
  it.each([
    ['12345678', '12345678'],
    ['1234 5678', '12345678'],
    [' 1234-5678 ', '12345678'],
    ['1234\u20135678', '12345678'],
    ['１２３４５６７８', '12345678'],
    ['1234\u00a05678', '12345678'],
    ['12ab', '12ab'],
  ])('%j → %j', (input, output) => {
    expect(normalizeResetCode(input)).toBe(output);
  });
});
