import { chmodSync, closeSync, fdatasyncSync, openSync } from 'node:fs';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { StoreError } from './errors.ts';
import type {
  CommitOptions,
  Operation,
  SqlContext,
  SqlDriver,
  StoreTestHooks,
} from './sql/driver.ts';
import type { SqlQuery, SqlResult } from './sql/query.ts';
import { render } from './sql/query.ts';
import { createSqlStore } from './sql/store.ts';
import type { Store } from './types.ts';

/**
 * Options of {@link openSqliteStore}.
 *
 * @example
 * ```ts
 * const options: SqliteStoreOptions = { path: './data/connect-auth.db', busyTimeoutMs: 5000 };
 * ```
 */
export interface SqliteStoreOptions {
  /** Database file, or `':memory:'` (one private database per store). */
  path: string;
  /** How long a statement waits for another process's write lock (ms). Default 5000. */
  busyTimeoutMs?: number;
  /** Fault injection for tests only. */
  testHooks?: StoreTestHooks;
}

const STATEMENT_CACHE_SIZE = 256;

/**
 * The embedded SQLite driver over `node:sqlite`'s synchronous `DatabaseSync`.
 *
 * Concurrency: each operation runs to completion synchronously — `BEGIN IMMEDIATE`, its statements,
 * `COMMIT` (or `ROLLBACK` on any error) — without ever yielding to the event loop, so the one
 * shared connection never interleaves two transactions (no in-process mutex is needed: there is
 * no await inside a transaction to interleave at). Across processes opening the same file, WAL
 * mode lets readers proceed while `BEGIN IMMEDIATE` takes the single write lock up front and
 * `busy_timeout` waits for it (blocking that process's event loop meanwhile). That is fine for one
 * or a few processes; PostgreSQL is the scale-out path.
 *
 * Durability: every commit is fsynced (`synchronous = FULL`) unless the operation is relaxed (see
 * `CommitOptions`): the fsync runs on the event loop, and on a busy disk it took 0.3–3 ms — most
 * of a refresh, and ten of them per sign-in stalled every other request. The level can only change
 * between transactions, so it is set before `BEGIN`; a relaxed transaction whose result asks for
 * durability after all is made durable by an fsync of the WAL file, which holds every commit so far.
 */
class SqliteDriver implements SqlDriver {
  readonly dialect = 'sqlite' as const;
  readonly #db: DatabaseSync;
  /** Prepared statements by text, and whether each returns rows (`columns()` costs 3–6 µs a call). */
  readonly #statements = new Map<string, { statement: StatementSync; returnsRows: boolean }>();
  readonly #context: SqlContext;
  #closed = false;
  #synchronous: 'FULL' | 'NORMAL' = 'FULL';
  #wal: number | undefined;
  readonly #walMode: boolean;

  constructor(db: DatabaseSync, hooks: StoreTestHooks | undefined) {
    this.#db = db;
    const mode = db.prepare('PRAGMA journal_mode').get() as { journal_mode?: string } | undefined;
    this.#walMode = mode?.journal_mode === 'wal';
    this.#context = {
      dialect: 'sqlite',
      step: (operation, step) => hooks?.afterStatement?.(operation, step),
    };
  }

  transaction<T>(operation: Operation<T>, options?: CommitOptions<T>): Promise<T> {
    return this.#settle(() => {
      const relaxed = options?.relaxed ?? false;
      this.#setSynchronous(relaxed === false ? 'FULL' : 'NORMAL');
      const value = this.#runTransaction(operation);
      if (typeof relaxed === 'function' && !relaxed(value)) this.#syncWal();
      return value;
    });
  }

  single<T>(operation: Operation<T>, options?: { relaxed?: boolean }): Promise<T> {
    return this.#settle(() => {
      this.#setSynchronous(options?.relaxed ? 'NORMAL' : 'FULL');
      return this.#drive(operation);
    });
  }

  isUniqueViolation(error: unknown, column: string): boolean {
    if (!(error instanceof Error)) return false;
    const { errcode } = error as { errcode?: unknown };
    // SQLITE_CONSTRAINT_UNIQUE (2067) / SQLITE_CONSTRAINT_PRIMARYKEY (1555).
    const unique =
      errcode === 2067 || errcode === 1555 || /UNIQUE constraint failed/.test(error.message);
    return unique && error.message.includes(column);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#statements.clear();
    this.#db.close();
    if (this.#wal !== undefined) closeSync(this.#wal);
  }

  #setSynchronous(wanted: 'FULL' | 'NORMAL') {
    // Outside WAL mode (in memory, or a file system that refused WAL) nothing is relaxed.
    const level = this.#walMode ? wanted : 'FULL';
    if (this.#synchronous === level) return;
    this.#db.exec(`PRAGMA synchronous = ${level}`);
    this.#synchronous = level;
  }

  /** fsync the WAL file: every commit so far, relaxed ones included, is then durable. */
  #syncWal() {
    const path = this.#db.location();
    if (path === null || !this.#walMode) return;
    // SQLite never deletes the WAL while a connection (this one) is open: the descriptor stays valid.
    this.#wal ??= openSync(`${path}-wal`, 'r+');
    fdatasyncSync(this.#wal);
  }

  #settle<T>(run: () => T): Promise<T> {
    try {
      if (this.#closed) throw new StoreError('closed', 'The store is closed.');
      return Promise.resolve(run());
    } catch (error) {
      return Promise.reject(error);
    }
  }

  #runTransaction<T>(operation: Operation<T>): T {
    this.#db.exec('BEGIN IMMEDIATE');
    try {
      const value = this.#drive(operation);
      this.#db.exec('COMMIT');
      return value;
    } catch (error) {
      if (this.#db.isTransaction) this.#db.exec('ROLLBACK');
      throw error;
    }
  }

  #drive<T>(operation: Operation<T>): T {
    const work = operation(this.#context);
    let next = work.next();
    while (!next.done) next = work.next(this.#execute(next.value));
    return next.value;
  }

  #execute(query: SqlQuery): SqlResult {
    const { statement, returnsRows } = this.#prepare(render(query, 'sqlite'));
    const values = query.values as Array<string | number | null>;
    if (returnsRows) {
      const rows = statement.all(...values) as Array<Record<string, unknown>>;
      return { rows, changes: rows.length };
    }
    const { changes } = statement.run(...values);
    return { rows: [], changes: Number(changes) };
  }

  #prepare(text: string): { statement: StatementSync; returnsRows: boolean } {
    let prepared = this.#statements.get(text);
    if (!prepared) {
      if (this.#statements.size >= STATEMENT_CACHE_SIZE) this.#statements.clear();
      const statement = this.#db.prepare(text);
      prepared = { statement, returnsRows: statement.columns().length > 0 };
      this.#statements.set(text, prepared);
    }
    return prepared;
  }
}

/**
 * Open (creating if needed) an SQLite store and apply pending migrations. WAL journal,
 * `busy_timeout`, foreign keys on. Several processes may open the same file; PostgreSQL is the
 * path for more than a few.
 *
 * @example
 * ```ts
 * const store = await openSqliteStore({ path: '/var/lib/connect-auth/connect-auth.db' });
 * const account = await store.findAccountByEmailKey('ada@example.com');
 * await store.close();
 * ```
 */
export async function openSqliteStore(options: SqliteStoreOptions): Promise<Store> {
  const timeout = options.busyTimeoutMs ?? 5000;
  if (options.path !== ':memory:' && !options.path.startsWith('file:')) {
    // Created owner-only before SQLite opens it (hashes, emails, sealed keys; SECURITY 31);
    // SQLite gives the -wal and -shm files the database file's mode.
    closeSync(openSync(options.path, 'a', 0o600));
    chmodSync(options.path, 0o600);
  }
  const db = new DatabaseSync(options.path, {
    timeout,
    enableForeignKeyConstraints: true,
  });
  try {
    db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(timeout))}`);
    if (options.path !== ':memory:') db.exec('PRAGMA journal_mode = WAL');
    // Explicit, not left to build defaults: every commit (a consumed token) is fsynced.
    db.exec('PRAGMA synchronous = FULL');
    db.exec('PRAGMA foreign_keys = ON');
    const store = createSqlStore(new SqliteDriver(db, options.testHooks), { migrationLock: null });
    await store.migrate();
    return store;
  } catch (error) {
    if (db.isOpen) db.close();
    throw error;
  }
}
