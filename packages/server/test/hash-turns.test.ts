import { describe, expect, it } from 'vitest';
import { createPasswordHasher, type PasswordHasher } from '../src/auth/password.ts';
import type { Store } from '../src/store/types.ts';
import { factories, STRONG, seedAccount, startServer, type TestServer } from './helpers.ts';

const NEW_PASSWORD = 'Copper-Meadow-Lantern-58';
const sqlite = factories.find((f) => f.name.includes('sqlite'));

/**
 * A server whose hasher marks each finished hash (`hash N`) and, in the same turn, makes work
 * ready (`ready N`, queued as another request's bytes would be), and whose store records every
 * call — all only while `armed`.
 */
async function watchedServer() {
  if (!sqlite) throw new Error('no sqlite factory');
  const order: string[] = [];
  const state = { armed: false, hashes: 0 };
  const finished = <T>(value: T): T => {
    if (state.armed) {
      const n = ++state.hashes;
      order.push(`hash ${n}`);
      setImmediate(() => order.push(`ready ${n}`));
    }
    return value;
  };
  const real = createPasswordHasher();
  const hasher: PasswordHasher = Object.assign(Object.create(real), {
    hash: async (password: string) => finished(await real.hash(password)),
    verify: async (phc: string, password: string) => finished(await real.verify(phc, password)),
  });
  const store = await sqlite.open();
  const watched = new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        // The outbox worker's polling is not part of any flow.
        if (state.armed && property !== 'claimDueMail') order.push(`store ${String(property)}`);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  }) as Store;
  const t = await startServer(sqlite, { store: watched, hasher });
  return { t, order, state };
}

/**
 * Every hash's ready work ran before the flow's next store call: the flow took a turn after the
 * hash. Without it, the flow's store calls ran straight on from the hash's result.
 */
function expectTurnAfterEachHash(order: string[], hashes: number) {
  expect(order.filter((entry) => entry.startsWith('hash '))).toHaveLength(hashes);
  for (let n = 1; n <= hashes; n++) {
    const at = order.indexOf(`hash ${n}`);
    const nextStore = order.findIndex((entry, i) => i > at && entry.startsWith('store '));
    expect(nextStore, `a store call after hash ${n}: ${order.join(', ')}`).toBeGreaterThan(at);
    // Missing altogether: the flow ran on in microtasks past the end of the test's wait.
    const ready = order.indexOf(`ready ${n}`);
    expect(ready, order.join(', ')).toBeGreaterThan(at);
    expect(ready, order.join(', ')).toBeLessThan(nextStore);
  }
}

async function flow(
  run: (t: TestServer) => Promise<number>,
  prepare?: (t: TestServer) => Promise<void>,
) {
  const { t, order, state } = await watchedServer();
  try {
    await prepare?.(t);
    state.armed = true;
    const hashes = await run(t);
    await t.server.settled();
    state.armed = false;
    expectTurnAfterEachHash(order, hashes);
  } finally {
    await t.close();
  }
}

describe.skipIf(!sqlite?.available)('a turn of the event loop after every hash [sqlite]', () => {
  it('completing a reset (activation): before consuming the token', async () => {
    let token = '';
    await flow(
      async (t) => {
        await t.client().completePasswordReset({ token, password: NEW_PASSWORD });
        return 1;
      },
      async (t) => {
        await seedAccount(t, 'migrated@example.com', 'pending_activation');
        await t.client().requestPasswordReset({ email: 'migrated@example.com' });
        token = (await t.lastMail('migrated@example.com'))?.token ?? '';
        expect(token).not.toBe('');
      },
    );
  });

  it('changing the password: after checking the current one, and after hashing the new one', async () => {
    let signedIn: ReturnType<TestServer['client']> | undefined;
    await flow(
      async () => {
        await signedIn?.changePassword({ currentPassword: STRONG, newPassword: NEW_PASSWORD });
        return 2;
      },
      async (t) => {
        await seedAccount(t, 'owner@example.com', 'active');
        signedIn = t.client();
        await signedIn.signIn({ email: 'owner@example.com', password: STRONG });
      },
    );
  });

  it('registering: before the registration is written', async () => {
    await flow(async (t) => {
      await t.client().register({ email: 'new@example.com', password: NEW_PASSWORD });
      return 1;
    });
  });
});
