import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../log.ts';
import { openPostgresStore } from './postgres.ts';
import { openSqliteStore } from './sqlite.ts';
import type { Store } from './types.ts';

export { isStoreError, StoreError, type StoreErrorCode } from './errors.ts';
export {
  DEFAULT_STATEMENT_TIMEOUT_MS,
  openPostgresStore,
  type PostgresStoreOptions,
} from './postgres.ts';
export type { StoreTestHooks } from './sql/driver.ts';
export { openSqliteStore, type SqliteStoreOptions } from './sqlite.ts';
export type * from './types.ts';

/**
 * File name of the SQLite database inside the data directory.
 */
export const SQLITE_FILE_NAME = 'connect-auth.db';

/**
 * Open the configured store: PostgreSQL when `databaseUrl` is a `postgres://` or
 * `postgresql://` URL, otherwise the SQLite file `<dataDir>/connect-auth.db` (the directory is
 * created if missing; `dataDir` defaults to `./.data`, as the server's `DATA_DIR` does).
 * Migrations are applied on open.
 *
 * @example
 * ```ts
 * const store = await openStore({ databaseUrl: process.env.DATABASE_URL, dataDir: './.data' });
 * ```
 */
export async function openStore(options: {
  databaseUrl?: string;
  dataDir?: string;
  /** PostgreSQL only: `statement_timeout` of pooled connections in ms (default 15 000; 0: none). */
  statementTimeoutMs?: number;
  /** SQLite only: where the WAL checkpoint worker's warnings go (`openSqliteStore`'s `logger`). */
  logger?: Logger;
  /** SQLite only: who checkpoints the WAL (`openSqliteStore`'s `walCheckpoint`; default worker). */
  walCheckpoint?: 'worker' | 'connection';
}): Promise<Store> {
  const url = options.databaseUrl?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//i.test(url)) {
      throw new TypeError('databaseUrl must be a postgres:// or postgresql:// URL.');
    }
    return openPostgresStore(
      options.statementTimeoutMs === undefined
        ? { url }
        : { url, statementTimeoutMs: options.statementTimeoutMs },
    );
  }
  const dataDir = options.dataDir ?? './.data';
  // The database holds password hashes, emails and sealed keys: owner-only (SECURITY 31).
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  return openSqliteStore({
    path: join(dataDir, SQLITE_FILE_NAME),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.walCheckpoint ? { walCheckpoint: options.walCheckpoint } : {}),
  });
}
