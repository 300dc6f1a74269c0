import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluatePassword } from './evaluate.ts';
import { connectPolicy } from './presets.ts';
import { codePointLength, MAX_RAW_UNITS, measure, utf8Length } from './text.ts';

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u));

describe('utf8Length', () => {
  it('equals what TextEncoder writes, lone surrogates included', () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: codeUnit })), (s) => {
        expect(utf8Length(s)).toBe(encoder.encode(s).length);
      }),
      { numRuns: 500 },
    );
  });
});

describe('codePointLength', () => {
  it('equals Array.from(s).length', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: codeUnit })), (s) => {
        expect(codePointLength(s)).toBe(Array.from(s).length);
      }),
      { numRuns: 500 },
    );
  });
  it('counts an emoji as one and a ZWJ family as its code points', () => {
    expect(codePointLength('😀')).toBe(1);
    expect(codePointLength('👨‍👩‍👧')).toBe(5);
  });
});

describe('measure', () => {
  it('normalizes to NFC and lower-cases a copy', () => {
    expect(measure('E\u0301TÉ')).toEqual({ nfc: 'ÉTÉ', lower: 'été', length: 3, oversized: false });
  });
  it('marks inputs over 1024 bytes after NFC as oversized', () => {
    expect(measure('a'.repeat(1024)).oversized).toBe(false);
    expect(measure('a'.repeat(1025)).oversized).toBe(true);
  });
  it('does not normalize inputs over the raw cap', () => {
    const huge = 'x'.repeat(MAX_RAW_UNITS + 1);
    expect(measure(huge)).toEqual({ nfc: '', lower: '', length: 0, oversized: true });
  });
  it('gives equal verdicts to NFC and NFD forms around both caps', () => {
    // U+1F87 decomposes into 4 code units (3 bytes composed): the worst case for NFC shrinking.
    const policy = {
      ...connectPolicy,
      rules: [{ id: 'max_length', level: 'required' as const, params: { max: 1000 } }],
    };
    for (const count of [341, 342, 2100, 2200]) {
      const composed = '\u1f87'.repeat(count);
      const decomposed = composed.normalize('NFD');
      expect(decomposed.length).toBe(4 * count);
      expect(evaluatePassword(decomposed, policy)).toEqual(evaluatePassword(composed, policy));
      expect(evaluatePassword(composed, policy).ok).toBe(count === 341);
    }
  });
});
