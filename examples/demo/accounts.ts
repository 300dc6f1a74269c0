/**
 * The demo's migrated accounts: imported from the old portal (awaiting activation) through the
 * server's own CSV import, idempotently. A second start keeps what the first did; if the first
 * account was activated meanwhile, a fresh one is imported so the journey can be walked again.
 */
import { importLegacyAccounts, type Store } from '@connect-auth/server';

/** A demo account and its status in the store. */
export interface DemoAccount {
  email: string;
  name: string;
  /** `pending_activation` until its owner chooses a password; then `active`. */
  status: string;
}

/** The most accounts the demo creates before asking for `--reset`. */
export const MAX_DEMO_ACCOUNTS = 20;

/**
 * The n-th demo account's address and name: `owner@example.com` ("Demo Owner"), then
 * `owner2@example.com` ("Demo Owner 2"), …
 *
 * @example
 * ```ts
 * demoIdentity(1); // { email: 'owner@example.com', name: 'Demo Owner' }
 * ```
 */
export function demoIdentity(n: number): { email: string; name: string } {
  return n === 1
    ? { email: 'owner@example.com', name: 'Demo Owner' }
    : { email: `owner${n}@example.com`, name: `Demo Owner ${n}` };
}

/**
 * Make sure one demo account awaits activation: import `owner@example.com` if absent; if it (and
 * any later one) was already activated, import the next. Returns every demo account up to and
 * including the ready one, in order.
 *
 * @example
 * ```ts
 * const accounts = await ensureDemoAccounts(server.store, new Date());
 * accounts.at(-1); // { email: 'owner@example.com', name: 'Demo Owner', status: 'pending_activation' }
 * ```
 */
export async function ensureDemoAccounts(store: Store, now: Date): Promise<DemoAccount[]> {
  const accounts: DemoAccount[] = [];
  for (let n = 1; n <= MAX_DEMO_ACCOUNTS; n++) {
    const { email, name } = demoIdentity(n);
    const summary = await importLegacyAccounts(store, `email,name\n${email},${name}\n`, now);
    if (summary.problems.length > 0) {
      throw new Error(`demo: could not import ${email}: ${summary.problems[0]?.message}`);
    }
    const record = await store.findAccountByEmailKey(email);
    const status = record?.status ?? 'missing';
    accounts.push({ email, name, status });
    if (status === 'pending_activation') return accounts;
  }
  throw new Error(
    `demo: the first ${MAX_DEMO_ACCOUNTS} demo accounts are all activated; start again with --reset`,
  );
}
