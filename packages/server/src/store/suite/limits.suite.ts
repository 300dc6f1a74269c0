import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findTokenByHash, type StoreFactory } from '../testing.ts';
import type { SigningKeyRecord } from '../types.ts';
import {
  at,
  createAccount,
  issue,
  MINUTE,
  mail,
  refreshToken,
  T0,
  useStore,
  useTwoStores,
} from './fixtures.ts';

function signingKey(createdAt = T0): SigningKeyRecord {
  const kid = randomUUID();
  return {
    kid,
    alg: 'EdDSA',
    privateJwk: `sealed:${kid}`,
    publicJwk: JSON.stringify({ kty: 'OKP', crv: 'Ed25519', kid }),
    createdAt,
  };
}

/** Rate limits (SECURITY 16) and signing keys, shared by every process over one database. */
export function limitTests(factory: StoreFactory): void {
  describe('rate limits', () => {
    const store = useStore(factory);

    it('counts events in a fixed window that starts at the first event', async () => {
      expect(await store().peekRateLimit('ip:1', T0)).toBeNull();
      expect(await store().hitRateLimit('ip:1', MINUTE, T0)).toEqual({
        count: 1,
        resetAt: at(MINUTE),
      });
      expect(await store().hitRateLimit('ip:1', MINUTE, at(30_000))).toEqual({
        count: 2,
        resetAt: at(MINUTE),
      });
      expect(await store().peekRateLimit('ip:1', at(30_001))).toEqual({
        count: 2,
        resetAt: at(MINUTE),
      });
      expect(await store().hitRateLimit('ip:1', MINUTE, at(MINUTE - 1))).toEqual({
        count: 3,
        resetAt: at(MINUTE),
      });
    });

    it('starts a new window once the old one ended (at resetAt exactly)', async () => {
      await store().hitRateLimit('k', MINUTE, T0);
      await store().hitRateLimit('k', MINUTE, at(1));
      expect(await store().peekRateLimit('k', at(MINUTE))).toBeNull();
      expect(await store().hitRateLimit('k', MINUTE, at(MINUTE))).toEqual({
        count: 1,
        resetAt: at(2 * MINUTE),
      });
    });

    it('keeps keys apart and forgets a cleared key', async () => {
      await store().hitRateLimit('a', MINUTE, T0);
      await store().hitRateLimit('a', MINUTE, T0);
      await store().hitRateLimit('b', MINUTE, T0);
      await store().clearRateLimit('a');
      expect(await store().peekRateLimit('a', T0)).toBeNull();
      expect(await store().peekRateLimit('b', T0)).toEqual({ count: 1, resetAt: at(MINUTE) });
      await store().clearRateLimit('never-seen');
    });

    it('releases one hit of an open window, never below zero, and clears by literal prefix', async () => {
      await store().hitRateLimit('r', MINUTE, T0);
      await store().hitRateLimit('r', MINUTE, T0);
      await store().releaseRateLimit('r', at(1));
      expect(await store().peekRateLimit('r', at(1))).toEqual({ count: 1, resetAt: at(MINUTE) });
      await store().releaseRateLimit('r', at(1));
      await store().releaseRateLimit('r', at(1));
      expect(await store().peekRateLimit('r', at(1))).toEqual({ count: 0, resetAt: at(MINUTE) });
      await store().releaseRateLimit('never-seen', T0);
      for (const key of [
        'signin a%b@x.io src 1',
        'signin a%b@x.io acct',
        'signin a_b@x.io acct',
        'signin 𝒜@x.io acct',
      ]) {
        await store().hitRateLimit(key, MINUTE, T0);
      }
      await store().clearRateLimitPrefix('signin a%b@x.io ');
      await store().clearRateLimitPrefix('signin 𝒜@x.io ');
      expect(await store().peekRateLimit('signin a%b@x.io src 1', T0)).toBeNull();
      expect(await store().peekRateLimit('signin a%b@x.io acct', T0)).toBeNull();
      expect(await store().peekRateLimit('signin 𝒜@x.io acct', T0)).toBeNull();
      expect(await store().peekRateLimit('signin a_b@x.io acct', T0)).toEqual({
        count: 1,
        resetAt: at(MINUTE),
      });
    });

    it('loses no parallel hit', async () => {
      const hits = await Promise.all(
        Array.from({ length: 30 }, () => store().hitRateLimit('p', MINUTE, T0)),
      );
      expect(hits.map((h) => h.count).sort((x, y) => x - y)).toEqual(
        Array.from({ length: 30 }, (_, i) => i + 1),
      );
    });
  });

  describe('shared between two stores over one database', () => {
    const stores = useTwoStores(factory);

    it('rate-limit windows are shared by both and reset after the window', async () => {
      const [a, b] = stores();
      const hits = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).hitRateLimit('mail:ada', MINUTE, T0)),
      );
      expect(Math.max(...hits.map((h) => h.count))).toBe(20);
      expect(await b.peekRateLimit('mail:ada', at(1))).toEqual({ count: 20, resetAt: at(MINUTE) });
      expect(await a.hitRateLimit('mail:ada', MINUTE, at(MINUTE))).toEqual({
        count: 1,
        resetAt: at(2 * MINUTE),
      });
      await b.clearRateLimit('mail:ada');
      expect(await a.peekRateLimit('mail:ada', at(MINUTE))).toBeNull();
    });

    it('ensureSigningKey: concurrent first starts end with one single key', async () => {
      const [a, b] = stores();
      const candidates = Array.from({ length: 8 }, () => signingKey());
      const results = await Promise.all(
        candidates.map((key, i) => (i % 2 ? a : b).ensureSigningKey(key)),
      );
      const kids = results.map((keys) => keys.map((k) => k.kid));
      expect(kids.every((k) => k.length === 1)).toBe(true);
      expect(new Set(kids.flat()).size).toBe(1);
      const [winner] = await a.listSigningKeys();
      expect(candidates.map((c) => c.kid)).toContain(winner?.kid);
      expect(await b.listSigningKeys()).toEqual([winner]);
    });
  });

  describe('pruneExpired', () => {
    const store = useStore(factory);

    it('deletes only what ended: windows, old tokens, old refresh tokens, old sent/dead mail', async () => {
      const s = store();
      const account = await createAccount(s);
      await s.hitRateLimit('ended', MINUTE, T0);
      await s.hitRateLimit('running', 4 * 60 * MINUTE, T0);
      const old = await issue(s, account, 'reset', T0); // expires at T0 + 60 min
      const fresh = await issue(s, account, 'verify_email', at(2 * 60 * MINUTE));
      const oldRefresh = { ...refreshToken(account), expiresAt: at(MINUTE) };
      const liveRefresh = refreshToken(account);
      await s.insertRefreshToken(oldRefresh);
      await s.insertRefreshToken(liveRefresh);
      const sent = mail(account.email, 'x', T0);
      const pending = mail(account.email, 'x', T0);
      await s.enqueueMail(sent);
      await s.enqueueMail(pending);
      await s.markMailSent(sent.id, T0, true);
      // Issuing queued two more mails (pending) for the tokens.
      const now = at(3 * 60 * MINUTE);
      const result = await s.pruneExpired(now, 60 * MINUTE);
      expect(result).toEqual({ rateLimits: 1, tokens: 1, refreshTokens: 1, mails: 1 });
      expect(await s.peekRateLimit('running', now)).not.toBeNull();
      expect(await findTokenByHash(s, old.tokenHash)).toBeNull();
      expect(await findTokenByHash(s, fresh.tokenHash)).not.toBeNull();
      expect(
        (await s.rotateRefreshToken(liveRefresh.tokenHash, refreshToken(account), now)).ok,
      ).toBe(true);
      expect((await s.listMail(10)).map((m) => m.id)).not.toContain(sent.id);
      expect((await s.listMail(10)).map((m) => m.id)).toContain(pending.id);
      expect(await s.pruneExpired(now, 60 * MINUTE)).toEqual({
        rateLimits: 0,
        tokens: 0,
        refreshTokens: 0,
        mails: 0,
      });
    });
  });

  describe('signing keys', () => {
    const store = useStore(factory);

    it('stores the first key and keeps it on later calls', async () => {
      expect(await store().listSigningKeys()).toEqual([]);
      const first = signingKey();
      expect(await store().ensureSigningKey(first)).toEqual([first]);
      expect(await store().ensureSigningKey(signingKey(at(1)))).toEqual([first]);
      expect(await store().listSigningKeys()).toEqual([first]);
    });
  });
}
