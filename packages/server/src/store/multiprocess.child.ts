// A separate server process for multiprocess.test.ts: opens the database given in argv[2] (JSON
// TestDatabase location), prints "ready", waits for "go" on stdin, then races the others: every
// token id in argv[3] is completed once, and `hits` rate-limit events are counted on one key.
// Prints one more JSON line: { won: tokenIds[], counts: number[] }.
import { openPostgresStore } from './postgres.ts';
import { openSqliteStore } from './sqlite.ts';
import type { TestDatabase } from './testing.ts';

const location = JSON.parse(process.argv[2] ?? '{}') as TestDatabase['location'];
const job = JSON.parse(process.argv[3] ?? '{}') as {
  tokenIds: string[];
  to: string;
  hits: number;
  now: number;
};

const store =
  location.kind === 'sqlite'
    ? await openSqliteStore({ path: location.path, busyTimeoutMs: 20_000 })
    : await openPostgresStore({ url: location.url, schema: location.schema, max: 4 });
// Barrier: tell the parent we are ready, start when it says go (once every process is ready).
process.stdout.write('ready\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
process.stdin.destroy();

const now = new Date(job.now);
// Interleave the calls and yield to the event loop between them, so that each process's work is
// spread over time and overlaps the other processes' (SQLite runs each call synchronously).
const resets: Array<Promise<{ ok: boolean }>> = [];
const hits: Array<Promise<{ count: number }>> = [];
// Token attempts are spread evenly over the hits.
const every = Math.max(1, Math.floor(job.hits / Math.max(1, job.tokenIds.length)));
for (let i = 0; i < Math.max(job.tokenIds.length * every, job.hits); i++) {
  const tokenId = i % every === 0 ? job.tokenIds[i / every] : undefined;
  if (tokenId) {
    resets.push(
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
    );
  }
  if (i < job.hits) hits.push(store.hitRateLimit('shared', 3_600_000, now));
  await new Promise((resolve) => setImmediate(resolve));
}
const [results, counts] = await Promise.all([Promise.all(resets), Promise.all(hits)]);
await store.close();
const won = job.tokenIds.filter((_, i) => results[i]?.ok);
process.stdout.write(`${JSON.stringify({ won, counts: counts.map((c) => c.count) })}\n`);
