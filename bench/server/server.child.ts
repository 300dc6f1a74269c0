/**
 * The server under test, in its own process: `createServer` from source over SQLite (temp file)
 * or PostgreSQL (a fresh schema), the real routes, argon2id and outbox; mail goes to an in-memory
 * transport that keeps the last link per address (so the bench can verify a real token). Seeds:
 * one active account for sign-in, 5,000 known addresses for reset requests, one account whose
 * reset token is verified. Prints one JSON line `{ url, token }` when ready; exits on SIGTERM.
 *
 *   node --conditions=@connect-auth/source bench/server/server.child.ts sqlite|postgres [hashThreads]
 *
 * With `BENCH_TRACE=<path>`, requests to that path are timed server-side (./trace-requests.ts).
 */
import { randomUUID } from 'node:crypto';
import { createPasswordHasher } from '../../packages/server/src/auth/password.ts';
import { createServer } from '../../packages/server/src/server.ts';
import { storeFactories } from '../../packages/server/src/store/testing.ts';
import {
  benchServerOptions,
  createActiveAccount,
  KNOWN,
  PASSWORD,
  SESSION_ACCOUNTS,
} from './bench-server.ts';
import { traceRequests } from './trace-requests.ts';

if (process.env.BENCH_TRACE) traceRequests(process.env.BENCH_TRACE);
const kind = process.argv[2] === 'postgres' ? 'postgres' : 'sqlite';
const factory = (await storeFactories()).find((f) => f.name === kind);
if (!factory?.available) {
  process.stdout.write(`${JSON.stringify({ skip: factory?.reason ?? `${kind} unavailable` })}\n`);
  process.exit(0);
}
const store = await factory.open();
const hashThreads = process.argv[3] ? Number(process.argv[3]) : undefined;
const links = new Map<string, string>();
const server = await createServer(
  benchServerOptions(store, {
    transport: {
      async send(mail) {
        const m = /token=([A-Za-z0-9_-]+)/.exec(mail.text);
        if (m?.[1]) links.set(mail.to, m[1]);
      },
    },
    ...(hashThreads ? { hashThreads } : {}),
  }),
);
const url = await server.listen();
const now = new Date();
// One hash for every account (they share the password).
const hash = await createPasswordHasher().hash(PASSWORD);
await createActiveAccount(store, 'bench@example.com', hash);
// One account per connection for the spread refresh row (sessions of different accounts).
for (let i = 0; i < SESSION_ACCOUNTS; i++) {
  const email = `session-${i}@example.com`;
  await createActiveAccount(store, email, hash);
}
await createActiveAccount(store, 'verify@example.com', hash);
const known = Array.from({ length: KNOWN }, (_, i) => {
  const email = `known-${i}@example.com`;
  return { id: randomUUID(), email, emailKey: email, name: null };
});
await store.importAccounts(known, now);
await fetch(`${url}/v1/password-resets`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: 'verify@example.com' }),
});
for (let i = 0; i < 200 && !links.has('verify@example.com'); i++) {
  await server.settled();
  await new Promise((r) => setTimeout(r, 25));
}
const token = links.get('verify@example.com');
if (!token) throw new Error('no reset mail for verify@example.com');
process.stdout.write(`${JSON.stringify({ url, token, pid: process.pid })}\n`);
process.on('SIGTERM', () => {
  server
    .close()
    .catch(() => undefined)
    .finally(() => process.exit(0));
});
