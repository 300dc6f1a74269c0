/**
 * The cheap route's floor on this machine: a bare `node:http` server that answers every request
 * with the body and headers it is given (the bench passes our JWKS answer), nothing else on its
 * event loop. With `hashing`, the server's own hashing pool (`createHashPool`: one thread per
 * core at nice +10) verifies argon2id nonstop beside it, two jobs queued per thread as sign-in
 * keeps them — the CPU a sign-in load takes, without its HTTP, store and token work. Prints
 * `{ url }` when ready (hashing under way); on SIGTERM prints `{ hashes }` (verifications per
 * second since ready) and exits. With `spinning` instead, busy loops at the same priority take the
 * cores (the `trace` part's control: CPU demand without argon2id's memory and kernel work); with
 * `hashingSilently`, threads verify argon2id in loops of their own, never messaging the event loop.
 * With `signInAnswer`, the pool verifies the password of each `POST` (the sign-in load) and the
 * server answers with that body: our sign-in's HTTP and hashing, without its store and tokens.
 *
 *   node --conditions=@connect-auth/source bench/server/bare.child.ts '{"body":"…","headers":{…},"hashing":true}'
 *
 * With `BENCH_TRACE=<path>`, requests to that path are timed server-side (./trace-requests.ts).
 */
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { createHashPool } from '../../packages/server/src/auth/hash-pool.ts';
import { ARGON2_PARAMS } from '../../packages/server/src/auth/password.ts';
import { PASSWORD } from './bench-server.ts';
import { traceRequests } from './trace-requests.ts';

interface BareSpec {
  body: string;
  headers: Record<string, string>;
  hashing?: boolean;
  /**
   * Instead of hashing: one thread per core at nice +10 in a busy loop — the same CPU demand at
   * the same priority, all of it in user space (argon2id also spends time in the kernel, mapping
   * and zeroing its 19 MiB per hash).
   */
  spinning?: boolean;
  /**
   * Instead of the pool: one thread per core at nice +10 verifying argon2id in a loop of its own,
   * the same hashing with no message to the event loop per hash (the pool's answers wake it).
   */
  hashingSilently?: boolean;
  /**
   * Instead of hashing nonstop: answer `POST` requests (the sign-in load) by verifying the
   * body's password against one argon2id hash in the server's own pool, then `signInAnswer` —
   * a sign-in's HTTP and hashing without its store and token work.
   */
  signInAnswer?: string;
}
/** argon2id (algorithm 2) with the server's parameters. */
const ARGON2ID = { ...ARGON2_PARAMS, algorithm: 2 };
const argon2Path = createRequire(import.meta.url).resolve('@node-rs/argon2');

if (process.env.BENCH_TRACE) traceRequests(process.env.BENCH_TRACE);
const spec = JSON.parse(process.argv[2] ?? '{}') as BareSpec;
const body = Buffer.from(spec.body);
const headers = { ...spec.headers, 'content-length': String(body.length) };
const signedIn = spec.signInAnswer ? Buffer.from(spec.signInAnswer) : undefined;
const threads = availableParallelism();
const pool = spec.hashing || signedIn ? createHashPool(threads) : undefined;
/** The one hash every verification checks against (the nonstop loops' and the sign-ins'). */
const phc = pool
  ? ((await pool.run({ op: 'hash', password: PASSWORD, options: ARGON2ID })) as string)
  : '';
const signedInHeaders = {
  'content-type': 'application/json',
  'content-length': String(signedIn?.length ?? 0),
};
const server = createServer((req, res) => {
  if (req.method !== 'POST' || !signedIn) {
    res.writeHead(200, headers);
    res.end(body);
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', async () => {
    const { password } = JSON.parse(Buffer.concat(chunks).toString()) as { password: string };
    const ok = await pool?.run({ op: 'verify', phc, password });
    res.writeHead(ok ? 200 : 401, signedInHeaders);
    res.end(signedIn);
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

let verified = 0;
let stopping = false;
if (pool && !signedIn) {
  const verifyNonstop = async () => {
    while (!stopping) {
      await pool.run({ op: 'verify', phc, password: PASSWORD });
      verified++;
    }
  };
  for (let i = 0; i < 2 * threads; i++) void verifyNonstop().catch(() => undefined);
}
/**
 * Set on SIGTERM: the argon2id loops stop at their next hash (`terminate()` alone took ~40 s to
 * stop a loop of native calls).
 */
const stopFlag = new Int32Array(new SharedArrayBuffer(4));
/** One thread per core at nice +10 running `body` (CommonJS) until terminated. */
const niced = (body: string) =>
  Array.from(
    { length: threads },
    () =>
      new Worker(
        `try {
          const tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
          require('node:os').setPriority(tid, 10);
        } catch {}
        ${body}`,
        {
          eval: true,
          workerData: { argon2: argon2Path, password: PASSWORD, options: ARGON2ID, stopFlag },
        },
      ),
  );
const spinners = spec.spinning
  ? niced('for (;;) {}')
  : spec.hashingSilently
    ? niced(`const { workerData } = require('node:worker_threads');
        const argon2 = require(workerData.argon2);
        const phc = argon2.hashSync(workerData.password, workerData.options);
        while (Atomics.load(workerData.stopFlag, 0) === 0) argon2.verifySync(phc, workerData.password);`)
    : [];
const since = performance.now();
verified = 0;
const { port } = server.address() as AddressInfo;
process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}` })}\n`);
process.once('SIGTERM', () => {
  stopping = true;
  Atomics.store(stopFlag, 0, 1);
  const seconds = (performance.now() - since) / 1000;
  process.stdout.write(`${JSON.stringify({ hashes: verified / seconds })}\n`);
  server.close();
  server.closeAllConnections();
  const closed = Promise.all([pool?.close(), ...spinners.map((w) => w.terminate())]);
  void closed.finally(() => process.exit(0));
});
