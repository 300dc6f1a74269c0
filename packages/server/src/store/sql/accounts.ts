import type { AccountRecord } from '../types.ts';
import type { Operation } from './driver.ts';
import { sql } from './query.ts';
import { num, toAccount } from './rows.ts';

// Account operations, shared by both dialects.

/** @internal */
export type NewAccount = Omit<
  AccountRecord,
  | 'failedSignIns'
  | 'credentialVersion'
  | 'activatedAt'
  | 'updatedAt'
  | 'activationMailedAt'
  | 'locale'
> & { locale?: string | null };

/** @internal */
export function createAccount(account: NewAccount): Operation<AccountRecord> {
  return function* () {
    const at = account.createdAt.getTime();
    const activatedAt = account.status === 'active' ? at : null;
    const { rows } = yield sql`INSERT INTO accounts
      (id, email, email_key, name, locale, status, password_hash, credential_version, failed_sign_ins, created_at, updated_at, activated_at)
      VALUES (${account.id}, ${account.email}, ${account.emailKey}, ${account.name}, ${account.locale ?? null}, ${account.status},
              ${account.passwordHash}, 1, 0, ${at}, ${at}, ${activatedAt})
      RETURNING *`;
    return toAccount(rows[0] ?? {});
  };
}

/** @internal */
export function importAccounts(
  accounts: ReadonlyArray<{
    id: string;
    email: string;
    emailKey: string;
    name: string | null;
    locale?: string | null;
  }>,
  now: Date,
): Operation<number> {
  return function* () {
    const at = now.getTime();
    let inserted = 0;
    for (const a of accounts) {
      const { changes } = yield sql`INSERT INTO accounts
        (id, email, email_key, name, locale, status, password_hash, credential_version, failed_sign_ins, created_at, updated_at, activated_at)
        VALUES (${a.id}, ${a.email}, ${a.emailKey}, ${a.name}, ${a.locale ?? null}, 'pending_activation', NULL, 1, 0, ${at}, ${at}, NULL)
        ON CONFLICT (email_key) DO NOTHING`;
      inserted += changes;
    }
    return inserted;
  };
}

/** @internal */
export function findAccount(
  by: 'id' | 'email_key',
  value: string,
): Operation<AccountRecord | null> {
  return function* () {
    const { rows } =
      by === 'id'
        ? yield sql`SELECT * FROM accounts WHERE id = ${value}`
        : yield sql`SELECT * FROM accounts WHERE email_key = ${value}`;
    return rows[0] ? toAccount(rows[0]) : null;
  };
}

/** @internal */
export function setAccountLocale(id: string, locale: string | null, now: Date): Operation<boolean> {
  return function* () {
    const { changes } =
      yield sql`UPDATE accounts SET locale = ${locale}, updated_at = ${now.getTime()} WHERE id = ${id}`;
    return changes > 0;
  };
}

/**
 * Count a failed sign-in. A relaxed commit (`CommitOptions`) on both adapters: on PostgreSQL the
 * statement relaxes its own commit (`set_config(…, true)`, as a refresh rotation does), so one
 * account's failures, which queue on its row lock, do not each hold it across a WAL flush.
 *
 * @internal
 */
export function recordFailedSignIn(accountId: string, now: Date): Operation<number> {
  return function* ({ dialect }) {
    const { rows } =
      dialect === 'postgres'
        ? yield sql`UPDATE accounts SET failed_sign_ins = failed_sign_ins + 1, updated_at = ${now.getTime()}
          WHERE id = ${accountId}
          RETURNING failed_sign_ins, set_config('synchronous_commit', 'off', true) AS relaxed_commit`
        : yield sql`UPDATE accounts SET failed_sign_ins = failed_sign_ins + 1, updated_at = ${now.getTime()}
          WHERE id = ${accountId} RETURNING failed_sign_ins`;
    return rows[0] ? num(rows[0].failed_sign_ins) : 0;
  };
}

/** @internal */
export function recordSuccessfulSignIn(
  accountId: string,
  now: Date,
  rehash?: { from: string; to: string },
): Operation<void> {
  return function* () {
    const at = now.getTime();
    yield sql`UPDATE accounts SET failed_sign_ins = 0, updated_at = ${at} WHERE id = ${accountId}`;
    if (rehash !== undefined) {
      yield sql`UPDATE accounts SET password_hash = ${rehash.to}, updated_at = ${at}
        WHERE id = ${accountId} AND password_hash = ${rehash.from}`;
    }
  };
}
