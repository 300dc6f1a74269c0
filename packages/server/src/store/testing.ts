import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { openPostgresStore } from './postgres.ts';
import type { SqlDriver, StoreTestHooks } from './sql/driver.ts';
import { sql } from './sql/query.ts';
import { toToken } from './sql/rows.ts';
import { driverOf } from './sql/store.ts';
import { openSqliteStore } from './sqlite.ts';
import type { AccountStatus, Store, TokenRecord } from './types.ts';

/**
 * Options for a test store.
 */
export interface TestStoreOptions {
  /** Fault injection (see {@link StoreTestHooks}). */
  testHooks?: StoreTestHooks;
}

/**
 * One fresh, isolated database that several stores can open at once (like several server
 * processes). `destroy()` closes nothing for you: close the stores first.
 */
export interface TestDatabase {
  /** Where the database lives, so another process can open it (see `multiprocess.test.ts`). */
  location: { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string; schema: string };
  /** Open another store (another connection / pool) over this database. */
  open(options?: TestStoreOptions): Promise<Store>;
  /**
   * Run one trusted SQL statement directly (for tests that tamper with the database) and return
   * its rows, with numbers as numbers.
   */
  query(statement: string): Promise<Array<Record<string, unknown>>>;
  /** Delete the database (SQLite: the temp directory; PostgreSQL: `DROP SCHEMA … CASCADE`). */
  destroy(): Promise<void>;
}

/**
 * How tests get stores of one adapter.
 */
export interface StoreFactory {
  name: 'sqlite' | 'postgres';
  /** False when the adapter cannot run here (PostgreSQL unreachable); `reason` says why. */
  available: boolean;
  reason?: string;
  /** A fresh isolated database; closing the returned store deletes it. */
  open(options?: TestStoreOptions): Promise<Store>;
  /** A fresh isolated database to open several times (shared rate limits, migrations…). */
  database(): Promise<TestDatabase>;
}

/**
 * PostgreSQL used by tests: `TEST_DATABASE_URL`, else the local trust-auth server.
 */
export const testDatabaseUrl =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let probe: Promise<string | null> | undefined;

/** Resolves null when PostgreSQL answers, else the reason it cannot be used. */
function probePostgres(): Promise<string | null> {
  probe ??= (async () => {
    const client = new pg.Client({
      connectionString: testDatabaseUrl,
      connectionTimeoutMillis: 3000,
    });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return null;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return `PostgreSQL unavailable at ${redact(testDatabaseUrl)} (${message}); set TEST_DATABASE_URL to run these tests`;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return probe;
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

/** Make a store's `close()` also run `after` (deleting its private database). */
function closing(store: Store, after: () => Promise<void>): Store {
  const wrapped: Store = Object.create(store);
  wrapped.close = async () => {
    await store.close();
    await after();
  };
  return wrapped;
}

async function sqliteDatabase(): Promise<TestDatabase> {
  const dir = await mkdtemp(join(tmpdir(), 'connect-auth-store-'));
  const path = join(dir, 'test.db');
  return {
    location: { kind: 'sqlite', path },
    open: (options) => openSqliteStore({ path, ...options }),
    async query(statement) {
      const db = new DatabaseSync(path, { timeout: 5000 });
      try {
        const prepared = db.prepare(statement);
        if (prepared.columns().length === 0) {
          prepared.run();
          return [];
        }
        return prepared.all().map((row) => ({ ...row }));
      } finally {
        db.close();
      }
    },
    destroy: () => rm(dir, { recursive: true, force: true }),
  };
}

async function postgresDatabase(): Promise<TestDatabase> {
  const schema = `ca_test_${randomBytes(6).toString('hex')}`;
  return {
    location: { kind: 'postgres', url: testDatabaseUrl, schema },
    open: (options) => openPostgresStore({ url: testDatabaseUrl, schema, ...options }),
    async query(statement) {
      const client = new pg.Client({
        connectionString: testDatabaseUrl,
        options: `-c search_path=${schema}`,
      });
      await client.connect();
      try {
        const { rows } = await client.query<Record<string, unknown>>(statement);
        return rows.map((row) =>
          Object.fromEntries(
            Object.entries(row).map(([k, v]) => [
              k,
              typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v,
            ]),
          ),
        );
      } finally {
        await client.end();
      }
    },
    async destroy() {
      const client = new pg.Client({ connectionString: testDatabaseUrl });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

function factory(
  name: StoreFactory['name'],
  database: () => Promise<TestDatabase>,
  reason: string | null,
): StoreFactory {
  return {
    name,
    available: reason === null,
    ...(reason === null ? {} : { reason }),
    database,
    async open(options) {
      const db = await database();
      try {
        return closing(await db.open(options), () => db.destroy());
      } catch (error) {
        await db.destroy();
        throw error;
      }
    },
  };
}

/**
 * The adapters tests should run against: SQLite (a temp file, always available) and PostgreSQL
 * (a fresh schema per database; available when {@link testDatabaseUrl} answers). Use with
 * `describe.skipIf(!f.available)` and print `f.reason` so a skip is never silent.
 */
export async function storeFactories(): Promise<StoreFactory[]> {
  return [
    factory('sqlite', sqliteDatabase, null),
    factory('postgres', postgresDatabase, await probePostgres()),
  ];
}

/*
 * What only tests do to a store, so not part of {@link Store}: the server inspects tokens with
 * `inspectToken` and changes an account's status through its flows (`setAccountDisabled`,
 * activation, verification). Both work on any store the adapters open, wrapped or not.
 */

function driver(store: Store): SqlDriver {
  const found = driverOf(store);
  if (!found) throw new Error('not a store opened by openSqliteStore or openPostgresStore');
  return found;
}

/** The token row with this hash, as stored (null when there is none). */
export function findTokenByHash(store: Store, tokenHash: string): Promise<TokenRecord | null> {
  return driver(store).single(function* () {
    const { rows } = yield sql`SELECT * FROM tokens WHERE token_hash = ${tokenHash}`;
    return rows[0] ? toToken(rows[0]) : null;
  });
}

/**
 * Put an account in `status` directly. Becoming `active` stamps `activatedAt` once; becoming
 * `disabled` also revokes every refresh token of the account (a disabled account keeps no
 * session). One transaction, with a fault-injection step after each statement.
 */
export function setAccountStatus(
  store: Store,
  id: string,
  status: AccountStatus,
  now: Date,
): Promise<void> {
  return driver(store).transaction(function* ({ step }) {
    const at = now.getTime();
    if (status === 'active') {
      yield sql`UPDATE accounts SET status = 'active', activated_at = COALESCE(activated_at, ${at}), updated_at = ${at} WHERE id = ${id}`;
    } else {
      yield sql`UPDATE accounts SET status = ${status}, updated_at = ${at} WHERE id = ${id}`;
    }
    step('setAccountStatus', 'status');
    if (status === 'disabled') {
      yield sql`UPDATE refresh_tokens SET revoked_at = ${at} WHERE account_id = ${id} AND revoked_at IS NULL`;
      step('setAccountStatus', 'revoke_refresh');
    }
  });
}
