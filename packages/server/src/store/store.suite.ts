import { accountTests } from './suite/accounts.suite.ts';
import { limitTests } from './suite/limits.suite.ts';
import { oneTimeTokenTests } from './suite/one-time-tokens.suite.ts';
import { outboxTests } from './suite/outbox.suite.ts';
import { refreshTests } from './suite/refresh.suite.ts';
import { resetTests } from './suite/reset.suite.ts';
import { schemaTests } from './suite/schema.suite.ts';
import { signInTests } from './suite/sign-in.suite.ts';
import { toolkitTests } from './suite/toolkit.suite.ts';
import type { StoreFactory } from './testing.ts';

/**
 * The one behavioural suite every {@link Store} adapter must pass (SECURITY 4–8, 16, 19–20, 25).
 * Each test opens a fresh isolated database from `factory`; the concurrency tests open two
 * stores over one database, as two server processes would.
 *
 * @example
 * ```ts
 * for (const f of await storeFactories()) {
 *   describe.skipIf(!f.available)(f.name, () => defineStoreSuite(f));
 * }
 * ```
 */
export function defineStoreSuite(factory: StoreFactory): void {
  accountTests(factory);
  oneTimeTokenTests(factory);
  resetTests(factory);
  refreshTests(factory);
  outboxTests(factory);
  limitTests(factory);
  signInTests(factory);
  schemaTests(factory);
  toolkitTests(factory);
}
