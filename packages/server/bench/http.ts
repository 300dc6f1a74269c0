/**
 * Sign-in throughput over loopback HTTP vs the raw argon2id hashing limit, measured in the same
 * run. Prints figures; asserts nothing.
 *
 *   pnpm exec node --conditions=@connect-auth/source packages/server/bench/http.ts [seconds]
 */

import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { verify } from '@node-rs/argon2';
import { createPasswordHasher } from '../src/auth/password.ts';
import { silentLogger } from '../src/log.ts';
import { createServer } from '../src/server.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';

const seconds = Number(process.argv[2] ?? 3);
const PASSWORD = 'Harbour-Lantern-42';

async function rawVerifyRate(concurrency: number): Promise<number> {
  const phc = await createPasswordHasher().hash(PASSWORD);
  let done = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        await verify(phc, PASSWORD);
        done++;
      }
    }),
  );
  return done / seconds;
}

async function signInRate(
  url: string,
  clients: number,
): Promise<{ rate: number; p50: number; p99: number }> {
  let done = 0;
  const latencies: number[] = [];
  const until = performance.now() + seconds * 1000;
  const body = JSON.stringify({ email: 'bench@example.com', password: PASSWORD });
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        const started = performance.now();
        const res = await fetch(`${url}/v1/sessions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`sign-in answered ${res.status}`);
        latencies.push(performance.now() - started);
        done++;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { rate: done / seconds, p50: at(0.5), p99: at(0.99) };
}

const dir = await mkdtemp(join(tmpdir(), 'connect-bench-'));
const store = await openSqliteStore({ path: join(dir, 'bench.db') });
const server = await createServer({
  dev: true,
  port: 0,
  secret: 'bench-secret-0123456789-abcdefghijkl',
  logger: silentLogger,
  store,
  limits: { ipSignInFailures: 1e9 },
});
const url = await server.listen();
await store.createAccount({
  id: crypto.randomUUID(),
  email: 'bench@example.com',
  emailKey: 'bench@example.com',
  name: null,
  status: 'active',
  passwordHash: await createPasswordHasher().hash(PASSWORD),
  createdAt: new Date(),
});

const cores = availableParallelism();
console.log(
  `Node ${process.version}, ${cores} cores, argon2id m=19456 t=2 p=1, hashing cap ${cores * 2}, ${seconds} s per figure, SQLite`,
);
for (const c of [1, 2, cores * 2]) {
  console.log(
    `raw argon2id verify, ${String(c).padStart(2)} parallel: ${(await rawVerifyRate(c)).toFixed(1)} /s`,
  );
}
for (const clients of [2, 4, 8]) {
  const r = await signInRate(url, clients);
  console.log(
    `sign-in over HTTP, ${clients} clients: ${r.rate.toFixed(1)} req/s (p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms)`,
  );
}
await server.close();
await rm(dir, { recursive: true, force: true });
