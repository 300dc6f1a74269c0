/**
 * No account enumeration (SECURITY 1–3).
 */
import { Worker } from 'node:worker_threads';
import { parseOptions } from '@node-rs/argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPasswordHasher, type PasswordHasher } from '../src/auth/password.ts';
import { composeMail } from '../src/mail/templates.ts';
import {
  factories,
  rejection,
  STRONG,
  seedAccount,
  startServer,
  type TestServer,
} from './helpers.ts';

const WRONG_CODE = '00000000';
const STATUSES = ['active', 'pending_activation', 'pending_verification', 'disabled'] as const;

/** Status, body and every header except Date. */
async function snapshot(res: Response) {
  const headers = [...res.headers.entries()].filter(([name]) => name !== 'date');
  return { status: res.status, body: await res.text(), headers };
}

/** One timed request: which kind it is and the JSON body to post. */
interface Probe {
  kind: 'existing' | 'unknown';
  body: Record<string, string>;
}

/** Send the plan sequentially from a worker thread; latency per kind, in ms. */
async function measureInWorker(
  url: string,
  plan: Probe[],
  expectedStatus: number,
): Promise<{ existing: number[]; unknown: number[] }> {
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    (async () => {
      const { url, plan, expectedStatus } = workerData;
      const post = (body) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      for (let i = 0; i < 20; i++) await (await post({ ...plan[0].body, email: 'warmup-' + i + '@example.com' })).arrayBuffer();
      const times = { existing: [], unknown: [] };
      for (const { kind, body } of plan) {
        const started = performance.now();
        const res = await post(body);
        await res.arrayBuffer();
        if (res.status !== expectedStatus) throw new Error('status ' + res.status);
        times[kind].push(performance.now() - started);
      }
      parentPort.postMessage(times);
    })().catch((error) => parentPort.postMessage({ error: String(error) }));
  `;
  const worker = new Worker(source, { eval: true, workerData: { url, plan, expectedStatus } });
  try {
    const result = await new Promise<{ existing: number[]; unknown: number[]; error?: string }>(
      (resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      },
    );
    if (result.error) throw new Error(result.error);
    return result;
  } finally {
    await worker.terminate();
  }
}

/** Shuffle in place, so that work done after one answer cannot systematically slow the other kind. */
function shuffle<T>(list: T[]): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [list[i], list[j]] = [list[j] as T, list[i] as T];
  }
  return list;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

for (const factory of factories) {
  describe.skipIf(!factory.available)(`no account enumeration [${factory.name}]`, () => {
    let t: TestServer;
    beforeAll(async () => {
      t = await startServer(factory, { limits: { ipRequests: 100_000 } });
      for (const status of STATUSES) await seedAccount(t, `${status}@example.com`, status);
    });
    afterAll(() => t?.close());

    it('SECURITY 1: lost-password answers the same status, body and headers for every kind of address', async () => {
      const answers = [];
      for (const email of ['unknown@example.com', ...STATUSES.map((s) => `${s}@example.com`)]) {
        answers.push(await snapshot(await t.post('/v1/password-resets', { email })));
        // A second request inside the 60 s cooldown is silent too.
        answers.push(await snapshot(await t.post('/v1/password-resets', { email })));
      }
      for (const a of answers) expect(a).toEqual(answers[0]);
      expect(answers[0]?.status).toBe(202);
      // …while the mails differ: only real, non-disabled accounts got one, once.
      const mails = await t.mails();
      expect(mails.filter((m) => m.to === 'active@example.com')).toHaveLength(1);
      expect(mails.filter((m) => m.to === 'pending_activation@example.com')).toHaveLength(1);
      expect(mails.filter((m) => m.to === 'disabled@example.com')).toHaveLength(0);
      expect(mails.filter((m) => m.to === 'unknown@example.com')).toHaveLength(0);
    });

    it('SECURITY 1: registration answers the same for new and existing addresses of every status', async () => {
      const answers = [];
      for (const email of ['fresh@example.com', ...STATUSES.map((s) => `${s}@example.com`)]) {
        answers.push(
          await snapshot(await t.post('/v1/accounts', { email, password: 'Lighthouse-Keeper-7' })),
        );
      }
      for (const a of answers) expect(a).toEqual(answers[0]);
      expect(answers[0]?.status).toBe(202);
    });

    it('SECURITY 2: median latency of lost-password for existing vs unknown emails differs ≤ 5 ms over ≥ 500 interleaved requests', async () => {
      const N = 600;
      const existing: string[] = [];
      for (let i = 0; i < N / 2; i++) {
        const email = `timing-${i}@example.com`;
        existing.push(email);
        await t.store.createAccount({
          id: crypto.randomUUID(),
          email,
          emailKey: email,
          name: null,
          status: i % 2 ? 'active' : 'pending_activation',
          passwordHash: null,
          createdAt: new Date(),
        });
      }
      const plan = shuffle<Probe>([
        ...existing.map((email) => ({ kind: 'existing' as const, body: { email } })),
        ...existing.map((_, i) => ({
          kind: 'unknown' as const,
          body: { email: `nobody-${i}@example.com` },
        })),
      ]);
      // The client runs in a worker thread: its own event loop, like a remote client, so work the
      // server does after answering cannot delay the client's reading of that answer.
      const times = await measureInWorker(`${t.url}/v1/password-resets`, plan, 202);
      expect([times.existing.length, times.unknown.length]).toEqual([N / 2, N / 2]);
      const difference = Math.abs(median(times.existing) - median(times.unknown));
      console.info(
        `[${factory.name}] SECURITY 2: ${plan.length} requests, median existing ${median(times.existing).toFixed(3)} ms, unknown ${median(times.unknown).toFixed(3)} ms, difference ${difference.toFixed(3)} ms`,
      );
      expect(difference).toBeLessThanOrEqual(5);
      // The existing accounts really did get their mail (the work happened, after the answers).
      const mails = await t.mails();
      expect(mails.filter((m) => m.to.startsWith('timing-')).length).toBe(N / 2);
    }, 120_000);
  });

  describe.skipIf(!factory.available)(`no enumeration by code [${factory.name}]`, () => {
    let t: TestServer;
    beforeAll(async () => {
      t = await startServer(factory, { limits: { ipRequests: 100_000 } });
    });
    afterAll(() => t?.close());

    /** An account with a live reset token whose code is not `WRONG_CODE`. */
    async function withLiveToken(email: string, status: 'active' | 'disabled' = 'active') {
      const account = await t.store.createAccount({
        id: crypto.randomUUID(),
        email,
        emailKey: email,
        name: null,
        status,
        passwordHash: null,
        createdAt: new Date(),
      });
      const now = new Date();
      const id = crypto.randomUUID();
      const mail = composeMail(t.server.sealer, {
        id: crypto.randomUUID(),
        to: email,
        template: 'password_reset',
        data: {
          link: 'https://app.example.com/reset#token=x',
          code: '11111111',
          expiresAt: new Date(now.getTime() + 60 * 60_000).toISOString(),
        },
        createdAt: now,
      });
      await t.store.issueToken(
        {
          id,
          accountId: account.id,
          purpose: 'reset',
          tokenHash: crypto.randomUUID().replaceAll('-', ''),
          codeHash: crypto.randomUUID().replaceAll('-', ''),
          codeAttempts: 0,
          createdAt: now,
          expiresAt: new Date(now.getTime() + 60 * 60_000),
          usedAt: null,
          supersededAt: null,
        },
        ['reset', 'activation'],
        mail,
      );
      return id;
    }
    const complete = (email: string) =>
      t.post('/v1/password-resets/complete', { email, code: WRONG_CODE, password: STRONG });

    it('SECURITY 1: a wrong code answers the same status, body and headers for every kind of address', async () => {
      await withLiveToken('code-live@example.com');
      await withLiveToken('code-disabled@example.com', 'disabled');
      await seedAccount(t, 'code-no-token@example.com', 'active');
      const answers = [];
      for (const email of [
        'code-unknown@example.com',
        'code-live@example.com',
        'code-no-token@example.com',
        'code-disabled@example.com',
      ]) {
        answers.push(await snapshot(await complete(email)));
      }
      for (const a of answers) expect(a).toEqual(answers[0]);
      expect(answers[0]?.status).toBe(400);
      expect(JSON.parse(answers[0]?.body ?? '{}').code).toBe('code_invalid');
    });

    it('SECURITY 2: the code path does the same store work for an address with a live token and an unknown one', async () => {
      const tokenId = await withLiveToken('calls-live@example.com');
      const calls: string[] = [];
      const store = t.store as unknown as Record<string, unknown>;
      const originals = new Map<string, unknown>();
      // Every method, own or inherited (a test store wraps the adapter's object).
      const names = new Set<string>();
      for (let o: object | null = store; o && o !== Object.prototype; o = Object.getPrototypeOf(o))
        for (const name of Object.keys(o)) names.add(name);
      for (const name of names) {
        const method = store[name];
        if (typeof method !== 'function') continue;
        originals.set(name, method);
        store[name] = (...args: unknown[]) => {
          calls.push(name);
          return (method as (...a: unknown[]) => unknown).apply(t.store, args);
        };
      }
      const record = async (email: string) => {
        calls.length = 0;
        expect((await complete(email)).status).toBe(400);
        return [...calls];
      };
      try {
        const live = await record('calls-live@example.com');
        const unknown = await record('calls-unknown@example.com');
        expect(live).toEqual(unknown);
        expect(live).toContain('countCodeAttempt');
      } finally {
        for (const name of originals.keys()) delete store[name];
      }
      // The live token's own counter still took the attempt (the per-token cap still holds).
      const token = await t.store.findLatestToken(
        (await t.store.findAccountByEmailKey('calls-live@example.com'))?.id ?? '',
        ['reset'],
      );
      expect(token?.id).toBe(tokenId);
      expect(token?.codeAttempts).toBe(1);
    });

    it('SECURITY 2: median latency of code completions for an address with a live token vs an unknown one differs ≤ 5 ms over ≥ 500 interleaved requests', async () => {
      const N = 600;
      const existing: string[] = [];
      for (let i = 0; i < N / 2; i++) {
        const email = `code-timing-${i}@example.com`;
        await withLiveToken(email);
        existing.push(email);
      }
      const body = (email: string) => ({ email, code: WRONG_CODE, password: STRONG });
      const plan = shuffle<Probe>([
        ...existing.map((email) => ({ kind: 'existing' as const, body: body(email) })),
        ...existing.map((_, i) => ({
          kind: 'unknown' as const,
          body: body(`code-nobody-${i}@example.com`),
        })),
      ]);
      const times = await measureInWorker(`${t.url}/v1/password-resets/complete`, plan, 400);
      expect([times.existing.length, times.unknown.length]).toEqual([N / 2, N / 2]);
      const difference = Math.abs(median(times.existing) - median(times.unknown));
      console.info(
        `[${factory.name}] SECURITY 2 (code): ${plan.length} requests, median live token ${median(times.existing).toFixed(3)} ms, unknown ${median(times.unknown).toFixed(3)} ms, difference ${difference.toFixed(3)} ms`,
      );
      expect(difference).toBeLessThanOrEqual(5);
    }, 120_000);
  });

  describe.skipIf(!factory.available)(
    `SECURITY 3: dummy hash for unknown emails [${factory.name}]`,
    () => {
      it('the first sign-in for an unknown email does no extra hashing: the dummy is made at start', async () => {
        const real = createPasswordHasher();
        const run = real.cap.run.bind(real.cap);
        let runs = 0;
        // Every argon2 call (hash, verify, the dummy's creation) goes through the semaphore.
        Object.assign(real.cap, {
          run: <T>(task: () => Promise<T>) => {
            runs++;
            return run(task);
          },
        });
        const t = await startServer(factory, { hasher: real });
        try {
          runs = 0;
          const client = t.client();
          await rejection(client.signIn({ email: 'first@example.com', password: STRONG }));
          expect(runs).toBe(1);
        } finally {
          await t.close();
        }
      });

      it('a failed sign-in answers before any write that only an existing account gets', async () => {
        const t = await startServer(factory);
        try {
          await seedAccount(t, 'counted@example.com', 'active');
          let release!: () => void;
          const gate = new Promise<void>((resolve) => {
            release = resolve;
          });
          const record = t.store.recordFailedSignIn.bind(t.store);
          let started = false;
          // The account's failure counter is held until the answer has arrived.
          t.store.recordFailedSignIn = async (id, now) => {
            started = true;
            await gate;
            return record(id, now);
          };
          const answer = await t.post('/v1/sessions', {
            email: 'counted@example.com',
            password: `${STRONG}-wrong`,
          });
          expect(answer.status).toBe(401);
          release();
          await t.server.settled();
          expect(started).toBe(true);
          expect((await t.store.findAccountByEmailKey('counted@example.com'))?.failedSignIns).toBe(
            1,
          );
        } finally {
          await t.close();
        }
      });

      it('sign-in runs one argon2id verification of the same cost whatever the account', async () => {
        const real = createPasswordHasher();
        const calls: string[] = [];
        const hasher: PasswordHasher = {
          ...real,
          hash: real.hash,
          verify: async (phc, pw) => {
            calls.push('verify');
            return real.verify(phc, pw);
          },
          verifyDummy: async (pw) => {
            calls.push('dummy');
            return real.verifyDummy(pw);
          },
        };
        const t = await startServer(factory, { hasher });
        try {
          await seedAccount(t, 'known@example.com', 'active');
          await seedAccount(t, 'migrated@example.com', 'pending_activation');
          const client = t.client();
          for (const email of [
            'unknown@example.com',
            'known@example.com',
            'migrated@example.com',
          ]) {
            calls.length = 0;
            expect(
              (await rejection(client.signIn({ email, password: `${STRONG}-wrong` }))).code,
            ).toBe('invalid_credentials');
            expect(calls).toHaveLength(1);
          }
          const dummy = parseOptions(await real.dummyHash());
          const stored = parseOptions(
            (await t.store.findAccountByEmailKey('known@example.com'))?.passwordHash ?? '',
          );
          expect(dummy).toEqual(stored);
        } finally {
          await t.close();
        }
      });
    },
  );
}
