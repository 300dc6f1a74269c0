import type { PruneResult } from '../types.ts';
import type { Operation } from './driver.ts';
import { sql } from './query.ts';

/**
 * Housekeeping: delete ended rate-limit windows, tokens and refresh tokens expired more than
 * `retainMs` ago, and sent/dead mails older than `retainMs`.
 *
 * @internal
 */
export function pruneExpired(now: Date, retainMs: number): Operation<PruneResult> {
  return function* ({ dialect }) {
    const at = now.getTime();
    const before = at - Math.max(0, retainMs);
    // PostgreSQL: rows a sign-in statement holds are skipped (the next prune takes them). A
    // sign-in locks its IP's row and then its email's rows in one statement; a prune waiting on
    // one of them while holding another could deadlock with it.
    const rateLimits =
      dialect === 'postgres'
        ? yield sql`DELETE FROM rate_limits WHERE key IN
            (SELECT key FROM rate_limits WHERE reset_at <= ${at} FOR UPDATE SKIP LOCKED)`
        : yield sql`DELETE FROM rate_limits WHERE reset_at <= ${at}`;
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
