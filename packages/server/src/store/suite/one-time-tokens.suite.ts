import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PASSWORD_PURPOSES, VERIFY_PURPOSES } from '../one-time-purposes.ts';
import { findTokenByHash, type StoreFactory, setAccountStatus } from '../testing.ts';
import { at, createAccount, issue, MINUTE, mail, T0, token, useStore } from './fixtures.ts';

/** One-time tokens: issue/supersede (SECURITY 8), lookups, code attempts, expiry (SECURITY 5). */
export function oneTimeTokenTests(factory: StoreFactory): void {
  describe('one-time tokens', () => {
    const store = useStore(factory);

    it('issues a token with its mail in the outbox, findable by hash', async () => {
      const account = await createAccount(store());
      const t = token(account.id, 'reset');
      const m = mail(account.email);
      await store().issueToken(t, ['reset'], m);
      expect(await findTokenByHash(store(), t.tokenHash)).toEqual(t);
      expect(await findTokenByHash(store(), 'unknown')).toBeNull();
      const [queued] = await store().listMail(10);
      expect(queued).toMatchObject({
        id: m.id,
        to: account.email,
        payload: m.payload,
        status: 'pending',
      });
    });

    it('does not issue the token when its mail cannot be enqueued (one transaction)', async () => {
      const account = await createAccount(store());
      const first = token(account.id);
      const m = mail(account.email);
      await store().issueToken(first, ['reset'], m);
      const second = token(account.id, 'reset', at(1000));
      // Same mail id: the outbox insert fails, so the supersede and token insert roll back.
      await expect(store().issueToken(second, ['reset'], m)).rejects.toThrow();
      expect(await findTokenByHash(store(), second.tokenHash)).toBeNull();
      expect((await findTokenByHash(store(), first.tokenHash))?.supersededAt).toBeNull();
    });

    it('supersedes older unused tokens of the listed purposes only (SECURITY 8)', async () => {
      const account = await createAccount(store());
      const other = await createAccount(store());
      const oldReset = await issue(store(), account, 'reset', T0);
      const activation = await issue(store(), account, 'activation', at(1));
      const verify = await issue(store(), account, 'verify_email', at(2));
      const othersReset = await issue(store(), other, 'reset', at(3));
      const newer = token(account.id, 'reset', at(10));
      await store().issueToken(newer, ['reset', 'activation'], mail(account.email));

      expect((await findTokenByHash(store(), oldReset.tokenHash))?.supersededAt).toEqual(at(10));
      expect((await findTokenByHash(store(), activation.tokenHash))?.supersededAt).toEqual(at(10));
      expect((await findTokenByHash(store(), verify.tokenHash))?.supersededAt).toBeNull();
      expect((await findTokenByHash(store(), othersReset.tokenHash))?.supersededAt).toBeNull();
      expect((await findTokenByHash(store(), newer.tokenHash))?.supersededAt).toBeNull();
      // A token's purpose is kept as issued.
      expect((await findTokenByHash(store(), activation.tokenHash))?.purpose).toBe('activation');
      expect((await findTokenByHash(store(), verify.tokenHash))?.purpose).toBe('verify_email');
    });

    it('supersedes nothing when the list is empty', async () => {
      const account = await createAccount(store());
      const first = await issue(store(), account, 'reset');
      await store().issueToken(token(account.id, 'reset', at(5)), [], mail(account.email));
      expect((await findTokenByHash(store(), first.tokenHash))?.supersededAt).toBeNull();
    });

    it('a superseded token can no longer be consumed; the newest one can', async () => {
      const account = await createAccount(store());
      const old = await issue(store(), account, 'reset', T0);
      const newest = await issue(store(), account, 'reset', at(1000));
      const input = (id: string) => ({
        tokenId: id,
        passwordHash: '$argon2id$new',
        now: at(2000),
        notice: mail(account.email, 'password_changed', at(2000)),
      });
      expect(await store().completePasswordReset(input(old.id))).toEqual({
        ok: false,
        reason: 'superseded',
      });
      expect((await store().completePasswordReset(input(newest.id))).ok).toBe(true);
    });

    it('finds the latest unused, unsuperseded token of the purposes', async () => {
      const account = await createAccount(store());
      expect(await store().findLatestToken(account.id, ['reset'])).toBeNull();
      await issue(store(), account, 'activation', T0);
      const reset = token(account.id, 'reset', at(100));
      await store().issueToken(reset, [], mail(account.email));
      await issue(store(), account, 'verify_email', at(200));
      expect((await store().findLatestToken(account.id, ['reset', 'activation']))?.id).toBe(
        reset.id,
      );
      expect((await store().findLatestToken(account.id, ['activation']))?.purpose).toBe(
        'activation',
      );
      expect(await store().findLatestToken(account.id, [])).toBeNull();
    });

    /** One wrong code against `tokenId` (and an address window); the token's attempts so far. */
    const attempt = async (tokenId: string) =>
      (
        await store().countCodeAttempt({
          tokenId,
          key: `code:address:${randomUUID()}`,
          windowMs: MINUTE,
          now: T0,
        })
      ).attempts;

    it('counts wrong code attempts', async () => {
      const account = await createAccount(store());
      const t = await issue(store(), account);
      expect(await attempt(t.id)).toBe(1);
      expect(await attempt(t.id)).toBe(2);
      expect((await findTokenByHash(store(), t.tokenHash))?.codeAttempts).toBe(2);
      expect(await attempt(randomUUID())).toBe(0);
    });

    it('counts parallel code attempts without losing any', async () => {
      const account = await createAccount(store());
      const t = await issue(store(), account);
      // Each caller gets its own count, so "count first, compare only if count <= limit" lets at
      // most `limit` guesses be compared however many arrive at once.
      const counts = await Promise.all(Array.from({ length: 10 }, () => attempt(t.id)));
      expect(counts.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect((await findTokenByHash(store(), t.tokenHash))?.codeAttempts).toBe(10);
    });

    it('counts a code attempt against the address and the token in one call, without losing any in parallel', async () => {
      const account = await createAccount(store());
      const t = await issue(store(), account);
      const now = new Date();
      const key = 'code:address:test@example.com';
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          store().countCodeAttempt({ tokenId: i % 2 ? t.id : null, key, windowMs: MINUTE, now }),
        ),
      );
      expect(results.map((r) => r.address.count).sort((a, b) => a - b)).toEqual([
        1, 2, 3, 4, 5, 6, 7, 8,
      ]);
      // Without a token only the address counts (attempts 0); with it, both.
      expect(results.filter((_, i) => i % 2 === 0).every((r) => r.attempts === 0)).toBe(true);
      expect(
        results
          .filter((_, i) => i % 2 === 1)
          .map((r) => r.attempts)
          .sort(),
      ).toEqual([1, 2, 3, 4]);
      expect((await findTokenByHash(store(), t.tokenHash))?.codeAttempts).toBe(4);
      expect((await store().peekRateLimit(key, now))?.count).toBe(8);
    });

    describe('why a token is not live: one precedence, the same for inspect and consume', () => {
      // Every combination of the conditions a token can meet, and the one reason the store gives:
      // the first that holds of invalid (another purpose, a disabled account), used, superseded,
      // expired. The reason picks the page the user sees, so swapping any two of them must fail
      // here: each pair has a row where only those two hold.
      const TABLE: ReadonlyArray<readonly [conditions: string, reason: string]> = [
        ['', 'ok'],
        ['expired', 'expired'],
        ['superseded', 'superseded'],
        ['superseded expired', 'superseded'],
        ['used', 'used'],
        ['used expired', 'used'],
        ['used superseded', 'used'],
        ['used superseded expired', 'used'],
        ['disabled', 'invalid'],
        ['disabled expired', 'invalid'],
        ['disabled superseded', 'invalid'],
        ['disabled superseded expired', 'invalid'],
        ['disabled used', 'invalid'],
        ['disabled used expired', 'invalid'],
        ['disabled used superseded', 'invalid'],
        ['disabled used superseded expired', 'invalid'],
        ['purpose', 'invalid'],
        ['purpose expired', 'invalid'],
        ['purpose superseded', 'invalid'],
        ['purpose superseded expired', 'invalid'],
        ['purpose used', 'invalid'],
        ['purpose used expired', 'invalid'],
        ['purpose used superseded', 'invalid'],
        ['purpose used superseded expired', 'invalid'],
        ['purpose disabled', 'invalid'],
        ['purpose disabled expired', 'invalid'],
        ['purpose disabled superseded', 'invalid'],
        ['purpose disabled superseded expired', 'invalid'],
        ['purpose disabled used', 'invalid'],
        ['purpose disabled used expired', 'invalid'],
        ['purpose disabled used superseded', 'invalid'],
        ['purpose disabled used superseded expired', 'invalid'],
        ['unknown', 'invalid'],
      ];

      it('covers every combination of the five conditions once', () => {
        const keys = TABLE.map(([c]) => c).filter((c) => c !== 'unknown');
        expect(new Set(keys).size).toBe(32);
      });

      it('gives each row its reason, inspecting and consuming alike', async () => {
        const expected: string[] = [];
        const actual: string[] = [];
        for (const [conditions, reason] of TABLE) {
          const has = (c: string) => conditions.split(' ').includes(c);
          const account = await createAccount(store(), {
            status: has('disabled') ? 'disabled' : 'active',
          });
          // A reset token, 60 minutes long; judged at its expiry instant when expired.
          const t = {
            ...token(account.id, 'reset', T0),
            usedAt: has('used') ? at(1) : null,
            supersededAt: has('superseded') ? at(2) : null,
          };
          if (!has('unknown')) await store().issueToken(t, [], mail(account.email));
          const now = at(has('expired') ? 60 * MINUTE : 30 * MINUTE);
          const inspected = await store().inspectToken(
            t.tokenHash,
            has('purpose') ? VERIFY_PURPOSES : PASSWORD_PURPOSES,
            now,
          );
          const consumed = has('purpose')
            ? await store().completeEmailVerification(t.id, now)
            : await store().completePasswordReset({
                tokenId: t.id,
                passwordHash: '$argon2id$new',
                now,
                notice: mail(account.email, 'password_changed', now),
              });
          const said = (r: { ok: boolean; reason?: string }) => (r.ok ? 'ok' : r.reason);
          expected.push(`${conditions || 'live'} → ${reason} / ${reason}`);
          actual.push(`${conditions || 'live'} → ${said(inspected)} / ${said(consumed)}`);
        }
        expect(actual).toEqual(expected);
      });
    });

    describe('expiry with an injected clock (SECURITY 5): valid strictly before expiresAt', () => {
      const expiresAfter = 60 * MINUTE;
      for (const [label, offset, expected] of [
        ['T − 1 ms', -1, 'ok'],
        ['T', 0, 'expired'],
        ['T + 1 ms', 1, 'expired'],
      ] as const) {
        it(`completePasswordReset at ${label} → ${expected}`, async () => {
          const account = await createAccount(store());
          const t = await issue(store(), account, 'reset', T0);
          const now = at(expiresAfter + offset);
          const result = await store().completePasswordReset({
            tokenId: t.id,
            passwordHash: '$argon2id$new',
            now,
            notice: mail(account.email, 'password_changed', now),
          });
          expect(result.ok ? 'ok' : result.reason).toBe(expected);
        });

        it(`completeEmailVerification at ${label} → ${expected}`, async () => {
          const account = await createAccount(store(), { status: 'pending_verification' });
          const t = await issue(store(), account, 'verify_email', T0);
          const result = await store().completeEmailVerification(t.id, at(expiresAfter + offset));
          expect(result.ok ? 'ok' : result.reason).toBe(expected);
        });
      }
    });

    describe('completeEmailVerification', () => {
      it('activates a pending_verification account once', async () => {
        const account = await createAccount(store(), { status: 'pending_verification' });
        const t = await issue(store(), account, 'verify_email');
        const result = await store().completeEmailVerification(t.id, at(1000));
        expect(result).toMatchObject({
          ok: true,
          account: { status: 'active', activatedAt: at(1000) },
        });
        expect((await findTokenByHash(store(), t.tokenHash))?.usedAt).toEqual(at(1000));
        expect(await store().completeEmailVerification(t.id, at(2000))).toEqual({
          ok: false,
          reason: 'used',
        });
      });

      it('refuses tokens of another purpose, unknown ids and disabled accounts as invalid', async () => {
        const account = await createAccount(store(), { status: 'pending_verification' });
        const reset = await issue(store(), account, 'reset');
        expect(await store().completeEmailVerification(reset.id, at(1))).toEqual({
          ok: false,
          reason: 'invalid',
        });
        expect((await findTokenByHash(store(), reset.tokenHash))?.usedAt).toBeNull();
        expect(await store().completeEmailVerification(randomUUID(), at(1))).toEqual({
          ok: false,
          reason: 'invalid',
        });
        const verify = await issue(store(), account, 'verify_email');
        await setAccountStatus(store(), account.id, 'disabled', at(2));
        expect(await store().completeEmailVerification(verify.id, at(3))).toEqual({
          ok: false,
          reason: 'invalid',
        });
      });

      it('keeps the status of an account that is not pending_verification', async () => {
        const account = await createAccount(store(), {
          status: 'pending_activation',
          passwordHash: null,
        });
        const t = await issue(store(), account, 'verify_email');
        const result = await store().completeEmailVerification(t.id, at(1));
        expect(result).toMatchObject({ ok: true, account: { status: 'pending_activation' } });
      });
    });
  });
}
