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
 * The minimal driver each adapter provides.
 */
export interface SqlDriver {
  readonly dialect: Dialect;
  /** Run the operation as one transaction: all of it commits or none of it. */
  transaction<T>(operation: Operation<T>): Promise<T>;
  /** Run an operation whose statements each stand alone (autocommit), typically just one. */
  single<T>(operation: Operation<T>): Promise<T>;
  /** Whether `error` is a unique-constraint violation on a column whose name contains `column`. */
  isUniqueViolation(error: unknown, column: string): boolean;
  /** Wait for running work, then release the connection(s). Idempotent. */
  close(): Promise<void>;
}
