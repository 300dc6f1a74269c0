import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../config.ts';
import { isStoreError } from './errors.ts';
import { openStore, SQLITE_FILE_NAME } from './index.ts';
import { openSqliteStore } from './sqlite.ts';
import { createAccount, issue, resetInput } from './suite/fixtures.ts';

describe('SQLite adapter specifics', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'connect-auth-sqlite-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('openStore without a database URL creates <dataDir>/connect-auth.db in WAL mode', async () => {
    const dataDir = join(dir, 'nested', 'data');
    const store = await openStore({ dataDir });
    expect(store.kind).toBe('sqlite');
    await createAccount(store);
    await store.close();
    const path = join(dataDir, SQLITE_FILE_NAME);
    expect(existsSync(path)).toBe(true);
    const db = new DatabaseSync(path);
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    expect(db.prepare('SELECT COUNT(*) AS n FROM accounts').get()).toEqual({ n: 1 });
    db.close();
  });

  it('SECURITY 31 (#8 item 8): the data directory is created 0700, the database and its WAL files 0600, whatever the umask', async () => {
    const previous = process.umask(0o022);
    try {
      const dataDir = join(dir, 'fresh', 'data');
      const store = await openStore({ dataDir });
      await createAccount(store);
      const mode = async (path: string) => (await stat(path)).mode & 0o777;
      expect(await mode(dataDir)).toBe(0o700);
      for (const suffix of ['', '-wal', '-shm']) {
        const path = join(dataDir, SQLITE_FILE_NAME + suffix);
        if (suffix === '' || existsSync(path)) expect(await mode(path), suffix).toBe(0o600);
      }
      expect(existsSync(join(dataDir, `${SQLITE_FILE_NAME}-wal`))).toBe(true);
      await store.close();
      // A database file left world-readable by an earlier version is tightened on open.
      await chmod(join(dataDir, SQLITE_FILE_NAME), 0o644);
      await (await openStore({ dataDir })).close();
      expect(await mode(join(dataDir, SQLITE_FILE_NAME))).toBe(0o600);
    } finally {
      process.umask(previous);
    }
  });

  it('openStore defaults to the data directory the server uses (./.data)', async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const store = await openStore({});
      await store.close();
      expect(existsSync(join(dir, resolveConfig({ dev: true }).dataDir, SQLITE_FILE_NAME))).toBe(
        true,
      );
    } finally {
      process.chdir(cwd);
    }
  });

  it('openStore refuses a database URL that is not PostgreSQL', async () => {
    await expect(openStore({ databaseUrl: 'mysql://localhost/x' })).rejects.toThrow(TypeError);
  });

  it('works in memory, each store with its own database', async () => {
    const a = await openSqliteStore({ path: ':memory:' });
    const b = await openSqliteStore({ path: ':memory:' });
    const account = await createAccount(a);
    expect(await b.findAccountById(account.id)).toBeNull();
    await a.close();
    await b.close();
  });

  it('enforces foreign keys', async () => {
    const store = await openSqliteStore({ path: ':memory:' });
    const account = await createAccount(store);
    const t = await issue(store, account);
    const orphan = { ...t, id: 'other', tokenHash: 'other', accountId: 'no-such-account' };
    await expect(store.issueToken(orphan, [], { ...resetInput(t.id, 'x').notice })).rejects.toThrow(
      /FOREIGN KEY/,
    );
    await store.close();
  });

  it('rejects every call after close with StoreError closed, and close is idempotent', async () => {
    const store = await openSqliteStore({ path: ':memory:' });
    await store.close();
    await store.close();
    const error = await store.findAccountById('x').catch((e: unknown) => e);
    expect(isStoreError(error, 'closed')).toBe(true);
  });

  it('a transaction never interleaves with other calls on the shared connection', async () => {
    // Fire many different operations without awaiting in between: each runs BEGIN IMMEDIATE …
    // COMMIT synchronously, so none sees or breaks another's open transaction.
    const store = await openSqliteStore({ path: join(dir, 'x.db') });
    const account = await createAccount(store);
    const t = await issue(store, account);
    const calls = [
      store.completePasswordReset(resetInput(t.id, account.email)),
      store.recordFailedSignIn(account.id, new Date()),
      store.hitRateLimit('k', 1000, new Date()),
      store.completePasswordReset(resetInput(t.id, account.email)),
    ];
    const [first, , , second] = await Promise.all(calls);
    expect(first).toMatchObject({ ok: true });
    expect(second).toEqual({ ok: false, reason: 'used' });
    await store.close();
  });
});
