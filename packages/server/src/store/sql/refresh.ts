import type { AccountRecord, RefreshTokenRecord } from '../types.ts';
import type { Operation, SqlContext } from './driver.ts';
import { lockAccount } from './lock.ts';
import type { Row, SqlQuery, SqlResult } from './query.ts';
import { named, sql } from './query.ts';
import { num, toAccount } from './rows.ts';

// Rotating refresh tokens with reuse detection (SECURITY 19–20).

/** @internal */
export type RotateResult =
  | { ok: true; account: AccountRecord; grace?: true }
  | { ok: false; reason: 'invalid' | 'expired' | 'reused' | 'revoked' };

/** @internal */
export function insertRefreshToken(token: RefreshTokenRecord): Operation<void> {
  return function* () {
    yield sql`INSERT INTO refresh_tokens
      (id, family_id, account_id, token_hash, credential_version, created_at, expires_at, used_at, revoked_at)
      VALUES (${token.id}, ${token.familyId}, ${token.accountId}, ${token.tokenHash}, ${token.credentialVersion},
              ${token.createdAt.getTime()}, ${token.expiresAt.getTime()},
              ${token.usedAt?.getTime() ?? null}, ${token.revokedAt?.getTime() ?? null})`;
  };
}

/**
 * Most tokens one refresh token may have as children: its rotation plus the siblings the grace
 * window hands out. Enough for every tab of a browser refreshing at once; a storm beyond it is
 * treated as reuse (the family is revoked), so a stolen cookie replayed inside the window cannot
 * mint tokens without bound.
 */
export const MAX_CHILDREN_PER_TOKEN = 10;

/** `next` inserted as a child of `parent` (family, account and version taken from the parent). */
function insertChild(next: RefreshTokenRecord, parent: Row) {
  return sql`INSERT INTO refresh_tokens
    (id, family_id, account_id, token_hash, credential_version, created_at, expires_at, used_at, revoked_at, parent_id)
    VALUES (${next.id}, ${String(parent.family_id)}, ${String(parent.account_id)}, ${next.tokenHash},
            ${num(parent.credential_version)}, ${next.createdAt.getTime()}, ${next.expiresAt.getTime()},
            NULL, NULL, ${String(parent.id)})`;
}

/**
 * The common case of a rotation, as one PostgreSQL statement — one round trip, and run on its own
 * (autocommit) it needs no `BEGIN` or `COMMIT` either. The transaction took six: each cost `pg`
 * CPU on the event loop (mostly the socket write), and the account lock was held across all the
 * waits, so one account's rotations queued behind them. It locks the account row first (the
 * `lockAccount` order: its CTE is read by the UPDATE's condition before the token row is
 * locked), then marks the token used only if it is unused, unrevoked, unexpired, of the account's
 * current credential version and the account is not disabled, as read from the locked (latest)
 * account row; then inserts `next` as its child; then answers the account. No row: nothing was
 * written, and {@link rotateRefreshToken} must say why.
 *
 * A successful rotation is a relaxed commit (`CommitOptions`): `set_config(…, true)` turns off
 * `synchronous_commit` for this statement's own transaction, and only when it returns a row, so a
 * statement that changed nothing commits as usual.
 *
 * Named (a prepared statement per pooled connection): parsing and planning it was about a third
 * of a refresh at one connection. Its columns are listed, not `account.*`: a prepared statement
 * whose result columns change fails ("cached plan must not change result type"), so a column
 * added to `accounts` by a newer server in a rolling upgrade must not change them.
 */
function rotateInOneStatement(tokenHash: string, next: RefreshTokenRecord, at: number) {
  return named(
    'connect_auth_rotate_refresh_token',
    sql`WITH account AS MATERIALIZED (
      SELECT * FROM accounts
      WHERE id = (SELECT account_id FROM refresh_tokens WHERE token_hash = ${tokenHash})
      FOR NO KEY UPDATE
    ), old AS (
      UPDATE refresh_tokens SET used_at = ${at}
      WHERE token_hash = ${tokenHash} AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ${at}
        AND (account_id, credential_version) =
          (SELECT id, credential_version FROM account WHERE status <> 'disabled')
      RETURNING id, family_id, account_id, credential_version
    ), child AS (
      INSERT INTO refresh_tokens
        (id, family_id, account_id, token_hash, credential_version, created_at, expires_at, used_at, revoked_at, parent_id)
      SELECT ${next.id}, family_id, account_id, ${next.tokenHash}, credential_version,
             ${next.createdAt.getTime()}, ${next.expiresAt.getTime()}, NULL, NULL, id
      FROM old
    )
    SELECT account.id, account.email, account.email_key, account.name, account.locale,
      account.status, account.password_hash, account.credential_version, account.failed_sign_ins,
      account.created_at, account.updated_at, account.activated_at, account.activation_mailed_at,
      set_config('synchronous_commit', 'off', true) AS relaxed_commit
    FROM account JOIN old ON old.account_id = account.id`,
  );
}

/**
 * A rotation on PostgreSQL that succeeds, in one statement run on its own; `undefined` when it
 * did not (nothing was written): then run {@link rotateRefreshToken}, which tries again and, if
 * it fails again, says why in a transaction.
 *
 * @internal
 */
export function rotateRefreshTokenAtOnce(
  tokenHash: string,
  next: RefreshTokenRecord,
  now: Date,
): Operation<AccountRecord | undefined> {
  return function* (context) {
    // On SQLite it would be several statements, which only a transaction keeps together.
    if (context.dialect !== 'postgres') throw new TypeError('PostgreSQL only');
    return yield* rotateIfValid(context, tokenHash, next, now.getTime());
  };
}

/**
 * Mark the token used and insert `next` as its child if the token may be rotated (see
 * {@link rotateInOneStatement} for the conditions); the account, or `undefined` if it may not.
 */
function* rotateIfValid(
  { dialect, step }: SqlContext,
  tokenHash: string,
  next: RefreshTokenRecord,
  at: number,
): Generator<SqlQuery, AccountRecord | undefined, SqlResult> {
  if (dialect === 'postgres') {
    const { rows } = yield rotateInOneStatement(tokenHash, next, at);
    return rows[0] ? toAccount(rows[0]) : undefined;
  }
  // SQLite has no data-modifying CTEs; its statements are calls into the same process, not round
  // trips, and `BEGIN IMMEDIATE` already holds the only write lock.
  const { rows } = yield sql`UPDATE refresh_tokens SET used_at = ${at}
    WHERE token_hash = ${tokenHash} AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ${at}
      AND credential_version = (SELECT credential_version FROM accounts
        WHERE accounts.id = refresh_tokens.account_id AND accounts.status <> 'disabled')
    RETURNING id, family_id, account_id, credential_version`;
  const old = rows[0];
  if (!old) return undefined;
  step('rotateRefreshToken', 'mark_used');
  yield insertChild(next, old);
  step('rotateRefreshToken', 'insert_next');
  return yield* readAccount(String(old.account_id));
}

/**
 * Rotate in one transaction: the token is marked used and `next` inserted into the same family,
 * for the same account and credential version (those three fields of `next` are taken from the
 * old token, not trusted from the caller) and with the old token as its parent — only if the old
 * token is unused, unrevoked, unexpired, its account is not disabled and its credential version is
 * the account's.
 *
 * A token that was already rotated is reuse, which revokes its family — unless `graceMs` > 0 and
 * all of these hold, when `next` is inserted as a sibling (another child of the presented token,
 * in the same family) and the result says `grace: true`:
 * - it was rotated less than `graceMs` ago (`now − used_at < graceMs`),
 * - it is not revoked (nor, therefore, its family), not expired, of the account's current
 *   credential version, and the account is not disabled,
 * - no child of it has itself been rotated yet: once a successor is used, the race between two
 *   tabs sharing a cookie is over, and a replay is reuse again (RFC 9700 §4.14.2),
 * - it has fewer than {@link MAX_CHILDREN_PER_TOKEN} children.
 *
 * Failures: unknown → `invalid`; reused → the family is revoked (committed) → `reused`;
 * revoked → `revoked`; expired → `expired`; stale credential version or disabled account → the
 * family is revoked → `revoked`.
 *
 * @internal
 */
export function rotateRefreshToken(
  tokenHash: string,
  next: RefreshTokenRecord,
  now: Date,
  graceMs = 0,
): Operation<RotateResult> {
  return function* (context) {
    const { dialect, step } = context;
    const op = 'rotateRefreshToken';
    const at = now.getTime();
    // Held for the failure path's reads and revocation; the rotating statement takes it anyway.
    yield* lockAccount(dialect, { refreshTokenHash: tokenHash });
    const account = yield* rotateIfValid(context, tokenHash, next, at);
    if (account) return { ok: true, account };
    const found = yield sql`SELECT r.id, r.family_id, r.account_id, r.used_at, r.revoked_at,
        r.expires_at, r.credential_version, a.credential_version AS account_version, a.status
      FROM refresh_tokens r JOIN accounts a ON a.id = r.account_id WHERE r.token_hash = ${tokenHash}`;
    const row = found.rows[0];
    if (!row) return { ok: false, reason: 'invalid' };
    const stale =
      num(row.credential_version) !== num(row.account_version) || row.status === 'disabled';
    const expired = num(row.expires_at) <= at;
    if (
      graceMs > 0 &&
      row.used_at !== null &&
      row.revoked_at === null &&
      !stale &&
      !expired &&
      at - num(row.used_at) < graceMs
    ) {
      // Children share their parent's account and family: naming them lets the lineage index
      // (migration 6) find the children.
      const children = yield sql`SELECT COUNT(*) AS total,
          COALESCE(SUM(CASE WHEN used_at IS NOT NULL THEN 1 ELSE 0 END), 0) AS rotated
        FROM refresh_tokens
        WHERE account_id = ${String(row.account_id)} AND family_id = ${String(row.family_id)}
          AND parent_id = ${String(row.id)}`;
      const counts = children.rows[0];
      if (num(counts?.rotated ?? 0) === 0 && num(counts?.total ?? 0) < MAX_CHILDREN_PER_TOKEN) {
        yield insertChild(next, row);
        step(op, 'insert_sibling');
        return { ok: true, account: yield* readAccount(String(row.account_id)), grace: true };
      }
    }
    const reason =
      row.used_at !== null
        ? 'reused'
        : row.revoked_at !== null
          ? 'revoked'
          : stale
            ? 'revoked'
            : expired
              ? 'expired'
              : 'invalid';
    if (reason === 'reused' || (reason === 'revoked' && row.revoked_at === null)) {
      yield sql`UPDATE refresh_tokens SET revoked_at = ${at}
        WHERE account_id = ${String(row.account_id)} AND family_id = ${String(row.family_id)}
          AND revoked_at IS NULL`;
      step(op, 'revoke_family');
    }
    return { ok: false, reason };
  };
}

function* readAccount(id: string): Generator<SqlQuery, AccountRecord, SqlResult> {
  const account = yield sql`SELECT * FROM accounts WHERE id = ${id}`;
  return toAccount(account.rows[0] ?? {});
}

/** @internal */
export function revokeRefreshFamily(tokenHash: string, now: Date): Operation<void> {
  return function* ({ dialect }) {
    yield* lockAccount(dialect, { refreshTokenHash: tokenHash });
    // A family lives in one account: the pair is the lineage index's prefix (migration 6).
    yield sql`UPDATE refresh_tokens SET revoked_at = ${now.getTime()}
      WHERE (account_id, family_id) =
          (SELECT account_id, family_id FROM refresh_tokens WHERE token_hash = ${tokenHash})
        AND revoked_at IS NULL`;
  };
}
