import { existsSync, statSync } from 'node:fs';
import { chmod, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resolveConfig } from '../config.ts';
import { memoryLogger } from '../log.ts';
import { isStoreError } from './errors.ts';
import { openStore, SQLITE_FILE_NAME } from './index.ts';
import { openSqliteStore, sqliteCheckpoints } from './sqlite.ts';
import { MAX_WAL_FRAMES, START_AFTER_WRITES } from './sqlite-checkpointer.ts';
import {
  at,
  createAccount,
  issue,
  refreshToken,
  resetInput,
  spawnCheckpointerChild,
  useTempDir,
} from './suite/fixtures.ts';
import type { Store } from './types.ts';

// The checkpoint worker's thread, observed (and, when asked, refused) by the tests below.
const threads = vi.hoisted(() => ({ refuse: false, started: [] as Worker[] }));
vi.mock('node:worker_threads', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:worker_threads')>();
  class ObservedWorker extends actual.Worker {
    constructor(...args: ConstructorParameters<typeof actual.Worker>) {
      if (threads.refuse) throw new Error('ERR_WORKER_INIT_FAILED (test)');
      super(...args);
      threads.started.push(this);
    }
  }
  return { ...actual, Worker: ObservedWorker };
});

describe('SQLite adapter specifics', () => {
  const tempDir = useTempDir('connect-auth-sqlite-');

  it('openStore without a database URL creates <dataDir>/connect-auth.db in WAL mode', async () => {
    const dataDir = join(tempDir(), 'nested', 'data');
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
      const dataDir = join(tempDir(), 'fresh', 'data');
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
    process.chdir(tempDir());
    try {
      const store = await openStore({});
      await store.close();
      expect(
        existsSync(join(tempDir(), resolveConfig({ dev: true }).dataDir, SQLITE_FILE_NAME)),
      ).toBe(true);
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
    const store = await openSqliteStore({ path: join(tempDir(), 'x.db') });
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

describe('SQLite group commit of relaxed writes', () => {
  const tempDir = useTempDir('connect-auth-group-');
  let path: string;
  let store: Store | undefined;
  let reader: DatabaseSync | undefined;
  afterEach(async () => {
    reader?.close();
    reader = undefined;
    await store?.close();
    store = undefined;
  });
  /** Refresh tokens committed as used, read by a connection of its own (committed data only). */
  const usedTokens = () => {
    reader ??= new DatabaseSync(path);
    const row = reader.prepare(
      'SELECT COUNT(*) AS n FROM refresh_tokens WHERE used_at IS NOT NULL',
    );
    return Number((row.get() as { n: number }).n);
  };
  /** `count` refresh tokens of one account, inserted and committed. */
  const tokens = async (s: Store, count: number) => {
    const account = await createAccount(s);
    const list = Array.from({ length: count }, () => refreshToken(account));
    for (const t of list) await s.insertRefreshToken(t);
    return { account, list };
  };

  it('rotations called in one turn run at its end, in one transaction, each committed when it settles', async () => {
    path = join(tempDir(), 'group.db');
    // Before each rotation's second statement, what another connection sees: with a commit per
    // rotation the earlier ones would be there.
    const seen: number[] = [];
    store = await openSqliteStore({
      path,
      testHooks: {
        afterStatement(operation, step) {
          if (operation === 'rotateRefreshToken' && step === 'mark_used') seen.push(usedTokens());
        },
      },
    });
    const { account, list } = await tokens(store, 5);
    const rotations = list.map((t) =>
      store?.rotateRefreshToken(t.tokenHash, refreshToken(account), at(1)),
    );
    // Called, not run: nothing is written until the turn ends.
    expect(seen).toEqual([]);
    expect(usedTokens()).toBe(0);
    const results = await Promise.all(rotations);
    expect(results.map((r) => r?.ok)).toEqual([true, true, true, true, true]);
    expect(seen).toEqual([0, 0, 0, 0, 0]);
    expect(usedTokens()).toBe(5);
  });

  it('a member that fails rolls back alone; the rest of its group commits', async () => {
    path = join(tempDir(), 'member.db');
    let inserts = 0;
    store = await openSqliteStore({
      path,
      testHooks: {
        afterStatement(operation, step) {
          if (operation === 'rotateRefreshToken' && step === 'insert_next' && ++inserts === 2)
            throw new Error('fault after the second insert');
        },
      },
    });
    const { account, list } = await tokens(store, 3);
    const children = list.map(() => refreshToken(account));
    const outcomes = await Promise.allSettled(
      list.map((t, i) => store?.rotateRefreshToken(t.tokenHash, children[i] ?? t, at(1))),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({
      message: 'fault after the second insert',
    });
    reader = new DatabaseSync(path);
    const used = (hash: string) =>
      reader?.prepare('SELECT used_at FROM refresh_tokens WHERE token_hash = ?').get(hash) as
        | { used_at: number | null }
        | undefined;
    expect(list.map((t) => used(t.tokenHash)?.used_at ?? null)).toEqual([
      at(1).getTime(),
      null,
      at(1).getTime(),
    ]);
    expect(children.map((c) => used(c.tokenHash) !== undefined)).toEqual([true, false, true]);
  });

  it('a group the database refuses fails every member and writes nothing', async () => {
    path = join(tempDir(), 'busy.db');
    store = await openSqliteStore({ path, busyTimeoutMs: 50 });
    const { account, list } = await tokens(store, 2);
    const [first, second] = list.map((t) => t.tokenHash);
    // Another process holds the write lock past the busy timeout.
    const other = new DatabaseSync(path);
    other.exec('BEGIN IMMEDIATE');
    const outcomes = await Promise.allSettled([
      store.rotateRefreshToken(first ?? '', refreshToken(account), at(1)),
      store.hitRateLimit('k', 60_000, at(1)),
    ]);
    other.exec('ROLLBACK');
    other.close();
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(String((outcomes[0] as PromiseRejectedResult).reason)).toMatch(/locked|busy/i);
    expect(usedTokens()).toBe(0);
    expect(rateLimitHits(path)).toBe(0);
    // The next turn's group goes through.
    expect((await store.rotateRefreshToken(second ?? '', refreshToken(account), at(2))).ok).toBe(
      true,
    );
    expect(usedTokens()).toBe(1);
  });

  it('strict writes are not grouped: one called after relaxed ones in the same turn is committed at once', async () => {
    path = join(tempDir(), 'strict.db');
    store = await openSqliteStore({ path });
    const account = await createAccount(store);
    const t = await issue(store, account);
    const relaxed = store.hitRateLimit('k', 60_000, at(1));
    const strict = store.completePasswordReset(resetInput(t.id, account.email));
    reader = new DatabaseSync(path);
    const consumed = reader.prepare('SELECT used_at FROM tokens WHERE id = ?').get(t.id);
    expect(consumed).toMatchObject({ used_at: expect.any(Number) });
    expect(rateLimitHits(path)).toBe(0);
    await Promise.all([relaxed, strict]);
    expect(rateLimitHits(path)).toBe(1);
  });

  it('close lets the waiting group commit first', async () => {
    path = join(tempDir(), 'close.db');
    store = await openSqliteStore({ path });
    const { account, list } = await tokens(store, 3);
    const rotations = list.map((t) =>
      store?.rotateRefreshToken(t.tokenHash, refreshToken(account), at(1)),
    );
    const closed = store.close();
    store = undefined;
    expect((await Promise.all(rotations)).every((r) => r?.ok)).toBe(true);
    await closed;
    expect(usedTokens()).toBe(3);
  });
});

/** Every rate-limit hit committed to the database at `path`, read by a connection of its own. */
function rateLimitHits(path: string): number {
  const db = new DatabaseSync(path);
  try {
    return Number((db.prepare('SELECT SUM(hits) AS n FROM rate_limits').get() as { n: number }).n);
  } finally {
    db.close();
  }
}

describe('SQLite WAL checkpoints on a worker thread', () => {
  const dir = useTempDir('connect-auth-checkpoint-');
  let path: string;
  beforeEach(() => {
    path = join(dir(), 'db.sqlite');
    threads.refuse = false;
    threads.started.length = 0;
  });
  afterEach(() => {
    threads.refuse = false;
  });

  /** Pages the WAL file has room for: its high-water mark (SQLite reuses it from the start). */
  const walFrames = () => {
    const wal = `${path}-wal`;
    return existsSync(wal) ? Math.max(0, (statSync(wal).size - 32) / (4096 + 24)) : 0;
  };
  /** `count` awaited writes, a commit each; the WAL's largest size meanwhile. */
  const flood = async (store: Store, count: number) => {
    let most = walFrames();
    for (let i = 0; i < count; i++) {
      await store.hitRateLimit(`k${i % 2000}`, 60_000, new Date());
      if (i % 50 === 0) most = Math.max(most, walFrames());
    }
    return Math.max(most, walFrames());
  };
  const until = async (done: () => boolean) => {
    for (let waited = 0; !done(); waited += 5) {
      if (waited > 10_000) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };

  it('a store that served only a few writes starts no thread; in memory or with walCheckpoint connection, never', async () => {
    const store = await openSqliteStore({ path });
    await flood(store, START_AFTER_WRITES - 10);
    expect(threads.started).toHaveLength(0);
    expect(sqliteCheckpoints(store)).toMatchObject({ mode: 'connection' });
    await store.close();
    for (const options of [
      { path: ':memory:' },
      { path: join(dir(), 'other.db'), walCheckpoint: 'connection' as const },
    ]) {
      const other = await openSqliteStore(options);
      await flood(other, 2 * START_AFTER_WRITES);
      expect(sqliteCheckpoints(other)).toBeUndefined();
      await other.close();
    }
    expect(threads.started).toHaveLength(0);
  });

  it('checkpoints on the worker once busy, and the WAL stays bounded under a flood of writes', async () => {
    const store = await openSqliteStore({ path });
    await flood(store, START_AFTER_WRITES);
    await until(() => sqliteCheckpoints(store)?.mode === 'worker');
    // The loop never yields: PASSIVE checkpoints cannot let the WAL start over, only RESTARTs.
    const most = await flood(store, 20_000);
    const stats = sqliteCheckpoints(store);
    expect(stats).toMatchObject({ mode: 'worker' });
    expect(stats?.passive).toBeGreaterThan(0);
    expect(stats?.restart).toBeGreaterThan(0);
    expect(most).toBeLessThan(2 * MAX_WAL_FRAMES);
    await store.close();
    expect(rateLimitHits(path)).toBe(20_000 + START_AFTER_WRITES);
  }, 60_000);

  it('falls back to the connection checkpointing, with a warning, when the worker cannot start', async () => {
    threads.refuse = true;
    const logger = memoryLogger();
    const store = await openSqliteStore({ path, logger });
    const most = await flood(store, 10_000);
    expect(sqliteCheckpoints(store)).toMatchObject({ mode: 'connection', passive: 0 });
    expect(logger.lines).toEqual([
      expect.objectContaining({
        level: 'warn',
        event: 'sqlite_checkpoint_worker_failed',
        reason: 'worker did not start',
      }),
    ]);
    // SQLite's own checkpoint, at 1,000 pages.
    expect(most).toBeLessThan(1100);
    await store.close();
  }, 60_000);

  it('falls back when the worker dies, and the WAL stays bounded without it', async () => {
    const logger = memoryLogger();
    const store = await openSqliteStore({ path, logger });
    await flood(store, START_AFTER_WRITES);
    await until(() => sqliteCheckpoints(store)?.mode === 'worker');
    await threads.started[0]?.terminate();
    await until(() => sqliteCheckpoints(store)?.mode === 'connection');
    expect(logger.lines).toEqual([
      expect.objectContaining({
        event: 'sqlite_checkpoint_worker_failed',
        reason: 'worker exited (1)',
      }),
    ]);
    // Without the fallback nothing would checkpoint: 20,000 writes are ~40,000 pages.
    expect(await flood(store, 20_000)).toBeLessThan(1100);
    await store.close();
  }, 60_000);

  it('close lets calls queued behind a RESTART finish, then stops the worker and its connection', async () => {
    const store = await openSqliteStore({ path });
    await flood(store, START_AFTER_WRITES);
    await until(() => sqliteCheckpoints(store)?.mode === 'worker');
    // Fired without awaiting, one a turn (a commit each): soon the store holds the later ones for
    // a RESTART.
    const calls: Array<Promise<unknown>> = [];
    for (let i = 0; i < 20_000; i++) {
      calls.push(store.hitRateLimit(`k${i % 2000}`, 60_000, new Date()));
      await new Promise(setImmediate);
    }
    const stats = sqliteCheckpoints(store);
    expect(stats?.pauses).toBeGreaterThan(0);
    const closed = store.close();
    const results = await Promise.allSettled(calls);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    await closed;
    expect(threads.started).toHaveLength(1);
    expect(threads.started[0]?.threadId).toBe(-1);
    // SQLite removes the WAL when the last connection closes: the worker's closed first.
    expect(existsSync(`${path}-wal`)).toBe(false);
    expect(
      isStoreError(await store.hitRateLimit('k', 1, new Date()).catch((e) => e), 'closed'),
    ).toBe(true);
    expect(rateLimitHits(path)).toBe(20_000 + START_AFTER_WRITES);
  }, 60_000);

  it('the worker keeps the process alive while calls wait on it, and never when idle', async () => {
    const child = spawnCheckpointerChild(path, 'flood');
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    clearTimeout(timer);
    // 13: the top-level await never settled (a queued call was dropped); killed: never ended.
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ mode: 'worker' });
    expect(JSON.parse(out).pauses).toBeGreaterThan(0);
  }, 60_000);
});
