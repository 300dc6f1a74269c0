/**
 * Faults (SECURITY 6, 7, 24, 25): the server CLI runs in a child process and is SIGKILLed at a
 * random moment of a password-reset completion, then restarted, `ADVERSARIAL_KILLS` times per
 * database, while SMTP is down; the database fails under a completion (PostgreSQL: the server's
 * connections are terminated; SQLite: the store fails at a random statement of the transaction);
 * then SMTP comes back. After every fault the account is in exactly one state — the old password
 * works and the link is unused, or the new one works, the link is used and exactly one notice is
 * queued — and in the end every mail is delivered exactly once, none lost.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createPasswordHasher } from '../../src/auth/password.ts';
import { createSealer } from '../../src/crypto/seal.ts';
import { startSmtpSink } from '../../src/mail/testing.ts';
import { openPostgresStore } from '../../src/store/postgres.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import { testDatabaseUrl } from '../../src/store/testing.ts';
import type { Store } from '../../src/store/types.ts';
import { factories, SECRET, startServer } from '../helpers.ts';
import { BUDGET, report, violations } from './harness.ts';

const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

/** A seeded pseudo-random generator, so a failing run can be replayed with its seed. */
function random(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

interface Child {
  process: ChildProcess;
  url: string;
}

async function startChild(env: Record<string, string>): Promise<Child> {
  const child = spawn(process.execPath, ['--conditions=@connect-auth/source', CLI, 'serve'], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr?.on('data', (chunk) => {
    err += String(chunk);
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${err}`)), 30_000);
    child.stdout?.on('data', (chunk) => {
      out += String(chunk);
      const match = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1] as string);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${err}`));
    });
  });
  return { process: child, url };
}

function kill(child: Child): Promise<void> {
  return new Promise((resolve) => {
    if (child.process.exitCode !== null || child.process.signalCode !== null) return resolve();
    child.process.once('exit', () => resolve());
    child.process.kill('SIGKILL');
  });
}

for (const factory of factories) {
  describe.skipIf(!factory.available)(`adversarial faults [${factory.name}]`, () => {
    it(`SIGKILL mid-completion ×${BUDGET.kills}, SMTP down then up, the database failing: one state, every mail once`, {
      timeout: 180_000,
    }, async () => {
      const started = Date.now();
      const rand = random(BUDGET.seed);
      const failures: string[] = [];
      let requests = 0;
      let faults = 0;
      let committed = 0;
      const sink = await startSmtpSink();
      await sink.stop(); // SMTP is down while the server is killed
      const sealer = createSealer(SECRET);
      const app = `adv_${randomBytes(4).toString('hex')}`;
      let dir: string | undefined;
      let schema: string | undefined;
      let store: Store;
      const env: Record<string, string> = {
        CONNECT_SECRET: SECRET,
        SMTP_URL: sink.url,
        PUBLIC_URL: 'https://auth.example',
        HOST: '127.0.0.1',
        PORT: '0',
      };
      if (factory.name === 'sqlite') {
        dir = await mkdtemp(join(tmpdir(), 'connect-adversarial-'));
        env.DATA_DIR = dir;
        store = await openSqliteStore({ path: join(dir, 'connect-auth.db') });
      } else {
        schema = `ca_adv_${randomBytes(6).toString('hex')}`;
        store = await openPostgresStore({ url: testDatabaseUrl, schema });
        const url = new URL(testDatabaseUrl);
        url.searchParams.set('options', `-c search_path=${schema}`);
        url.searchParams.set('application_name', app);
        env.DATABASE_URL = url.toString();
      }
      const hasher = createPasswordHasher();
      let child: Child | undefined;
      const post = async (path: string, body: unknown) => {
        requests++;
        const res = await fetch(`${child?.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        const text = await res.text();
        return { status: res.status, text, headers: res.headers };
      };
      const outbox = async () => store.listMail(10_000);
      // One account per round: the per-address mail cooldown (1 per minute) is not under test here.
      let EMAIL = 'nobody@example.com';
      const seed = async (email: string, password: string) => {
        EMAIL = email;
        await store.createAccount({
          id: crypto.randomUUID(),
          email,
          emailKey: email,
          name: null,
          status: 'active',
          passwordHash: await hasher.hash(password),
          createdAt: new Date(),
        });
      };
      const notices = async () =>
        (await outbox()).filter((m) => m.to === EMAIL && m.template === 'password_changed').length;
      /** Ask for a reset and read its token from the (undelivered) outbox, unsealing it. */
      const resetToken = async (): Promise<string> => {
        const before = new Set((await outbox()).map((m) => m.id));
        expect((await post('/v1/password-resets', { email: EMAIL })).status).toBe(202);
        for (let i = 0; i < 200; i++) {
          const mail = (await outbox()).find(
            (m) => !before.has(m.id) && m.to === EMAIL && m.template === 'password_reset',
          );
          if (mail?.payload) {
            const { link } = sealer.unseal<{ link: string }>(mail.payload);
            return new URL(link).hash.replace('#token=', '');
          }
          await new Promise((r) => setTimeout(r, 25));
        }
        throw new Error('no reset mail queued');
      };
      /** Exactly one of the two passwords works; returns the one that does. */
      const currentPassword = async (old: string, next: string): Promise<string | null> => {
        const a = await post('/v1/sessions', { email: EMAIL, password: old });
        const b = await post('/v1/sessions', { email: EMAIL, password: next });
        if (a.status === 200 && b.status === 401) return old;
        if (a.status === 401 && b.status === 200) return next;
        failures.push(`old → ${a.status}, new → ${b.status}`);
        return null;
      };
      let password = 'Quiet-Meadow-Lantern-1';
      try {
        child = await startChild(env);

        // 1. SIGKILL at a random moment of a completion, then restart.
        for (let round = 0; round < BUDGET.kills; round++) {
          await seed(`kill-${round}@example.com`, password);
          const token = await resetToken();
          const next = `Harbour-Window-Seven-${round}`;
          const noticesBefore = await notices();
          const inFlight = post('/v1/password-resets/complete', { token, password: next }).catch(
            () => null,
          );
          await new Promise((r) => setTimeout(r, Math.floor(rand() * 250)));
          await kill(child);
          faults++;
          await inFlight;
          child = await startChild(env);
          const now = await currentPassword(password, next);
          const added = (await notices()) - noticesBefore;
          const retry = await post('/v1/password-resets/complete', { token, password: next });
          if (now === next) {
            committed++;
            if (added !== 1) failures.push(`round ${round}: committed with ${added} notices`);
            if (!retry.text.includes('token_used'))
              failures.push(`round ${round}: retry ${retry.text}`);
          } else if (now === password) {
            // Nothing happened: no notice, and the link still works.
            if (added !== 0) failures.push(`round ${round}: rolled back with ${added} notices`);
            if (retry.status !== 200) failures.push(`round ${round}: retry ${retry.text}`);
            else committed++;
          }
          password = 'Quiet-Meadow-Lantern-1';
        }

        // 2. The database fails under a completion.
        if (factory.name === 'postgres') {
          const admin = new pg.Client({ connectionString: testDatabaseUrl });
          await admin.connect();
          try {
            for (let round = 0; round < Math.ceil(BUDGET.kills / 2); round++) {
              await seed(`pg-${round}@example.com`, password);
              const token = await resetToken();
              const next = `Harbour-Window-Eight-${round}`;
              const noticesBefore = await notices();
              const inFlight = post('/v1/password-resets/complete', { token, password: next });
              await new Promise((r) => setTimeout(r, Math.floor(rand() * 150)));
              await admin.query(
                'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1',
                [app],
              );
              faults++;
              const answer = await inFlight;
              const found = violations(answer.status, answer.headers, answer.text);
              if (found.length > 0 && answer.status !== 500) failures.push(found.join('; '));
              if (answer.status === 500 && !answer.text.includes('server_error')) {
                failures.push(`database gone: ${answer.text}`);
              }
              // The pool reconnects; the account is in exactly one state.
              const now = await currentPassword(password, next);
              const added = (await notices()) - noticesBefore;
              if (now === next && added !== 1) failures.push(`db round ${round}: ${added} notices`);
              if (now === password && added !== 0)
                failures.push(`db round ${round}: ${added} notices`);
              if (now === next) committed++;
            }
          } finally {
            await admin.end();
          }
        } else {
          // SQLite is embedded: the store itself fails at a random statement of the transaction.
          await kill(child);
          const steps = [
            'consume',
            'read_account',
            'set_password',
            'supersede_siblings',
            'revoke_refresh',
            'enqueue_notice',
          ];
          for (let round = 0; round < Math.ceil(BUDGET.kills / 2); round++) {
            await seed(`io-${round}@example.com`, password);
            const step = steps[Math.floor(rand() * steps.length)] as string;
            let armed = true;
            const faulty = await openSqliteStore({
              path: join(dir as string, 'connect-auth.db'),
              testHooks: {
                afterStatement(op, at) {
                  if (armed && op === 'completePasswordReset' && at === step) {
                    armed = false;
                    throw new Error(`injected: the database failed after ${step}`);
                  }
                },
              },
            });
            const t = await startServer(factory, {
              store: faulty,
              secret: SECRET,
              // SMTP is still down: nothing is delivered behind the sink's back.
              transport: {
                send: async () => {
                  throw new Error('SMTP down');
                },
              },
            });
            try {
              const token = await (async () => {
                const before = new Set((await outbox()).map((m) => m.id));
                await t.post('/v1/password-resets', { email: EMAIL });
                await t.server.settled();
                const mail = (await outbox()).find(
                  (m) => !before.has(m.id) && m.to === EMAIL && m.template === 'password_reset',
                );
                return new URL(
                  sealer.unseal<{ link: string }>(mail?.payload ?? '').link,
                ).hash.slice(7);
              })();
              const noticesBefore = await notices();
              const next = `Harbour-Window-Nine-${round}`;
              requests += 2;
              const res = await t.post('/v1/password-resets/complete', { token, password: next });
              faults++;
              const text = await res.text();
              if (res.status !== 500 || !text.includes('server_error')) {
                failures.push(`fault after ${step}: ${res.status} ${text}`);
              }
              if ((await notices()) !== noticesBefore)
                failures.push(`fault after ${step}: a notice`);
              const retry = await t.post('/v1/password-resets/complete', { token, password: next });
              if (retry.status !== 200) failures.push(`retry after ${step}: ${retry.status}`);
              else committed++;
            } finally {
              await t.close();
            }
          }
          child = await startChild(env);
        }

        // 3. SMTP comes back: every queued mail is delivered, once.
        await sink.start();
        // Skip the backoff the outage built up (its schedule is tested in mail/worker.test.ts).
        if (dir) {
          const db = await openSqliteStore({ path: join(dir, 'connect-auth.db') });
          await db.close();
          const { DatabaseSync } = await import('node:sqlite');
          const raw = new DatabaseSync(join(dir, 'connect-auth.db'), { timeout: 5000 });
          raw.exec(
            "UPDATE outbox SET next_attempt_at = 0, lease_until = NULL WHERE status = 'pending'",
          );
          raw.close();
        } else {
          const admin = new pg.Client({ connectionString: testDatabaseUrl });
          await admin.connect();
          await admin.query(
            `UPDATE ${schema}.outbox SET next_attempt_at = 0, lease_until = NULL WHERE status = 'pending'`,
          );
          await admin.end();
        }
        // A new mail wakes the worker, which drains everything due.
        await seed('wake@example.com', password);
        await post('/v1/password-resets', { email: EMAIL });
        const deadline = Date.now() + 30_000;
        let rows = await outbox();
        while (rows.some((m) => m.status === 'pending') && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 100));
          rows = await outbox();
        }
        await new Promise((r) => setTimeout(r, 300)); // anything sent twice would arrive now
        const sent = rows.filter((m) => m.status === 'sent').length;
        if (rows.some((m) => m.status !== 'sent')) {
          failures.push(`undelivered: ${rows.filter((m) => m.status !== 'sent').length}`);
        }
        if (sink.received.length !== sent) {
          failures.push(`outbox sent ${sent}, SMTP received ${sink.received.length}`);
        }
        const receivedNotices = sink.received.filter((m) => /changed|activated/i.test(m.subject));
        if (receivedNotices.length !== committed) {
          failures.push(`${committed} completions, ${receivedNotices.length} notices received`);
        }
      } finally {
        if (child) await kill(child);
        await store.close();
        await sink.stop();
        if (dir) await rm(dir, { recursive: true, force: true });
        if (schema) {
          const admin = new pg.Client({ connectionString: testDatabaseUrl });
          await admin.connect();
          await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
          await admin.end();
        }
        report({
          suite: 'faults',
          db: factory.name,
          requests,
          faults,
          committed,
          mails: sink.received.length,
          failures: failures.length,
          ms: Date.now() - started,
          seed: BUDGET.seed,
        });
      }
      expect(failures).toEqual([]);
    });
  });
}
