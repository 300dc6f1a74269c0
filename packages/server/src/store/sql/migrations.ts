import { StoreError } from '../errors.ts';
import type { Dialect, Operation } from './driver.ts';
import { raw, sql } from './query.ts';
import { num } from './rows.ts';

/**
 * One schema migration. Statements are plain DDL valid in both SQLite and PostgreSQL (times are
 * BIGINT epoch milliseconds in both, which keeps the adapters byte-for-byte comparable); a
 * migration that needs dialect-specific SQL provides `statements` as a function of the dialect.
 * Never edit a released migration: append a new version.
 */
export interface Migration {
  version: number;
  name: string;
  statements: readonly string[] | ((dialect: Dialect) => readonly string[]);
}

/**
 * Every migration, in order. Version numbers are dense and start at 1.
 */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    statements: [
      `CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL,
        email_key TEXT NOT NULL UNIQUE,
        name TEXT,
        status TEXT NOT NULL CHECK (status IN ('pending_activation', 'active', 'pending_verification', 'disabled')),
        password_hash TEXT,
        credential_version INTEGER NOT NULL DEFAULT 1,
        failed_sign_ins INTEGER NOT NULL DEFAULT 0,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL,
        activated_at BIGINT
      )`,
      `CREATE TABLE tokens (
        id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        purpose TEXT NOT NULL CHECK (purpose IN ('reset', 'activation', 'verify_email')),
        token_hash TEXT NOT NULL UNIQUE,
        code_hash TEXT,
        code_attempts INTEGER NOT NULL DEFAULT 0,
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL,
        used_at BIGINT,
        superseded_at BIGINT
      )`,
      'CREATE INDEX tokens_account_purpose ON tokens (account_id, purpose, created_at)',
      `CREATE TABLE refresh_tokens (
        id TEXT PRIMARY KEY,
        family_id TEXT NOT NULL,
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        token_hash TEXT NOT NULL UNIQUE,
        credential_version INTEGER NOT NULL,
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL,
        used_at BIGINT,
        revoked_at BIGINT
      )`,
      'CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id)',
      'CREATE INDEX refresh_tokens_account ON refresh_tokens (account_id)',
      `CREATE TABLE outbox (
        id TEXT PRIMARY KEY,
        recipient TEXT NOT NULL,
        template TEXT NOT NULL,
        payload TEXT,
        status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'dead')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at BIGINT NOT NULL,
        lease_until BIGINT,
        last_error TEXT,
        created_at BIGINT NOT NULL,
        sent_at BIGINT
      )`,
      'CREATE INDEX outbox_due ON outbox (status, next_attempt_at)',
      'CREATE INDEX outbox_created ON outbox (created_at)',
      `CREATE TABLE rate_limits (
        key TEXT PRIMARY KEY,
        hits INTEGER NOT NULL,
        reset_at BIGINT NOT NULL
      )`,
      `CREATE TABLE signing_keys (
        kid TEXT PRIMARY KEY,
        alg TEXT NOT NULL,
        private_jwk TEXT NOT NULL,
        public_jwk TEXT NOT NULL,
        created_at BIGINT NOT NULL
      )`,
    ],
  },
  {
    version: 2,
    name: 'refresh token parent',
    // The token a refresh token was rotated from: the reuse grace window grants a sibling only
    // while no successor of the presented token has itself been rotated.
    statements: [
      'ALTER TABLE refresh_tokens ADD COLUMN parent_id TEXT',
      'CREATE INDEX refresh_tokens_parent ON refresh_tokens (parent_id)',
    ],
  },
  {
    version: 3,
    name: 'migration toolkit',
    // Activation campaigns (cooldown clock per account), admin API keys (hash only), the audit
    // log (no foreign key: history outlives the account row), self-service email changes.
    statements: [
      'ALTER TABLE accounts ADD COLUMN activation_mailed_at BIGINT',
      'CREATE INDEX accounts_status ON accounts (status, email_key)',
      'CREATE INDEX accounts_activated ON accounts (activated_at)',
      `CREATE TABLE admin_keys (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        prefix TEXT NOT NULL UNIQUE,
        key_hash TEXT NOT NULL UNIQUE,
        created_at BIGINT NOT NULL,
        last_used_at BIGINT,
        revoked_at BIGINT
      )`,
      `CREATE TABLE audit_log (
        id TEXT PRIMARY KEY,
        at BIGINT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        account_id TEXT,
        account_email TEXT,
        detail TEXT
      )`,
      'CREATE INDEX audit_log_account ON audit_log (account_id, at)',
      'CREATE INDEX audit_log_at ON audit_log (at)',
      `CREATE TABLE email_changes (
        id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        new_email TEXT NOT NULL,
        new_email_key TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL,
        used_at BIGINT,
        superseded_at BIGINT
      )`,
      'CREATE INDEX email_changes_account ON email_changes (account_id)',
    ],
  },
  {
    version: 4,
    name: 'account locale',
    // The account's preferred language (a language tag, e.g. 'fr'): its mails are written in it.
    // NULL for every existing account means the server's default, English, as before.
    statements: ['ALTER TABLE accounts ADD COLUMN locale TEXT'],
  },
  {
    version: 5,
    name: 'registration password on its verification token',
    // A verify_email token carries the password hash of the registration that sent it, so
    // verifying activates exactly that registration's password: a later registration of the
    // same pending address replaces the earlier one (and its link), never the reverse.
    statements: ['ALTER TABLE tokens ADD COLUMN password_hash TEXT'],
  },
  {
    version: 6,
    name: 'one refresh token lineage index',
    // Every lookup of refresh tokens other than by hash stays inside one account: all of an
    // account's tokens (sign-out everywhere, password change, the foreign key's cascade), one
    // family of it (reuse revokes the family), one token's children (the grace window). One index
    // on (account_id, family_id, parent_id) serves all three as prefixes where three indexes did,
    // and each rotation inserts a row into every index of the table (SQLite, 6,000 tokens: ~8.8
    // → ~6.5 pages written per rotation). The queries name the account and family
    // (`sql/refresh.ts`) so that the prefix applies. PostgreSQL builds the index at startup
    // holding a lock that blocks writes to refresh_tokens meanwhile (a second or so per million).
    statements: [
      'CREATE INDEX refresh_tokens_lineage ON refresh_tokens (account_id, family_id, parent_id)',
      'DROP INDEX refresh_tokens_family',
      'DROP INDEX refresh_tokens_account',
      'DROP INDEX refresh_tokens_parent',
    ],
  },
  {
    version: 7,
    name: 'refresh tokens without a primary key index (SQLite)',
    // A refresh token is only ever looked up by its hash (UNIQUE) or by its lineage (migration 6);
    // its `id` names it as a child's `parent_id` and is never searched for. On SQLite the
    // primary key on `id` was one more b-tree every rotation wrote a page of (random UUIDs, a
    // random leaf each time): ~6.5 → ~5.5 pages per rotation. The table is rebuilt without it
    // (SQLite cannot drop a primary key), holding the write lock meanwhile (about a second per
    // million tokens). `id` keeps NOT NULL and stays unique by construction (122 random bits per
    // id). PostgreSQL keeps its primary key: there the index costs no extra commit.
    statements: (dialect) =>
      dialect === 'sqlite'
        ? [
            `CREATE TABLE refresh_tokens_v7 (
              id TEXT NOT NULL,
              family_id TEXT NOT NULL,
              account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
              token_hash TEXT NOT NULL UNIQUE,
              credential_version INTEGER NOT NULL,
              created_at BIGINT NOT NULL,
              expires_at BIGINT NOT NULL,
              used_at BIGINT,
              revoked_at BIGINT,
              parent_id TEXT
            )`,
            `INSERT INTO refresh_tokens_v7 (id, family_id, account_id, token_hash, credential_version,
                created_at, expires_at, used_at, revoked_at, parent_id)
              SELECT id, family_id, account_id, token_hash, credential_version,
                created_at, expires_at, used_at, revoked_at, parent_id
              FROM refresh_tokens ORDER BY rowid`,
            'DROP TABLE refresh_tokens',
            'ALTER TABLE refresh_tokens_v7 RENAME TO refresh_tokens',
            'CREATE INDEX refresh_tokens_lineage ON refresh_tokens (account_id, family_id, parent_id)',
          ]
        : [],
  },
];

/**
 * Apply every pending migration in one transaction. The adapters make it safe against several
 * processes starting at once: SQLite's `BEGIN IMMEDIATE` holds the write lock, PostgreSQL takes
 * a transaction-scoped advisory lock first (`lock` statement). A database migrated by a newer
 * server (a version this code does not know) is refused rather than used.
 */
export function migrate(
  list: readonly Migration[],
  lock: string | null,
  now: () => number = Date.now,
): Operation<number[]> {
  return function* ({ dialect }) {
    if (lock) yield raw(lock);
    yield sql`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at BIGINT NOT NULL
    )`;
    const { rows } = yield sql`SELECT version FROM schema_migrations`;
    const done = new Set(rows.map((row) => num(row.version)));
    const known = new Set(list.map((m) => m.version));
    const unknown = [...done].filter((v) => !known.has(v));
    if (unknown.length > 0) {
      throw new StoreError(
        'schema_too_new',
        `The database has schema version(s) ${unknown.join(', ')} which this server does not know; upgrade the server.`,
      );
    }
    const applied: number[] = [];
    for (const migration of list) {
      if (done.has(migration.version)) continue;
      const statements =
        typeof migration.statements === 'function'
          ? migration.statements(dialect)
          : migration.statements;
      for (const statement of statements) yield raw(statement);
      yield sql`INSERT INTO schema_migrations (version, name, applied_at) VALUES (${migration.version}, ${migration.name}, ${now()})`;
      applied.push(migration.version);
    }
    return applied;
  };
}
