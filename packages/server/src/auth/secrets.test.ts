import { describe, expect, it } from 'vitest';
import { createSecretHasher, randomCode, randomToken } from './secrets.ts';

describe('one-time secrets (SECURITY 4)', () => {
  it('tokens carry 256 bits, base64url', () => {
    const token = randomToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url').length).toBe(32);
    expect(new Set(Array.from({ length: 1000 }, randomToken)).size).toBe(1000);
  });

  it('codes are eight digits, every digit position used', () => {
    const codes = Array.from({ length: 2000 }, randomCode);
    for (const c of codes) expect(c).toMatch(/^\d{8}$/);
    const firstDigits = new Set(codes.map((c) => c[0]));
    expect(firstDigits.size).toBe(10);
  });

  it('keyed hashes depend on the key and the domain', () => {
    const a = createSecretHasher('k'.repeat(32));
    const b = createSecretHasher('j'.repeat(32));
    const t = randomToken();
    expect(a.hash('token', t)).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hash('token', t)).not.toBe(b.hash('token', t));
    expect(a.hash('token', t)).not.toBe(a.hash('code', t));
    expect(a.equal(a.hash('token', t), a.hash('token', t))).toBe(true);
    expect(a.equal(a.hash('token', t), b.hash('token', t))).toBe(false);
  });
});
