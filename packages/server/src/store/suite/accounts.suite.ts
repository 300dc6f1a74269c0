import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isStoreError } from '../errors.ts';
import { type StoreFactory, setAccountStatus } from '../testing.ts';
import type { AccountRecord } from '../types.ts';
import {
  at,
  createAccount,
  issue,
  MINUTE,
  refreshToken,
  resetInput,
  signInKeys,
  T0,
  useStore,
} from './fixtures.ts';

/** Accounts: create, unique emailKey, import, status, sign-in counters. */
export function accountTests(factory: StoreFactory): void {
  describe('accounts', () => {
    const store = useStore(factory);

    it('creates and finds an account by id and emailKey', async () => {
      const created = await createAccount(store(), { email: 'Ada.Lovelace@Example.com' });
      expect(created).toMatchObject({
        email: 'Ada.Lovelace@Example.com',
        emailKey: 'ada.lovelace@example.com',
        status: 'active',
        credentialVersion: 1,
        failedSignIns: 0,
        activatedAt: T0,
        updatedAt: T0,
      });
      expect(await store().findAccountById(created.id)).toEqual(created);
      expect(await store().findAccountByEmailKey('ada.lovelace@example.com')).toEqual(created);
      expect(await store().findAccountByEmailKey('Ada.Lovelace@Example.com')).toBeNull();
      expect(await store().findAccountById(randomUUID())).toBeNull();
    });

    it('keeps the preferred locale from creation and import, and changes it', async () => {
      const plain = await createAccount(store());
      expect(plain.locale).toBeNull();
      const french = await store().createAccount({
        id: randomUUID(),
        email: 'elodie@example.fr',
        emailKey: 'elodie@example.fr',
        name: null,
        locale: 'fr-FR',
        status: 'pending_verification',
        passwordHash: '$argon2id$x',
        createdAt: T0,
      });
      expect(french.locale).toBe('fr-FR');
      expect((await store().findAccountById(french.id))?.locale).toBe('fr-FR');
      expect(await store().setAccountLocale(french.id, 'de', at(1000))).toBe(true);
      expect(await store().findAccountById(french.id)).toMatchObject({
        locale: 'de',
        updatedAt: at(1000),
      });
      expect(await store().setAccountLocale(french.id, null, at(2000))).toBe(true);
      expect((await store().findAccountById(french.id))?.locale).toBeNull();
      expect(await store().setAccountLocale(randomUUID(), 'fr', at(3000))).toBe(false);
      const rows = [
        {
          id: randomUUID(),
          email: 'nl@example.com',
          emailKey: 'nl@example.com',
          name: null,
          locale: 'nl',
        },
        { id: randomUUID(), email: 'none@example.com', emailKey: 'none@example.com', name: null },
      ];
      expect(await store().importAccounts(rows, T0)).toBe(2);
      expect((await store().findAccountByEmailKey('nl@example.com'))?.locale).toBe('nl');
      expect((await store().findAccountByEmailKey('none@example.com'))?.locale).toBeNull();
    });

    it('leaves activatedAt empty for accounts that are not active', async () => {
      const pending = await createAccount(store(), { status: 'pending_verification' });
      expect(pending.activatedAt).toBeNull();
    });

    it('refuses a second account with the same emailKey with email_taken', async () => {
      await createAccount(store(), { email: 'same@example.com' });
      const error = await createAccount(store(), { email: 'SAME@example.com' }).catch((e) => e);
      expect(isStoreError(error, 'email_taken')).toBe(true);
    });

    it('imports migrated accounts idempotently, counting only inserted rows', async () => {
      await createAccount(store(), { email: 'existing@example.com' });
      const rows = ['existing@example.com', 'a@example.com', 'b@example.com', 'A@example.com'].map(
        (email) => ({ id: randomUUID(), email, emailKey: email.toLowerCase(), name: null }),
      );
      expect(await store().importAccounts(rows, T0)).toBe(2);
      expect(await store().importAccounts(rows, at(1000))).toBe(0);
      const a = await store().findAccountByEmailKey('a@example.com');
      expect(a).toMatchObject({
        status: 'pending_activation',
        passwordHash: null,
        email: 'a@example.com',
        activatedAt: null,
      });
      const existing = await store().findAccountByEmailKey('existing@example.com');
      expect(existing?.status).toBe('active');
    });

    it('imports an empty list', async () => {
      expect(await store().importAccounts([], T0)).toBe(0);
    });

    it('sets the status, stamping activatedAt once', async () => {
      const account = await createAccount(store(), { status: 'pending_verification' });
      await setAccountStatus(store(), account.id, 'active', at(1000));
      expect(await store().findAccountById(account.id)).toMatchObject({
        status: 'active',
        activatedAt: at(1000),
        updatedAt: at(1000),
      });
      await setAccountStatus(store(), account.id, 'disabled', at(2000));
      await setAccountStatus(store(), account.id, 'active', at(3000));
      expect(await store().findAccountById(account.id)).toMatchObject({
        status: 'active',
        activatedAt: at(1000),
      });
    });

    it('revokes every refresh token when an account is disabled', async () => {
      const account = await createAccount(store());
      const rt = refreshToken(account);
      await store().insertRefreshToken(rt);
      await setAccountStatus(store(), account.id, 'disabled', at(1000));
      const result = await store().rotateRefreshToken(
        rt.tokenHash,
        refreshToken(account),
        at(2000),
      );
      expect(result).toEqual({ ok: false, reason: 'revoked' });
    });

    /** A verified sign-in's bookkeeping (`completeSignIn`), optionally rehashing. */
    const succeed = (account: AccountRecord, now: Date, rehash?: { from: string; to: string }) =>
      store().completeSignIn({
        accountId: account.id,
        now,
        ...(rehash ? { rehash } : {}),
        keys: signInKeys(account.emailKey),
        knownWindowMs: MINUTE,
        refreshToken: refreshToken(account),
      });

    it('counts failed sign-ins and resets them on success, optionally rehashing', async () => {
      const account = await createAccount(store());
      expect(await store().recordFailedSignIn(account.id, at(1))).toBe(1);
      expect(await store().recordFailedSignIn(account.id, at(2))).toBe(2);
      expect((await store().findAccountById(account.id))?.failedSignIns).toBe(2);
      await succeed(account, at(3));
      expect(await store().findAccountById(account.id)).toMatchObject({
        failedSignIns: 0,
        passwordHash: '$argon2id$old',
      });
      await succeed(account, at(4), { from: '$argon2id$old', to: '$argon2id$rehashed' });
      expect((await store().findAccountById(account.id))?.passwordHash).toBe('$argon2id$rehashed');
      expect(await store().recordFailedSignIn(randomUUID(), at(5))).toBe(0);
    });

    it('never lets a rehash overwrite a password changed since the sign-in verified it', async () => {
      const account = await createAccount(store());
      // The sign-in verified '$argon2id$old'; meanwhile a reset stored '$argon2id$new'.
      const token = await issue(store(), account, 'reset', at(1));
      const done = await store().completePasswordReset(
        resetInput(token.id, account.email, at(2), '$argon2id$new'),
      );
      expect(done.ok).toBe(true);
      await store().recordFailedSignIn(account.id, at(3));
      await succeed(account, at(4), {
        from: '$argon2id$old',
        to: '$argon2id$rehash-of-the-old-password',
      });
      expect(await store().findAccountById(account.id)).toMatchObject({
        passwordHash: '$argon2id$new',
        failedSignIns: 0,
      });
    });

    it('counts parallel failed sign-ins without losing any', async () => {
      const account = await createAccount(store());
      await Promise.all(
        Array.from({ length: 20 }, () => store().recordFailedSignIn(account.id, T0)),
      );
      expect((await store().findAccountById(account.id))?.failedSignIns).toBe(20);
    });
  });
}
