/**
 * What the bench's in-process servers share (`server.child.ts`, `loop-cost.child.ts`) and the
 * runner that loads them (`bench/server.ts`): the accounts they seed, `createServer` options with
 * the rate limits raised (the bench measures work, not refusals), and an active account.
 */
import { randomUUID } from 'node:crypto';
import { silentLogger } from '../../packages/server/src/log.ts';
import type { CreateServerOptions } from '../../packages/server/src/server.ts';
import type { Store } from '../../packages/server/src/store/types.ts';

/** The password of every account the bench signs in with. */
export const PASSWORD = 'Harbour-Lantern-42';
/** Accounts `session-<i>@example.com` with {@link PASSWORD}, one per connection of the spread refresh row. */
export const SESSION_ACCOUNTS = 16;
/** Accounts `known-<i>@example.com` (awaiting activation) for the reset-request rows. */
export const KNOWN = 5000;

/** `createServer` options for a bench server on `store`, plus `extra`. */
export function benchServerOptions(
  store: Store,
  extra: Partial<CreateServerOptions> = {},
): CreateServerOptions {
  return {
    dev: true,
    port: 0,
    secret: 'bench-secret-0123456789-abcdefghijkl',
    logger: silentLogger,
    store,
    limits: {
      ipRequests: 1e9,
      ipSignInFailures: 1e9,
      delayFrom: 1e9,
      hardStop: 1e9,
      mailCooldownMs: 0,
      mailPerHour: 1e9,
    },
    ...extra,
  };
}

/** Create an active account `email` (its own email key) with `passwordHash`. */
export function createActiveAccount(store: Store, email: string, passwordHash: string) {
  return store.createAccount({
    id: randomUUID(),
    email,
    emailKey: email,
    name: null,
    status: 'active',
    passwordHash,
    createdAt: new Date(),
  });
}
