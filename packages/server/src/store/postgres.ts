// Types only: `pg` is imported when a PostgreSQL store opens, so a SQLite server never loads it
// (~1 MiB and tens of ms of module loading).
import type pg from 'pg';
import { StoreError } from './errors.ts';
import type {
  CommitOptions,
  Operation,
  SqlContext,
  SqlDriver,
  StoreTestHooks,
} from './sql/driver.ts';
import { render } from './sql/query.ts';
import { createSqlStore } from './sql/store.ts';
import type { Store } from './types.ts';

/**
 * Options of {@link openPostgresStore}.
 *
 * @example
 * ```ts
 * const options: PostgresStoreOptions = { url: 'postgres://app@db:5432/auth', max: 20 };
 * ```
 */
export interface PostgresStoreOptions {
  /** `postgres://user:password@host:5432/database` */
  url: string;
  /**
   * Schema to use (created if missing; set as `search_path` on every pooled connection). Default:
   * the server's default search path (usually `public`). Must be a plain identifier.
   */
  schema?: string;
  /** Pool size. Default 10. */
  max?: number;
  /**
   * `statement_timeout` of every pooled connection, in ms: a statement (a lock wait included)
   * running longer is cancelled by PostgreSQL, so a hung query fails instead of holding its
   * request, its pooled client and `close()` forever. Default 15 000 ({@link
   * DEFAULT_STATEMENT_TIMEOUT_MS}); 0 sets none (the database's or role's own setting applies).
   */
  statementTimeoutMs?: number;
  /** Called with errors of idle pooled connections (e.g. the server restarted). Default: ignored; the next query reconnects. */
  onIdleError?: (error: Error) => void;
  /** Fault injection for tests only. */
  testHooks?: StoreTestHooks;
}

/**
 * Default `statement_timeout` of pooled connections: far above any statement of the store
 * (milliseconds each), short enough that shutdown never waits on a hung query for long.
 */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 15_000;

/** The pool behind each PostgreSQL store, for tests that must look at a real pooled connection. */
const pools = new WeakMap<Store, pg.Pool>();

/**
 * The `pg` Pool of a store opened by {@link openPostgresStore} (tests only).
 *
 * @internal
 */
export function poolOf(store: Store): pg.Pool | undefined {
  for (let s: object | null = store; s; s = Object.getPrototypeOf(s)) {
    const pool = pools.get(s as Store);
    if (pool) return pool;
  }
  return undefined;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const MIGRATION_LOCK =
  "SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':connect-auth:migrate'))";

type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

/** A failure on a connection that was dead before the attempt used it: nothing ran. */
class StaleConnection extends Error {
  constructor(cause: unknown) {
    super('stale pooled connection', { cause });
  }
}

/**
 * Whether a statement failed because its connection was already gone, so the database never ran
 * it: the server's FATAL notice of a terminated backend (57P01 admin shutdown, 57P02 crash
 * shutdown, 57P03 cannot connect now) or `pg` refusing a client that has already seen a
 * connection error. A socket that closes without a word mid-statement is not one of these (the
 * statement may have committed).
 */
function isConnectionGone(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  if (e?.code === '57P01' || e?.code === '57P02' || e?.code === '57P03') return true;
  return typeof e?.message === 'string' && e.message.includes('is not queryable');
}

/**
 * The PostgreSQL driver over a `pg` Pool. A transaction holds one pooled client from `BEGIN` to
 * `COMMIT`/`ROLLBACK`, at READ COMMITTED: every consuming step is a conditional
 * `UPDATE … RETURNING` (PostgreSQL re-checks the condition on the locked row once a concurrent
 * writer commits, so exactly one caller wins), and claims use `FOR UPDATE SKIP LOCKED`.
 */
class PostgresDriver implements SqlDriver {
  readonly dialect = 'postgres' as const;
  readonly #pool: pg.Pool;
  readonly #context: SqlContext;
  readonly #running = new Set<Promise<unknown>>();
  readonly #maxRetries: number;
  #closed = false;

  constructor(pool: pg.Pool, hooks: StoreTestHooks | undefined) {
    this.#pool = pool;
    this.#maxRetries = pool.options.max;
    this.#context = {
      dialect: 'postgres',
      step: (operation, step) => hooks?.afterStatement?.(operation, step),
    };
  }

  transaction<T>(operation: Operation<T>, options?: CommitOptions<T>): Promise<T> {
    return this.#track(() => this.#staleRetried(() => this.#transaction(operation, options)));
  }

  single<T>(operation: Operation<T>): Promise<T> {
    return this.#track(() =>
      this.#staleRetried(async () => {
        let sent = false;
        try {
          return await this.#drive(operation, this.#pool, () => {
            sent = true;
          });
        } catch (error) {
          throw sent ? error : new StaleConnection(error);
        }
      }),
    );
  }

  /**
   * Run `attempt` again when it failed on a pooled connection that was already dead before it
   * was used: the database terminated idle connections (a restart, a failover,
   * `pg_terminate_backend`) and the pool handed one out before its 'error' event arrived. Nothing
   * ran on such a connection, so trying another is safe; found by the adversarial fault suite,
   * where the first sign-in after the database came back answered 500. Bounded by the pool size
   * (each retry discards one dead connection). Anything else fails as it did.
   */
  async #staleRetried<T>(attempt: () => Promise<T>): Promise<T> {
    for (let tries = 0; ; tries++) {
      try {
        return await attempt();
      } catch (error) {
        if (!(error instanceof StaleConnection)) throw error;
        if (tries >= this.#maxRetries) throw error.cause;
      }
    }
  }

  async #transaction<T>(operation: Operation<T>, options?: CommitOptions<T>): Promise<T> {
    const client = await this.#pool.connect();
    let broken: Error | undefined;
    // A checked-out client has no pool listener: a connection the database drops between two
    // statements (terminated, restarted) would emit an unhandled 'error' and kill the process.
    // Found by the adversarial suite; the next statement fails instead, and the client is
    // discarded rather than returned to the pool.
    const onError = (error: Error) => {
      broken = error;
    };
    client.on('error', onError);
    try {
      try {
        await client.query('BEGIN');
      } catch (error) {
        broken = error instanceof Error ? error : new Error(String(error));
        // BEGIN changes nothing, so a connection that failed it was gone before this attempt.
        throw isConnectionGone(error) ? new StaleConnection(error) : error;
      }
      try {
        const value = await this.#drive(operation, client);
        const relaxed = options?.relaxed ?? false;
        // A relaxed commit does not wait for the WAL flush (one round trip, no parameters).
        if (typeof relaxed === 'function' ? relaxed(value) : relaxed)
          await client.query('SET LOCAL synchronous_commit = off; COMMIT');
        else await client.query('COMMIT');
        return value;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          broken =
            rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        }
        throw error;
      }
    } finally {
      client.off('error', onError);
      client.release(broken);
    }
  }

  isUniqueViolation(error: unknown, column: string): boolean {
    const e = error as { code?: unknown; constraint?: unknown } | null;
    return e?.code === '23505' && typeof e.constraint === 'string' && e.constraint.includes(column);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.allSettled([...this.#running]);
    await this.#pool.end();
  }

  #track<T>(run: () => Promise<T>): Promise<T> {
    if (this.#closed) return Promise.reject(new StoreError('closed', 'The store is closed.'));
    const promise = run();
    this.#running.add(promise);
    const forget = () => this.#running.delete(promise);
    promise.then(forget, forget);
    return promise;
  }

  async #drive<T>(operation: Operation<T>, target: Queryable, ran?: () => void): Promise<T> {
    const work = operation(this.#context);
    let next = work.next();
    while (!next.done) {
      const query = next.value;
      let result: pg.QueryResult;
      try {
        result = await target.query({
          ...(query.name === undefined ? {} : { name: query.name }),
          text: render(query, 'postgres'),
          values: query.values as unknown[],
        });
      } catch (error) {
        // The statement may have run unless the connection was gone before it was sent.
        if (!isConnectionGone(error)) ran?.();
        throw error;
      }
      ran?.();
      next = work.next({ rows: result.rows, changes: result.rowCount ?? 0 });
    }
    return next.value;
  }
}

/**
 * Open a PostgreSQL store (a `pg` Pool) and apply pending migrations under an advisory lock, so
 * several processes starting at once migrate exactly once. The scale-out path: any number of
 * server processes may share one database.
 *
 * @example
 * ```ts
 * const store = await openPostgresStore({ url: process.env.DATABASE_URL ?? '' });
 * ```
 */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const { schema } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new StoreError(
      'invalid_options',
      'schema must be a lower-case identifier (letters, digits, underscore).',
    );
  }
  const statementTimeoutMs = options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS;
  if (!Number.isInteger(statementTimeoutMs) || statementTimeoutMs < 0) {
    throw new StoreError('invalid_options', 'statementTimeoutMs must be a whole number ≥ 0.');
  }
  const { default: pgModule } = await import('pg');
  if (schema !== undefined) await createSchema(pgModule, options.url, schema);
  const pool = new pgModule.Pool({
    connectionString: options.url,
    max: options.max ?? 10,
    connectionTimeoutMillis: 10_000,
    // Sent in the startup message, so it holds on every connection the pool ever opens.
    ...(statementTimeoutMs > 0 ? { statement_timeout: statementTimeoutMs } : {}),
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  pool.on('error', (error) => options.onIdleError?.(error));
  const store = createSqlStore(new PostgresDriver(pool, options.testHooks), {
    migrationLock: MIGRATION_LOCK,
  });
  pools.set(store, pool);
  try {
    await store.migrate();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

async function createSchema(pgModule: typeof pg, url: string, schema: string): Promise<void> {
  const client = new pgModule.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } catch (error) {
    // Two processes creating the same schema at once: the loser sees a duplicate; that is fine.
    const code = (error as { code?: unknown }).code;
    if (code !== '23505' && code !== '42P06') throw error;
  } finally {
    await client.end();
  }
}
