import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MAX_CHILDREN_PER_TOKEN } from '../sql/refresh.ts';
import { type StoreFactory, setAccountStatus } from '../testing.ts';
import {
  at,
  createAccount,
  issue,
  refreshToken,
  resetInput,
  useStore,
  useTwoStores,
} from './fixtures.ts';

/** Refresh-token rotation with reuse detection (SECURITY 19–20). */
export function refreshTests(factory: StoreFactory): void {
  describe('refresh tokens', () => {
    const store = useStore(factory);

    it('rotates once; the new token continues the family', async () => {
      const account = await createAccount(store());
      const first = refreshToken(account);
      await store().insertRefreshToken(first);
      const second = { ...refreshToken(account), familyId: randomUUID() };
      const result = await store().rotateRefreshToken(first.tokenHash, second, at(1000));
      expect(result).toMatchObject({ ok: true, account: { id: account.id } });
      // The family is the old token's, whatever the caller put in `next`: revoking via the
      // first token's family reaches the second.
      await store().revokeRefreshFamily(first.tokenHash, at(2000));
      expect(
        await store().rotateRefreshToken(second.tokenHash, refreshToken(account), at(3000)),
      ).toEqual({
        ok: false,
        reason: 'revoked',
      });
    });

    it('reuse of a rotated token revokes the whole family (the new one fails too)', async () => {
      const account = await createAccount(store());
      const first = refreshToken(account);
      await store().insertRefreshToken(first);
      const second = refreshToken(account, first.familyId);
      expect((await store().rotateRefreshToken(first.tokenHash, second, at(1))).ok).toBe(true);
      expect(
        await store().rotateRefreshToken(first.tokenHash, refreshToken(account), at(2)),
      ).toEqual({
        ok: false,
        reason: 'reused',
      });
      expect(
        await store().rotateRefreshToken(second.tokenHash, refreshToken(account), at(3)),
      ).toEqual({
        ok: false,
        reason: 'revoked',
      });
    });

    it('does not touch other families on reuse', async () => {
      const account = await createAccount(store());
      const mine = refreshToken(account);
      const other = refreshToken(account);
      await store().insertRefreshToken(mine);
      await store().insertRefreshToken(other);
      await store().rotateRefreshToken(mine.tokenHash, refreshToken(account, mine.familyId), at(1));
      await store().rotateRefreshToken(mine.tokenHash, refreshToken(account), at(2));
      expect(
        (await store().rotateRefreshToken(other.tokenHash, refreshToken(account), at(3))).ok,
      ).toBe(true);
    });

    it('reports unknown tokens as invalid and expired ones as expired (strictly before expiresAt)', async () => {
      const account = await createAccount(store());
      expect(await store().rotateRefreshToken('nope', refreshToken(account), at(0))).toEqual({
        ok: false,
        reason: 'invalid',
      });
      const rt = refreshToken(account);
      await store().insertRefreshToken(rt);
      const expiry = rt.expiresAt.getTime() - at(0).getTime();
      expect(
        await store().rotateRefreshToken(rt.tokenHash, refreshToken(account), at(expiry)),
      ).toEqual({
        ok: false,
        reason: 'expired',
      });
      expect(
        (await store().rotateRefreshToken(rt.tokenHash, refreshToken(account), at(expiry - 1))).ok,
      ).toBe(true);
    });

    it('after a password reset every earlier refresh token is rejected (SECURITY 20)', async () => {
      const account = await createAccount(store());
      const rt = refreshToken(account);
      await store().insertRefreshToken(rt);
      const t = await issue(store(), account);
      expect(
        (await store().completePasswordReset(resetInput(t.id, account.email, at(10)))).ok,
      ).toBe(true);
      expect(await store().rotateRefreshToken(rt.tokenHash, refreshToken(account), at(20))).toEqual(
        {
          ok: false,
          reason: 'revoked',
        },
      );
    });

    it('rejects a token whose credential version is stale, revoking its family', async () => {
      const account = await createAccount(store());
      const stale = { ...refreshToken(account), credentialVersion: account.credentialVersion - 1 };
      await store().insertRefreshToken(stale);
      expect(
        await store().rotateRefreshToken(stale.tokenHash, refreshToken(account), at(1)),
      ).toEqual({
        ok: false,
        reason: 'revoked',
      });
    });

    it('sign-out revokes the family', async () => {
      const account = await createAccount(store());
      const rt = refreshToken(account);
      await store().insertRefreshToken(rt);
      await store().revokeRefreshFamily(rt.tokenHash, at(1));
      await store().revokeRefreshFamily('unknown', at(1));
      expect(await store().rotateRefreshToken(rt.tokenHash, refreshToken(account), at(2))).toEqual({
        ok: false,
        reason: 'revoked',
      });
    });

    it('of parallel rotations of one token, one wins and the replay revokes the family', async () => {
      const account = await createAccount(store());
      const rt = refreshToken(account);
      await store().insertRefreshToken(rt);
      const nexts = Array.from({ length: 5 }, () => refreshToken(account, rt.familyId));
      const results = await Promise.all(
        nexts.map((n) => store().rotateRefreshToken(rt.tokenHash, n, at(1))),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok && r.reason === 'reused')).toHaveLength(4);
      const winner = nexts[results.findIndex((r) => r.ok)];
      expect(
        await store().rotateRefreshToken(winner?.tokenHash ?? '', refreshToken(account), at(2)),
      ).toEqual({
        ok: false,
        reason: 'revoked',
      });
    });
  });

  describe('refresh tokens: reuse grace window', () => {
    const store = useStore(factory);
    const GRACE = 10_000;
    const grace = { reuseGraceMs: GRACE };

    for (const n of [2, 8]) {
      it(`N = ${n} parallel refreshes with one token within the window all succeed; the family stays valid`, async () => {
        const [a, b] = twoStores();
        const account = await createAccount(a);
        const rt = refreshToken(account);
        await a.insertRefreshToken(rt);
        const nexts = Array.from({ length: n }, () => refreshToken(account));
        // Split over two connections (two pools on PostgreSQL): a real race, not a queue.
        const results = await Promise.all(
          nexts.map((next, i) =>
            (i % 2 ? b : a).rotateRefreshToken(rt.tokenHash, next, at(1 + i), grace),
          ),
        );
        expect(results.every((r) => r.ok)).toBe(true);
        expect(results.filter((r) => r.ok && !r.grace)).toHaveLength(1);
        expect(results.filter((r) => r.ok && r.grace)).toHaveLength(n - 1);
        // Every tab's new token works (plain rotation), so nobody was signed out.
        for (const next of nexts) {
          expect(
            await a.rotateRefreshToken(next.tokenHash, refreshToken(account), at(100), grace),
          ).toMatchObject({ ok: true, account: { id: account.id } });
        }
      });
    }
    const twoStores = useTwoStores(factory);

    it('a replay after the window revokes the family, siblings included', async () => {
      const account = await createAccount(store());
      const rt = refreshToken(account);
      await store().insertRefreshToken(rt);
      const next = refreshToken(account);
      const sibling = refreshToken(account);
      expect((await store().rotateRefreshToken(rt.tokenHash, next, at(1), grace)).ok).toBe(true);
      expect(
        await store().rotateRefreshToken(rt.tokenHash, sibling, at(1 + GRACE - 1), grace),
      ).toMatchObject({ ok: true, grace: true });
      expect(
        await store().rotateRefreshToken(rt.tokenHash, refreshToken(account), at(1 + GRACE), grace),
      ).toEqual({ ok: false, reason: 'reused' });
      for (const t of [next, sibling]) {
        expect(
          await store().rotateRefreshToken(
            t.tokenHash,
            refreshToken(account),
            at(GRACE + 2),
            grace,
          ),
        ).toEqual({ ok: false, reason: 'revoked' });
      }
    });

    it(`at most ${MAX_CHILDREN_PER_TOKEN} tokens come from one token in the window; one more is reuse`, async () => {
      const account = await createAccount(store());
      const rt = refreshToken(account);
      await store().insertRefreshToken(rt);
      const children = Array.from({ length: MAX_CHILDREN_PER_TOKEN }, () => refreshToken(account));
      for (const [i, child] of children.entries()) {
        expect((await store().rotateRefreshToken(rt.tokenHash, child, at(1 + i), grace)).ok).toBe(
          true,
        );
      }
      expect(
        await store().rotateRefreshToken(rt.tokenHash, refreshToken(account), at(20), grace),
      ).toEqual({ ok: false, reason: 'reused' });
      expect(
        await store().rotateRefreshToken(
          children[0]?.tokenHash ?? '',
          refreshToken(account),
          at(21),
          grace,
        ),
      ).toEqual({ ok: false, reason: 'revoked' });
    });

    it('a replay after a successor was itself rotated is reuse, even within the window', async () => {
      const account = await createAccount(store());
      const rt = refreshToken(account);
      await store().insertRefreshToken(rt);
      const next = refreshToken(account);
      const after = refreshToken(account);
      await store().rotateRefreshToken(rt.tokenHash, next, at(1), grace);
      expect((await store().rotateRefreshToken(next.tokenHash, after, at(2), grace)).ok).toBe(true);
      expect(
        await store().rotateRefreshToken(rt.tokenHash, refreshToken(account), at(3), grace),
      ).toEqual({ ok: false, reason: 'reused' });
      expect(
        await store().rotateRefreshToken(after.tokenHash, refreshToken(account), at(4), grace),
      ).toEqual({ ok: false, reason: 'revoked' });
    });

    it('a sibling is a token like any other: rotating it ends the grace of its parent', async () => {
      const account = await createAccount(store());
      const rt = refreshToken(account);
      await store().insertRefreshToken(rt);
      const sibling = refreshToken(account);
      await store().rotateRefreshToken(rt.tokenHash, refreshToken(account), at(1), grace);
      await store().rotateRefreshToken(rt.tokenHash, sibling, at(2), grace);
      expect(
        (await store().rotateRefreshToken(sibling.tokenHash, refreshToken(account), at(3), grace))
          .ok,
      ).toBe(true);
      expect(
        await store().rotateRefreshToken(rt.tokenHash, refreshToken(account), at(4), grace),
      ).toEqual({ ok: false, reason: 'reused' });
    });

    it('without a window (the default) a replay is reuse at once', async () => {
      const account = await createAccount(store());
      const rt = refreshToken(account);
      await store().insertRefreshToken(rt);
      await store().rotateRefreshToken(rt.tokenHash, refreshToken(account), at(1));
      expect(
        await store().rotateRefreshToken(rt.tokenHash, refreshToken(account), at(1), {
          reuseGraceMs: 0,
        }),
      ).toEqual({ ok: false, reason: 'reused' });
    });

    it('never revives a revoked family: sign-out, a reset, a disabled account', async () => {
      const account = await createAccount(store());
      const signedOut = refreshToken(account);
      await store().insertRefreshToken(signedOut);
      await store().rotateRefreshToken(signedOut.tokenHash, refreshToken(account), at(1), grace);
      await store().revokeRefreshFamily(signedOut.tokenHash, at(2));
      expect(
        await store().rotateRefreshToken(signedOut.tokenHash, refreshToken(account), at(3), grace),
      ).toEqual({ ok: false, reason: 'reused' });

      // A reset revokes everything, grace or not (SECURITY 20).
      const rt = refreshToken(account);
      await store().insertRefreshToken(rt);
      const next = refreshToken(account);
      const sibling = refreshToken(account);
      await store().rotateRefreshToken(rt.tokenHash, next, at(10), grace);
      await store().rotateRefreshToken(rt.tokenHash, sibling, at(11), grace);
      const t = await issue(store(), account);
      expect(
        (await store().completePasswordReset(resetInput(t.id, account.email, at(12)))).ok,
      ).toBe(true);
      for (const token of [rt, next, sibling]) {
        const result = await store().rotateRefreshToken(
          token.tokenHash,
          refreshToken(account),
          at(13),
          grace,
        );
        expect(result.ok).toBe(false);
      }

      const other = await createAccount(store());
      const mine = refreshToken(other);
      await store().insertRefreshToken(mine);
      await store().rotateRefreshToken(mine.tokenHash, refreshToken(other), at(20), grace);
      await setAccountStatus(store(), other.id, 'disabled', at(21));
      expect(
        (await store().rotateRefreshToken(mine.tokenHash, refreshToken(other), at(22), grace)).ok,
      ).toBe(false);
    });
  });
}
