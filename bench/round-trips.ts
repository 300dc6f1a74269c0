/**
 * Round trips of the activation journey: `@connect-auth/core`'s client, given a recording `fetch`
 * (its `fetch` option), walks the journey against the real reference server (the demo: dev mode,
 * SQLite, the migrated account, the dev inbox standing in for the mailbox) and every request it
 * makes is counted per step. The link is read from the dev inbox, which is the mailbox's part, not
 * the client's, so it is not counted. Prints a Markdown table; asserts nothing. Peers' counts are
 * cited from their sources in bench/README.md.
 *
 *   pnpm bench round-trips   (or: node --conditions=@connect-auth/source bench/round-trips.ts)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnectClient } from '@connect-auth/core';
import { startDemo } from '../examples/demo/demo.ts';
import { newestLink } from '../examples/demo/links.ts';
import { silentLogger } from '../packages/server/src/log.ts';
import { mdTable, section } from './shared.ts';

const PASSWORD = 'Harbour-Lantern-42';
const dataDir = await mkdtemp(join(tmpdir(), 'connect-bench-trips-'));
const demo = await startDemo({ port: 0, dataDir, logger: silentLogger });
const sent: string[] = [];
const recording: typeof fetch = (input, init) => {
  const request = new Request(input, init);
  sent.push(`${request.method} ${new URL(request.url).pathname}`);
  return fetch(request);
};
const client = createConnectClient({ baseUrl: demo.url, fetch: recording });
const email = demo.account.email;

const rows: string[][] = [];
/** Run one step and record the requests it made. */
async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  const from = sent.length;
  const result = await run();
  const made = sent.slice(from);
  rows.push([name, String(made.length), made.join(', ')]);
  return result;
}

try {
  await step('request the reset email', () => client.requestPasswordReset({ email }));
  // The mailbox: outside the client, not counted.
  const link = await newestLink(demo, email);
  const token = new URLSearchParams(new URL(link).hash.slice(1)).get('token') ?? '';
  await step('open the link: verify the token', () => client.verifyResetToken(token));
  await step('save the new password', () =>
    client.completePasswordReset({ token, password: PASSWORD }),
  );
  await step('sign in', () => client.signIn({ email, password: PASSWORD }));
} finally {
  await demo.close();
  await rm(dataDir, { recursive: true, force: true });
}

section(
  'Round trips of the activation journey',
  "`@connect-auth/core`'s client with a recording `fetch`, against the reference server (the demo's): every request the client made, per step of the migrated account's activation. Reading the mail is the mailbox's part and not counted. Peers: see bench/README.md (cited, not measured).",
);
rows.push([
  '**total**',
  String(rows.reduce((n, r) => n + Number(r[1]), 0)),
  'no retries, no extra policy or session fetch',
]);
console.log(mdTable(['step', 'requests', 'sent'], rows));
