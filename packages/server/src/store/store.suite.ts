import { accountTests } from './suite/accounts.suite.ts';
import type { StoreFactory } from './testing.ts';

/**
 * The one behavioural suite every {@link Store} adapter must pass (SECURITY 4–8, 16, 19–20, 25).
 * Each test opens a fresh isolated database from `factory`.
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
}
