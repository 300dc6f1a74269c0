import { PASSWORD_PURPOSES } from '../one-time-purposes.ts';
import type {
  AccountQuery,
  AccountRecord,
  AccountStats,
  AccountStatus,
  AdminKeyRecord,
  AuditRecord,
  ConsumeFailure,
  EmailChangeRecord,
  NewAuditEntry,
  NewOutboxMail,
  TokenRecord,
} from '../types.ts';
import type { Operation } from './driver.ts';
import { lockAccount } from './lock.ts';
import { spentReason } from './one-time-tokens.ts';
import { insertMail } from './outbox.ts';
import type { SqlQuery } from './query.ts';
import { sql } from './query.ts';
import { num, toAccount, toAdminKey, toAudit, toEmailChange } from './rows.ts';

// The migration toolkit's operations (operators, Customer Services, self-service), both dialects.
// Optional filters are written `CAST(x AS TEXT) IS NULL OR …` so PostgreSQL can type the parameter.

const DAY_MS = 86_400_000;
const STATUSES: readonly AccountStatus[] = [
  'pending_activation',
  'active',
  'pending_verification',
  'disabled',
];

/** @internal */
export function insertAudit(entry: NewAuditEntry): SqlQuery {
  return sql`INSERT INTO audit_log (id, at, actor, action, account_id, account_email, detail)
    VALUES (${entry.id}, ${entry.at.getTime()}, ${entry.actor}, ${entry.action}, ${entry.accountId},
            ${entry.accountEmail}, ${entry.detail === null ? null : JSON.stringify(entry.detail)})`;
}

/** @internal */
export function accountStats(): Operation<AccountStats> {
  return function* () {
    const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<
      AccountStatus,
      number
    >;
    const counts = yield sql`SELECT status, COUNT(*) AS n FROM accounts GROUP BY status`;
    let total = 0;
    for (const row of counts.rows) {
      const n = num(row.n);
      byStatus[String(row.status) as AccountStatus] = n;
      total += n;
    }
    // The divisor is literal SQL: node:sqlite binds numbers as REAL, which would not truncate.
    const days = yield sql`SELECT day, COUNT(*) AS n
      FROM (SELECT activated_at / 86400000 AS day FROM accounts WHERE activated_at IS NOT NULL) d
      GROUP BY day ORDER BY day`;
    const activationsByDay = days.rows.map((row) => ({
      day: new Date(num(row.day) * DAY_MS).toISOString().slice(0, 10),
      count: num(row.n),
    }));
    return { total, byStatus, activationsByDay };
  };
}

/** `%text%` for LIKE, with the wildcards of the text escaped. */
function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** @internal */
export function listAccounts(query: AccountQuery): Operation<AccountRecord[]> {
  return function* () {
    const status = query.status ?? null;
    const pattern = query.search ? likePattern(query.search) : null;
    const after = query.afterEmailKey ?? '';
    const { rows } = yield sql`SELECT * FROM accounts
      WHERE (CAST(${status} AS TEXT) IS NULL OR status = ${status})
        AND (CAST(${pattern} AS TEXT) IS NULL
             OR email_key LIKE ${pattern} ESCAPE '\\' OR LOWER(COALESCE(name, '')) LIKE ${pattern} ESCAPE '\\')
        AND email_key > ${after}
      ORDER BY email_key LIMIT ${query.limit}`;
    return rows.map(toAccount);
  };
}

/** @internal */
export function listActivationDue(input: {
  mailedBefore: Date;
  createdBefore: Date | null;
  limit: number;
  afterEmailKey?: string;
}): Operation<AccountRecord[]> {
  return function* () {
    const created = input.createdBefore?.getTime() ?? null;
    const { rows } = yield sql`SELECT * FROM accounts
      WHERE status = 'pending_activation'
        AND (activation_mailed_at IS NULL OR activation_mailed_at < ${input.mailedBefore.getTime()})
        AND (CAST(${created} AS BIGINT) IS NULL OR created_at < ${created})
        AND email_key > ${input.afterEmailKey ?? ''}
      ORDER BY email_key LIMIT ${input.limit}`;
    return rows.map(toAccount);
  };
}

/** @internal */
export function issueActivation(input: {
  token: TokenRecord;
  mail: NewOutboxMail;
  mailedBefore: Date | null;
  audit?: NewAuditEntry;
}): Operation<boolean> {
  return function* ({ dialect, step }) {
    const op = 'issueActivation';
    const { token } = input;
    const at = token.createdAt.getTime();
    const before = input.mailedBefore?.getTime() ?? null;
    yield* lockAccount(dialect, { accountId: token.accountId });
    // The claim: only one campaign (or process) stamps the account within its cooldown.
    const claimed = yield sql`UPDATE accounts SET activation_mailed_at = ${at}
      WHERE id = ${token.accountId} AND status = 'pending_activation'
        AND (CAST(${before} AS BIGINT) IS NULL OR activation_mailed_at IS NULL OR activation_mailed_at < ${before})`;
    if (claimed.changes === 0) return false;
    step(op, 'claim');
    yield sql`UPDATE tokens SET superseded_at = ${at}
      WHERE account_id = ${token.accountId} AND purpose IN (${PASSWORD_PURPOSES})
        AND used_at IS NULL AND superseded_at IS NULL`;
    yield sql`INSERT INTO tokens
      (id, account_id, purpose, token_hash, code_hash, code_attempts, created_at, expires_at, used_at, superseded_at)
      VALUES (${token.id}, ${token.accountId}, ${token.purpose}, ${token.tokenHash}, ${token.codeHash},
              0, ${at}, ${token.expiresAt.getTime()}, NULL, NULL)`;
    step(op, 'insert_token');
    yield insertMail(input.mail);
    step(op, 'enqueue_mail');
    if (input.audit) yield insertAudit(input.audit);
    return true;
  };
}

/** @internal */
export function setAccountDisabled(
  accountId: string,
  disabled: boolean,
  now: Date,
  audit?: NewAuditEntry,
): Operation<AccountRecord | null> {
  return function* ({ dialect, step }) {
    const at = now.getTime();
    yield* lockAccount(dialect, { accountId });
    const { rows } = disabled
      ? yield sql`UPDATE accounts SET status = 'disabled', updated_at = ${at} WHERE id = ${accountId} RETURNING *`
      : yield sql`UPDATE accounts SET updated_at = ${at}, status = CASE
            WHEN status <> 'disabled' THEN status
            WHEN password_hash IS NULL THEN 'pending_activation'
            WHEN activated_at IS NOT NULL THEN 'active'
            ELSE 'pending_verification' END
          WHERE id = ${accountId} RETURNING *`;
    if (!rows[0]) return null;
    step('setAccountDisabled', 'status');
    if (disabled) {
      yield sql`UPDATE refresh_tokens SET revoked_at = ${at} WHERE account_id = ${accountId} AND revoked_at IS NULL`;
      step('setAccountDisabled', 'revoke_refresh');
    }
    if (audit) yield insertAudit(audit);
    return toAccount(rows[0]);
  };
}

/** @internal */
export function revokeAllSessions(
  accountId: string,
  now: Date,
  audit?: NewAuditEntry,
): Operation<number> {
  return function* ({ dialect, step }) {
    const at = now.getTime();
    yield* lockAccount(dialect, { accountId });
    const bumped =
      yield sql`UPDATE accounts SET credential_version = credential_version + 1, updated_at = ${at}
      WHERE id = ${accountId}`;
    if (bumped.changes === 0) return 0;
    step('revokeAllSessions', 'bump');
    const revoked = yield sql`UPDATE refresh_tokens SET revoked_at = ${at}
      WHERE account_id = ${accountId} AND revoked_at IS NULL`;
    step('revokeAllSessions', 'revoke_refresh');
    if (audit) yield insertAudit(audit);
    return revoked.changes;
  };
}

/** @internal */
export function changePassword(input: {
  accountId: string;
  expectedHash: string;
  passwordHash: string;
  now: Date;
  notice: NewOutboxMail;
}): Operation<AccountRecord | null> {
  return function* ({ dialect, step }) {
    const at = input.now.getTime();
    yield* lockAccount(dialect, { accountId: input.accountId });
    const { rows } = yield sql`UPDATE accounts SET password_hash = ${input.passwordHash},
        credential_version = credential_version + 1, failed_sign_ins = 0, updated_at = ${at}
      WHERE id = ${input.accountId} AND status = 'active' AND password_hash = ${input.expectedHash}
      RETURNING *`;
    if (!rows[0]) return null;
    step('changePassword', 'set_password');
    yield sql`UPDATE refresh_tokens SET revoked_at = ${at}
      WHERE account_id = ${input.accountId} AND revoked_at IS NULL`;
    step('changePassword', 'revoke_refresh');
    // A reset link mailed earlier must not undo the change.
    yield sql`UPDATE tokens SET superseded_at = ${at}
      WHERE account_id = ${input.accountId} AND purpose IN (${PASSWORD_PURPOSES})
        AND used_at IS NULL AND superseded_at IS NULL`;
    yield insertMail(input.notice);
    step('changePassword', 'enqueue_notice');
    return toAccount(rows[0]);
  };
}

/** @internal */
export function issueEmailChange(change: EmailChangeRecord, mail: NewOutboxMail): Operation<void> {
  return function* ({ dialect, step }) {
    const at = change.createdAt.getTime();
    yield* lockAccount(dialect, { accountId: change.accountId });
    yield sql`UPDATE email_changes SET superseded_at = ${at}
      WHERE account_id = ${change.accountId} AND used_at IS NULL AND superseded_at IS NULL`;
    yield sql`INSERT INTO email_changes
      (id, account_id, new_email, new_email_key, token_hash, created_at, expires_at, used_at, superseded_at)
      VALUES (${change.id}, ${change.accountId}, ${change.newEmail}, ${change.newEmailKey},
              ${change.tokenHash}, ${at}, ${change.expiresAt.getTime()}, NULL, NULL)`;
    step('issueEmailChange', 'insert');
    yield insertMail(mail);
  };
}

/** @internal */
export function completeEmailChange(input: {
  tokenHash: string;
  now: Date;
  notice: (account: AccountRecord, oldEmail: string) => NewOutboxMail;
}): Operation<
  | { ok: true; account: AccountRecord; oldEmail: string }
  | { ok: false; reason: ConsumeFailure | 'email_taken' }
> {
  return function* ({ dialect, step }) {
    const at = input.now.getTime();
    const found = yield sql`SELECT c.*, a.status, a.email AS old_email FROM email_changes c
      JOIN accounts a ON a.id = c.account_id WHERE c.token_hash = ${input.tokenHash}`;
    const row = found.rows[0];
    if (row?.status !== 'active') return { ok: false, reason: 'invalid' };
    const change = toEmailChange(row);
    yield* lockAccount(dialect, { accountId: change.accountId });
    const consumed = yield sql`UPDATE email_changes SET used_at = ${at}
      WHERE id = ${change.id} AND used_at IS NULL AND superseded_at IS NULL AND expires_at > ${at}`;
    // Not consumed: the link was spent, or it was read live and another confirmation won since.
    if (consumed.changes === 0) return { ok: false, reason: spentReason(change, at) ?? 'used' };
    step('completeEmailChange', 'consume');
    const taken = yield sql`SELECT id FROM accounts WHERE email_key = ${change.newEmailKey}`;
    if (taken.rows.length > 0) {
      // Leave the change unconsumed-and-void: nothing else changes.
      yield sql`UPDATE email_changes SET superseded_at = ${at} WHERE id = ${change.id}`;
      return { ok: false, reason: 'email_taken' };
    }
    const { rows } =
      yield sql`UPDATE accounts SET email = ${change.newEmail}, email_key = ${change.newEmailKey},
        updated_at = ${at} WHERE id = ${change.accountId} RETURNING *`;
    step('completeEmailChange', 'move');
    // Links mailed to the old address stop working.
    yield sql`UPDATE tokens SET superseded_at = ${at}
      WHERE account_id = ${change.accountId} AND used_at IS NULL AND superseded_at IS NULL`;
    const account = toAccount(rows[0] ?? {});
    const oldEmail = String(row.old_email);
    yield insertMail(input.notice(account, oldEmail));
    step('completeEmailChange', 'enqueue_notice');
    return { ok: true, account, oldEmail };
  };
}

/** @internal */
export function recoverAccountEmail(input: {
  accountId: string;
  email: string;
  emailKey: string;
  token: TokenRecord;
  mail: NewOutboxMail;
  notice: NewOutboxMail;
  audit: NewAuditEntry;
}): Operation<
  { ok: true; account: AccountRecord } | { ok: false; reason: 'not_found' | 'email_taken' }
> {
  return function* ({ dialect, step }) {
    const op = 'recoverAccountEmail';
    const at = input.token.createdAt.getTime();
    yield* lockAccount(dialect, { accountId: input.accountId });
    const taken =
      yield sql`SELECT id FROM accounts WHERE email_key = ${input.emailKey} AND id <> ${input.accountId}`;
    if (taken.rows.length > 0) return { ok: false, reason: 'email_taken' };
    const { rows } =
      yield sql`UPDATE accounts SET email = ${input.email}, email_key = ${input.emailKey},
        status = 'pending_activation', password_hash = NULL, credential_version = credential_version + 1,
        failed_sign_ins = 0, activation_mailed_at = ${at}, updated_at = ${at}
      WHERE id = ${input.accountId} RETURNING *`;
    if (!rows[0]) return { ok: false, reason: 'not_found' };
    step(op, 'move');
    yield sql`UPDATE refresh_tokens SET revoked_at = ${at} WHERE account_id = ${input.accountId} AND revoked_at IS NULL`;
    yield sql`UPDATE tokens SET superseded_at = ${at}
      WHERE account_id = ${input.accountId} AND used_at IS NULL AND superseded_at IS NULL`;
    yield sql`UPDATE email_changes SET superseded_at = ${at}
      WHERE account_id = ${input.accountId} AND used_at IS NULL AND superseded_at IS NULL`;
    step(op, 'revoke');
    const t = input.token;
    yield sql`INSERT INTO tokens
      (id, account_id, purpose, token_hash, code_hash, code_attempts, created_at, expires_at, used_at, superseded_at)
      VALUES (${t.id}, ${t.accountId}, ${t.purpose}, ${t.tokenHash}, ${t.codeHash}, 0, ${at},
              ${t.expiresAt.getTime()}, NULL, NULL)`;
    yield insertMail(input.mail);
    yield insertMail(input.notice);
    step(op, 'enqueue');
    yield insertAudit(input.audit);
    return { ok: true, account: toAccount(rows[0]) };
  };
}

/** @internal */
export function createAdminKey(key: AdminKeyRecord, audit?: NewAuditEntry): Operation<void> {
  return function* () {
    yield sql`INSERT INTO admin_keys (id, name, prefix, key_hash, created_at, last_used_at, revoked_at)
      VALUES (${key.id}, ${key.name}, ${key.prefix}, ${key.keyHash}, ${key.createdAt.getTime()}, NULL, NULL)`;
    if (audit) yield insertAudit(audit);
  };
}

/** @internal */
export function listAdminKeys(): Operation<AdminKeyRecord[]> {
  return function* () {
    const { rows } = yield sql`SELECT * FROM admin_keys ORDER BY created_at, id`;
    return rows.map(toAdminKey);
  };
}

/** @internal */
export function findAdminKeyByHash(keyHash: string): Operation<AdminKeyRecord | null> {
  return function* () {
    const { rows } = yield sql`SELECT * FROM admin_keys WHERE key_hash = ${keyHash}`;
    return rows[0] ? toAdminKey(rows[0]) : null;
  };
}

/** @internal */
export function revokeAdminKey(
  idOrPrefix: string,
  now: Date,
  audit?: NewAuditEntry,
): Operation<boolean> {
  return function* () {
    const { changes } = yield sql`UPDATE admin_keys SET revoked_at = ${now.getTime()}
      WHERE (id = ${idOrPrefix} OR prefix = ${idOrPrefix}) AND revoked_at IS NULL`;
    if (changes === 0) return false;
    if (audit) yield insertAudit(audit);
    return true;
  };
}

/** @internal */
export function touchAdminKey(id: string, now: Date): Operation<void> {
  return function* () {
    yield sql`UPDATE admin_keys SET last_used_at = ${now.getTime()} WHERE id = ${id}`;
  };
}

/** @internal */
export function appendAudit(entry: NewAuditEntry): Operation<void> {
  return function* () {
    yield insertAudit(entry);
  };
}

/** @internal */
export function listAudit(query: {
  accountId?: string;
  limit: number;
  before?: Date;
}): Operation<AuditRecord[]> {
  return function* () {
    const account = query.accountId ?? null;
    const before = query.before?.getTime() ?? Number.MAX_SAFE_INTEGER;
    const { rows } = yield sql`SELECT * FROM audit_log
      WHERE (CAST(${account} AS TEXT) IS NULL OR account_id = ${account}) AND at < ${before}
      ORDER BY at DESC, id DESC LIMIT ${query.limit}`;
    return rows.map(toAudit);
  };
}
