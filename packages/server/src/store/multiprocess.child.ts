// A separate server process for multiprocess.test.ts: opens the database given in argv[2] (JSON
// TestDatabase location), waits for the start time, then races the other processes: every
// token id in argv[3] is completed once, and `hits` rate-limit events are counted on one key.
// Prints one JSON line: { won: tokenIds[], counts: number[] }.
import { openPostgresStore } from './postgres.ts';
import { openSqliteStore } from './sqlite.ts';
import type { TestDatabase } from './testing.ts';

const location = JSON.parse(process.argv[2] ?? '{}') as TestDatabase['location'];
const job = JSON.parse(process.argv[3] ?? '{}') as {
  tokenIds: string[];
  to: string;
  hits: number;
  startAt: number;
  now: number;
};

const store =
  location.kind === 'sqlite'
    ? await openSqliteStore({ path: location.path, busyTimeoutMs: 20_000 })
    : await openPostgresStore({ url: location.url, schema: location.schema, max: 4 });
await new Promise((resolve) => setTimeout(resolve, Math.max(0, job.startAt - Date.now())));

const now = new Date(job.now);
const [resets, counts] = await Promise.all([
  Promise.all(
    job.tokenIds.map((tokenId) =>
      store.completePasswordReset({
        tokenId,
        passwordHash: `$argon2id$pid-${process.pid}`,
        now,
        notice: {
          id: `${tokenId}-${process.pid}`,
          to: job.to,
          template: 'password_changed',
          payload: 'sealed',
          createdAt: now,
        },
      }),
    ),
  ),
  Promise.all(Array.from({ length: job.hits }, () => store.hitRateLimit('shared', 3_600_000, now))),
]);
await store.close();
const won = job.tokenIds.filter((_, i) => resets[i]?.ok);
process.stdout.write(`${JSON.stringify({ won, counts: counts.map((c) => c.count) })}\n`);
