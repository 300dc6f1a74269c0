/**
 * Self-service for signed-in users, from the core client over HTTP against the reference server,
 * on SQLite and PostgreSQL: change password, change email, sign out everywhere.
 */
import { ROUTES } from '@connect-auth/core/contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  factories,
  rejection,
  STRONG,
  seedAccount,
  startServer,
  type TestServer,
} from './helpers.ts';

const NEW_PASSWORD = 'Copper-Meadow-Lantern-58';

for (const factory of factories) {
  describe.skipIf(!factory.available)(`self-service (${factory.name})`, () => {
    let t: TestServer;
    beforeEach(async () => {
      t = await startServer(factory, { appUrl: 'https://app.example' });
      await seedAccount(t, 'owner@example.com', 'active');
    });
    afterEach(() => t.close());

    async function signedIn(email = 'owner@example.com', password = STRONG) {
      const client = t.client();
      await client.signIn({ email, password });
      return client;
    }

    it('changePassword: current password required, other sessions end, this one continues, notice sent', async () => {
      const here = await signedIn();
      const elsewhere = await signedIn();
      const oldAccess = elsewhere.session?.accessToken ?? '';
      expect(
        (
          await rejection(
            here.changePassword({ currentPassword: 'wrong', newPassword: NEW_PASSWORD }),
          )
        ).code,
      ).toBe('invalid_credentials');
      const weak = await rejection(
        here.changePassword({ currentPassword: STRONG, newPassword: 'password1' }),
      );
      expect(weak.code).toBe('weak_password');
      const heard: unknown[] = [];
      here.onSessionChange((s) => heard.push(s?.account.email ?? null));
      const session = await here.changePassword({
        currentPassword: STRONG,
        newPassword: NEW_PASSWORD,
      });
      expect(session.account.email).toBe('owner@example.com');
      expect(heard).toEqual(['owner@example.com']);
      expect(here.session?.accessToken).toBe(session.accessToken);
      expect(await t.server.authenticate(session.accessToken)).toMatchObject({
        email: 'owner@example.com',
      });
      await here.refreshSession(); // the new refresh cookie works
      expect((await rejection(elsewhere.refreshSession())).code).toBe('session_invalid');
      expect((await rejection(t.server.authenticate(oldAccess))).code).toBe('session_invalid');
      expect(
        (await rejection(t.client().signIn({ email: 'owner@example.com', password: STRONG }))).code,
      ).toBe('invalid_credentials');
      await t.client().signIn({ email: 'owner@example.com', password: NEW_PASSWORD });
      const notice = await t.lastMail('owner@example.com', 'password_changed');
      expect(notice?.data).toMatchObject({ activated: false });
    });

    it('a wrong current password counts on the account and the right one resets the count, as at sign-in', async () => {
      const here = await signedIn();
      const failures = async () =>
        (await t.store.findAccountByEmailKey('owner@example.com'))?.failedSignIns;
      expect(await failures()).toBe(0);
      const wrong = await rejection(
        here.changePassword({ currentPassword: 'Wrong-Lantern-41', newPassword: NEW_PASSWORD }),
      );
      expect(wrong.code).toBe('invalid_credentials');
      const emailChange = await rejection(
        here.requestEmailChange({ newEmail: 'n@example.com', password: 'Wrong-Lantern-41' }),
      );
      expect(emailChange.code).toBe('invalid_credentials');
      // Written after the answer, like a failed sign-in's count.
      await t.server.settled();
      expect(await failures()).toBe(2);
      // The right current password starts the count again, as a sign-in does.
      await here.requestEmailChange({ newEmail: 'n@example.com', password: STRONG });
      expect(await failures()).toBe(0);
    });

    it('changePassword and the other calls need a session', async () => {
      const client = t.client();
      expect(
        (
          await rejection(
            client.changePassword({ currentPassword: STRONG, newPassword: NEW_PASSWORD }),
          )
        ).code,
      ).toBe('session_invalid');
      expect((await rejection(client.signOutEverywhere())).code).toBe('session_invalid');
      for (const [route, body] of [
        [ROUTES.changePassword, { currentPassword: 'x', newPassword: 'y' }],
        [ROUTES.requestEmailChange, { newEmail: 'n@example.com', password: 'x' }],
      ] as const) {
        const res = await t.post(route.path, body);
        expect(res.status).toBe(401);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        expect((await res.json()).code).toBe('session_invalid');
      }
      const bogus = await t.post(
        ROUTES.changePassword.path,
        { currentPassword: 'x', newPassword: 'y' },
        { authorization: 'Bearer x.y.z' },
      );
      expect((await bogus.json()).code).toBe('session_invalid');
      const del = await fetch(new URL(ROUTES.signOutEverywhere.path, t.url), { method: 'DELETE' });
      expect(del.status).toBe(401);
    });

    it('rejects bad bodies as validation_failed, before and after the client', async () => {
      const client = await signedIn();
      const local = await rejection(
        client.requestEmailChange({ newEmail: 'nope', password: STRONG }),
      );
      expect(local).toMatchObject({ code: 'validation_failed' });
      const auth = { authorization: `Bearer ${client.session?.accessToken}` };
      for (const body of [
        { currentPassword: STRONG },
        { currentPassword: STRONG, newPassword: NEW_PASSWORD, extra: true },
        { currentPassword: 1, newPassword: NEW_PASSWORD },
      ]) {
        const res = await t.post(ROUTES.changePassword.path, body, auth);
        expect(res.status).toBe(400);
        expect((await res.json()).code).toBe('validation_failed');
      }
      const same = await t.post(
        ROUTES.requestEmailChange.path,
        { newEmail: 'OWNER@example.com', password: STRONG },
        auth,
      );
      expect(same.status).toBe(400);
      expect((await same.json()).issues).toEqual([{ path: ['newEmail'], code: 'unchanged' }]);
      const confirm = await t.post(ROUTES.confirmEmailChange.path, { token: 'short' });
      expect((await confirm.json()).code).toBe('validation_failed');
    });

    it('email change: link to the new address, effect on confirmation, old address told', async () => {
      const client = await signedIn();
      expect(
        (
          await rejection(
            client.requestEmailChange({ newEmail: 'new@example.com', password: 'wrong' }),
          )
        ).code,
      ).toBe('invalid_credentials');
      expect(
        await client.requestEmailChange({ newEmail: 'New@Example.com', password: STRONG }),
      ).toEqual({ status: 'accepted' });
      const link = await t.lastMail('New@example.com', 'email_change');
      expect(link?.link).toMatch(/^https:\/\/app\.example\/confirm-email#token=/);
      // Nothing changed yet.
      await t.client().signIn({ email: 'owner@example.com', password: STRONG });
      // Confirmed in another browser, without a session.
      const done = await t.client().confirmEmailChange({ token: link?.token ?? '' });
      expect(done).toEqual({ status: 'email_changed', email: 'New@example.com' });
      const notice = await t.lastMail('owner@example.com', 'email_changed');
      expect(notice?.data).toMatchObject({ newEmail: 'New@example.com', bySupport: false });
      await t.client().signIn({ email: 'new@example.com', password: STRONG });
      expect(
        (await rejection(t.client().signIn({ email: 'owner@example.com', password: STRONG }))).code,
      ).toBe('invalid_credentials');
      expect(
        (await rejection(t.client().confirmEmailChange({ token: link?.token ?? '' }))).code,
      ).toBe('token_used');
      expect((await rejection(t.client().confirmEmailChange({ token: 'A'.repeat(43) }))).code).toBe(
        'token_invalid',
      );
    });

    it('email change to an address that has an account: same answer, no mail; a later clash is email_taken', async () => {
      await seedAccount(t, 'taken@example.com', 'active');
      const client = await signedIn();
      const before = (await t.mails()).length;
      expect(
        await client.requestEmailChange({ newEmail: 'taken@example.com', password: STRONG }),
      ).toEqual({ status: 'accepted' });
      expect((await t.mails()).length).toBe(before);
      await client.requestEmailChange({ newEmail: 'later@example.com', password: STRONG });
      const link = await t.lastMail('later@example.com', 'email_change');
      await seedAccount(t, 'later@example.com', 'active');
      const clash = await rejection(t.client().confirmEmailChange({ token: link?.token ?? '' }));
      expect(clash).toMatchObject({ code: 'email_taken', status: 409 });
    });

    it('signOutEverywhere ends every session, this one included', async () => {
      const here = await signedIn();
      const elsewhere = await signedIn();
      const access = elsewhere.session?.accessToken ?? '';
      const heard: unknown[] = [];
      here.onSessionChange((s) => heard.push(s));
      await here.signOutEverywhere();
      expect(here.session).toBeNull();
      expect(heard).toEqual([null]);
      expect((await rejection(elsewhere.refreshSession())).code).toBe('session_invalid');
      expect((await rejection(t.server.authenticate(access))).code).toBe('session_invalid');
      // Signing in again works: only the sessions ended.
      await signedIn();
    });
  });
}
