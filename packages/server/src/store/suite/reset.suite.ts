import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findTokenByHash, type StoreFactory, setAccountStatus } from '../testing.ts';
import type { AccountRecord, Store, TokenRecord } from '../types.ts';
import {
  at,
  createAccount,
  issue,
  mail,
  refreshToken,
  resetInput,
  T0,
  token,
  useStore,
  useTwoStores,
} from './fixtures.ts';

/** The steps of completePasswordReset, in order (names reported to StoreTestHooks). */
export const RESET_STEPS = [
  'consume',
  'read_account',
  'set_password',
  'supersede_siblings',
  'revoke_refresh',
  'enqueue_notice',
] as const;

/** completePasswordReset: effects, purpose binding, SECURITY 6 (races) and 7 (atomicity). */
export function resetTests(factory: StoreFactory): void {
  describe('completePasswordReset', () => {
    const store = useStore(factory);

    it('changes everything a reset changes, in one call', async () => {
      const account = await createAccount(store());
      await store().recordFailedSignIn(account.id, T0);
      const rt = refreshToken(account);
      await store().insertRefreshToken(rt);
      const activation = token(account.id, 'activation');
      await store().issueToken(activation, [], mail(account.email));
      const verify = await issue(store(), account, 'verify_email');
      const t = await issue(store(), account, 'reset', at(1));
      const input = resetInput(t.id, account.email, at(1000));

      const result = await store().completePasswordReset(input);

      expect(result).toMatchObject({
        ok: true,
        activated: false,
        account: {
          id: account.id,
          passwordHash: '$argon2id$new',
          credentialVersion: account.credentialVersion + 1,
          failedSignIns: 0,
          status: 'active',
          updatedAt: at(1000),
        },
      });
      expect((await findTokenByHash(store(), t.tokenHash))?.usedAt).toEqual(at(1000));
      expect((await findTokenByHash(store(), activation.tokenHash))?.supersededAt).toEqual(
        at(1000),
      );
      expect((await findTokenByHash(store(), verify.tokenHash))?.supersededAt).toBeNull();
      const rotated = await store().rotateRefreshToken(
        rt.tokenHash,
        refreshToken(account),
        at(2000),
      );
      expect(rotated).toEqual({ ok: false, reason: 'revoked' });
      const [notice] = await store().listMail(1);
      expect(notice).toMatchObject({
        id: input.notice.id,
        template: 'password_changed',
        status: 'pending',
      });
    });

    it("builds a notice given as a function from the transaction's own outcome", async () => {
      const account = await createAccount(store(), {
        status: 'pending_activation',
        passwordHash: null,
      });
      const t = await issue(store(), account, 'activation');
      const input = resetInput(t.id, account.email, at(1000));
      const seen: Array<{ status: string; activated: boolean }> = [];
      const result = await store().completePasswordReset({
        ...input,
        notice: (done) => {
          seen.push({ status: done.account.status, activated: done.activated });
          return input.notice;
        },
      });
      expect(result).toMatchObject({ ok: true, activated: true });
      expect(seen).toEqual([{ status: 'active', activated: true }]);
      expect((await store().listMail(1))[0]?.id).toBe(input.notice.id);
    });

    it('activates a migrated pending_activation account', async () => {
      const account = await createAccount(store(), {
        status: 'pending_activation',
        passwordHash: null,
      });
      const t = await issue(store(), account, 'activation');
      const result = await store().completePasswordReset(resetInput(t.id, account.email, at(5)));
      expect(result).toMatchObject({
        ok: true,
        activated: true,
        account: { status: 'active', activatedAt: at(5), passwordHash: '$argon2id$new' },
      });
    });

    it('refuses a verify_email token, an unknown id and a disabled account as invalid', async () => {
      const account = await createAccount(store());
      const verify = await issue(store(), account, 'verify_email');
      expect(await store().completePasswordReset(resetInput(verify.id, account.email))).toEqual({
        ok: false,
        reason: 'invalid',
      });
      expect((await findTokenByHash(store(), verify.tokenHash))?.usedAt).toBeNull();
      expect(await store().completePasswordReset(resetInput(randomUUID(), account.email))).toEqual({
        ok: false,
        reason: 'invalid',
      });
      const reset = await issue(store(), account, 'reset');
      await setAccountStatus(store(), account.id, 'disabled', T0);
      expect(await store().completePasswordReset(resetInput(reset.id, account.email))).toEqual({
        ok: false,
        reason: 'invalid',
      });
      expect((await store().findAccountById(account.id))?.passwordHash).toBe('$argon2id$old');
    });

    it('a used token reports used, and nothing changes the second time', async () => {
      const account = await createAccount(store());
      const t = await issue(store(), account);
      expect((await store().completePasswordReset(resetInput(t.id, account.email))).ok).toBe(true);
      const second = resetInput(t.id, account.email, at(1), '$argon2id$attacker');
      expect(await store().completePasswordReset(second)).toEqual({ ok: false, reason: 'used' });
      const after = await store().findAccountById(account.id);
      expect(after).toMatchObject({ passwordHash: '$argon2id$new', credentialVersion: 2 });
      expect((await store().listMail(10)).some((m) => m.id === second.notice.id)).toBe(false);
    });
  });

  describe('SECURITY 6: exactly one of N parallel completions succeeds', () => {
    const stores = useTwoStores(factory);

    for (const n of [2, 8, 50]) {
      it(`N = ${n}`, async () => {
        const [a, b] = stores();
        const account = await createAccount(a);
        const t = await issue(a, account);
        const inputs = Array.from({ length: n }, (_, i) =>
          resetInput(t.id, account.email, at(1000), `$argon2id$candidate-${i}`),
        );
        const results = await Promise.all(
          inputs.map((input, i) => (i % 2 === 0 ? a : b).completePasswordReset(input)),
        );
        const winners = results.flatMap((r, i) => (r.ok ? [i] : []));
        expect(winners).toHaveLength(1);
        expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === 'used')).toBe(true);
        const winner = winners[0] ?? -1;
        const after = await b.findAccountById(account.id);
        expect(after?.passwordHash).toBe(`$argon2id$candidate-${winner}`);
        expect(after?.credentialVersion).toBe(account.credentialVersion + 1);
        const notices = (await a.listMail(100)).filter((m) => m.template === 'password_changed');
        expect(notices.map((m) => m.id)).toEqual([inputs[winner]?.notice.id]);
      });
    }
    it('sibling tokens of one account completed in parallel: one wins, none throws', async () => {
      const [a, b] = stores();
      for (let round = 0; round < 5; round++) {
        const account = await createAccount(a);
        // Two valid tokens of one account (an activation and a reset that did not supersede
        // each other): their completions lock the same rows in different orders unless the
        // adapter serialises them per account.
        const tokens: TokenRecord[] = [];
        for (const purpose of ['activation', 'reset', 'reset', 'activation'] as const) {
          const t = token(account.id, purpose);
          await a.issueToken(t, [], mail(account.email));
          tokens.push(t);
        }
        const results = await Promise.all(
          Array.from({ length: 16 }, (_, i) =>
            (i % 2 ? a : b).completePasswordReset(
              resetInput(tokens[i % tokens.length]?.id ?? '', account.email, at(1000)),
            ),
          ),
        );
        expect(results.filter((r) => r.ok)).toHaveLength(1);
        expect((await a.findAccountById(account.id))?.credentialVersion).toBe(2);
      }
    });

    it('every kind of change to one account in parallel completes without error', async () => {
      const [a, b] = stores();
      const account = await createAccount(a);
      const reset = token(account.id, 'reset');
      await a.issueToken(reset, [], mail(account.email));
      const families = Array.from({ length: 6 }, () => refreshToken(account));
      for (const rt of families) await a.insertRefreshToken(rt);
      const calls: Array<(s: Store) => Promise<unknown>> = [
        (s) => s.completePasswordReset(resetInput(reset.id, account.email, at(10))),
        (s) =>
          s.issueToken(
            token(account.id, 'reset', at(5)),
            ['reset', 'activation'],
            mail(account.email),
          ),
        (s) => s.issueToken(token(account.id, 'activation', at(6)), ['reset'], mail(account.email)),
        ...families.map((rt, i) =>
          i % 2
            ? (s: Store) =>
                s.rotateRefreshToken(rt.tokenHash, refreshToken(account, rt.familyId), at(7))
            : (s: Store) => s.revokeRefreshFamily(rt.tokenHash, at(7)),
        ),
        (s) => s.recordFailedSignIn(account.id, at(8)),
        (s) => setAccountStatus(s, account.id, 'active', at(9)),
      ];
      const settled = await Promise.allSettled(calls.map((call, i) => call(i % 2 ? a : b)));
      expect(settled.filter((r) => r.status === 'rejected')).toEqual([]);
    });
  });

  describe('SECURITY 7: a fault after any statement leaves all or nothing', () => {
    let fault: string | null = null;
    let faultsRaised = 0;
    const store = useStore(factory, {
      testHooks: {
        afterStatement(operation, step) {
          if (operation === 'completePasswordReset' && step === fault) {
            faultsRaised++;
            throw new Error(`injected fault after ${step}`);
          }
        },
      },
    });

    async function scene() {
      const account = await createAccount(store(), {
        status: 'pending_activation',
        passwordHash: null,
      });
      await store().recordFailedSignIn(account.id, T0);
      const rt = refreshToken(account);
      await store().insertRefreshToken(rt);
      const sibling = token(account.id, 'reset');
      await store().issueToken(sibling, [], mail(account.email));
      const t = token(account.id, 'activation', at(1));
      await store().issueToken(t, [], mail(account.email));
      return { account: await store().findAccountById(account.id), rt, sibling, t };
    }

    async function snapshot(account: AccountRecord, tokens: TokenRecord[]) {
      return {
        account: await store().findAccountById(account.id),
        tokens: await Promise.all(tokens.map((t) => findTokenByHash(store(), t.tokenHash))),
        outbox: await store().listMail(100),
      };
    }

    for (const step of RESET_STEPS) {
      it(`fault after ${step}`, async () => {
        const { account, rt, sibling, t } = await scene();
        if (!account) throw new Error('setup failed');
        const before = await snapshot(account, [t, sibling]);
        fault = step;
        faultsRaised = 0;
        const input = resetInput(t.id, account.email, at(1000));
        await expect(store().completePasswordReset(input)).rejects.toThrow(
          `injected fault after ${step}`,
        );
        fault = null;
        expect(faultsRaised).toBe(1);
        // Nothing changed: password, status, credential version, failures, tokens, outbox.
        expect(await snapshot(account, [t, sibling])).toEqual(before);
        // The refresh token was not revoked: it still rotates.
        const rotated = await store().rotateRefreshToken(
          rt.tokenHash,
          refreshToken(account),
          at(1001),
        );
        expect(rotated.ok).toBe(true);
        // And the token is still consumable: the same call now completes.
        const retry = await store().completePasswordReset(
          resetInput(t.id, account.email, at(1002)),
        );
        expect(retry).toMatchObject({ ok: true, activated: true });
      });
    }

    it('a failing statement (duplicate notice id) rolls everything back too', async () => {
      const { account, sibling, t } = await scene();
      if (!account) throw new Error('setup failed');
      const before = await snapshot(account, [t, sibling]);
      const [existing] = before.outbox;
      const input = {
        ...resetInput(t.id, account.email, at(1000)),
        notice: { ...mail(account.email), id: existing?.id ?? '' },
      };
      await expect(store().completePasswordReset(input)).rejects.toThrow();
      expect(await snapshot(account, [t, sibling])).toEqual(before);
    });
  });
}
