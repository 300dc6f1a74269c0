import type { Dialect } from './driver.ts';
import type { SqlQuery, SqlResult } from './query.ts';
import { sql } from './query.ts';

/** How the account row to lock is found. */
export type AccountRef = { accountId: string } | { tokenId: string } | { refreshTokenHash: string };

/**
 * Lock ordering on PostgreSQL: every multi-statement operation that changes an account's rows
 * first locks the account row (`FOR NO KEY UPDATE`, which does not block foreign-key checks of
 * concurrent inserts). Operations on one account then serialise instead of locking token,
 * refresh-token and account rows in different orders — without this, two sibling tokens of one
 * account completed at once deadlocked (the shared suite reproduces it). The consuming
 * conditional UPDATE that follows stays the single-winner guard. On SQLite this is a no-op:
 * `BEGIN IMMEDIATE` already holds the database's only write lock.
 *
 * @internal
 */
export function* lockAccount(
  dialect: Dialect,
  ref: AccountRef,
): Generator<SqlQuery, void, SqlResult> {
  if (dialect !== 'postgres') return;
  if ('accountId' in ref) {
    yield sql`SELECT id FROM accounts WHERE id = ${ref.accountId} FOR NO KEY UPDATE`;
  } else if ('tokenId' in ref) {
    yield sql`SELECT id FROM accounts WHERE id = (SELECT account_id FROM tokens WHERE id = ${ref.tokenId}) FOR NO KEY UPDATE`;
  } else {
    yield sql`SELECT id FROM accounts
      WHERE id = (SELECT account_id FROM refresh_tokens WHERE token_hash = ${ref.refreshTokenHash})
      FOR NO KEY UPDATE`;
  }
}
