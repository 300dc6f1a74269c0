// Store throughput on this machine: completePasswordReset and hitRateLimit, SQLite file vs
// PostgreSQL, one caller at a time and 16 in flight. Prints figures; asserts nothing.
//
//   pnpm exec node --conditions=@connect-auth/source packages/server/bench/store.ts
//
// PostgreSQL: TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test; when it cannot be
// reached the script says so loudly (and exits non-zero with BENCH_REQUIRE_POSTGRES=1).
// node:sqlite is synchronous: "16 callers" on SQLite still run one statement at a time, so the
// column says callers, not operations in flight.
import { randomUUID } from 'node:crypto';
import { storeFactories } from '../src/store/testing.ts';
import type { Store } from '../src/store/types.ts';

const RESETS = Number(process.env.BENCH_RESETS ?? 2000);
const HITS = Number(process.env.BENCH_HITS ?? 5000);
const now = new Date('2026-01-01T00:00:00Z');

async function prepareTokens(store: Store, n: number): Promise<string[]> {
  const accounts = Array.from({ length: n }, () => {
    const email = `${randomUUID()}@example.com`;
    return { id: randomUUID(), email, emailKey: email, name: null };
  });
  await store.importAccounts(accounts, now);
  const ids: string[] = [];
  for (const account of accounts) {
    const id = randomUUID();
    ids.push(id);
    await store.issueToken(
      {
        id,
        accountId: account.id,
        purpose: 'activation',
        tokenHash: randomUUID(),
        codeHash: null,
        codeAttempts: 0,
        createdAt: now,
        expiresAt: new Date(now.getTime() + 3_600_000),
        usedAt: null,
        supersededAt: null,
      },
      ['activation'],
      {
        id: randomUUID(),
        to: account.email,
        template: 'account_activation',
        payload: 'sealed',
        createdAt: now,
      },
    );
  }
  return ids;
}

/** Run `count` operations with `concurrency` in flight; returns ops/s. */
async function measure(count: number, concurrency: number, op: (i: number) => Promise<unknown>) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await op(next++);
    }),
  );
  return count / ((performance.now() - started) / 1000);
}

function reset(store: Store, tokenId: string) {
  return store.completePasswordReset({
    tokenId,
    passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$bench',
    now,
    notice: {
      id: randomUUID(),
      to: 'x@example.com',
      template: 'password_changed',
      payload: 'sealed',
      createdAt: now,
    },
  });
}

const rows: Array<Record<string, string | number>> = [];
for (const factory of await storeFactories()) {
  if (!factory.available) {
    console.log(`\n*** ${factory.name.toUpperCase()} SKIPPED: ${factory.reason} ***\n`);
    if (process.env.BENCH_REQUIRE_POSTGRES === '1') process.exitCode = 1;
    continue;
  }
  for (const concurrency of [1, 16]) {
    const store = await factory.open();
    try {
      const tokens = await prepareTokens(store, RESETS);
      const resets = await measure(RESETS, concurrency, async (i) => {
        const result = await reset(store, tokens[i] ?? '');
        if (!result.ok) throw new Error(`reset ${i} failed: ${result.reason}`);
      });
      const hits = await measure(HITS, concurrency, (i) =>
        store.hitRateLimit(`ip:${i % 100}`, 60_000, now),
      );
      rows.push({
        adapter: factory.name,
        callers: concurrency,
        'really in flight': factory.name === 'sqlite' ? 1 : concurrency,
        'completePasswordReset ops/s': Math.round(resets),
        'hitRateLimit ops/s': Math.round(hits),
      });
    } finally {
      await store.close();
    }
  }
}
console.log(`Node ${process.version}, ${RESETS} resets, ${HITS} rate-limit hits per row`);
console.table(rows);
