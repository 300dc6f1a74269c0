/**
 * Atomic consumption (SECURITY 6) and all-or-nothing resets (SECURITY 7), over HTTP.
 */
import { describe, expect, it } from 'vitest';
import { factories, rejection, seedAccount, startServer } from './helpers.ts';

for (const factory of factories) {
  describe.skipIf(!factory.available)(`parallel completions [${factory.name}]`, () => {
    for (const n of [2, 8, 50]) {
      it(`SECURITY 6: exactly one of ${n} parallel completions of one token succeeds`, async () => {
        const t = await startServer(factory);
        try {
          await seedAccount(t, `race${n}@example.com`, 'pending_activation');
          await t.client().requestPasswordReset({ email: `race${n}@example.com` });
          const token = (await t.lastMail(`race${n}@example.com`))?.token ?? '';
          const passwords = Array.from({ length: n }, (_, i) => `Parallel-Winner-${i}x`);
          const answers = await Promise.all(
            passwords.map((password) =>
              t.post('/v1/password-resets/complete', { token, password }),
            ),
          );
          const bodies = await Promise.all(answers.map((r) => r.json()));
          const statuses = answers.map((r) => r.status);
          expect(statuses.filter((s) => s === 200)).toHaveLength(1);
          expect(statuses.filter((s) => s === 410)).toHaveLength(n - 1);
          for (const body of bodies.filter((b) => b.code)) expect(body.code).toBe('token_used');
          // The winner's password is the one in force; exactly one notice was enqueued.
          const winner = passwords[statuses.indexOf(200)] ?? '';
          const session = await t
            .client()
            .signIn({ email: `race${n}@example.com`, password: winner });
          expect(session.account.email).toBe(`race${n}@example.com`);
          const notices = (await t.mails()).filter((m) => m.template === 'password_changed');
          expect(notices).toHaveLength(1);
        } finally {
          await t.close();
        }
      }, 60_000);
    }
  });

  describe.skipIf(!factory.available)(`all or nothing [${factory.name}]`, () => {
    for (const step of [
      'consume',
      'read_account',
      'set_password',
      'supersede_siblings',
      'revoke_refresh',
      'enqueue_notice',
    ]) {
      it(`SECURITY 7: a fault after "${step}" leaves nothing changed, and the retry succeeds`, async () => {
        let armed = false;
        const store = await factory.open({
          testHooks: {
            afterStatement(operation, name) {
              if (armed && operation === 'completePasswordReset' && name === step)
                throw new Error(`injected fault after ${step}`);
            },
          },
        });
        const t = await startServer(factory, { store });
        try {
          const old = 'Harbour-Lantern-42';
          await seedAccount(t, 'atomic@example.com', 'active', old);
          const client = t.client();
          await client.signIn({ email: 'atomic@example.com', password: old });
          await client.requestPasswordReset({ email: 'atomic@example.com' });
          const token = (await t.lastMail('atomic@example.com'))?.token ?? '';
          const before = await t.store.findAccountByEmailKey('atomic@example.com');
          armed = true;
          const res = await t.post('/v1/password-resets/complete', {
            token,
            password: 'Fresh-Meadow-93',
          });
          armed = false;
          expect(res.status).toBe(500); // an injected storage fault is the one unexpected error
          expect((await res.json()).code).toBe('server_error');
          const after = await t.store.findAccountByEmailKey('atomic@example.com');
          expect(after?.passwordHash).toBe(before?.passwordHash);
          expect(after?.credentialVersion).toBe(before?.credentialVersion);
          expect((await t.mails()).filter((m) => m.template === 'password_changed')).toHaveLength(
            0,
          );
          expect((await client.verifyResetToken(token)).email).toBe('atomic@example.com');
          expect((await client.refreshSession()).account.email).toBe('atomic@example.com');
          expect(
            (await client.signIn({ email: 'atomic@example.com', password: old })).account.email,
          ).toBe('atomic@example.com');
          // Nothing half-done: the retry completes everything.
          expect(
            (await client.completePasswordReset({ token, password: 'Fresh-Meadow-93' })).status,
          ).toBe('password_changed');
          expect((await rejection(client.refreshSession())).code).toBe('session_invalid');
          expect((await t.mails()).filter((m) => m.template === 'password_changed')).toHaveLength(
            1,
          );
          expect(t.logger.lines.some((l) => l.event === 'server_error')).toBe(true);
        } finally {
          await t.close();
        }
      });
    }
  });
}
