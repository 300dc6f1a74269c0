import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createAccount, issue, T0 } from './suite/fixtures.ts';
import { storeFactories } from './testing.ts';

const run = promisify(execFile);
const child = fileURLToPath(new URL('./multiprocess.child.ts', import.meta.url));
const PROCESSES = 4;
const TOKENS = 10;
const HITS = 50;

// Several real OS processes over one database, as several server processes would be: SQLite
// through WAL + BEGIN IMMEDIATE + busy_timeout, PostgreSQL through its own locking.
for (const factory of await storeFactories()) {
  if (!factory.available)
    console.warn(`[store] ${factory.name} multi-process test skipped: ${factory.reason}`);
  const title = factory.available ? factory.name : `${factory.name} (skipped: ${factory.reason})`;
  describe.skipIf(!factory.available)(`${title}: ${PROCESSES} processes over one database`, () => {
    it('each token is consumed by exactly one process; rate-limit counts are shared', async () => {
      const database = await factory.database();
      try {
        const setup = await database.open();
        const account = await createAccount(setup);
        const tokens = [];
        for (let i = 0; i < TOKENS; i++) {
          const other = await createAccount(setup);
          tokens.push(await issue(setup, i === 0 ? account : other));
        }
        await setup.close();
        const job = JSON.stringify({
          tokenIds: tokens.map((t) => t.id),
          to: account.email,
          hits: HITS,
          startAt: Date.now() + 1500,
          now: T0.getTime(),
        });
        const outputs = await Promise.all(
          Array.from({ length: PROCESSES }, () =>
            run(
              process.execPath,
              [
                '--conditions=@connect-auth/source',
                '--no-warnings',
                child,
                JSON.stringify(database.location),
                job,
              ],
              { timeout: 60_000 },
            ),
          ),
        );
        const results = outputs.map(
          (o) => JSON.parse(o.stdout.trim()) as { won: string[]; counts: number[] },
        );
        const won = results.flatMap((r) => r.won).sort();
        expect(won).toEqual(tokens.map((t) => t.id).sort());
        const counts = results.flatMap((r) => r.counts).sort((a, b) => a - b);
        expect(counts).toEqual(Array.from({ length: PROCESSES * HITS }, (_, i) => i + 1));
      } finally {
        await database.destroy();
      }
    }, 90_000);
  });
}
