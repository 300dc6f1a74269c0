import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionBody } from '../../test/msw.ts';
import type { Session } from '../contract/messages.ts';
import type { StoredSession } from '../types.ts';
import { memoryStorage } from './memory-storage.ts';
import { createSessionManager, type SessionManager } from './session-manager.ts';

const NO_COOKIES = new Headers();
const cookie = (value: string, attributes = 'Path=/; HttpOnly; Secure; SameSite=Strict') =>
  new Headers([['set-cookie', `__Host-connect_refresh=${value}; ${attributes}`]]);

/** The manager with the refresher its timer calls (the client wires `refreshSession`). */
function withRefresher(manager: SessionManager, refresher: () => Promise<unknown>): SessionManager {
  manager.setRefresher(refresher);
  return manager;
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('events', () => {
  it('fires exactly once per change: sign in, refresh, sign out', async () => {
    const manager = createSessionManager({ refreshBeforeExpiryMs: false });
    const events: (Session | null)[] = [];
    manager.subscribe((s) => events.push(s));
    const first = sessionBody();
    const second = sessionBody(30 * 60_000, 'second');
    await manager.accept(first, NO_COOKIES, manager.generation);
    await manager.accept(second, NO_COOKIES, manager.generation);
    await manager.clear();
    await manager.clear(); // no change: no event
    expect(events).toEqual([first, second, null]);
    expect(manager.session).toBeNull();
  });

  it('ignores an answer started under an older generation', async () => {
    const manager = createSessionManager({ refreshBeforeExpiryMs: false });
    const listener = vi.fn();
    manager.subscribe(listener);
    const started = manager.generation;
    await manager.accept(sessionBody(), NO_COOKIES, manager.generation);
    await manager.accept(sessionBody(), NO_COOKIES, started); // stale
    await manager.clear(started); // stale
    expect(listener).toHaveBeenCalledTimes(1);
    expect(manager.session).not.toBeNull();
  });

  it('stops calling a listener after unsubscribing, and survives a throwing listener', async () => {
    const manager = createSessionManager({ refreshBeforeExpiryMs: false });
    const report = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const bad = new Error('listener bug');
    manager.subscribe(() => {
      throw bad;
    });
    const good = vi.fn();
    const unsubscribe = manager.subscribe(good);
    await manager.accept(sessionBody(), NO_COOKIES, manager.generation);
    unsubscribe();
    await manager.clear();
    expect(good).toHaveBeenCalledTimes(1);
    expect(report).toHaveBeenCalledWith(bad);
    expect(() => manager.subscribe('nope' as never)).toThrow(TypeError);
  });
});

describe('refresh timer', () => {
  it('refreshes refreshBeforeExpiryMs before expiry, and not before', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-11-28T08:00:00Z') });
    const refresher = vi.fn(async () => undefined);
    const manager = withRefresher(
      createSessionManager({ refreshBeforeExpiryMs: 60_000 }),
      refresher,
    );
    await manager.accept(sessionBody(15 * 60_000), NO_COOKIES, manager.generation);
    await vi.advanceTimersByTimeAsync(14 * 60_000 - 1);
    expect(refresher).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(refresher).toHaveBeenCalledTimes(1);
  });

  it('refreshes at half the lifetime when the token is shorter than the margin', async () => {
    vi.useFakeTimers({ now: 0 });
    const refresher = vi.fn(async () => undefined);
    const manager = withRefresher(
      createSessionManager({ refreshBeforeExpiryMs: 60_000 }),
      refresher,
    );
    await manager.accept(sessionBody(40_000), NO_COOKIES, manager.generation);
    await vi.advanceTimersByTimeAsync(19_999);
    expect(refresher).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(refresher).toHaveBeenCalledTimes(1);
  });

  it('never loops on an already-expired token (clock skew): waits at least 10 s', async () => {
    vi.useFakeTimers({ now: 0 });
    const refresher = vi.fn(async () => undefined);
    const manager = withRefresher(createSessionManager(), refresher);
    await manager.accept(sessionBody(-60_000), NO_COOKIES, manager.generation);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(refresher).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(refresher).toHaveBeenCalledTimes(1);
  });

  it('is cleared on sign-out and disabled by false', async () => {
    vi.useFakeTimers({ now: 0 });
    const refresher = vi.fn(async () => undefined);
    const manager = withRefresher(createSessionManager({ refreshBeforeExpiryMs: 1000 }), refresher);
    await manager.accept(sessionBody(60_000), NO_COOKIES, manager.generation);
    await manager.clear();
    const off = withRefresher(createSessionManager({ refreshBeforeExpiryMs: false }), refresher);
    await off.accept(sessionBody(60_000), NO_COOKIES, off.generation);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(refresher).not.toHaveBeenCalled();
  });

  it('tries again 30 s after a transient failure while the session lasts', async () => {
    vi.useFakeTimers({ now: 0 });
    const refresher = vi.fn(async () => {
      throw new Error('offline');
    });
    const manager = withRefresher(
      createSessionManager({ refreshBeforeExpiryMs: 60_000 }),
      refresher,
    );
    await manager.accept(sessionBody(15 * 60_000), NO_COOKIES, manager.generation);
    await vi.advanceTimersByTimeAsync(14 * 60_000);
    expect(refresher).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(refresher).toHaveBeenCalledTimes(2);
  });

  it('unrefs its timer in Node so it never keeps the process alive', async () => {
    const realSetTimeout = globalThis.setTimeout;
    const timers: NodeJS.Timeout[] = [];
    vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: () => void, ms?: number) => {
      const timer = realSetTimeout(fn, ms);
      timers.push(timer);
      return timer;
    }) as typeof setTimeout);
    const manager = withRefresher(createSessionManager(), async () => undefined);
    await manager.accept(sessionBody(), NO_COOKIES, manager.generation);
    expect(timers).toHaveLength(1);
    expect(timers[0]?.hasRef()).toBe(false);
    await manager.clear();
  });
});

describe('refresh token (Node)', () => {
  it('reads the refresh cookie from Set-Cookie, persists it and sends it back', async () => {
    const storage = memoryStorage();
    const manager = createSessionManager({ storage, refreshBeforeExpiryMs: false });
    expect(await manager.credentialHeaders()).toEqual({});
    await manager.accept(sessionBody(), cookie('r1'), manager.generation);
    expect(storage.load()).toEqual({ refreshToken: 'r1' });
    expect(await manager.credentialHeaders()).toEqual({ cookie: '__Host-connect_refresh=r1' });
    await manager.accept(sessionBody(), cookie('r2'), manager.generation); // rotated
    expect(await manager.credentialHeaders()).toEqual({ cookie: '__Host-connect_refresh=r2' });
    await manager.clear();
    expect(storage.load()).toBeNull();
    expect(await manager.credentialHeaders()).toEqual({});
  });

  it('resumes from storage, and forgets a cookie the server deletes', async () => {
    const storage = memoryStorage({ refreshToken: 'stored' });
    const manager = createSessionManager({ storage, refreshBeforeExpiryMs: false });
    expect(await manager.credentialHeaders()).toEqual({ cookie: '__Host-connect_refresh=stored' });
    await manager.accept(sessionBody(), cookie('', 'Max-Age=0; Path=/'), manager.generation);
    expect(await manager.credentialHeaders()).toEqual({});
    expect(storage.load()).toBeNull();
  });

  it('persists changes in order: a slow earlier write cannot land after a sign-out', async () => {
    const saved: Array<StoredSession | null> = [];
    let finishSlowWrite!: () => void;
    const slow = new Promise<void>((resolve) => {
      finishSlowWrite = resolve;
    });
    const manager = createSessionManager({
      refreshBeforeExpiryMs: false,
      storage: {
        load: () => null,
        // The write of a token takes a while (a slow disk); deleting is quick.
        save: async (value) => {
          if (value !== null) await slow;
          saved.push(value);
        },
      },
    });
    const accepted = manager.accept(sessionBody(), cookie('r1'), manager.generation);
    const cleared = manager.clear();
    finishSlowWrite();
    await Promise.all([accepted, cleared]);
    expect(saved).toEqual([{ refreshToken: 'r1' }, null]);
  });

  it('keeps writing after a failed write, and the failure reaches the caller', async () => {
    const saved: Array<StoredSession | null> = [];
    let fail = true;
    const manager = createSessionManager({
      refreshBeforeExpiryMs: false,
      storage: {
        load: () => null,
        save: (value) => {
          if (fail) throw new Error('disk full');
          saved.push(value);
        },
      },
    });
    await expect(manager.accept(sessionBody(), cookie('r1'), manager.generation)).rejects.toThrow(
      'disk full',
    );
    fail = false;
    await manager.clear();
    expect(saved).toEqual([null]);
  });

  it('never sends a stored value that is not a valid cookie value', async () => {
    const manager = createSessionManager({
      storage: memoryStorage({ refreshToken: 'a;b\r\nX-Evil: 1' }),
    });
    expect(await manager.credentialHeaders()).toEqual({});
  });
});
