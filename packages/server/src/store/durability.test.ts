import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openSqliteStore } from './sqlite.ts';
import { at, createAccount, refreshToken } from './suite/fixtures.ts';
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
  let dir: string;
  let store: Store;
  let execs: string[];
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'connect-auth-durability-'));
    store = await openSqliteStore({ path: join(dir, 'db.sqlite') });
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
    await rm(dir, { recursive: true, force: true });
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
});
