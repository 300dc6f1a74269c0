import type { RateLimitHit } from '../types.ts';
import type { Operation } from './driver.ts';
import { sql } from './query.ts';
import { num } from './rows.ts';

// Rate-limit windows: small shared state every process must agree on.

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
