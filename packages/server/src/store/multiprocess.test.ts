import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createAccount, issue, T0 } from './suite/fixtures.ts';
import { storeFactories } from './testing.ts';

/** Start a child; resolves once it printed "ready", with a promise of its final JSON line. */
function start(args: string[]): Promise<{ child: ChildProcess; result: Promise<string> }> {
  return new Promise((ready, fail) => {
    const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    const result = new Promise<string>((done, failed) => {
      child.on('exit', (code) =>
        code === 0 ? done(out) : failed(new Error(`child exited ${code}`)),
      );
    });
    result.catch(fail);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.startsWith('ready\n')) ready({ child, result });
    });
  });
}
const child = fileURLToPath(new URL('./multiprocess.child.ts', import.meta.url));
const PROCESSES = 4;
const TOKENS = 10;
const HITS = 200;

// Several real OS processes over one database, as several server processes would be (started
// together behind a ready/go barrier, each spreading its calls over time): SQLite
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
          now: T0.getTime(),
        });
        const args = [
          '--conditions=@connect-auth/source',
          '--no-warnings',
          child,
          JSON.stringify(database.location),
          job,
        ];
        const children = await Promise.all(Array.from({ length: PROCESSES }, () => start(args)));
        for (const c of children) c.child.stdin?.write('go\n');
        const outputs = await Promise.all(children.map((c) => c.result));
        const results = outputs.map(
          (o) =>
            JSON.parse(o.slice('ready\n'.length).trim()) as { won: string[]; counts: number[] },
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
