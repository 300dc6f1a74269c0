import type { PruneResult, RateLimitHit, SigningKeyRecord } from '../types.ts';
import type { Operation } from './driver.ts';
import { raw, sql } from './query.ts';
import { num, toSigningKey } from './rows.ts';

// Rate-limit windows and signing keys: small shared state every process must agree on.

/**
 * Count one event in a fixed window with a single atomic upsert: the first event (or the first
 * after the window ended) starts a window of `windowMs`; later ones increment it.
 *
 * @internal
 */
export function hitRateLimit(key: string, windowMs: number, now: Date): Operation<RateLimitHit> {
  return function* () {
    const at = now.getTime();
    const { rows } =
      yield sql`INSERT INTO rate_limits (key, hits, reset_at) VALUES (${key}, 1, ${at + windowMs})
      ON CONFLICT (key) DO UPDATE SET
        hits = CASE WHEN rate_limits.reset_at <= ${at} THEN 1 ELSE rate_limits.hits + 1 END,
        reset_at = CASE WHEN rate_limits.reset_at <= ${at} THEN excluded.reset_at ELSE rate_limits.reset_at END
      RETURNING hits, reset_at`;
    const row = rows[0] ?? {};
    return { count: num(row.hits), resetAt: new Date(num(row.reset_at)) };
  };
}

/** @internal */
export function peekRateLimit(key: string, now: Date): Operation<RateLimitHit | null> {
  return function* () {
    const { rows } =
      yield sql`SELECT hits, reset_at FROM rate_limits WHERE key = ${key} AND reset_at > ${now.getTime()}`;
    const row = rows[0];
    return row ? { count: num(row.hits), resetAt: new Date(num(row.reset_at)) } : null;
  };
}

/** @internal */
export function clearRateLimit(key: string): Operation<void> {
  return function* () {
    yield sql`DELETE FROM rate_limits WHERE key = ${key}`;
  };
}

/**
 * Give back one event of a window that is still open (a reserved attempt that turned out not to
 * count, e.g. a sign-in that succeeded); never below zero, never extending the window.
 *
 * @internal
 */
export function releaseRateLimit(key: string, now: Date): Operation<void> {
  return function* () {
    yield sql`UPDATE rate_limits SET hits = hits - 1
      WHERE key = ${key} AND hits > 0 AND reset_at > ${now.getTime()}`;
  };
}

/**
 * Forget every key that starts with `prefix` (compared as a plain prefix, no pattern characters;
 * `substr` counts code points on both databases).
 *
 * @internal
 */
export function clearRateLimitPrefix(prefix: string): Operation<void> {
  return function* () {
    yield sql`DELETE FROM rate_limits WHERE substr(key, 1, ${[...prefix].length}) = ${prefix}`;
  };
}

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

/**
 * Housekeeping: delete ended rate-limit windows, tokens and refresh tokens expired more than
 * `retainMs` ago, and sent/dead mails older than `retainMs`.
 *
 * @internal
 */
export function pruneExpired(now: Date, retainMs: number): Operation<PruneResult> {
  return function* () {
    const at = now.getTime();
    const before = at - Math.max(0, retainMs);
    const rateLimits = yield sql`DELETE FROM rate_limits WHERE reset_at <= ${at}`;
    const tokens = yield sql`DELETE FROM tokens WHERE expires_at <= ${before}`;
    const refreshTokens = yield sql`DELETE FROM refresh_tokens WHERE expires_at <= ${before}`;
    yield sql`DELETE FROM email_changes WHERE expires_at <= ${before}`;
    const mails =
      yield sql`DELETE FROM outbox WHERE status IN ('sent', 'dead') AND created_at <= ${before}`;
    return {
      rateLimits: rateLimits.changes,
      tokens: tokens.changes,
      refreshTokens: refreshTokens.changes,
      mails: mails.changes,
    };
  };
}
