/**
 * What one sign-in costs the event loop, and why that cost is larger under real load than in a
 * tight loop: sign-ins through `app.fetch` in this process (no HTTP, SQLite file), one after the
 * other, with the server's hasher replaced by a stand-in that answers at once, one that answers
 * after `idle` ms of an idle event loop (the time a hash takes), and the real argon2id hasher.
 * Every kind first runs the same warm-up (1,500 sign-ins answered at once), so V8 has compiled the
 * sign-in path alike for all three and the rows differ only in what happens between the pieces.
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
const measured =
  kind === 'argon2id'
    ? real
    : kind === 'idle'
      ? standIn(() => new Promise((resolve) => setTimeout(resolve, idleMs)))
      : standIn(async () => undefined);
const instant = standIn(async () => undefined);
/** The warm-up answers at once for every kind; the timed sign-ins use the kind's own hasher. */
let warming = true;
const hasher: PasswordHasher = {
  ...real,
  verify: (...args) => (warming ? instant : measured).verify(...args),
  needsRehash: (...args) => (warming ? instant : measured).needsRehash(...args),
};

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

// The same warm-up for every kind, then about 2 s of each.
for (let i = 0; i < 1500; i++) await signIn();
warming = false;
const signIns = kind === 'instant' ? 1500 : 80;
const cpu = mainCpu();
const start = performance.now();
for (let i = 0; i < signIns; i++) await signIn();
const wallUs = ((performance.now() - start) * 1e3) / signIns;
const mainUs = (mainCpu() - cpu) / signIns;
process.stdout.write(`${JSON.stringify({ hasher: kind, signIns, wallUs, mainUs })}\n`);
await server.close();
process.exit(0);
