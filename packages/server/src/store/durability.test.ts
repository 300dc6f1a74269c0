import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openSqliteStore } from './sqlite.ts';
import {
  at,
  createAccount,
  refreshToken,
  spawnCheckpointerChild,
  useTempDir,
} from './suite/fixtures.ts';
import type { Store } from './types.ts';

// Counts the explicit WAL fsyncs of the SQLite driver (`fdatasyncSync`), passing them through.
const synced = vi.hoisted(() => ({ count: 0 }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return {
    ...fs,
    fdatasyncSync: (fd: number) => {
      synced.count++;
      fs.fdatasyncSync(fd);
    },
  };
});

describe('SQLite commit durability (relaxed hot paths, strict everything else)', () => {
  const dir = useTempDir('connect-auth-durability-');
  let store: Store;
  let execs: string[];
  beforeEach(async () => {
    store = await openSqliteStore({ path: join(dir(), 'db.sqlite') });
    execs = [];
    const exec = DatabaseSync.prototype.exec;
    vi.spyOn(DatabaseSync.prototype, 'exec').mockImplementation(function (this: DatabaseSync, s) {
      execs.push(s);
      return exec.call(this, s);
    });
    synced.count = 0;
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await store.close();
  });
  /** The synchronous level in force when the last `BEGIN IMMEDIATE` ran. */
  const levelAtLastBegin = () => {
    const begin = execs.lastIndexOf('BEGIN IMMEDIATE');
    const set = execs.slice(0, begin).findLast((s) => s.startsWith('PRAGMA synchronous'));
    return set ?? 'PRAGMA synchronous = FULL (from open)';
  };

  it('a rotation commits without an fsync; a strict operation after it is fsynced again', async () => {
    const account = await createAccount(store);
    const first = refreshToken(account);
    await store.insertRefreshToken(first);
    expect((await store.rotateRefreshToken(first.tokenHash, refreshToken(account), at(1))).ok).toBe(
      true,
    );
    expect(levelAtLastBegin()).toBe('PRAGMA synchronous = NORMAL');
    expect(synced.count).toBe(0);
    await store.revokeRefreshFamily(first.tokenHash, at(2));
    expect(levelAtLastBegin()).toBe('PRAGMA synchronous = FULL');
  });

  it('a replay that revokes the family is made durable at once (the WAL is fsynced)', async () => {
    const account = await createAccount(store);
    const first = refreshToken(account);
    await store.insertRefreshToken(first);
    await store.rotateRefreshToken(first.tokenHash, refreshToken(account), at(1));
    expect(synced.count).toBe(0);
    const replay = await store.rotateRefreshToken(first.tokenHash, refreshToken(account), at(2));
    expect(replay).toEqual({ ok: false, reason: 'reused' });
    expect(synced.count).toBe(1);
  });

  it('a group commit holding a replay is fsynced once before any of its members is answered', async () => {
    const account = await createAccount(store);
    const [first, second] = [refreshToken(account), refreshToken(account)];
    await store.insertRefreshToken(first);
    await store.insertRefreshToken(second);
    await store.rotateRefreshToken(first.tokenHash, refreshToken(account), at(1));
    expect(synced.count).toBe(0);
    // One turn: a replay of the first token and a rotation of the second, committed together.
    const commits = () => execs.filter((s) => s === 'COMMIT').length;
    const before = commits();
    const answers: string[] = [];
    const replay = store.rotateRefreshToken(first.tokenHash, refreshToken(account), at(2));
    const rotation = store.rotateRefreshToken(second.tokenHash, refreshToken(account), at(2));
    for (const [name, call] of [
      ['replay', replay],
      ['rotation', rotation],
    ] as const)
      void call.then(() => answers.push(`${name} after ${synced.count} fsync`));
    expect(await replay).toEqual({ ok: false, reason: 'reused' });
    expect((await rotation).ok).toBe(true);
    expect(commits() - before).toBe(1);
    expect(answers.sort()).toEqual(['replay after 1 fsync', 'rotation after 1 fsync']);
  });
});

describe('SQLite commit durability with the checkpoint worker', () => {
  const dir = useTempDir('connect-auth-durability-');

  it('every rotation acknowledged before SIGKILL is in the database when it is opened again', async () => {
    const path = join(dir(), 'db.sqlite');
    const child = spawnCheckpointerChild(path, 'rotate');
    const acked: string[] = [];
    let stats: { mode?: string; passive?: number; restart?: number } = {};
    let rest = '';
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once('exit', (_code, signal) => resolve(signal)),
    );
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the child did not get going')), 40_000);
      child.stdout.on('data', (chunk: Buffer) => {
        const lines = (rest + chunk.toString()).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) {
          if (line.startsWith('ack ')) acked.push(line.slice(4));
          else if (line.startsWith('stats ')) stats = JSON.parse(line.slice(6));
        }
        // Killed mid-stream, once the worker has checkpointed — RESTARTs included — for a while.
        if (stats.mode === 'worker' && (stats.restart ?? 0) >= 2 && acked.length >= 3000) {
          clearTimeout(timer);
          child.kill('SIGKILL');
          resolve();
        }
      });
      void exited.then(() => reject(new Error('the child exited early')));
    });
    expect(await exited).toBe('SIGKILL');
    const db = new DatabaseSync(path);
    try {
      expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
      const stored = new Set(
        db
          .prepare('SELECT token_hash FROM refresh_tokens')
          .all()
          .map((row) => String(row.token_hash)),
      );
      expect(acked.filter((hash) => !stored.has(hash))).toEqual([]);
    } finally {
      db.close();
    }
  }, 60_000);
});
