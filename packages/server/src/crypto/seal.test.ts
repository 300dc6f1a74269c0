import { describe, expect, it } from 'vitest';
import { createSealer, SealError } from './seal.ts';

const SECRET = 'test-secret-0123456789abcdef-0123456789';

/** Replace the character at `i` with a different base64url character. */
function flipChar(text: string, i: number): string {
  const c = text[i] === 'A' ? 'B' : 'A';
  return text.slice(0, i) + c + text.slice(i + 1);
}

describe('createSealer', () => {
  const sealer = createSealer(SECRET);
  const value = { link: 'https://app.example/reset#token=abc', code: '12345678', n: 1, ok: true };

  it('round-trips JSON values', () => {
    expect(sealer.unseal(sealer.seal(value))).toEqual(value);
    expect(sealer.unseal(sealer.seal('plain'))).toBe('plain');
    expect(sealer.unseal(sealer.seal(null))).toBeNull();
    expect(sealer.unseal(sealer.seal([1, 'ü', { x: '🔑' }]))).toEqual([1, 'ü', { x: '🔑' }]);
  });

  it('accepts bytes as the secret and derives the same key as the equal string', () => {
    const fromBytes = createSealer(new TextEncoder().encode(SECRET));
    expect(fromBytes.unseal(sealer.seal(value))).toEqual(value);
  });

  it('writes the versioned format and never the plaintext', () => {
    const sealed = sealer.seal(value);
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain('12345678');
    expect(sealed).not.toContain('token');
  });

  it('gives two different seals of the same value', () => {
    const a = sealer.seal(value);
    const b = sealer.seal(value);
    expect(a).not.toBe(b);
    expect(a.split('.')[1]).not.toBe(b.split('.')[1]);
  });

  it('rejects a change to any character of the IV or ciphertext', () => {
    const sealed = sealer.seal({ code: '12345678' });
    const start = sealed.indexOf('.') + 1;
    let rejected = 0;
    for (let i = start; i < sealed.length; i++) {
      if (sealed[i] === '.') continue;
      expect(() => sealer.unseal(flipChar(sealed, i))).toThrow(SealError);
      rejected++;
    }
    expect(rejected).toBeGreaterThan(40);
  });

  it('rejects a changed version, swapped or missing parts, and junk', () => {
    const sealed = sealer.seal(value);
    const [, iv, body] = sealed.split('.') as [string, string, string];
    for (const bad of [
      `v2.${iv}.${body}`,
      `V1.${iv}.${body}`,
      `v1.${body}.${iv}`,
      `v1.${iv}`,
      `v1.${iv}.${body}.x`,
      `v1.${iv}.${body.slice(0, -1)}`,
      `v1.${iv}.${body}A`,
      `v1.${iv}.`,
      `v1.${iv}.${body.replace(/.$/, '+')}`,
      '',
      'garbage',
    ]) {
      expect(() => sealer.unseal(bad), bad).toThrow(SealError);
    }
    expect(() => sealer.unseal(42 as unknown as string)).toThrow(SealError);
  });

  it('rejects a value sealed with another secret', () => {
    const other = createSealer(`${SECRET}-other`);
    expect(() => other.unseal(sealer.seal(value))).toThrow(SealError);
  });

  it('carries a stable code and never echoes the sealed value', () => {
    const sealed = sealer.seal(value);
    try {
      createSealer(`${SECRET}x`).unseal(sealed);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SealError);
      expect((e as SealError).code).toBe('seal_invalid');
      expect((e as Error).message).not.toContain(sealed.slice(3, 20));
    }
  });

  it('refuses short secrets and unserialisable values as misuse (TypeError)', () => {
    expect(() => createSealer('short')).toThrow(TypeError);
    expect(() => createSealer(new Uint8Array(15))).toThrow(TypeError);
    expect(() => sealer.seal(undefined)).toThrow(TypeError);
  });
});
