/**
 * The raw argon2id limit of this machine right now: `concurrency` (default: the cores) verify
 * calls in flight through `@node-rs/argon2` with the server's parameters, for `seconds`, in a
 * process of its own. Prints `{ rate, ms }` (verifications/s, median ms per verification).
 */

import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';

// The server's own copy of the library (a dependency of packages/server, not of the root).
const require = createRequire(new URL('../../packages/server/package.json', import.meta.url));
const { hash, verify } = (await import(
  require.resolve('@node-rs/argon2')
)) as typeof import('@node-rs/argon2');

const seconds = Number(process.argv[2] ?? 2);
const concurrency = Number(process.argv[3] ?? availableParallelism());
const phc = await hash('Harbour-Lantern-42', {
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
  algorithm: 2 as never,
});
let done = 0;
const times: number[] = [];
const until = performance.now() + seconds * 1000;
const start = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (performance.now() < until) {
      const t = performance.now();
      await verify(phc, 'Harbour-Lantern-42');
      times.push(performance.now() - t);
      done++;
    }
  }),
);
times.sort((a, b) => a - b);
process.stdout.write(
  `${JSON.stringify({ rate: done / ((performance.now() - start) / 1000), ms: times[times.length >> 1] })}\n`,
);
