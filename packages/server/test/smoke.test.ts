import { describe, expect, it } from 'vitest';
import { storeFactories } from '../src/store/testing.ts';
import { STRONG, seedAccount, startServer } from './helpers.ts';

const [sqlite] = await storeFactories();

describe('smoke', () => {
  it('request, verify, complete, sign in', async () => {
    const t = await startServer(sqlite!);
    try {
      await seedAccount(t, 'ann@example.com', 'active');
      const client = t.client();
      expect(await client.requestPasswordReset({ email: 'ann@example.com' })).toEqual({
        status: 'accepted',
      });
      const mail = await t.lastMail('ann@example.com');
      expect(mail?.template).toBe('password_reset');
      const info = await client.verifyResetToken(mail!.token!);
      expect(info.email).toBe('ann@example.com');
      const done = await client.completePasswordReset({
        token: mail!.token!,
        password: `${STRONG}x`,
      });
      expect(done.status).toBe('password_changed');
      const session = await client.signIn({ email: 'ann@example.com', password: `${STRONG}x` });
      expect(session.account.email).toBe('ann@example.com');
      const refreshed = await client.refreshSession();
      expect(refreshed.accessToken).not.toBe(session.accessToken);
      await client.signOut();
    } finally {
      await t.close();
    }
  });
});
