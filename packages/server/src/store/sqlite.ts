import { chmodSync, closeSync, fdatasyncSync, openSync } from 'node:fs';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { createLogger, type Logger } from '../log.ts';
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
import { createSqlStore, driverOf } from './sql/store.ts';
import {
  type CheckpointerOptions,
  type CheckpointerStats,
  createWalCheckpointer,
  type WalCheckpointer,
} from './sqlite-checkpointer.ts';
import type { Store } from './types.ts';

/**
 * Options of {@link openSqliteStore}.
 *
 * @example
 * ```ts
 * const options: SqliteStoreOptions = {
 *   path: './data/connect-auth.db',
 *   busyTimeoutMs: 5000,
 *   walCheckpoint: 'worker',
 * };
 * ```
 */
export interface SqliteStoreOptions {
  /** Database file, or `':memory:'` (one private database per store). */
  path: string;
  /** How long a statement waits for another process's write lock (ms). Default 5000. */
  busyTimeoutMs?: number;
  /**
   * Who copies the write-ahead log into the database file. `'worker'` (the default for a file):
   * once the store has served ~100 writes, a worker thread with its own connection checkpoints
   * every ~64 writes, so the copying and its fsyncs leave the event loop; calls wait briefly only
   * when the log passes ~4,096 pages (16 MiB at the default page size) while it starts over. If the
   * thread cannot start or fails, the connection checkpoints again, with a warning.
   * `'connection'`: SQLite's own automatic checkpoint, inside the commit that passes 1,000 pages,
   * on the event loop — no extra thread or connection. In-memory databases always use it.
   */
  walCheckpoint?: 'worker' | 'connection';
  /** Where the checkpoint worker's warnings go. Default: JSON lines on stderr. */
  logger?: Logger;
  /** Fault injection for tests only. */
  testHooks?: StoreTestHooks;
}

const STATEMENT_CACHE_SIZE = 256;

/**
 * Most relaxed writes one group commit takes; more called in one turn make more groups, so a
 * burst never grows one transaction (and the WAL the checkpointer cannot copy meanwhile) without
 * bound, and a RESTART checkpoint can run between them.
 */
const MAX_GROUP = 64;

/** A relaxed write (a transaction or a single statement) waiting for the group commit at the end of the loop turn. */
interface Grouped {
  operation: Operation<unknown>;
  relaxed: true | ((value: unknown) => boolean);
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** Whether a relaxed write's result asks for durability after all (a replay that revoked a family). */
const asksDurability = (member: Grouped, value: unknown): boolean =>
  member.relaxed !== true && !member.relaxed(value);

/** A cached statement: whether it returns rows, and whether it may write (all but SELECTs). */
interface Prepared {
  statement: StatementSync;
  returnsRows: boolean;
  writes: boolean;
}

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
 *
 * Group commit: relaxed writes (transactions and single statements) are not run when called but at
 * the end of the loop turn (`setImmediate`), those called in that turn (up to `MAX_GROUP`) in one
 * `BEGIN IMMEDIATE … COMMIT`, each in a savepoint of its own, so each is still all or nothing and
 * fails alone. Under concurrent load a commit's fixed cost — the lock, the WAL header and frames of
 * the pages every rotation touches — is paid once per turn instead of once per request: with 16
 * connections refreshing, ~3,600 rotations/s instead of ~2,100 on the bench machine. Strict writes
 * are never grouped and never wait; one called in the same turn as relaxed ones runs first.
 *
 * Checkpoints: with `walCheckpoint: 'worker'` a worker thread copies the WAL into the database file
 * (`sqlite-checkpointer.ts`); while it runs a RESTART checkpoint, calls queue in order (`#serve`)
 * instead of blocking the event loop on the write lock, and `close()` lets them run first.
 */
class SqliteDriver implements SqlDriver {
  readonly dialect = 'sqlite' as const;
  readonly #db: DatabaseSync;
  /** Prepared statements by text, and whether each returns rows (`columns()` costs 3–6 µs a call). */
  readonly #statements = new Map<string, Prepared>();
  readonly #context: SqlContext;
  #closing: Promise<void> | undefined;
  #synchronous: 'FULL' | 'NORMAL' = 'FULL';
  /** Whether the running operation wrote (a statement other than a SELECT ran). */
  #wrote = false;
  readonly #checkpointer: WalCheckpointer | undefined;
  #wal: number | undefined;
  readonly #walMode: boolean;
  /** Relaxed writes to commit together at the end of this loop turn, and when the last group is done. */
  #group: Grouped[] | undefined;
  #grouped: Promise<void> | undefined;

  constructor(
    db: DatabaseSync,
    hooks: StoreTestHooks | undefined,
    checkpoints: Omit<CheckpointerOptions, 'path'> | undefined,
  ) {
    this.#db = db;
    const mode = db.prepare('PRAGMA journal_mode').get() as { journal_mode?: string } | undefined;
    this.#walMode = mode?.journal_mode === 'wal';
    const path = db.location();
    if (checkpoints && this.#walMode && path !== null) {
      this.#checkpointer = createWalCheckpointer(db, { ...checkpoints, path });
    }
    this.#context = {
      dialect: 'sqlite',
      step: (operation, step) => hooks?.afterStatement?.(operation, step),
    };
  }

  transaction<T>(operation: Operation<T>, options?: CommitOptions<T>): Promise<T> {
    const relaxed = options?.relaxed ?? false;
    if (relaxed !== false && this.#walMode) return this.#join(operation, relaxed);
    // Strict, or outside WAL mode, where nothing is relaxed.
    return this.#settle(() => {
      this.#setSynchronous('FULL');
      return this.#runTransaction(operation);
    });
  }

  single<T>(operation: Operation<T>, options?: { relaxed?: boolean }): Promise<T> {
    if (options?.relaxed && this.#walMode) return this.#join(operation, true);
    // Strict, or outside WAL mode, where nothing is relaxed.
    return this.#settle(() => {
      this.#setSynchronous('FULL');
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

  close(): Promise<void> {
    this.#closing ??= (async () => {
      // Relaxed writes waiting for their group commit were accepted: they run first.
      await this.#grouped;
      // Calls queued behind a RESTART checkpoint were accepted: they run first.
      for (let paused = this.#checkpointer?.paused; paused; paused = this.#checkpointer?.paused)
        await paused;
      await this.#checkpointer?.close();
      this.#statements.clear();
      this.#db.close();
      if (this.#wal !== undefined) closeSync(this.#wal);
    })();
    return this.#closing;
  }

  /** What the WAL checkpointer did so far (undefined: the connection checkpoints, as SQLite does). */
  checkpoints(): CheckpointerStats | undefined {
    return this.#checkpointer?.stats();
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
    if (this.#closing) return Promise.reject(new StoreError('closed', 'The store is closed.'));
    return this.#serve(run);
  }

  /** Run now, or — while a RESTART checkpoint holds the database — queued, in call order. */
  #serve<T>(run: () => T): Promise<T> {
    const paused = this.#checkpointer?.paused;
    if (paused) return paused.then(() => this.#serve(run));
    try {
      this.#wrote = false;
      const value = run();
      if (this.#wrote) this.#checkpointer?.wrote();
      return Promise.resolve(value);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Queue a relaxed write for the group commit at the end of this loop turn. */
  #join<T>(operation: Operation<T>, relaxed: true | ((value: T) => boolean)): Promise<T> {
    if (this.#closing) return Promise.reject(new StoreError('closed', 'The store is closed.'));
    return new Promise<T>((resolve, reject) => {
      let group = this.#group;
      if (!group || group.length >= MAX_GROUP) {
        const members: Grouped[] = [];
        group = this.#group = members;
        const committed = new Promise<void>((done) =>
          setImmediate(() => {
            if (this.#group === members) this.#group = undefined;
            void this.#serve(() => this.#commitGroup(members)).then(done, done);
          }),
        );
        // Groups commit in the order they were started: the last one done, all are.
        this.#grouped = committed;
      }
      group.push({
        operation,
        relaxed: relaxed as Grouped['relaxed'],
        resolve: resolve as (value: unknown) => void,
        reject,
      });
    });
  }

  /**
   * Commit a group of relaxed writes as one: each in a savepoint of its own (all of it or
   * none of it, as alone), one `COMMIT` for them all. A failure of the whole (the `BEGIN`, the
   * `COMMIT`, a statement that aborted the transaction) fails every member.
   */
  #commitGroup(group: Grouped[]): void {
    this.#setSynchronous('NORMAL');
    const [only] = group;
    if (only && group.length === 1) {
      // Alone in its turn: its own transaction, as a relaxed write ran before groups.
      try {
        const value = this.#runTransaction(only.operation);
        if (asksDurability(only, value)) this.#syncWal();
        only.resolve(value);
      } catch (error) {
        only.reject(error);
      }
      return;
    }
    const done: Array<{ member: Grouped; value: unknown }> = [];
    const failed: Array<{ member: Grouped; error: unknown }> = [];
    try {
      this.#db.exec('BEGIN IMMEDIATE');
      for (const member of group) {
        this.#db.exec('SAVEPOINT grouped');
        try {
          const value = this.#drive(member.operation);
          this.#db.exec('RELEASE grouped');
          done.push({ member, value });
        } catch (error) {
          // A statement that ended the transaction itself (a full disk) took the others with it.
          if (!this.#db.isTransaction) throw error;
          this.#db.exec('ROLLBACK TO grouped');
          this.#db.exec('RELEASE grouped');
          failed.push({ member, error });
        }
      }
      this.#db.exec('COMMIT');
    } catch (error) {
      if (this.#db.isTransaction) this.#db.exec('ROLLBACK');
      for (const member of group) member.reject(error);
      return;
    }
    for (const { member, error } of failed) member.reject(error);
    // A member whose result asks for durability after all (a replay that revoked a family) is
    // answered only once the WAL, and with it the whole group, is on disk.
    const strict = done.filter(({ member, value }) => asksDurability(member, value));
    if (strict.length > 0) {
      try {
        this.#syncWal();
      } catch (error) {
        // A promise settles once: for these, the resolve below does nothing.
        for (const { member } of strict) member.reject(error);
      }
    }
    for (const { member, value } of done) member.resolve(value);
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
    const { statement, returnsRows, writes } = this.#prepare(render(query, 'sqlite'));
    const values = query.values as Array<string | number | null>;
    if (writes) this.#wrote = true;
    if (returnsRows) {
      const rows = statement.all(...values) as Array<Record<string, unknown>>;
      return { rows, changes: rows.length };
    }
    const { changes } = statement.run(...values);
    return { rows: [], changes: Number(changes) };
  }

  #prepare(text: string): Prepared {
    let prepared = this.#statements.get(text);
    if (!prepared) {
      if (this.#statements.size >= STATEMENT_CACHE_SIZE) this.#statements.clear();
      const statement = this.#db.prepare(text);
      prepared = {
        statement,
        returnsRows: statement.columns().length > 0,
        writes: !/^\s*SELECT\b/i.test(text),
      };
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
    const checkpoints =
      (options.walCheckpoint ?? 'worker') === 'worker'
        ? { busyTimeoutMs: timeout, logger: options.logger ?? createLogger() }
        : undefined;
    const driver = new SqliteDriver(db, options.testHooks, checkpoints);
    const store = createSqlStore(driver, { migrationLock: null });
    try {
      await store.migrate();
    } catch (error) {
      await driver.close();
      throw error;
    }
    return store;
  } catch (error) {
    if (db.isOpen) db.close();
    throw error;
  }
}

/**
 * What the WAL checkpoint worker of a store opened by {@link openSqliteStore} did so far;
 * undefined for any other store, or when its connection checkpoints itself from the start.
 *
 * @internal
 */
export function sqliteCheckpoints(store: Store): CheckpointerStats | undefined {
  const driver = driverOf(store);
  return driver instanceof SqliteDriver ? driver.checkpoints() : undefined;
}
