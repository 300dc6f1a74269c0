/**
 * What one sign-in costs the event loop, and why that cost is larger under real load than in a
 * tight loop: sign-ins through `app.fetch` in this process (no HTTP, SQLite file), one after the
 * other, with the server's hasher replaced by a stand-in that answers at once, one that answers
 * after `idle` ms of an idle event loop (the time a hash takes), and the real argon2id hasher.
 * The main thread's own CPU time comes from `/proc/thread-self/schedstat` (Linux); hashing
 * threads are not counted. Prints one JSON line `{ hasher, signIns, wallUs, mainUs }`.
 *
 *   node --conditions=@connect-auth/source bench/server/loop-cost.child.ts instant|idle|argon2id [idle ms]
 */
import { readFileSync } from 'node:fs';
import {
  createPasswordHasher,
  type PasswordHasher,
} from '../../packages/server/src/auth/password.ts';
import { createServer } from '../../packages/server/src/server.ts';
import { storeFactories } from '../../packages/server/src/store/testing.ts';
import { benchServerOptions, createActiveAccount, PASSWORD } from './bench-server.ts';

const kind = process.argv[2] ?? 'instant';
const idleMs = Number(process.argv[3] ?? 20);

const real = createPasswordHasher();
const phc = await real.hash(PASSWORD);
/** The real hasher with `verify` answered by the stand-in (`true`: the password is right). */
const standIn = (answer: () => Promise<void>): PasswordHasher => ({
  ...real,
  verify: async () => {
    await answer();
    return true;
  },
  needsRehash: () => false,
});
const hasher =
  kind === 'argon2id'
    ? real
    : kind === 'idle'
      ? standIn(() => new Promise((resolve) => setTimeout(resolve, idleMs)))
      : standIn(async () => undefined);

const sqlite = (await storeFactories()).find((f) => f.name === 'sqlite');
if (!sqlite) throw new Error('no SQLite store factory');
const store = await sqlite.open();
const server = await createServer(
  benchServerOptions(store, { hasher, transport: { async send() {} } }),
);
await createActiveAccount(store, 'bench@example.com', phc);
const body = JSON.stringify({ email: 'bench@example.com', password: PASSWORD });
const signIn = async () => {
  const response = await server.app.fetch(
    new Request('http://127.0.0.1/v1/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body,
    }),
    { ip: '127.0.0.1' },
  );
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status}`);
  await response.arrayBuffer();
};
/** This thread's CPU time so far, in µs. */
const mainCpu = () =>
  Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e3;

// About 2 s of each.
const signIns = kind === 'instant' ? 1500 : 80;
for (let i = 0; i < signIns / 10; i++) await signIn();
const cpu = mainCpu();
const start = performance.now();
for (let i = 0; i < signIns; i++) await signIn();
const wallUs = ((performance.now() - start) * 1e3) / signIns;
const mainUs = (mainCpu() - cpu) / signIns;
process.stdout.write(`${JSON.stringify({ hasher: kind, signIns, wallUs, mainUs })}\n`);
await server.close();
process.exit(0);
