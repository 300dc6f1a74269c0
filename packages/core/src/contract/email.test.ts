import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalizeEmail, Email, MAX_EMAIL_LENGTH } from './email.ts';

describe('canonicalizeEmail', () => {
  it.each([
    ['  Owner@Example.COM ', 'Owner@example.com'],
    ['a@bücher.de', 'a@xn--bcher-kva.de'],
    ['a@BÜCHER.de', 'a@xn--bcher-kva.de'],
    ['first.last+tag@sub.example.co.uk', 'first.last+tag@sub.example.co.uk'],
    ['Jose\u0301@example.com', 'Jos\u00e9@example.com'], // NFC
  ])('%j → %j', (input, output) => {
    expect(canonicalizeEmail(input)).toBe(output);
  });

  it.each([
    ['CR/LF header injection', 'a@b.co\r\nBcc: x@y.z'],
    ['LF', 'a@b.co\n'.concat('x')],
    ['NUL', 'a\u0000@b.co'],
    ['other control', 'a\u0007@b.co'],
    ['line separator inside', 'a\u2028b@b.co'],
    ['CR inside the domain', 'a@b\r.co'],
    ['no @', 'example.com'],
    ['empty local part', '@example.com'],
    ['empty domain', 'a@'],
    ['space inside', 'a b@example.com'],
    ['two @', 'a@b@example.com'],
    ['no dot in domain', 'a@localhost'],
    ['path in domain', 'a@example.com/x'],
    ['port in domain', 'a@example.com:25'],
    ['IP literal', 'a@[127.0.0.1]'],
    ['double dot', 'a@example..com'],
    ['local part > 64', `${'a'.repeat(65)}@example.com`],
    [
      '> 254 characters',
      `${'a'.repeat(60)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.com`,
    ],
    ['huge input', `${'a'.repeat(5000)}@example.com`],
  ])('rejects %s', (_name, input) => {
    expect(canonicalizeEmail(input)).toBeNull();
  });

  it('trims surrounding whitespace, line breaks included, so the result never holds one', () => {
    expect(canonicalizeEmail('a@b.co\r\n')).toBe('a@b.co');
    expect(canonicalizeEmail('\u2028a@b.co')).toBe('a@b.co');
  });

  it('#8 item 5: refuses lone surrogates instead of letting them collide as U+FFFD', () => {
    for (const input of ['a\ud800@example.com', 'a\udc00@example.com', 'a@exam\ud800ple.com']) {
      expect(canonicalizeEmail(input)).toBeNull();
    }
    expect(canonicalizeEmail('a\ufffd@example.com')).toBe('a\ufffd@example.com');
    expect(canonicalizeEmail('🔑@example.com')).toBe('🔑@example.com');
  });

  it('#8 item 6: refuses IP literals and numeric hosts, whatever their spelling', () => {
    for (const input of [
      'a@2130706433',
      'a@0x7f.1',
      'a@0x7f000001',
      'a@127.0.0.1',
      'a@0177.0.0.1',
      'a@169.254.169.254',
      'a@127.1',
      'a@１２７.0.0.1',
      'a@[127.0.0.1]',
      'a@[::1]',
      'a@[IPv6:::1]',
      'a@example.123',
      'a@10.0.0.1.',
    ]) {
      expect(canonicalizeEmail(input), input).toBeNull();
    }
    // Digits elsewhere in a DNS name are fine.
    expect(canonicalizeEmail('a@1e100.net')).toBe('a@1e100.net');
    expect(canonicalizeEmail('a@123.example.com')).toBe('a@123.example.com');
    expect(canonicalizeEmail('a@mail.0x7f.io')).toBe('a@mail.0x7f.io');
  });

  it('rejects non-strings', () => {
    expect(canonicalizeEmail(['a@b.co'] as never)).toBeNull();
    expect(canonicalizeEmail(undefined as never)).toBeNull();
  });

  it('accepts exactly 254 characters and no more', () => {
    const domain = `${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.com`; // 194
    const at254 = `${'a'.repeat(254 - 1 - domain.length)}@${domain}`;
    expect(at254).toHaveLength(MAX_EMAIL_LENGTH);
    expect(canonicalizeEmail(at254)).toBe(at254);
    expect(canonicalizeEmail(`a${at254}`)).toBeNull();
  });

  it('is idempotent on every input (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.emailAddress(),
          fc.string(),
          fc
            .tuple(fc.string(), fc.domain())
            .map(([local, domain]) => `${local}@${domain.toUpperCase()}`),
          fc
            .tuple(fc.emailAddress(), fc.constantFrom(' ', '\t', 'Ü', 'ß', 'İ', '\u0301'))
            .map(([e, x]) => `${x}${e}${x}`),
        ),
        (input) => {
          const once = canonicalizeEmail(input);
          if (once !== null) {
            expect(canonicalizeEmail(once)).toBe(once);
            expect(once.length).toBeLessThanOrEqual(MAX_EMAIL_LENGTH);
            expect(once).not.toMatch(/[\r\n\0]/);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('backs the Email schema', () => {
    expect(Email.safeParse('owner@example.com').success).toBe(true);
    expect(Email.safeParse('owner@example').success).toBe(false);
    expect(Email.safeParse(['owner@example.com']).success).toBe(false);
  });
});
