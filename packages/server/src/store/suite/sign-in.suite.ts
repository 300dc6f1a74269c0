import { describe, expect, it } from 'vitest';
import type { StoreFactory } from '../testing.ts';
import type { SignInKeys, Store } from '../types.ts';
import {
  at,
  createAccount,
  reserveInput as input,
  signInKeys as keys,
  MINUTE,
  refreshToken,
  T0,
  useStore,
  useTwoStores,
} from './fixtures.ts';

const HOUR = 60 * MINUTE;

/** The three counters of one email and source, as peeked (null: no open window). */
async function counts(store: Store, k: SignInKeys, now = T0) {
  const [ip, source, account] = await Promise.all(
    [k.ip, k.source, k.account].map(async (key) => (await store.peekRateLimit(key, now))?.count),
  );
  return { ip: ip ?? null, source: source ?? null, account: account ?? null };
}

/**
 * `reserveSignIn` and `completeSignIn` (issue #13): a sign-in's bookkeeping in one step before
 * its hash and one after, with the gate's order and atomic counts (SECURITY 16).
 */
export function signInTests(factory: StoreFactory): void {
  describe('sign-in steps', () => {
    const store = useStore(factory);

    it('reserveSignIn counts the IP, the source and the email and finds the account', async () => {
      const account = await createAccount(store());
      const first = await store().reserveSignIn(input(account.emailKey));
      expect(first).toEqual({
        account,
        wait: null,
        paused: null,
        ip: { count: 1, resetAt: at(5 * MINUTE) },
        source: { count: 1, resetAt: at(24 * HOUR) },
        total: { count: 1, resetAt: at(HOUR) },
        known: false,
      });
      const second = await store().reserveSignIn(input(account.emailKey, { now: at(1) }));
      expect([second.ip?.count, second.source?.count, second.total?.count]).toEqual([2, 2, 2]);
    });

    it('reserveSignIn counts an unknown email the same way, with no account', async () => {
      const result = await store().reserveSignIn(input('nobody@example.com'));
      expect(result.account).toBeNull();
      expect([result.ip?.count, result.source?.count, result.total?.count]).toEqual([1, 1, 1]);
    });

    it('over the IP limit only the IP is counted; from delayFrom the email is left to the gate', async () => {
      const k = keys('limits@example.com');
      const small = input('limits@example.com', {
        ip: { windowMs: 5 * MINUTE, limit: 3 },
        source: { windowMs: 24 * HOUR, delayFrom: 2 },
      });
      const one = await store().reserveSignIn(small);
      expect([one.ip?.count, one.source?.count, one.total?.count]).toEqual([1, 1, 1]);
      // The source reached delayFrom: counted, but the email's total is not (the gate decides
      // the delay first).
      const two = await store().reserveSignIn(small);
      expect([two.ip?.count, two.source?.count, two.total]).toEqual([2, 2, null]);
      await store().reserveSignIn(small);
      const over = await store().reserveSignIn(small);
      expect([over.ip?.count, over.source, over.total]).toEqual([4, null, null]);
      expect(await counts(store(), k)).toEqual({ ip: 4, source: 3, account: 1 });
    });

    it('a running delay refuses without counting anything', async () => {
      const k = keys('waiting@example.com');
      await store().reserveSignIn(input('waiting@example.com'));
      await store().hitRateLimit(k.wait, 1000, T0);
      const refused = await store().reserveSignIn(input('waiting@example.com', { now: at(999) }));
      expect(refused).toMatchObject({
        wait: { count: 1, resetAt: at(1000) },
        ip: null,
        source: null,
        total: null,
      });
      expect(await counts(store(), k, at(999))).toEqual({ ip: 1, source: 1, account: 1 });
      // At resetAt the delay has ended.
      const admitted = await store().reserveSignIn(input('waiting@example.com', { now: at(1000) }));
      expect([admitted.wait, admitted.source?.count]).toEqual([null, 2]);
    });

    it('the hard stop pauses the email without counting, except from a known source', async () => {
      const account = await createAccount(store());
      const stop = { windowMs: HOUR, hardStop: 3 };
      for (let i = 0; i < 3; i++) {
        const other = keys(account.emailKey, `198.51.100.${i}`);
        await store().reserveSignIn(input(account.emailKey, { keys: other, account: stop }));
      }
      const k = keys(account.emailKey);
      const paused = await store().reserveSignIn(input(account.emailKey, { account: stop }));
      expect(paused).toMatchObject({
        account: { id: account.id },
        wait: null,
        paused: { count: 3, resetAt: at(HOUR) },
        ip: null,
        source: null,
        total: null,
        known: false,
      });
      expect(await counts(store(), k)).toEqual({ ip: null, source: null, account: 3 });
      await store().hitRateLimit(k.known, 30 * 24 * HOUR, T0);
      const known = await store().reserveSignIn(input(account.emailKey, { account: stop }));
      expect(known).toMatchObject({ paused: null, known: true, total: { count: 4 } });
    });

    it('completeSignIn resets failures, gives back the reservation, remembers the source and stores the session', async () => {
      const account = await createAccount(store());
      const k = keys(account.emailKey);
      for (let i = 0; i < 3; i++) {
        await store().reserveSignIn(input(account.emailKey));
        await store().recordFailedSignIn(account.id, T0);
      }
      await store().hitRateLimit(k.wait, MINUTE, T0);
      await store().reserveSignIn(input(account.emailKey, { now: at(MINUTE) }));
      const session = refreshToken(account);
      await store().completeSignIn({
        accountId: account.id,
        now: at(MINUTE),
        keys: k,
        knownWindowMs: 30 * 24 * HOUR,
        refreshToken: session,
      });
      expect(await store().findAccountById(account.id)).toMatchObject({
        failedSignIns: 0,
        updatedAt: at(MINUTE),
        passwordHash: '$argon2id$old',
      });
      // 4 reserved, 1 given back; the source's failures and its delay forgotten.
      expect(await counts(store(), k, at(MINUTE))).toEqual({ ip: 3, source: null, account: 3 });
      expect(await store().peekRateLimit(k.wait, at(MINUTE))).toBeNull();
      expect(await store().peekRateLimit(k.known, at(MINUTE))).toEqual({
        count: 1,
        resetAt: at(MINUTE + 30 * 24 * HOUR),
      });
      // The refresh token is stored and rotates like any other.
      const rotated = await store().rotateRefreshToken(
        session.tokenHash,
        refreshToken(account),
        at(2 * MINUTE),
      );
      expect(rotated).toMatchObject({ ok: true, account: { id: account.id } });
    });

    it('completeSignIn without a refresh token does the bookkeeping and starts no session', async () => {
      const account = await createAccount(store());
      const k = keys(account.emailKey);
      await store().reserveSignIn(input(account.emailKey));
      await store().recordFailedSignIn(account.id, T0);
      await store().reserveSignIn(input(account.emailKey, { now: at(MINUTE) }));
      await store().completeSignIn({
        accountId: account.id,
        now: at(MINUTE),
        keys: k,
        knownWindowMs: HOUR,
      });
      expect(await store().findAccountById(account.id)).toMatchObject({ failedSignIns: 0 });
      // 2 reserved, 1 given back; the source forgotten and now known.
      expect(await counts(store(), k, at(MINUTE))).toEqual({ ip: 1, source: null, account: 1 });
      expect(await store().peekRateLimit(k.known, at(MINUTE))).toEqual({
        count: 1,
        resetAt: at(MINUTE + HOUR),
      });
      expect(await store().revokeAllSessions(account.id, at(2 * MINUTE))).toBe(0);
    });

    it('completeSignIn restarts the known window and never counts below zero', async () => {
      const account = await createAccount(store());
      const k = keys(account.emailKey);
      await store().hitRateLimit(k.known, HOUR, T0);
      await store().hitRateLimit(k.known, HOUR, T0);
      await store().completeSignIn({
        accountId: account.id,
        now: at(1),
        keys: k,
        knownWindowMs: 2 * HOUR,
        refreshToken: refreshToken(account),
      });
      expect(await store().peekRateLimit(k.known, at(1))).toEqual({
        count: 1,
        resetAt: at(1 + 2 * HOUR),
      });
      expect(await counts(store(), k, at(1))).toEqual({ ip: null, source: null, account: null });
    });

    it('completeSignIn rehashes only while the hash is the one verified', async () => {
      const account = await createAccount(store());
      const complete = (from: string) =>
        store().completeSignIn({
          accountId: account.id,
          now: at(1),
          rehash: { from, to: `rehash-of-${from}` },
          keys: keys(account.emailKey),
          knownWindowMs: HOUR,
          refreshToken: refreshToken(account),
        });
      // A reset committed meanwhile: the hash verified against is no longer the account's.
      await complete('$argon2id$stale');
      expect((await store().findAccountById(account.id))?.passwordHash).toBe('$argon2id$old');
      await complete('$argon2id$old');
      expect((await store().findAccountById(account.id))?.passwordHash).toBe(
        'rehash-of-$argon2id$old',
      );
    });
  });

  describe('sign-in steps in parallel, over two stores', () => {
    const stores = useTwoStores(factory);

    it('counts N = 40 parallel attempts at one email exactly: distinct counts, none lost', async () => {
      const [a, b] = stores();
      const account = await createAccount(a);
      const wide = input(account.emailKey, {
        ip: { windowMs: HOUR, limit: 1000 },
        source: { windowMs: HOUR, delayFrom: 1000 },
        account: { windowMs: HOUR, hardStop: 1000 },
      });
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).reserveSignIn(wide)),
      );
      const sources = results.map((r) => r.source?.count).sort((x = 0, y = 0) => x - y);
      expect(sources).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      expect(new Set(results.map((r) => r.total?.count)).size).toBe(40);
      expect(results.every((r) => r.account?.id === account.id)).toBe(true);
      expect(await counts(a, wide.keys)).toEqual({ ip: 40, source: 40, account: 40 });
    });

    it('exactly delayFrom − 1 of a parallel burst are counted against the email before the delay', async () => {
      const [a, b] = stores();
      const burst = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          (i % 2 ? a : b).reserveSignIn(input('burst@example.com')),
        ),
      );
      // delayFrom 5: attempts 1–4 are admitted outright (total counted); from the 5th the gate
      // must open a delay first, so the store leaves the total alone.
      expect(burst.filter((r) => r.total !== null)).toHaveLength(4);
      expect(burst.filter((r) => (r.source?.count ?? 0) >= 5)).toHaveLength(26);
    });

    it('reservations, completions and pruning of one IP in parallel neither fail nor deadlock', async () => {
      const [a, b] = stores();
      const accounts = await Promise.all(Array.from({ length: 6 }, () => createAccount(a)));
      const work: Promise<unknown>[] = [];
      for (let round = 0; round < 5; round++) {
        for (const [i, account] of accounts.entries()) {
          const s = (round + i) % 2 ? a : b;
          const now = at(round * MINUTE);
          work.push(s.reserveSignIn(input(account.emailKey, { now })));
          work.push(
            s.completeSignIn({
              accountId: account.id,
              now,
              keys: keys(account.emailKey),
              knownWindowMs: HOUR,
              refreshToken: refreshToken(account),
            }),
          );
        }
        work.push((round % 2 ? a : b).pruneExpired(at(round * MINUTE + 10 * MINUTE), 0));
      }
      const settled = await Promise.allSettled(work);
      expect(settled.filter((r) => r.status === 'rejected')).toEqual([]);
    });
  });
}
