import type {
  CompleteSignInInput,
  RateLimitHit,
  ReserveSignInInput,
  SignInReservation,
} from '../types.ts';
import { recordSuccessfulSignIn } from './accounts.ts';
import type { Operation } from './driver.ts';
import { clearRateLimit, hitRateLimit, peekRateLimit, releaseRateLimit } from './limits.ts';
import { named, type Row, sql } from './query.ts';
import { insertRefreshToken } from './refresh.ts';
import { num, toAccount } from './rows.ts';

// A sign-in's bookkeeping around its password hash, one round trip before and one after it.
// Each statement a sign-in sent used to wait on an event loop busy with hashing (the rate-limit
// gate alone took five), which kept sign-in well below the raw hash rate on PostgreSQL.

/**
 * The class of the transaction-scoped advisory lock that serialises one email's sign-in
 * bookkeeping on PostgreSQL (the second key is `hashtext` of `SignInKeys.lock`). Each statement
 * below then changes one email's rate-limit rows while no other statement of that email runs, and
 * the only row two emails share — the IP's — is the only one of its kind in each statement, so
 * they cannot deadlock; pruning skips rows locked by them (`pruning.ts`).
 *
 * @internal
 */
export const SIGN_IN_LOCK_CLASS = 0x53494749; // 'SIGI'

/** A threshold as a bindable number (`Infinity` means no limit). */
const bound = (n: number) => Math.min(n, Number.MAX_SAFE_INTEGER);

function hit(row: Row, prefix: string): RateLimitHit | null {
  const count = row[`${prefix}_hits`];
  if (count === null || count === undefined) return null;
  return { count: num(count), resetAt: new Date(num(row[`${prefix}_reset`])) };
}

/**
 * {@link reserveSignIn} on PostgreSQL: one statement. It takes the email's advisory lock, reads
 * the delay, the account-wide window and the known source (as of the statement's start — the
 * gate checks the counts the increments return, not these reads, so a read that misses a
 * concurrent attempt only lets that attempt reach the gate's later checks), then increments the
 * IP's, the source's and the account's windows, each only when the one before allows it (each
 * increment is an upsert, atomic on the latest row version), and looks up the account.
 */
function reserveInOneStatement(input: ReserveSignInInput) {
  const { keys } = input;
  const at = input.now.getTime();
  return named(
    'connect_auth_reserve_sign_in',
    sql`WITH lock AS MATERIALIZED (
      SELECT pg_advisory_xact_lock(${SIGN_IN_LOCK_CLASS}, hashtext(CAST(${keys.lock} AS TEXT))) AS locked
    ), state AS MATERIALIZED (
      SELECT
        (SELECT hits FROM rate_limits WHERE key = ${keys.wait} AND reset_at > ${at}) AS wait_hits,
        (SELECT reset_at FROM rate_limits WHERE key = ${keys.wait} AND reset_at > ${at}) AS wait_reset,
        (SELECT hits FROM rate_limits WHERE key = ${keys.account} AND reset_at > ${at}) AS prior_hits,
        (SELECT reset_at FROM rate_limits WHERE key = ${keys.account} AND reset_at > ${at}) AS prior_reset,
        EXISTS (SELECT 1 FROM rate_limits WHERE key = ${keys.known} AND reset_at > ${at}) AS known
      FROM lock
    ), gate AS MATERIALIZED (
      SELECT wait_hits IS NULL
        AND NOT (prior_hits IS NOT NULL AND prior_hits >= CAST(${bound(input.account.hardStop)} AS BIGINT) AND NOT known) AS open
      FROM state
    ), ip AS (
      INSERT INTO rate_limits (key, hits, reset_at)
      SELECT CAST(${keys.ip} AS TEXT), 1, CAST(${at + input.ip.windowMs} AS BIGINT) FROM gate WHERE open
      ON CONFLICT (key) DO UPDATE SET
        hits = CASE WHEN rate_limits.reset_at <= ${at} THEN 1 ELSE rate_limits.hits + 1 END,
        reset_at = CASE WHEN rate_limits.reset_at <= ${at} THEN excluded.reset_at ELSE rate_limits.reset_at END
      RETURNING hits, reset_at
    ), source AS (
      INSERT INTO rate_limits (key, hits, reset_at)
      SELECT CAST(${keys.source} AS TEXT), 1, CAST(${at + input.source.windowMs} AS BIGINT) FROM ip
      WHERE ip.hits <= CAST(${bound(input.ip.limit)} AS BIGINT)
      ON CONFLICT (key) DO UPDATE SET
        hits = CASE WHEN rate_limits.reset_at <= ${at} THEN 1 ELSE rate_limits.hits + 1 END,
        reset_at = CASE WHEN rate_limits.reset_at <= ${at} THEN excluded.reset_at ELSE rate_limits.reset_at END
      RETURNING hits, reset_at
    ), total AS (
      INSERT INTO rate_limits (key, hits, reset_at)
      SELECT CAST(${keys.account} AS TEXT), 1, CAST(${at + input.account.windowMs} AS BIGINT) FROM source
      WHERE source.hits < CAST(${bound(input.source.delayFrom)} AS BIGINT)
      ON CONFLICT (key) DO UPDATE SET
        hits = CASE WHEN rate_limits.reset_at <= ${at} THEN 1 ELSE rate_limits.hits + 1 END,
        reset_at = CASE WHEN rate_limits.reset_at <= ${at} THEN excluded.reset_at ELSE rate_limits.reset_at END
      RETURNING hits, reset_at
    )
    SELECT state.wait_hits, state.wait_reset, state.prior_hits, state.prior_reset, state.known,
      gate.open,
      (SELECT hits FROM ip) AS ip_hits, (SELECT reset_at FROM ip) AS ip_reset,
      (SELECT hits FROM source) AS source_hits, (SELECT reset_at FROM source) AS source_reset,
      (SELECT hits FROM total) AS total_hits, (SELECT reset_at FROM total) AS total_reset,
      set_config('synchronous_commit', 'off', true) AS relaxed_commit,
      a.id, a.email, a.email_key, a.name, a.locale, a.status, a.password_hash,
      a.credential_version, a.failed_sign_ins, a.created_at, a.updated_at, a.activated_at,
      a.activation_mailed_at
    FROM state CROSS JOIN gate
    LEFT JOIN accounts a ON a.email_key = ${input.emailKey}`,
  );
}

/**
 * Admit one sign-in attempt and find its account (`Store.reserveSignIn`): one statement on
 * PostgreSQL, one transaction of up to six statements on SQLite (calls into this process, under
 * `BEGIN IMMEDIATE`, so no other attempt interleaves).
 *
 * @internal
 */
export function reserveSignIn(input: ReserveSignInInput): Operation<SignInReservation> {
  return function* (context) {
    if (context.dialect === 'postgres') {
      const { rows } = yield reserveInOneStatement(input);
      const row = rows[0] ?? {};
      const wait = hit(row, 'wait');
      const prior = hit(row, 'prior');
      const open = row.open === true;
      return {
        account: row.id === null || row.id === undefined ? null : toAccount(row),
        wait,
        paused: !open && wait === null ? prior : null,
        ip: hit(row, 'ip'),
        source: hit(row, 'source'),
        total: hit(row, 'total'),
        known: row.known === true,
      };
    }
    const { keys, now } = input;
    const reservation: SignInReservation = {
      account: null,
      wait: null,
      paused: null,
      ip: null,
      source: null,
      total: null,
      known: false,
    };
    reservation.wait = yield* peekRateLimit(keys.wait, now)(context);
    if (!reservation.wait) {
      const prior = yield* peekRateLimit(keys.account, now)(context);
      reservation.known = (yield* peekRateLimit(keys.known, now)(context)) !== null;
      if (prior && prior.count >= input.account.hardStop && !reservation.known) {
        reservation.paused = prior;
      } else {
        reservation.ip = yield* hitRateLimit(keys.ip, input.ip.windowMs, now)(context);
        if (reservation.ip.count <= input.ip.limit) {
          reservation.source = yield* hitRateLimit(
            keys.source,
            input.source.windowMs,
            now,
          )(context);
          if (reservation.source.count < input.source.delayFrom) {
            reservation.total = yield* hitRateLimit(
              keys.account,
              input.account.windowMs,
              now,
            )(context);
          }
        }
      }
    }
    const { rows } = yield sql`SELECT * FROM accounts WHERE email_key = ${input.emailKey}`;
    reservation.account = rows[0] ? toAccount(rows[0]) : null;
    return reservation;
  };
}

/**
 * `Store.completeSignIn` on PostgreSQL: one statement under the email's advisory lock (every
 * data-modifying part reads the lock's materialised row first, an InitPlan run before it touches
 * a row), relaxing its own commit as a refresh rotation does.
 */
function completeInOneStatement(input: CompleteSignInInput) {
  const { keys, refreshToken: t } = input;
  // Without a refresh token its parameters are null and the session part inserts no row (the
  // statement's text stays the same, so it stays one prepared statement).
  const at = input.now.getTime();
  const from = input.rehash?.from ?? null;
  const to = input.rehash?.to ?? null;
  return named(
    'connect_auth_complete_sign_in',
    sql`WITH lock AS MATERIALIZED (
      SELECT pg_advisory_xact_lock(${SIGN_IN_LOCK_CLASS}, hashtext(CAST(${keys.lock} AS TEXT))) AS locked
    ), account AS (
      UPDATE accounts SET failed_sign_ins = 0, updated_at = ${at},
        password_hash = CASE WHEN password_hash = CAST(${from} AS TEXT) THEN CAST(${to} AS TEXT) ELSE password_hash END
      WHERE id = ${input.accountId} AND EXISTS (SELECT 1 FROM lock)
    ), released AS (
      UPDATE rate_limits SET hits = hits - 1
      WHERE key IN (${[keys.ip, keys.account]}) AND hits > 0 AND reset_at > ${at} AND EXISTS (SELECT 1 FROM lock)
    ), cleared AS (
      DELETE FROM rate_limits WHERE key IN (${[keys.source, keys.wait]}) AND EXISTS (SELECT 1 FROM lock)
    ), known AS (
      INSERT INTO rate_limits (key, hits, reset_at)
      SELECT CAST(${keys.known} AS TEXT), 1, CAST(${at + input.knownWindowMs} AS BIGINT) FROM lock
      ON CONFLICT (key) DO UPDATE SET hits = 1, reset_at = excluded.reset_at
    ), session AS (
      INSERT INTO refresh_tokens
        (id, family_id, account_id, token_hash, credential_version, created_at, expires_at, used_at, revoked_at)
      SELECT CAST(${t?.id ?? null} AS TEXT), CAST(${t?.familyId ?? null} AS TEXT),
        CAST(${t?.accountId ?? null} AS TEXT), CAST(${t?.tokenHash ?? null} AS TEXT),
        CAST(${t?.credentialVersion ?? null} AS INTEGER), CAST(${t?.createdAt.getTime() ?? null} AS BIGINT),
        CAST(${t?.expiresAt.getTime() ?? null} AS BIGINT), CAST(${t?.usedAt?.getTime() ?? null} AS BIGINT),
        CAST(${t?.revokedAt?.getTime() ?? null} AS BIGINT)
      FROM lock WHERE CAST(${t?.id ?? null} AS TEXT) IS NOT NULL
    )
    SELECT set_config('synchronous_commit', 'off', true) AS relaxed_commit FROM lock`,
  );
}

/**
 * A verified sign-in's bookkeeping and its first refresh token, if any (`Store.completeSignIn`):
 * one statement on PostgreSQL, one transaction on SQLite.
 *
 * @internal
 */
export function completeSignIn(input: CompleteSignInInput): Operation<void> {
  return function* (context) {
    if (context.dialect === 'postgres') {
      yield completeInOneStatement(input);
      return;
    }
    const { keys, now } = input;
    yield* recordSuccessfulSignIn(input.accountId, now, input.rehash)(context);
    yield* releaseRateLimit(keys.ip, now)(context);
    yield* releaseRateLimit(keys.account, now)(context);
    yield* clearRateLimit(keys.source)(context);
    yield* clearRateLimit(keys.wait)(context);
    yield* clearRateLimit(keys.known)(context);
    yield* hitRateLimit(keys.known, input.knownWindowMs, now)(context);
    if (input.refreshToken) yield* insertRefreshToken(input.refreshToken)(context);
  };
}
