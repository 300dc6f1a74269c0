import { describe, expect, it } from 'vitest';
import { statementsSent } from '../src/store/suite/pg-probes.ts';
import type { Store } from '../src/store/types.ts';
import { factories, rejection, STRONG, seedAccount, startServer } from './helpers.ts';

/** The statements `run` sent to PostgreSQL, in order, the outbox's polling left out. */
async function sent(run: () => Promise<void>): Promise<string[]> {
  const texts = await statementsSent(run);
  // `settled()` also polls the outbox once.
  return texts.filter((text) => !/\boutbox\b/.test(text));
}

/** The store methods `run` called, in order (every adapter). */
function recording(store: Store) {
  const calls: string[] = [];
  const proxy = new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        // `settled()` also polls the outbox once.
        if (property !== 'claimDueMail') calls.push(String(property));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { proxy, calls };
}

const postgres = factories.find((f) => f.name.includes('postgres'));

describe.skipIf(!postgres?.available)('sign-in round trips [postgres]', () => {
  it('right password 2 statements, wrong password 2, unknown email 1 — no BEGIN/COMMIT', async () => {
    if (!postgres) throw new Error('no postgres factory');
    const t = await startServer(postgres);
    try {
      await seedAccount(t, 'trips@example.com', 'active');
      const client = t.client();
      // A first sign-in warms what is cached per process (signing key, prepared statements).
      await client.signIn({ email: 'trips@example.com', password: STRONG });
      const right = await sent(async () => {
        await client.signIn({ email: 'trips@example.com', password: STRONG });
        await t.server.settled();
      });
      const wrong = await sent(async () => {
        const e = await rejection(
          client.signIn({ email: 'trips@example.com', password: 'Wrong-Guess-000' }),
        );
        expect(e.code).toBe('invalid_credentials');
        await t.server.settled();
      });
      const unknown = await sent(async () => {
        const e = await rejection(
          client.signIn({ email: 'nobody@example.com', password: 'Wrong-Guess-000' }),
        );
        expect(e.code).toBe('invalid_credentials');
        await t.server.settled();
      });
      expect({ right: right.length, wrong: wrong.length, unknown: unknown.length }).toEqual({
        right: 2,
        wrong: 2,
        unknown: 1,
      });
      // Every one of them relaxes its own commit, as a refresh rotation does.
      for (const text of [...right, ...wrong, ...unknown]) {
        expect(text).toContain("set_config('synchronous_commit', 'off'");
      }
      expect([...right, ...wrong, ...unknown].some((x) => /^(BEGIN|COMMIT)/.test(x))).toBe(false);
    } finally {
      await t.close();
    }
  });
});

for (const factory of factories) {
  describe.skipIf(!factory.available)(`sign-in store calls [${factory.name}]`, () => {
    it('right password: reserveSignIn then completeSignIn; unknown email: reserveSignIn only', async () => {
      const store = await factory.open();
      const { proxy, calls } = recording(store);
      const t = await startServer(factory, { store: proxy });
      try {
        await seedAccount(t, 'calls@example.com', 'active');
        const client = t.client();
        await client.signIn({ email: 'calls@example.com', password: STRONG });
        await t.server.settled();
        calls.length = 0;
        await client.signIn({ email: 'calls@example.com', password: STRONG });
        await t.server.settled();
        expect(calls).toEqual(['reserveSignIn', 'completeSignIn']);
        calls.length = 0;
        await rejection(client.signIn({ email: 'nobody@example.com', password: STRONG }));
        await t.server.settled();
        expect(calls).toEqual(['reserveSignIn']);
        calls.length = 0;
        await rejection(client.signIn({ email: 'calls@example.com', password: 'Wrong-Guess-1' }));
        await t.server.settled();
        expect(calls).toEqual(['reserveSignIn', 'recordFailedSignIn']);
      } finally {
        await t.close();
      }
    });
  });
}
