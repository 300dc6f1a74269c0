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

  it('hashes are HMAC-SHA-256 of "<domain>:<value>", so stored hashes stay valid across versions', () => {
    // Known answers (computed with a Buffer key): a change in how the key is held must not
    // change a digest, or every stored token and session would stop matching.
    expect(createSecretHasher('k'.repeat(32)).hash('refresh', 'abc')).toBe(
      '21ad89d342d759efa8195cf97039caa81ab6002dfd6904669f6a3051180568a8',
    );
    expect(createSecretHasher(new Uint8Array([1, 2, 3])).hash('token', 'abc')).toBe(
      '1fd856059279f4bd671a266e7188090906a0b65e8d6908a5923e9285aca1e600',
    );
  });
});
