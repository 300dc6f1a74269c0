import type { AccountRecord, RefreshTokenRecord } from '../types.ts';
import type { Operation } from './driver.ts';
import { lockAccount } from './lock.ts';
import { sql } from './query.ts';
import { num, toAccount } from './rows.ts';

// Rotating refresh tokens with reuse detection (SECURITY 19–20).

/** @internal */
export type RotateResult =
  | { ok: true; account: AccountRecord }
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
 * Rotate in one transaction: a conditional UPDATE marks the old token used only if it is unused,
 * unrevoked, unexpired, its account is not disabled and its credential version is the account's;
 * then `next` is inserted into the same family, for the same account and credential version
 * (those three fields of `next` are taken from the old token, not trusted from the caller).
 * Failures: unknown → `invalid`; already used → the family is revoked (committed) → `reused`;
 * revoked → `revoked`; expired → `expired`; stale credential version or disabled account → the
 * family is revoked → `revoked`.
 *
 * @internal
 */
export function rotateRefreshToken(
  tokenHash: string,
  next: RefreshTokenRecord,
  now: Date,
): Operation<RotateResult> {
  return function* ({ dialect, step }) {
    const op = 'rotateRefreshToken';
    const at = now.getTime();
    yield* lockAccount(dialect, { refreshTokenHash: tokenHash });
    const { rows } = yield sql`UPDATE refresh_tokens SET used_at = ${at}
      WHERE token_hash = ${tokenHash} AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ${at}
        AND credential_version = (SELECT credential_version FROM accounts
          WHERE accounts.id = refresh_tokens.account_id AND accounts.status <> 'disabled')
      RETURNING family_id, account_id, credential_version`;
    const old = rows[0];
    if (old) {
      step(op, 'mark_used');
      yield sql`INSERT INTO refresh_tokens
        (id, family_id, account_id, token_hash, credential_version, created_at, expires_at, used_at, revoked_at)
        VALUES (${next.id}, ${String(old.family_id)}, ${String(old.account_id)}, ${next.tokenHash},
                ${num(old.credential_version)}, ${next.createdAt.getTime()}, ${next.expiresAt.getTime()}, NULL, NULL)`;
      step(op, 'insert_next');
      const account = yield sql`SELECT * FROM accounts WHERE id = ${String(old.account_id)}`;
      return { ok: true, account: toAccount(account.rows[0] ?? {}) };
    }
    const found = yield sql`SELECT r.family_id, r.used_at, r.revoked_at, r.expires_at,
        r.credential_version AS token_version, a.credential_version AS account_version, a.status
      FROM refresh_tokens r JOIN accounts a ON a.id = r.account_id WHERE r.token_hash = ${tokenHash}`;
    const row = found.rows[0];
    if (!row) return { ok: false, reason: 'invalid' };
    const stale = num(row.token_version) !== num(row.account_version) || row.status === 'disabled';
    const reason =
      row.used_at !== null
        ? 'reused'
        : row.revoked_at !== null
          ? 'revoked'
          : stale
            ? 'revoked'
            : num(row.expires_at) <= at
              ? 'expired'
              : 'invalid';
    if (reason === 'reused' || (reason === 'revoked' && row.revoked_at === null)) {
      yield sql`UPDATE refresh_tokens SET revoked_at = ${at}
        WHERE family_id = ${String(row.family_id)} AND revoked_at IS NULL`;
      step(op, 'revoke_family');
    }
    return { ok: false, reason };
  };
}

/** @internal */
export function revokeRefreshFamily(tokenHash: string, now: Date): Operation<void> {
  return function* ({ dialect }) {
    yield* lockAccount(dialect, { refreshTokenHash: tokenHash });
    yield sql`UPDATE refresh_tokens SET revoked_at = ${now.getTime()}
      WHERE family_id IN (SELECT family_id FROM refresh_tokens WHERE token_hash = ${tokenHash})
        AND revoked_at IS NULL`;
  };
}
