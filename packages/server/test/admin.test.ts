/**
 * The admin API over HTTP on both adapters: keys (missing, wrong, malformed, revoked → 401 and
 * nothing written), every successful call in the audit log, Customer Services' recovery, and bad
 * input answered as problem+json with a known code.
 */
import { ADMIN_ROUTES, SERVER_ERROR_CODES } from '@connect-auth/core/contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAdminKey } from '../src/services/operators.ts';
import { factories, STRONG, seedAccount, startServer, type TestServer } from './helpers.ts';

for (const factory of factories) {
  describe.skipIf(!factory.available)(`admin API (${factory.name})`, () => {
    let t: TestServer;
    let key: string;
    let prefix: string;
    beforeEach(async () => {
      t = await startServer(factory);
      ({
        key,
        record: { prefix },
      } = await createAdminKey(
        { store: t.store, clock: () => new Date() },
        'cs-console',
        'cli:test',
      ));
    });
    afterEach(() => t.close());

    const call = (
      route: { method: string; path: string },
      body?: unknown,
      auth: string | null = key,
      query = '',
    ) =>
      fetch(new URL(route.path + query, t.url), {
        method: route.method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(auth === null ? {} : { authorization: `Bearer ${auth}` }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });

    /** Everything an admin call could write: the audit log, accounts, outbox, tokens. */
    async function snapshot() {
      await t.server.settled();
      return {
        audit: await t.store.listAudit({ limit: 1000 }),
        accounts: await t.store.listAccounts({ limit: 1000 }),
        mails: (await t.store.listMail(1000)).length,
        stats: await t.store.accountStats(),
      };
    }

    it('answers 401 admin_key_invalid without a key, with a wrong or revoked key, and writes nothing', async () => {
      await seedAccount(t, 'owner@example.com', 'active');
      const other = await createAdminKey(
        { store: t.store, clock: () => new Date() },
        'to-revoke',
        'cli:test',
      );
      await t.store.revokeAdminKey(other.record.prefix, new Date());
      const before = await snapshot();
      const wrong = `${key.slice(0, -4)}AAAA`;
      const attempts: Array<[string | null, string]> = [
        [null, 'no key'],
        [wrong, 'wrong key'],
        ['cak_nothing', 'malformed key'],
        [other.key, 'revoked key'],
      ];
      const mutating = [
        [ADMIN_ROUTES.disable, { email: 'owner@example.com' }],
        [ADMIN_ROUTES.signOut, { email: 'owner@example.com' }],
        [ADMIN_ROUTES.changeEmail, { email: 'owner@example.com', newEmail: 'x@example.com' }],
        [ADMIN_ROUTES.invite, { email: 'new@example.com' }],
        [ADMIN_ROUTES.stats, undefined],
        [ADMIN_ROUTES.audit, undefined],
      ] as const;
      for (const [auth, label] of attempts) {
        for (const [route, body] of mutating) {
          const res = await call(route, body, auth);
          expect(res.status, `${label} ${route.path}`).toBe(401);
          expect(res.headers.get('content-type')).toContain('application/problem+json');
          expect(res.headers.get('www-authenticate')).toContain('Bearer');
          expect((await res.json()).code).toBe('admin_key_invalid');
        }
      }
      // A session's access token is not an admin key either.
      const session = await t.client().signIn({ email: 'owner@example.com', password: STRONG });
      expect((await call(ADMIN_ROUTES.stats, undefined, session.accessToken)).status).toBe(401);
      const after = await snapshot();
      expect(after.audit).toEqual(before.audit);
      expect(after.accounts).toEqual(
        before.accounts.map((a) => ({ ...a, ...pickSignIn(after, a.id) })),
      );
      expect(after.mails).toBe(before.mails);
      expect(after.stats).toEqual(before.stats);
      const keys = await t.store.listAdminKeys();
      expect(keys.find((k) => k.prefix === other.record.prefix)?.lastUsedAt).toBeNull();
    });

    it('puts every successful call in the audit log with the key as actor', async () => {
      await t.store.importAccounts(
        [
          {
            id: crypto.randomUUID(),
            email: 'migrated@example.com',
            emailKey: 'migrated@example.com',
            name: 'Mig',
          },
        ],
        new Date(),
      );
      await seedAccount(t, 'owner@example.com', 'active');
      const ok = async (route: { method: string; path: string }, body?: unknown, query = '') => {
        const res = await call(route, body, key, query);
        expect(res.status, route.path).toBe(200);
        return res.json();
      };
      const stats = await ok(ADMIN_ROUTES.stats);
      expect(stats.byStatus).toMatchObject({ pending_activation: 1, active: 1 });
      const list = await ok(ADMIN_ROUTES.listAccounts, undefined, '?status=pending_activation');
      expect(list.accounts.map((a: { email: string }) => a.email)).toEqual([
        'migrated@example.com',
      ]);
      expect(await ok(ADMIN_ROUTES.findAccount, { email: 'OWNER@example.com' })).toMatchObject({
        email: 'owner@example.com',
        status: 'active',
      });
      expect(
        await ok(ADMIN_ROUTES.sendActivation, { email: 'migrated@example.com' }),
      ).toMatchObject({ sent: true });
      expect(
        await ok(ADMIN_ROUTES.invite, { email: 'mate@example.com', name: 'Mate' }),
      ).toMatchObject({
        created: true,
        invited: true,
      });
      expect(await ok(ADMIN_ROUTES.disable, { email: 'owner@example.com' })).toMatchObject({
        status: 'disabled',
      });
      expect(await ok(ADMIN_ROUTES.enable, { email: 'owner@example.com' })).toMatchObject({
        status: 'active',
      });
      expect(await ok(ADMIN_ROUTES.signOut, { email: 'owner@example.com' })).toMatchObject({
        revokedRefreshTokens: 0,
      });
      const history = await ok(ADMIN_ROUTES.history, { email: 'owner@example.com' });
      expect(history.entries.map((e: { action: string }) => e.action)).toEqual([
        'account.sign_out',
        'account.enable',
        'account.disable',
        'account.view',
      ]);
      const audit = await ok(ADMIN_ROUTES.audit, undefined, '?limit=100');
      const actions = audit.entries.map((e: { action: string }) => e.action).reverse();
      expect(actions).toEqual([
        'admin_key.create',
        'stats.view',
        'accounts.list',
        'account.view',
        'activation.send',
        'account.invite',
        'activation.send',
        'account.disable',
        'account.enable',
        'account.sign_out',
        'account.history',
      ]);
      const byKey = audit.entries.filter((e: { actor: string }) => e.actor !== 'cli:test');
      expect(new Set(byKey.map((e: { actor: string }) => e.actor))).toEqual(
        new Set([`key:${prefix} (cs-console)`]),
      );
      const mails = await t.mails();
      expect(mails.filter((m) => m.template === 'account_activation')).toHaveLength(1);
      expect(mails.filter((m) => m.template === 'invitation')).toHaveLength(1);
      expect((await t.store.listAdminKeys())[0]?.lastUsedAt).not.toBeNull();
    });

    it('invites in the language asked for, again in another, and refuses what is not a language tag', async () => {
      const invite = (body: unknown) => call(ADMIN_ROUTES.invite, body);
      const locales = async (to: string) =>
        (await t.mails())
          .filter((m) => m.to === to && m.template === 'invitation')
          .map((m) => m.data.locale);
      expect((await invite({ email: 'mate@example.com', locale: 'fr-CA' })).status).toBe(200);
      expect(await locales('mate@example.com')).toEqual(['fr-CA']);
      // Invited again, still pending: the new language is the account's, this mail's included.
      expect((await invite({ email: 'mate@example.com', locale: 'de' })).status).toBe(200);
      expect((await locales('mate@example.com')).sort()).toEqual(['de', 'fr-CA']);
      expect((await t.store.findAccountByEmailKey('mate@example.com'))?.locale).toBe('de');
      const bad = await invite({ email: 'other@example.com', locale: 'fr fr' });
      expect(bad.status).toBe(400);
      expect(bad.headers.get('content-type')).toContain('application/problem+json');
      expect((await bad.json()).code).toBe('validation_failed');
      expect(await t.store.findAccountByEmailKey('other@example.com')).toBeNull();
    });

    it("Customer Services' recovery: activation to the new address only, the old one told, no password anywhere", async () => {
      await seedAccount(t, 'lost@example.com', 'active');
      const client = t.client();
      await client.signIn({ email: 'lost@example.com', password: STRONG });
      const res = await call(ADMIN_ROUTES.changeEmail, {
        email: 'lost@example.com',
        newEmail: 'found@example.com',
      });
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body).toMatchObject({ email: 'found@example.com', status: 'pending_activation' });
      expect(JSON.stringify(body)).not.toMatch(/password|hash|token/i);
      // The session the person had is over, and the old password no longer signs in.
      expect(
        (
          await t
            .client()
            .signIn({ email: 'found@example.com', password: STRONG })
            .catch((e) => e)
        ).code,
      ).toBe('invalid_credentials');
      const activation = await t.lastMail('found@example.com', 'account_activation');
      const notice = await t.lastMail('lost@example.com', 'email_changed');
      expect(activation?.token).toBeTruthy();
      expect(notice?.data).toMatchObject({ newEmail: 'found@example.com', bySupport: true });
      expect((await t.mails()).filter((m) => m.to === 'found@example.com')).toHaveLength(1);
      // The owner activates at the new address with a password only they choose.
      const done = await t.client().completePasswordReset({
        token: activation?.token ?? '',
        password: 'Another-Harbour-77',
      });
      expect(done).toMatchObject({ activated: true, email: 'found@example.com' });
      const entry = (await t.store.listAudit({ limit: 5 })).find(
        (e) => e.action === 'account.change_email',
      );
      expect(entry?.detail).toMatchObject({ from: 'lost@example.com', to: 'found@example.com' });
      const taken = await call(ADMIN_ROUTES.changeEmail, {
        email: 'found@example.com',
        newEmail: 'found@example.com',
      });
      expect(taken.status).toBe(200); // moving to its own address is a re-activation, not a clash
      await seedAccount(t, 'someone@example.com', 'active');
      const clash = await call(ADMIN_ROUTES.changeEmail, {
        email: 'found@example.com',
        newEmail: 'someone@example.com',
      });
      expect(clash.status).toBe(409);
      expect((await clash.json()).code).toBe('email_taken');
    });

    it('answers bad input with problem+json and a known code, and audits nothing for it', async () => {
      const before = (await t.store.listAudit({ limit: 100 })).length;
      const cases: Array<[Response, number]> = [
        [await call(ADMIN_ROUTES.findAccount, { email: 'nobody@example.com' }), 404],
        [await call(ADMIN_ROUTES.findAccount, { email: 'not-an-email' }), 400],
        [await call(ADMIN_ROUTES.findAccount, { email: 'a@example.com', extra: 1 }), 400],
        [await call(ADMIN_ROUTES.history, { email: 'a@example.com', limit: 0 }), 400],
        [await call(ADMIN_ROUTES.listAccounts, undefined, key, '?status=happy'), 400],
        [await call(ADMIN_ROUTES.listAccounts, undefined, key, '?limit=1e3'), 400],
        [await call(ADMIN_ROUTES.listAccounts, undefined, key, '?nope=1'), 400],
        [await call(ADMIN_ROUTES.audit, undefined, key, '?before=yesterday'), 400],
        [await call({ method: 'GET', path: ADMIN_ROUTES.disable.path }, undefined), 405],
        [await call({ method: 'POST', path: '/v1/admin/nothing' }, {}), 404],
      ];
      for (const [res, status] of cases) {
        expect(res.status).toBe(status);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        const problem = await res.json();
        expect(SERVER_ERROR_CODES).toContain(problem.code);
      }
      expect((await t.store.listAudit({ limit: 100 })).length).toBe(before);
    });
  });
}

/** Sign-in bookkeeping (failed counter, updatedAt) is not an admin write: take it from `after`. */
function pickSignIn(
  after: { accounts: Array<{ id: string; failedSignIns: number; updatedAt: Date }> },
  id: string,
) {
  const a = after.accounts.find((x) => x.id === id);
  return a ? { failedSignIns: a.failedSignIns, updatedAt: a.updatedAt } : {};
}
