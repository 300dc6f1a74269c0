import { PASSWORD_PURPOSES, VERIFY_PURPOSES } from '../one-time-purposes.ts';
import type {
  AccountRecord,
  CompleteResetInput,
  CompleteResetResult,
  ConsumeFailure,
  NewOutboxMail,
  RateLimitHit,
  TokenPurpose,
  TokenRecord,
  TokenVerdict,
} from '../types.ts';
import type { Operation, SqlContext } from './driver.ts';
import { hitRateLimit } from './limits.ts';
import { lockAccount } from './lock.ts';
import { insertMail } from './outbox.ts';
import type { SqlQuery, SqlResult } from './query.ts';
import { sql } from './query.ts';
import { num, toAccount, toToken } from './rows.ts';

// One-time tokens: issue (superseding older ones), judge (the one rule of whether a token is live,
// shared by inspecting and consuming), code attempts, and the consuming transactions.

/** @internal */
export function issueToken(
  token: TokenRecord,
  supersedes: readonly TokenPurpose[],
  mail: NewOutboxMail,
): Operation<void> {
  return function* ({ dialect, step }) {
    const at = token.createdAt.getTime();
    yield* lockAccount(dialect, { accountId: token.accountId });
    if (supersedes.length > 0) {
      yield sql`UPDATE tokens SET superseded_at = ${at}
        WHERE account_id = ${token.accountId} AND purpose IN (${supersedes})
          AND used_at IS NULL AND superseded_at IS NULL`;
      step('issueToken', 'supersede');
    }
    yield sql`INSERT INTO tokens
      (id, account_id, purpose, token_hash, code_hash, code_attempts, created_at, expires_at, used_at, superseded_at, password_hash)
      VALUES (${token.id}, ${token.accountId}, ${token.purpose}, ${token.tokenHash}, ${token.codeHash},
              ${token.codeAttempts}, ${at}, ${token.expiresAt.getTime()},
              ${token.usedAt?.getTime() ?? null}, ${token.supersededAt?.getTime() ?? null},
              ${token.passwordHash ?? null})`;
    step('issueToken', 'insert_token');
    yield insertMail(mail);
    step('issueToken', 'enqueue_mail');
  };
}

/** @internal */
export function findLatestToken(
  accountId: string,
  purposes: readonly TokenPurpose[],
): Operation<TokenRecord | null> {
  return function* () {
    const { rows } = yield sql`SELECT * FROM tokens
      WHERE account_id = ${accountId} AND purpose IN (${purposes})
        AND used_at IS NULL AND superseded_at IS NULL
      ORDER BY created_at DESC, id DESC LIMIT 1`;
    return rows[0] ? toToken(rows[0]) : null;
  };
}

/** Count a wrong code on the token; the attempts so far (0 when there is no such token). */
function recordCodeAttempt(tokenId: string): Operation<number> {
  return function* () {
    const { rows } = yield sql`UPDATE tokens SET code_attempts = code_attempts + 1
      WHERE id = ${tokenId} RETURNING code_attempts`;
    return rows[0] ? num(rows[0].code_attempts) : 0;
  };
}

/**
 * Count one code attempt against the address's window and, when there is a live token, against
 * the token, in one transaction: the same statements run whether or not the address has an
 * account or a token (an empty `tokenId` updates no row), so the answer costs the same.
 *
 * @internal
 */
export function countCodeAttempt(input: {
  tokenId: string | null;
  key: string;
  windowMs: number;
  now: Date;
}): Operation<{ attempts: number; address: RateLimitHit }> {
  return function* (context) {
    const address = yield* hitRateLimit(input.key, input.windowMs, input.now)(context);
    const attempts = yield* recordCodeAttempt(input.tokenId ?? '')(context);
    return { attempts, address };
  };
}

/** Which token to judge: by the link's hash (inspect) or by id (consume). */
type TokenRef = { tokenHash: string } | { tokenId: string };

/**
 * Whether a one-time token is live for `purposes` at `at`, and why not: the one rule, for
 * inspecting and consuming alike. The first that holds wins — `invalid` (no such token, another
 * purpose, its account gone or disabled), `used`, `superseded`, `expired` (from `expiresAt` on) —
 * and the order decides which screen the user sees; the store suite's precedence table pins it.
 */
function whyNotLive(
  token: TokenRecord | null,
  account: AccountRecord | null,
  purposes: readonly TokenPurpose[],
  at: number,
): ConsumeFailure | null {
  if (!token || !purposes.includes(token.purpose)) return 'invalid';
  if (!account || account.status === 'disabled') return 'invalid';
  return spentReason(token, at);
}

/**
 * Why a known link is spent — `used`, then `superseded`, then `expired` — or null while it
 * works: the tail of {@link whyNotLive}, shared with email-change links (`toolkit.ts`).
 *
 * @internal
 */
export function spentReason(
  link: { usedAt: Date | null; supersededAt: Date | null; expiresAt: Date },
  at: number,
): 'used' | 'superseded' | 'expired' | null {
  if (link.usedAt) return 'used';
  if (link.supersededAt) return 'superseded';
  if (link.expiresAt.getTime() <= at) return 'expired';
  return null;
}

/** Read a token and its account, and judge them by {@link whyNotLive}. */
function* judge(
  ref: TokenRef,
  purposes: readonly TokenPurpose[],
  at: number,
): Generator<SqlQuery, TokenVerdict, SqlResult> {
  const found =
    'tokenId' in ref
      ? yield sql`SELECT * FROM tokens WHERE id = ${ref.tokenId}`
      : yield sql`SELECT * FROM tokens WHERE token_hash = ${ref.tokenHash}`;
  const token = found.rows[0] ? toToken(found.rows[0]) : null;
  let account: AccountRecord | null = null;
  if (token) {
    const { rows } = yield sql`SELECT * FROM accounts WHERE id = ${token.accountId}`;
    account = rows[0] ? toAccount(rows[0]) : null;
  }
  const reason = whyNotLive(token, account, purposes, at);
  return reason === null && token && account
    ? { ok: true, token, account }
    : { ok: false, reason: reason ?? 'invalid' };
}

/**
 * Judge the token with this hash without consuming it (SECURITY 9).
 *
 * @internal
 */
export function inspectToken(
  tokenHash: string,
  purposes: readonly TokenPurpose[],
  now: Date,
): Operation<TokenVerdict> {
  return function* () {
    return yield* judge({ tokenHash }, purposes, now.getTime());
  };
}

/**
 * The consume: judge the token (the same code as {@link inspectToken}), then mark it used. Callers
 * lock its account first (`lockAccount`), as does every writer of an account's tokens, so on
 * PostgreSQL the row cannot change between the two; SQLite's `BEGIN IMMEDIATE` holds the only
 * write lock. The UPDATE's conditions stay the single-winner guard: should it lose after all, the
 * row changed, and judging it again tells why.
 */
function* consume(
  tokenId: string,
  purposes: readonly TokenPurpose[],
  at: number,
): Generator<SqlQuery, TokenVerdict, SqlResult> {
  for (;;) {
    const verdict = yield* judge({ tokenId }, purposes, at);
    if (!verdict.ok) return verdict;
    const won = yield sql`UPDATE tokens SET used_at = ${at}
      WHERE id = ${tokenId} AND used_at IS NULL AND superseded_at IS NULL`;
    if (won.changes === 1) return verdict;
  }
}

/**
 * Everything a reset changes, in one transaction (SECURITY 6–7): consume the token, set the
 * password, bump the credential version, clear failed sign-ins, make the account `active`
 * (a migrated `pending_activation` account is thereby activated; `pending_verification` too, as the
 * mail link proves the address), supersede the other reset/activation tokens, revoke every refresh
 * token, and enqueue the notice.
 *
 * @internal
 */
export function completePasswordReset(input: CompleteResetInput): Operation<CompleteResetResult> {
  return function* ({ dialect, step }: SqlContext) {
    const op = 'completePasswordReset';
    const at = input.now.getTime();
    yield* lockAccount(dialect, { tokenId: input.tokenId });
    const consumed = yield* consume(input.tokenId, PASSWORD_PURPOSES, at);
    if (!consumed.ok) return consumed;
    step(op, 'consume');
    const id = consumed.account.id;
    const before = yield sql`SELECT status FROM accounts WHERE id = ${id}`;
    step(op, 'read_account');
    const { rows } = yield sql`UPDATE accounts SET password_hash = ${input.passwordHash},
        credential_version = credential_version + 1, failed_sign_ins = 0, status = 'active',
        activated_at = COALESCE(activated_at, ${at}), updated_at = ${at}
      WHERE id = ${id} RETURNING *`;
    step(op, 'set_password');
    yield sql`UPDATE tokens SET superseded_at = ${at}
      WHERE account_id = ${id} AND id <> ${input.tokenId} AND purpose IN (${PASSWORD_PURPOSES})
        AND used_at IS NULL AND superseded_at IS NULL`;
    step(op, 'supersede_siblings');
    yield sql`UPDATE refresh_tokens SET revoked_at = ${at} WHERE account_id = ${id} AND revoked_at IS NULL`;
    step(op, 'revoke_refresh');
    const account: AccountRecord = toAccount(rows[0] ?? {});
    const activated = before.rows[0]?.status === 'pending_activation';
    const notice =
      typeof input.notice === 'function' ? input.notice({ account, activated }) : input.notice;
    yield insertMail(notice);
    step(op, 'enqueue_notice');
    return { ok: true, account, activated };
  };
}

/**
 * Consume a `verify_email` token and activate a `pending_verification` account (an account in
 * another state keeps it), superseding its other verification tokens.
 *
 * @internal
 */
export function completeEmailVerification(
  tokenId: string,
  now: Date,
): Operation<{ ok: true; account: AccountRecord } | { ok: false; reason: ConsumeFailure }> {
  return function* ({ dialect, step }) {
    const op = 'completeEmailVerification';
    const at = now.getTime();
    yield* lockAccount(dialect, { tokenId });
    const consumed = yield* consume(tokenId, VERIFY_PURPOSES, at);
    if (!consumed.ok) return consumed;
    step(op, 'consume');
    const id = consumed.account.id;
    // The password of the registration that sent this very link (pre-account takeover, #8):
    // never an earlier or later registration's.
    yield sql`UPDATE accounts SET status = 'active', activated_at = COALESCE(activated_at, ${at}), updated_at = ${at},
        password_hash = COALESCE((SELECT password_hash FROM tokens WHERE id = ${tokenId}), password_hash)
      WHERE id = ${id} AND status = 'pending_verification'`;
    step(op, 'activate');
    yield sql`UPDATE tokens SET superseded_at = ${at}
      WHERE account_id = ${id} AND id <> ${tokenId} AND purpose IN (${VERIFY_PURPOSES})
        AND used_at IS NULL AND superseded_at IS NULL`;
    step(op, 'supersede_siblings');
    const { rows } = yield sql`SELECT * FROM accounts WHERE id = ${id}`;
    return { ok: true, account: toAccount(rows[0] ?? {}) };
  };
}
