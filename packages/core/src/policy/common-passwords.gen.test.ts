import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS } from './common-passwords.gen.ts';
import { commonPasswordBase, decodeCommonPasswords, MIN_BASE_LENGTH } from './common-passwords.ts';

/** The generated list, decoded line by line (the order and shape matter here, not just `has`). */
function entries(): string[] {
  const out: string[] = [];
  let prev = '';
  for (const line of COMMON_PASSWORDS.split('\n')) {
    const entry = prev.slice(0, line.charCodeAt(0) - 48) + line.slice(1);
    out.push(entry);
    prev = entry;
  }
  return out;
}

describe('common-passwords.gen.ts', () => {
  const list = entries();
  const set = new Set(list);

  it('is sorted, without duplicates, in NFC lower case', () => {
    expect(list).toEqual([...set].sort());
    for (const entry of list) expect(entry).toBe(entry.normalize('NFC').toLowerCase());
  });

  it('keeps only entries the policy can use', () => {
    const letter = /\p{L}/u;
    for (const entry of list) {
      const chars = Array.from(entry);
      const n = chars.length;
      const usable =
        n >= 15 ||
        (n >= 8 && letter.test(entry)) ||
        (n >= MIN_BASE_LENGTH && letter.test(chars[0] ?? '') && letter.test(chars.at(-1) ?? ''));
      expect(usable, entry).toBe(true);
    }
  });

  it('drops entries already covered by their base', () => {
    for (const entry of list) {
      const base = commonPasswordBase(entry);
      if (base !== undefined) expect(set.has(base), entry).toBe(false);
    }
  });

  it('decodes to the same entries through decodeCommonPasswords', () => {
    expect(decodeCommonPasswords(COMMON_PASSWORDS).size).toBe(list.length);
    expect(list.length).toBeGreaterThan(5000);
  });
});
