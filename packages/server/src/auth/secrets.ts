/**
 * One-time secrets: link tokens (32 random bytes, base64url), eight-digit codes (uniform, by
 * rejection sampling) and their keyed hashes (HMAC-SHA-256 with the server secret, hex). Only the
 * keyed hash is ever stored; the raw value goes into the sealed mail payload and nowhere else.
 */
import { createHmac, createSecretKey, timingSafeEqual } from 'node:crypto';

/**
 * Bytes of entropy in a link token (256 bits).
 */
export const TOKEN_BYTES = 32;
/**
 * Digits in a one-time code.
 */
export const CODE_DIGITS = 8;

/**
 * A fresh link token: 32 bytes from the CSPRNG, base64url without padding (43 characters).
 */
export function randomToken(): string {
  const bytes = new Uint8Array(TOKEN_BYTES);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64url');
}

/**
 * A uniformly random eight-digit code (leading zeros kept). Rejection sampling over 32-bit words
 * avoids the modulo bias of `random % 10^8`.
 */
export function randomCode(): string {
  const modulus = 10 ** CODE_DIGITS;
  const limit = Math.floor(0x1_0000_0000 / modulus) * modulus;
  const word = new Uint32Array(1);
  for (;;) {
    crypto.getRandomValues(word);
    const value = word[0] as number;
    if (value < limit) return String(value % modulus).padStart(CODE_DIGITS, '0');
  }
}

/** Keyed hashing of one-time secrets. */
export interface SecretHasher {
  /** HMAC-SHA-256 of `value` (hex). `domain` separates tokens from codes. */
  hash(domain: 'token' | 'code' | 'refresh' | 'email_change', value: string): string;
  /** Constant-time comparison of two hex digests. */
  equal(a: string, b: string): boolean;
}

/**
 * Create the keyed hasher from the server secret.
 */
export function createSecretHasher(secret: Uint8Array | string): SecretHasher {
  // A KeyObject, not a Buffer: `createHmac` checks a Buffer key by probing it for KeyObject and
  // CryptoKey slots, which throws and catches — 11 µs of a hash's 12 on Node 24.
  const key = createSecretKey(
    typeof secret === 'string' ? Buffer.from(secret, 'utf8') : Buffer.from(secret),
  );
  return {
    hash: (domain, value) =>
      createHmac('sha256', key).update(`${domain}:`).update(value).digest('hex'),
    equal(a, b) {
      const x = Buffer.from(a, 'hex');
      const y = Buffer.from(b, 'hex');
      return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
    },
  };
}
