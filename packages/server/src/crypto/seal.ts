/**
 * Authenticated encryption of small server-side secrets: outbox mail payloads (they carry raw
 * link tokens and codes, which must never sit in the database in plaintext) and private signing
 * keys.
 *
 * Format: `v1.<base64url iv>.<base64url ciphertext ‖ tag>` — AES-256-GCM with a random 96-bit IV
 * and a 128-bit tag, the version prefix bound in as additional authenticated data. The key is
 * derived from the server secret with HKDF-SHA-256 (info `connect-auth seal v1`), so the same
 * secret used elsewhere (e.g. for HMACs) never doubles as this key.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Seals and unseals JSON-serialisable values.
 *
 * @example
 * ```ts
 * const sealer: Sealer = createSealer(secret);
 * const back = sealer.unseal<{ code: string }>(sealer.seal({ code: '12345678' }));
 * ```
 */
export interface Sealer {
  /** Encrypt `value` (JSON-serialised); every call gives a different string. */
  seal(value: unknown): string;
  /** Decrypt and parse; throws {@link SealError} if the string was altered or sealed with another key. */
  unseal<T = unknown>(sealed: string): T;
}

/**
 * Thrown when a sealed string cannot be opened: malformed, unknown version, tampered, or sealed
 * with another secret. The message never contains the sealed value.
 *
 * @example
 * ```ts
 * try { sealer.unseal(row.payload); } catch (e) { if (e instanceof SealError) log.error('seal_invalid'); }
 * ```
 */
export class SealError extends Error {
  /** Stable code for logs. */
  readonly code = 'seal_invalid';
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SealError';
  }
}

const VERSION = 'v1';
const INFO = 'connect-auth seal v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/**
 * Shortest secret the sealer itself accepts (128 bits). The server asks more of
 * `CONNECT_SECRET`: at least 32 bytes (`MIN_SECRET_LENGTH` in `config.ts`).
 *
 * @example
 * ```ts
 * if (Buffer.byteLength(secret) < MIN_SECRET_BYTES) throw new Error('secret too short to seal with');
 * ```
 */
export const MIN_SECRET_BYTES = 16;

const B64URL = /^[A-Za-z0-9_-]*$/;

/**
 * Create a sealer keyed from the server secret.
 *
 * @param secret the server secret: bytes, or a string taken as its UTF-8 bytes; at least
 *   {@link MIN_SECRET_BYTES} bytes (a `TypeError` otherwise — a misconfiguration, not bad input).
 * @example
 * ```ts
 * const sealer = createSealer(process.env.CONNECT_SECRET!);
 * const sealed = sealer.seal({ link: 'https://app.example/reset#token=…', code: '12345678' });
 * sealer.unseal<{ code: string }>(sealed).code; // '12345678'
 * ```
 */
export function createSealer(secret: Uint8Array | string): Sealer {
  const ikm = typeof secret === 'string' ? new TextEncoder().encode(secret) : secret;
  if (!(ikm instanceof Uint8Array))
    throw new TypeError('createSealer: secret must be bytes or a string');
  if (ikm.byteLength < MIN_SECRET_BYTES) {
    throw new TypeError(`createSealer: secret must be at least ${MIN_SECRET_BYTES} bytes`);
  }
  const key = Buffer.from(hkdfSync('sha256', ikm, new Uint8Array(0), INFO, 32));
  const aad = Buffer.from(VERSION, 'ascii');

  return {
    seal(value: unknown): string {
      const json = JSON.stringify(value);
      if (json === undefined) throw new TypeError('seal: value is not JSON-serialisable');
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(aad);
      const body = Buffer.concat([
        cipher.update(json, 'utf8'),
        cipher.final(),
        cipher.getAuthTag(),
      ]);
      return `${VERSION}.${iv.toString('base64url')}.${body.toString('base64url')}`;
    },

    unseal<T = unknown>(sealed: string): T {
      if (typeof sealed !== 'string') throw new SealError('sealed value is not a string');
      const parts = sealed.split('.');
      if (parts.length !== 3) throw new SealError('sealed value is malformed');
      const [version, ivText, bodyText] = parts as [string, string, string];
      if (version !== VERSION) throw new SealError('sealed value has an unknown version');
      if (!B64URL.test(ivText) || !B64URL.test(bodyText)) {
        throw new SealError('sealed value is malformed');
      }
      const iv = Buffer.from(ivText, 'base64url');
      const body = Buffer.from(bodyText, 'base64url');
      // Round-trip check rejects non-canonical base64url (e.g. altered padding bits).
      if (iv.length !== IV_BYTES || iv.toString('base64url') !== ivText) {
        throw new SealError('sealed value is malformed');
      }
      if (body.length < TAG_BYTES || body.toString('base64url') !== bodyText) {
        throw new SealError('sealed value is malformed');
      }
      let json: string;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
        decipher.setAAD(aad);
        decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
        json = Buffer.concat([
          decipher.update(body.subarray(0, body.length - TAG_BYTES)),
          decipher.final(),
        ]).toString('utf8');
      } catch (cause) {
        throw new SealError('sealed value failed authentication', { cause });
      }
      return JSON.parse(json) as T;
    },
  };
}
