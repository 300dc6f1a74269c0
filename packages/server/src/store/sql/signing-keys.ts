import type { SigningKeyRecord } from '../types.ts';
import type { Operation } from './driver.ts';
import { raw, sql } from './query.ts';
import { toSigningKey } from './rows.ts';

// Signing keys: persisted so that every process and restart signs with the same keys.

/** @internal */
export function listSigningKeys(): Operation<SigningKeyRecord[]> {
  return function* () {
    const { rows } = yield sql`SELECT * FROM signing_keys ORDER BY created_at, kid`;
    return rows.map(toSigningKey);
  };
}

/**
 * Insert `key` only when no key exists, then return the keys in force. Runs in a transaction; on
 * PostgreSQL a transaction-scoped advisory lock serialises concurrent first starts (two empty
 * reads would otherwise both insert); SQLite's `BEGIN IMMEDIATE` already does.
 *
 * @internal
 */
export function ensureSigningKey(key: SigningKeyRecord): Operation<SigningKeyRecord[]> {
  return function* ({ dialect, step }) {
    if (dialect === 'postgres') {
      yield raw(
        "SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':connect-auth:signing_keys'))",
      );
    }
    const existing = yield sql`SELECT kid FROM signing_keys LIMIT 1`;
    if (existing.rows.length === 0) {
      yield sql`INSERT INTO signing_keys (kid, alg, private_jwk, public_jwk, created_at)
        VALUES (${key.kid}, ${key.alg}, ${key.privateJwk}, ${key.publicJwk}, ${key.createdAt.getTime()})`;
      step('ensureSigningKey', 'insert');
    }
    const { rows } = yield sql`SELECT * FROM signing_keys ORDER BY created_at, kid`;
    return rows.map(toSigningKey);
  };
}
