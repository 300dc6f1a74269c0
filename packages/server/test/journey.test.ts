/**
 * THE ACTIVATION JOURNEY, as one test per adapter: a migrated account imported from CSV activates
 * itself through the reset flow. Also checks the logs of the whole journey for secrets (SECURITY 23).
 */
import { describe, expect, it } from 'vitest';
import { importLegacyAccounts } from '../src/cli/import-legacy.ts';
import { factories, rejection, startServer } from './helpers.ts';

const CSV = 'email,name\r\n"Maria.Garcia@Example.COM","María García"\r\n';
const WEAK = 'maria2024';
const STRONG = 'Orchard-Compass-81';

for (const factory of factories) {
  describe.skipIf(!factory.available)(`activation journey [${factory.name}]`, () => {
    it('import → refused → request → mail → verify ×2 → weak → strong → link used → sign in → notice', async () => {
      const t = await startServer(factory);
      try {
        // 1. Import the migrated account from CSV through the CLI's import function.
        const summary = await importLegacyAccounts(t.store, CSV, new Date());
        expect(summary).toMatchObject({ rows: 1, imported: 1, problems: [] });
        const account = await t.store.findAccountByEmailKey('maria.garcia@example.com');
        expect(account).toMatchObject({
          status: 'pending_activation',
          passwordHash: null,
          email: 'Maria.Garcia@example.com',
        });
        const client = t.client();

        // 2. Sign-in refused with the same answer as a wrong password.
        const refused = await rejection(
          client.signIn({ email: 'maria.garcia@example.com', password: STRONG }),
        );
        expect(refused.code).toBe('invalid_credentials');

        // 3. Request the reset (activation) mail.
        expect(await client.requestPasswordReset({ email: 'maria.garcia@example.com' })).toEqual({
          status: 'accepted',
        });

        // 4. The mail is in the outbox, to the stored address, with link and code.
        const mail = await t.lastMail('Maria.Garcia@example.com');
        expect(mail).toMatchObject({
          template: 'account_activation',
          to: 'Maria.Garcia@example.com',
        });
        expect(mail?.link).toMatch(/\/reset#token=[A-Za-z0-9_-]{43}$/);
        expect(mail?.code).toMatch(/^\d{8}$/);
        const token = mail?.token ?? '';

        // 5. Verify twice: nothing consumed.
        const first = await client.verifyResetToken(token);
        const second = await client.verifyResetToken(token);
        expect(first).toEqual(second);
        expect(first).toMatchObject({ email: 'Maria.Garcia@example.com', purpose: 'activation' });
        expect(new Date(first.expiresAt).getTime() - Date.now()).toBeGreaterThan(23 * 3_600_000);

        // 6. A weak password is refused with per-rule results.
        const weak = await rejection(client.completePasswordReset({ token, password: WEAK }));
        expect(weak.code).toBe('weak_password');
        const rules = weak.rules as Array<{ id: string; ok: boolean; level: string }>;
        expect(rules.find((r) => r.id === 'uppercase')).toMatchObject({
          ok: false,
          level: 'required',
        });
        expect(rules.find((r) => r.id === 'lowercase')).toMatchObject({ ok: true });

        // 7. A strong one is accepted and activates the account.
        const done = await client.completePasswordReset({ token, password: STRONG });
        expect(done).toEqual({
          status: 'password_changed',
          email: 'Maria.Garcia@example.com',
          activated: true,
        });
        expect((await t.store.findAccountByEmailKey('maria.garcia@example.com'))?.status).toBe(
          'active',
        );

        // 8. The old link is refused as used.
        expect((await rejection(client.verifyResetToken(token))).code).toBe('token_used');
        expect(
          (await rejection(client.completePasswordReset({ token, password: `${STRONG}!` }))).code,
        ).toBe('token_used');

        // 9. Sign-in succeeds.
        const session = await client.signIn({
          email: 'maria.garcia@example.com',
          password: STRONG,
        });
        expect(session.account).toMatchObject({
          email: 'Maria.Garcia@example.com',
          name: 'María García',
        });

        // 10. The "password changed / account activated" notice was sent (delivered by the worker).
        await t.server.settled();
        const notice = await t.lastMail('Maria.Garcia@example.com', 'password_changed');
        expect(notice?.data).toMatchObject({ activated: true });
        expect(notice?.status).toBe('sent');
        expect(
          t.transport.sent.some(
            (m) =>
              m.to === 'Maria.Garcia@example.com' && /activated|changed/i.test(m.subject + m.text),
          ),
        ).toBe(true);

        // SECURITY 23: the journey's logs carry events with account id and IP, never secrets.
        const logs = t.logger.text();
        for (const secret of [token, mail?.code ?? '', WEAK, STRONG])
          expect(logs).not.toContain(secret);
        const events = t.logger.lines.map((l) => l.event);
        for (const e of [
          'request',
          'reset_requested',
          'token_issued',
          'verify',
          'failure',
          'consume',
          'sign_in',
        ])
          expect(events).toContain(e);
        expect(t.logger.lines.find((l) => l.event === 'consume')).toMatchObject({
          accountId: account?.id,
          ip: '127.0.0.1',
        });
      } finally {
        await t.close();
      }
    });
  });
}
