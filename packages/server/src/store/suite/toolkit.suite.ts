import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findTokenByHash, type StoreFactory } from '../testing.ts';
import type { EmailChangeRecord, NewAuditEntry, Store } from '../types.ts';
import {
  at,
  createAccount,
  issue,
  MINUTE,
  mail,
  refreshToken,
  resetInput,
  T0,
  token,
  useStore,
  useTwoStores,
} from './fixtures.ts';

function audit(action: string, accountId: string | null = null, when = T0): NewAuditEntry {
  return {
    id: randomUUID(),
    at: when,
    actor: 'cli:test',
    action,
    accountId,
    accountEmail: null,
    detail: { why: 'test' },
  };
}

async function importPending(store: Store, emails: string[], when = T0) {
  await store.importAccounts(
    emails.map((email) => ({ id: randomUUID(), email, emailKey: email, name: null })),
    when,
  );
}

function emailChange(accountId: string, newEmail: string, createdAt = T0): EmailChangeRecord {
  return {
    id: randomUUID(),
    accountId,
    newEmail,
    newEmailKey: newEmail.toLowerCase(),
    tokenHash: `change-${randomUUID()}`,
    createdAt,
    expiresAt: new Date(createdAt.getTime() + 60 * MINUTE),
    usedAt: null,
    supersededAt: null,
  };
}

async function outboxTo(store: Store, to: string) {
  return (await store.listMail(1000)).filter((m) => m.to === to);
}

/** The migration toolkit: stats, lists, campaigns, disable, sign-out everywhere, keys, audit. */
export function toolkitTests(factory: StoreFactory): void {
  describe('migration toolkit', () => {
    const store = useStore(factory);

    it('counts accounts by state and activations per UTC day', async () => {
      await importPending(store(), ['p1@example.com', 'p2@example.com', 'p3@example.com']);
      await createAccount(store(), { status: 'pending_verification' });
      const a = await createAccount(store()); // active since T0
      await store().setAccountDisabled(a.id, true, at(1000));
      await createAccount(store());
      // Activated later the same UTC day, and one the next day: days are whole days.
      const p1 = await store().findAccountByEmailKey('p1@example.com');
      const p2 = await store().findAccountByEmailKey('p2@example.com');
      if (!p1 || !p2) throw new Error('missing');
      const t1 = await issue(store(), p1, 'activation', at(5 * 60 * MINUTE - MINUTE));
      await store().completePasswordReset(resetInput(t1.id, p1.email, at(5 * 60 * MINUTE)));
      const t2 = await issue(store(), p2, 'activation', at(25 * 60 * MINUTE - MINUTE));
      await store().completePasswordReset(resetInput(t2.id, p2.email, at(25 * 60 * MINUTE)));
      const stats = await store().accountStats();
      expect(stats).toEqual({
        total: 6,
        byStatus: { pending_activation: 1, active: 3, pending_verification: 1, disabled: 1 },
        activationsByDay: [
          { day: '2026-01-01', count: 3 },
          { day: '2026-01-02', count: 1 },
        ],
      });
    });

    it('lists by status and by a case-insensitive search that treats % and _ literally', async () => {
      await importPending(store(), ['ann@example.com', 'bob@example.com', 'a_c@example.com']);
      await createAccount(store(), { email: 'Carol@Example.com' });
      const pending = await store().listAccounts({ status: 'pending_activation', limit: 10 });
      expect(pending.map((a) => a.emailKey)).toEqual([
        'a_c@example.com',
        'ann@example.com',
        'bob@example.com',
      ]);
      expect((await store().listAccounts({ search: 'CAROL', limit: 10 })).length).toBe(1);
      expect((await store().listAccounts({ search: 'test user', limit: 10 })).length).toBe(1);
      expect((await store().listAccounts({ search: 'a_', limit: 10 })).map((a) => a.email)).toEqual(
        ['a_c@example.com'],
      );
      expect((await store().listAccounts({ search: '%', limit: 10 })).length).toBe(0);
      const page = await store().listAccounts({ limit: 2, afterEmailKey: 'ann@example.com' });
      expect(page.map((a) => a.emailKey)).toEqual(['bob@example.com', 'carol@example.com']);
    });

    it('an activation campaign mails each pending account once within its cooldown', async () => {
      await importPending(store(), ['a@example.com', 'b@example.com']);
      await createAccount(store(), { email: 'active@example.com' });
      const due = await store().listActivationDue({
        mailedBefore: at(0),
        createdBefore: null,
        limit: 10,
      });
      expect(due.map((a) => a.emailKey)).toEqual(['a@example.com', 'b@example.com']);
      const [a] = due;
      if (!a) throw new Error('no account');
      const t1 = token(a.id, 'activation', at(1000));
      const first = await store().issueActivation({
        token: t1,
        mail: mail(a.email, 'account_activation', at(1000)),
        mailedBefore: at(0),
        audit: audit('activation.send', a.id, at(1000)),
      });
      expect(first).toBe(true);
      // Within the cooldown (mailed at 1000, cooldown cut-off 500): skipped, nothing written.
      const again = await store().issueActivation({
        token: token(a.id, 'activation', at(2000)),
        mail: mail(a.email, 'account_activation', at(2000)),
        mailedBefore: at(500),
        audit: audit('activation.send', a.id, at(2000)),
      });
      expect(again).toBe(false);
      expect(await outboxTo(store(), 'a@example.com')).toHaveLength(1);
      expect(await store().listAudit({ accountId: a.id, limit: 10 })).toHaveLength(1);
      expect((await store().findAccountById(a.id))?.activationMailedAt).toEqual(at(1000));
      const left = await store().listActivationDue({
        mailedBefore: at(500),
        createdBefore: null,
        limit: 10,
      });
      expect(left.map((x) => x.emailKey)).toEqual(['b@example.com']);
      // After the cooldown: mailed again, and the older link is superseded.
      expect(
        await store().issueActivation({
          token: token(a.id, 'activation', at(5000)),
          mail: mail(a.email, 'account_activation', at(5000)),
          mailedBefore: at(4000),
        }),
      ).toBe(true);
      expect((await findTokenByHash(store(), t1.tokenHash))?.supersededAt).toEqual(at(5000));
      // createdBefore filters by import time.
      expect(
        await store().listActivationDue({ mailedBefore: at(0), createdBefore: T0, limit: 10 }),
      ).toEqual([]);
    });

    it('never mails an account that is no longer pending activation', async () => {
      const active = await createAccount(store());
      const ok = await store().issueActivation({
        token: token(active.id, 'activation'),
        mail: mail(active.email, 'account_activation'),
        mailedBefore: null,
      });
      expect(ok).toBe(false);
      expect(await outboxTo(store(), active.email)).toHaveLength(0);
    });

    it('disabling revokes sessions; enabling restores the state the account can have', async () => {
      const active = await createAccount(store());
      await store().insertRefreshToken(refreshToken(active));
      const disabled = await store().setAccountDisabled(
        active.id,
        true,
        at(1),
        audit('account.disable', active.id),
      );
      expect(disabled?.status).toBe('disabled');
      const r = await store().rotateRefreshToken('nope', refreshToken(active), at(2));
      expect(r.ok).toBe(false);
      expect((await store().setAccountDisabled(active.id, false, at(3)))?.status).toBe('active');
      await importPending(store(), ['pending@example.com']);
      const pending = await store().findAccountByEmailKey('pending@example.com');
      if (!pending) throw new Error('missing');
      await store().setAccountDisabled(pending.id, true, at(4));
      expect((await store().setAccountDisabled(pending.id, false, at(5)))?.status).toBe(
        'pending_activation',
      );
      const unverified = await createAccount(store(), { status: 'pending_verification' });
      await store().setAccountDisabled(unverified.id, true, at(6));
      expect((await store().setAccountDisabled(unverified.id, false, at(7)))?.status).toBe(
        'pending_verification',
      );
      expect(await store().setAccountDisabled(randomUUID(), true, at(8))).toBeNull();
      expect(await store().listAudit({ limit: 10 })).toHaveLength(1);
    });

    it('signing out everywhere bumps the credential version and revokes every refresh token', async () => {
      const account = await createAccount(store());
      const r1 = refreshToken(account);
      await store().insertRefreshToken(r1);
      await store().insertRefreshToken(refreshToken(account));
      expect(await store().revokeAllSessions(account.id, at(1), audit('account.sign_out'))).toBe(2);
      expect((await store().findAccountById(account.id))?.credentialVersion).toBe(2);
      const rotated = await store().rotateRefreshToken(r1.tokenHash, refreshToken(account), at(2));
      expect(rotated).toEqual({ ok: false, reason: 'revoked' });
      expect(await store().revokeAllSessions(randomUUID(), at(3))).toBe(0);
    });

    it('changes a password only from the hash it was verified against', async () => {
      const account = await createAccount(store(), { passwordHash: '$argon2id$old' });
      await store().insertRefreshToken(refreshToken(account));
      const reset = await issue(store(), account, 'reset');
      const stale = await store().changePassword({
        accountId: account.id,
        expectedHash: '$argon2id$other',
        passwordHash: '$argon2id$new',
        now: at(1),
        notice: mail(account.email, 'password_changed', at(1)),
      });
      expect(stale).toBeNull();
      const changed = await store().changePassword({
        accountId: account.id,
        expectedHash: '$argon2id$old',
        passwordHash: '$argon2id$new',
        now: at(2),
        notice: mail(account.email, 'password_changed', at(2)),
      });
      expect(changed).toMatchObject({ passwordHash: '$argon2id$new', credentialVersion: 2 });
      expect((await findTokenByHash(store(), reset.tokenHash))?.supersededAt).toEqual(at(2));
      const notices = (await outboxTo(store(), account.email)).filter(
        (m) => m.template === 'password_changed',
      );
      expect(notices).toHaveLength(1);
    });

    it('an email change takes effect once, on confirmation, and notifies the old address', async () => {
      const account = await createAccount(store(), { email: 'old@example.com' });
      const first = emailChange(account.id, 'first@example.com');
      await store().issueEmailChange(first, mail('first@example.com', 'email_change'));
      const second = emailChange(account.id, 'New@Example.com', at(1000));
      await store().issueEmailChange(second, mail('New@Example.com', 'email_change', at(1000)));
      const notice = (a: { email: string }, old: string) => ({
        ...mail(old, 'email_changed', at(2000)),
        payload: `to ${a.email}`,
      });
      expect(
        await store().completeEmailChange({ tokenHash: first.tokenHash, now: at(2000), notice }),
      ).toEqual({ ok: false, reason: 'superseded' });
      const done = await store().completeEmailChange({
        tokenHash: second.tokenHash,
        now: at(2000),
        notice,
      });
      expect(done).toMatchObject({
        ok: true,
        oldEmail: 'old@example.com',
        account: { email: 'New@Example.com', emailKey: 'new@example.com' },
      });
      expect(
        await store().completeEmailChange({ tokenHash: second.tokenHash, now: at(3000), notice }),
      ).toEqual({ ok: false, reason: 'used' });
      expect(
        await store().completeEmailChange({ tokenHash: 'unknown', now: at(3000), notice }),
      ).toEqual({ ok: false, reason: 'invalid' });
      expect(await outboxTo(store(), 'old@example.com')).toHaveLength(1);
      expect(await store().findAccountByEmailKey('old@example.com')).toBeNull();
    });

    it('an email change to an address taken meanwhile changes nothing', async () => {
      const account = await createAccount(store(), { email: 'mine@example.com' });
      const change = emailChange(account.id, 'theirs@example.com');
      await store().issueEmailChange(change, mail('theirs@example.com', 'email_change'));
      await createAccount(store(), { email: 'theirs@example.com' });
      const result = await store().completeEmailChange({
        tokenHash: change.tokenHash,
        now: at(1),
        notice: (_a, old) => mail(old, 'email_changed', at(1)),
      });
      expect(result).toEqual({ ok: false, reason: 'email_taken' });
      expect((await store().findAccountById(account.id))?.email).toBe('mine@example.com');
      const expired = emailChange(account.id, 'late@example.com');
      await store().issueEmailChange(expired, mail('late@example.com', 'email_change'));
      expect(
        await store().completeEmailChange({
          tokenHash: expired.tokenHash,
          now: at(61 * MINUTE),
          notice: (_a, old) => mail(old, 'email_changed'),
        }),
      ).toEqual({ ok: false, reason: 'expired' });
    });

    it("Customer Services' recovery moves the account and returns it to pending activation", async () => {
      const account = await createAccount(store(), { email: 'lost@example.com' });
      await store().insertRefreshToken(refreshToken(account));
      const old = await issue(store(), account, 'reset');
      const t = token(account.id, 'activation', at(10));
      const result = await store().recoverAccountEmail({
        accountId: account.id,
        email: 'found@example.com',
        emailKey: 'found@example.com',
        token: t,
        mail: mail('found@example.com', 'account_activation', at(10)),
        notice: mail('lost@example.com', 'email_changed_by_support', at(10)),
        audit: audit('account.change_email', account.id, at(10)),
      });
      expect(result).toMatchObject({
        ok: true,
        account: {
          email: 'found@example.com',
          status: 'pending_activation',
          passwordHash: null,
          credentialVersion: 2,
        },
      });
      expect((await findTokenByHash(store(), old.tokenHash))?.supersededAt).toEqual(at(10));
      expect(await outboxTo(store(), 'found@example.com')).toHaveLength(1);
      expect(await store().listAudit({ accountId: account.id, limit: 5 })).toHaveLength(1);
      const other = await createAccount(store(), { email: 'other@example.com' });
      const taken = await store().recoverAccountEmail({
        accountId: other.id,
        email: 'found@example.com',
        emailKey: 'found@example.com',
        token: token(other.id, 'activation', at(20)),
        mail: mail('found@example.com', 'account_activation', at(20)),
        notice: mail('other@example.com', 'email_changed_by_support', at(20)),
        audit: audit('account.change_email', other.id, at(20)),
      });
      expect(taken).toEqual({ ok: false, reason: 'email_taken' });
      expect(await store().listAudit({ accountId: other.id, limit: 5 })).toHaveLength(0);
    });

    it('keeps admin keys by hash; revoking by prefix is final', async () => {
      const key = {
        id: randomUUID(),
        name: 'cs-console',
        prefix: 'cak_abcd1234',
        keyHash: 'f'.repeat(64),
        createdAt: T0,
        lastUsedAt: null,
        revokedAt: null,
      };
      await store().createAdminKey(key, audit('admin_key.create'));
      expect(await store().findAdminKeyByHash(key.keyHash)).toEqual(key);
      await store().touchAdminKey(key.id, at(5));
      expect((await store().listAdminKeys())[0]?.lastUsedAt).toEqual(at(5));
      const revoke = audit('admin_key.revoke', null, at(6));
      expect(await store().revokeAdminKey('cak_abcd1234', at(6), revoke)).toBe(true);
      expect(await store().revokeAdminKey(key.id, at(7), audit('admin_key.revoke'))).toBe(false);
      expect((await store().findAdminKeyByHash(key.keyHash))?.revokedAt).toEqual(at(6));
      const log = await store().listAudit({ limit: 10 });
      expect(log.map((e) => e.action)).toEqual(['admin_key.revoke', 'admin_key.create']);
      expect(log[0]?.detail).toEqual({ why: 'test' });
    });

    it('pages the audit log newest first', async () => {
      for (let i = 0; i < 5; i++) await store().appendAudit(audit(`a${i}`, null, at(i)));
      const page = await store().listAudit({ limit: 2, before: at(3) });
      expect(page.map((e) => e.action)).toEqual(['a2', 'a1']);
    });
  });

  describe('migration toolkit: two processes', () => {
    const stores = useTwoStores(factory);

    it('two campaigns at once mail each account exactly once', async () => {
      const [one, two] = stores();
      const emails = Array.from({ length: 20 }, (_, i) => `c${i}@example.com`);
      await importPending(one, emails);
      const run = async (s: Store) => {
        let sent = 0;
        for (const account of await s.listActivationDue({
          mailedBefore: at(0),
          createdBefore: null,
          limit: 100,
        })) {
          const ok = await s.issueActivation({
            token: token(account.id, 'activation', at(1)),
            mail: mail(account.email, 'account_activation', at(1)),
            mailedBefore: at(0),
          });
          if (ok) sent++;
        }
        return sent;
      };
      const [a, b] = await Promise.all([run(one), run(two)]);
      expect(a + b).toBe(20);
      expect((await one.listMail(100)).length).toBe(20);
    });
  });
}
