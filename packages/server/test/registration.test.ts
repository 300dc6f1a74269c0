/**
 * Registration hardening (#8 items 3 and 4): no pre-account takeover (SECURITY 28), and the same
 * hashing work for every registration whatever the address's state (SECURITY 1, 2).
 */
import { describe, expect, it } from 'vitest';
import { createPasswordHasher, type PasswordHasher } from '../src/auth/password.ts';
import { factories, rejection, seedAccount, startServer, testClock } from './helpers.ts';

const ATTACKER = 'Squatter-Lantern-13';
const OWNER = 'Owner-Harbour-Keeper-8';

for (const factory of factories) {
  describe.skipIf(!factory.available)(`registration [${factory.name}]`, () => {
    it('SECURITY 28 (#8 item 3): a registration of a pending address replaces it; only the newest link works, and it activates only its own password', async () => {
      const clock = testClock();
      const t = await startServer(factory, { clock: clock.now });
      try {
        const client = t.client();
        // The attacker registers the victim's address first, with a password of their choosing.
        await client.register({ email: 'victim@example.com', password: ATTACKER });
        const squatted = await t.lastMail('victim@example.com', 'verify_email');
        expect(squatted?.token).toBeTruthy();
        // The owner registers (past the mail cooldown): a new confirmation, not "already registered".
        clock.advance(61_000);
        await client.register({ email: 'victim@example.com', password: OWNER, name: 'Vic' });
        const mails = (await t.mails()).filter((m) => m.to === 'victim@example.com');
        expect(mails.map((m) => m.template)).toEqual(['verify_email', 'verify_email']);
        const own = mails[0];
        expect(own?.token).not.toBe(squatted?.token);
        // The squatter's link is dead…
        expect((await rejection(client.verifyEmail(squatted?.token ?? ''))).code).toBe(
          'token_superseded',
        );
        // …and the owner's link activates the owner's password, never the squatter's.
        expect(await client.verifyEmail(own?.token ?? '')).toEqual({
          status: 'verified',
          email: 'victim@example.com',
        });
        expect(
          (await rejection(client.signIn({ email: 'victim@example.com', password: ATTACKER })))
            .code,
        ).toBe('invalid_credentials');
        expect(
          (await client.signIn({ email: 'victim@example.com', password: OWNER })).account.email,
        ).toBe('victim@example.com');
        // Once verified, registering again is "already registered": the password stays the owner's.
        clock.advance(61_000);
        await client.register({ email: 'victim@example.com', password: ATTACKER });
        expect((await t.lastMail('victim@example.com'))?.template).toBe('already_registered');
        expect(
          (await rejection(client.signIn({ email: 'victim@example.com', password: ATTACKER })))
            .code,
        ).toBe('invalid_credentials');
      } finally {
        await t.close();
      }
    });

    it('SECURITY 28: a link activates the password of the registration that sent it, whichever order they race in', async () => {
      const clock = testClock();
      const t = await startServer(factory, { clock: clock.now });
      try {
        const client = t.client();
        await client.register({ email: 'race@example.com', password: OWNER });
        const first = await t.lastMail('race@example.com', 'verify_email');
        clock.advance(61_000);
        await client.register({ email: 'race@example.com', password: ATTACKER });
        const second = await t.lastMail('race@example.com', 'verify_email');
        // The older link cannot activate the newer registration's password either.
        expect((await rejection(client.verifyEmail(first?.token ?? ''))).code).toBe(
          'token_superseded',
        );
        await client.verifyEmail(second?.token ?? '');
        expect(
          (await rejection(client.signIn({ email: 'race@example.com', password: OWNER }))).code,
        ).toBe('invalid_credentials');
        expect(
          (await client.signIn({ email: 'race@example.com', password: ATTACKER })).account.email,
        ).toBe('race@example.com');
      } finally {
        await t.close();
      }
    });

    it("SECURITY 1, 2 (#8 item 4): every registration hashes its password once, whatever the address's state", async () => {
      const real = createPasswordHasher();
      let hashes = 0;
      const hasher: PasswordHasher = {
        ...real,
        hash: (pw) => {
          hashes++;
          return real.hash(pw);
        },
      };
      const t = await startServer(factory, { hasher });
      try {
        await seedAccount(t, 'active@example.com', 'active');
        await seedAccount(t, 'migrated@example.com', 'pending_activation');
        await seedAccount(t, 'pending@example.com', 'pending_verification');
        await seedAccount(t, 'disabled@example.com', 'disabled');
        const client = t.client();
        const counts: Record<string, number> = {};
        for (const email of [
          'new@example.com',
          'active@example.com',
          'migrated@example.com',
          'pending@example.com',
          'disabled@example.com',
        ]) {
          await t.server.settled();
          const before = hashes;
          await client.register({ email, password: OWNER });
          await t.server.settled();
          counts[email] = hashes - before;
        }
        expect(counts).toEqual({
          'new@example.com': 1,
          'active@example.com': 1,
          'migrated@example.com': 1,
          'pending@example.com': 1,
          'disabled@example.com': 1,
        });
      } finally {
        await t.close();
      }
    });
  });
}
