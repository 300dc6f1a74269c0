import type { SqlQuery, SqlResult } from './query.ts';

/** The two SQL dialects the store speaks. */
export type Dialect = 'sqlite' | 'postgres';

/**
 * Test hooks (never set in production). `afterStatement` runs after each statement of a
 * multi-statement operation, inside its transaction; throwing there aborts the transaction the
 * way a failing statement would, which is how the shared suite proves all-or-nothing.
 *
 * @example
 * ```ts
 * const hooks: StoreTestHooks = {
 *   afterStatement(operation, step) {
 *     if (operation === 'completePasswordReset' && step === 'revoke_refresh') throw new Error('fault');
 *   },
 * };
 * ```
 */
export interface StoreTestHooks {
  afterStatement?(operation: string, step: string): void;
}

/** What an operation sees besides its statements. */
export interface SqlContext {
  readonly dialect: Dialect;
  /** Report that `step` of `operation` ran (the fault-injection point of {@link StoreTestHooks}). */
  step(operation: string, step: string): void;
}

/**
 * A store operation: a generator that yields statements and receives their results. Written once
 * for both dialects. SQLite runs it synchronously between `BEGIN IMMEDIATE` and `COMMIT` (so no
 * other work can interleave on the shared connection); PostgreSQL awaits each statement on one
 * pooled client between `BEGIN` and `COMMIT`.
 */
export type Operation<T> = (context: SqlContext) => Generator<SqlQuery, T, SqlResult>;

/**
 * How durable a commit must be before its promise settles. By default (`relaxed` absent or
 * false) a commit is on disk first: SQLite fsyncs its WAL (`synchronous = FULL`), PostgreSQL waits
 * for its WAL flush. A relaxed commit survives a crash of this process but may be lost to an OS
 * crash or power loss (SQLite: `synchronous = NORMAL` for it; PostgreSQL:
 * `synchronous_commit = off`, which also loses it if the database server itself crashes) until
 * the next strict commit, which makes every earlier commit durable too (both journals are written
 * in order). Only for frequent writes whose loss costs a user at most a new sign-in or an attacker
 * a few more guesses — refresh rotations, new sessions, rate-limit counters — never for consumed
 * one-time tokens, password changes or revocations. A function is asked with the operation's
 * result, so one operation can be relaxed on its common path and strict on the rare one (a
 * rotation is relaxed; a replay that revokes the family is strict). PostgreSQL relaxes
 * transactions only; its autocommit statements do not wait on the event loop anyway — except the
 * one statement of a successful refresh rotation, which relaxes itself (`sql/refresh.ts`).
 */
export interface CommitOptions<T> {
  relaxed?: boolean | ((value: T) => boolean);
}

/**
 * The minimal driver each adapter provides.
 */
export interface SqlDriver {
  readonly dialect: Dialect;
  /** Run the operation as one transaction: all of it commits or none of it. */
  transaction<T>(operation: Operation<T>, options?: CommitOptions<T>): Promise<T>;
  /** Run an operation whose statements each stand alone (autocommit), typically just one. */
  single<T>(operation: Operation<T>, options?: { relaxed?: boolean }): Promise<T>;
  /** Whether `error` is a unique-constraint violation on a column whose name contains `column`. */
  isUniqueViolation(error: unknown, column: string): boolean;
  /** Wait for running work, then release the connection(s). Idempotent. */
  close(): Promise<void>;
}
