import { describe, expect, it } from 'vitest';
import { createPasswordHasher, type PasswordHasher } from '../src/auth/password.ts';
import type { Logger } from '../src/log.ts';
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

const sqlite = factories.find((f) => f.name.includes('sqlite'));

describe.skipIf(!sqlite?.available)('a sign-in between its pieces [sqlite]', () => {
  it('lets work that became ready run before the reservation, after the hash and after the bookkeeping', async () => {
    if (!sqlite) throw new Error('no sqlite factory');
    const order: string[] = [];
    let armed = false;
    /** Work that becomes ready now (as another request's bytes would): a macrotask. */
    const ready = (label: string) => {
      if (armed) setImmediate(() => order.push(`ready ${label}`));
    };
    const store = await sqlite.open();
    const watched = new Proxy(store, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (property !== 'reserveSignIn' && property !== 'completeSignIn') return value;
        return async (...args: unknown[]) => {
          if (armed) order.push(String(property));
          const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          if (property === 'completeSignIn') ready('after the bookkeeping');
          return result;
        };
      },
    });
    const real = createPasswordHasher();
    const hasher: PasswordHasher = Object.assign(Object.create(real), {
      async verify(phc: string, password: string) {
        const ok = await real.verify(phc, password);
        ready('after the hash');
        return ok;
      },
    });
    const logger: Logger = {
      info: (event) => {
        if (armed && event === 'sign_in') order.push('signed in');
      },
      warn: () => {},
      error: () => {},
    };
    const t = await startServer(sqlite, {
      store: watched,
      hasher,
      logger,
      clock: () => {
        ready('before the reservation');
        return new Date();
      },
    });
    try {
      await seedAccount(t, 'turns@example.com', 'active');
      const client = t.client();
      armed = true;
      await client.signIn({ email: 'turns@example.com', password: STRONG });
      armed = false;
      // Without the turns, each piece ran straight into the next and the ready work came last.
      const at = (entry: string) => order.indexOf(entry);
      expect(at('ready before the reservation')).toBeGreaterThanOrEqual(0);
      expect(at('ready before the reservation')).toBeLessThan(at('reserveSignIn'));
      expect(at('ready after the hash')).toBeGreaterThan(at('reserveSignIn'));
      expect(at('ready after the hash')).toBeLessThan(at('completeSignIn'));
      expect(at('ready after the bookkeeping')).toBeGreaterThan(at('completeSignIn'));
      expect(at('ready after the bookkeeping')).toBeLessThan(at('signed in'));
    } finally {
      await t.close();
    }
  });
});
