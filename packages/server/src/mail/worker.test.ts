import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSealer } from '../crypto/seal.ts';
import { memoryLogger } from '../log.ts';
import { openSqliteStore } from '../store/sqlite.ts';
import { storeFactories } from '../store/testing.ts';
import type { Store } from '../store/types.ts';
import { composeMail } from './templates.ts';
import { type SmtpSink, startSmtpSink } from './testing.ts';
import { MailSendError, type MailTransport, memoryTransport, smtpTransport } from './transports.ts';
import { backoffDelay, type OutboxWorkerOptions, startOutboxWorker } from './worker.ts';

const sealer = createSealer('worker-test-secret-0123456789abcdef');
const T0 = new Date('2026-11-28T08:00:00Z');
const TOKEN = 'Zx9-tokenvalue_0123456789abcdefghijklmnopqrstu';
const LINK = `https://connect.example/reset#token=${TOKEN}`;
const CODE = '73190452';

function resetMail(to = 'ann@example.com', createdAt = T0) {
  return composeMail(sealer, {
    id: randomUUID(),
    to,
    template: 'password_reset',
    data: {
      link: LINK,
      code: CODE,
      expiresAt: new Date(createdAt.getTime() + 3_600_000).toISOString(),
    },
    createdAt,
  });
}

/** A clock the test moves by hand. */
function manualClock(start = T0) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
  };
}

/** A worker whose `stop()` also closes its transport, as the server's shutdown does. */
function worker(store: Store, transport: MailTransport, extra: Partial<OutboxWorkerOptions> = {}) {
  const w = startOutboxWorker({
    store,
    transport,
    sealer,
    from: 'Codelocks Connect <no-reply@connect.example>',
    productName: 'Codelocks Connect',
    supportUrl: 'https://help.connect.example/contact',
    logger: memoryLogger(),
    pollMs: 60_000,
    scrubAfterSend: true,
    random: () => 0.5,
    clock: () => T0,
    ...extra,
  });
  return {
    ...w,
    async stop() {
      await w.stop();
      await transport.close?.();
    },
  };
}

describe('backoffDelay', () => {
  it('doubles from 5 s, caps at 15 min, jitters ±20 %', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, {}, mid))).toEqual([
      5_000, 10_000, 20_000, 40_000,
    ]);
    expect(backoffDelay(9, {}, mid)).toBe(900_000);
    expect(backoffDelay(1_000, {}, mid)).toBe(900_000);
    expect(backoffDelay(1, {}, () => 0)).toBe(4_000);
    expect(backoffDelay(1, {}, () => 0.999_999)).toBe(6_000);
    expect(backoffDelay(9, {}, () => 0.999_999)).toBe(900_000);
    expect(backoffDelay(2, { baseMs: 10, maxMs: 15 }, mid)).toBe(15);
    expect(backoffDelay(4, (n) => n * 7)).toBe(28);
  });
});

describe('outbox worker resilience (fake store)', () => {
  it('a failing store is logged and the next poll carries on', async () => {
    const mail = resetMail('lou@example.com');
    let claims = 0;
    const sentIds: string[] = [];
    const fake = {
      async claimDueMail() {
        claims++;
        if (claims === 1) throw new Error('connection terminated');
        if (claims === 2)
          return [
            {
              ...mail,
              status: 'pending',
              attempts: 1,
              nextAttemptAt: T0,
              leaseUntil: new Date(T0.getTime() + 120_000),
              lastError: null,
              sentAt: null,
            },
          ];
        return [];
      },
      async markMailSent(id: string) {
        sentIds.push(id);
      },
      async markMailFailed() {},
    } as unknown as Store;
    const logger = memoryLogger();
    const transport = memoryTransport();
    const w = worker(fake, transport, { logger, pollMs: 10 });
    try {
      for (let i = 0; i < 200 && sentIds.length === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(logger.lines[0]).toMatchObject({ level: 'error', event: 'mail_poll_failed' });
      expect(sentIds).toEqual([mail.id]);
      expect(transport.sent).toHaveLength(1);
    } finally {
      await w.stop();
    }
  });
});

describe('raw secrets at rest (SQLite file)', () => {
  it('the database files never contain the link token or the code', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mail-at-rest-'));
    const path = join(dir, 'outbox.db');
    const dump = async () => {
      const files = await readdir(dir);
      return Buffer.concat(await Promise.all(files.map((f) => readFile(join(dir, f))))).toString(
        'latin1',
      );
    };
    try {
      let store = await openSqliteStore({ path });
      await store.enqueueMail(resetMail('mia@example.com'));
      await store.close();
      let bytes = await dump();
      expect(bytes).toContain('mia@example.com'); // the dump is readable: the check below means something
      expect(bytes).not.toContain(TOKEN);
      expect(bytes).not.toContain(CODE);

      store = await openSqliteStore({ path });
      const w = worker(store, memoryTransport());
      await w.drain();
      await w.stop();
      expect((await store.listMail(1))[0]?.payload).toBeNull();
      await store.close();
      bytes = await dump();
      expect(bytes).not.toContain(TOKEN);
      expect(bytes).not.toContain(CODE);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

const factories = await storeFactories();
for (const f of factories) {
  if (!f.available) console.warn(`[mail worker on ${f.name}] skipped: ${f.reason}`);

  describe.skipIf(!f.available)(`outbox worker on ${f.name}`, () => {
    let sink: SmtpSink;
    beforeAll(async () => {
      sink = await startSmtpSink();
    });
    afterAll(async () => {
      await sink.stop();
    });

    it('delivers over real SMTP: To, Subject, link and code in both parts; payload scrubbed', async () => {
      const store = await f.open();
      const before = sink.received.length;
      const mail = resetMail('bob@example.com');
      await store.enqueueMail(mail);
      const w = worker(store, smtpTransport(sink.url));
      try {
        await w.drain();
        const got = (await sink.waitFor(before + 1))[before];
        expect(got?.envelopeTo).toEqual(['bob@example.com']);
        expect(got?.to).toBe('bob@example.com');
        expect(got?.subject).toBe('Password Reset Request for Codelocks Connect');
        for (const part of [got?.text, got?.html]) {
          expect(part).toContain(LINK);
          expect(part).toContain(CODE);
        }
        const [row] = await store.listMail(10);
        expect(row).toMatchObject({ id: mail.id, status: 'sent', attempts: 1, payload: null });
      } finally {
        await w.stop();
        await store.close();
      }
    });

    it('an SMTP outage (port closed, then 421, then 451) is retried with backoff and delivered exactly once', async () => {
      const store = await f.open();
      const clock = manualClock();
      const logger = memoryLogger();
      const before = sink.received.length;
      const mail = resetMail('carol@example.com');
      await store.enqueueMail(mail);
      const w = worker(store, smtpTransport(sink.url, { connectionTimeoutMs: 2_000 }), {
        clock: clock.now,
        logger,
      });
      const nextAttemptIn = async () => {
        const [row] = await store.listMail(1);
        return (row?.nextAttemptAt.getTime() ?? 0) - clock.now().getTime();
      };
      try {
        await sink.stop(); // port closed
        await w.drain();
        expect(await nextAttemptIn()).toBe(5_000);
        clock.advance(4_999);
        await w.drain(); // not due yet: no attempt
        expect((await store.listMail(1))[0]?.attempts).toBe(1);
        clock.advance(1);
        await w.drain();
        expect(await nextAttemptIn()).toBe(10_000);

        await sink.start();
        sink.mode = 'greeting421';
        clock.advance(10_000);
        await w.drain();
        expect(await nextAttemptIn()).toBe(20_000);

        sink.mode = 'tempfail';
        clock.advance(20_000);
        await w.drain();
        expect(await nextAttemptIn()).toBe(40_000);
        expect(sink.received.length).toBe(before);

        sink.mode = 'accept';
        clock.advance(40_000);
        await w.drain();
        await sink.waitFor(before + 1);
        clock.advance(3_600_000);
        await w.drain();
        const mine = sink.received.filter((m) => m.to === 'carol@example.com');
        expect(mine).toHaveLength(1);
        const [row] = await store.listMail(1);
        expect(row).toMatchObject({ status: 'sent', attempts: 5 });
        expect(logger.lines.filter((l) => l.event === 'mail_failed')).toHaveLength(4);
        expect(logger.lines.filter((l) => l.event === 'mail_sent')).toHaveLength(1);
      } finally {
        sink.mode = 'accept';
        await sink.start().catch(() => {}); // already listening unless the test failed early
        await w.stop();
        await store.close();
      }
    });

    it('survives a restart: queued before, delivered once by the next process', async () => {
      const db = await f.database();
      const clock = manualClock();
      const before = sink.received.length;
      try {
        // Process 1: enqueues, tries during an outage, shuts down.
        const store1 = await db.open();
        await store1.enqueueMail(resetMail('dave@example.com'));
        await sink.stop();
        const w1 = worker(store1, smtpTransport(sink.url), { clock: clock.now });
        await w1.drain();
        await w1.stop();
        await store1.close();
        await sink.start();

        // Process 2: same database, new worker.
        clock.advance(5_000);
        const store2 = await db.open();
        const w2 = worker(store2, smtpTransport(sink.url), { clock: clock.now });
        try {
          await w2.drain();
          await sink.waitFor(before + 1);
          clock.advance(3_600_000);
          await w2.drain();
          expect(sink.received.filter((m) => m.to === 'dave@example.com')).toHaveLength(1);
          expect((await store2.listMail(1))[0]).toMatchObject({ status: 'sent', attempts: 2 });
        } finally {
          await w2.stop();
          await store2.close();
        }
      } finally {
        await sink.start().catch(() => {});
        await db.destroy();
      }
    });

    it('a send interrupted by a crash keeps its lease, then is delivered once after it expires', async () => {
      const db = await f.database();
      const clock = manualClock();
      try {
        const store1 = await db.open();
        const mail = resetMail('erin@example.com');
        await store1.enqueueMail(mail);
        // The crashed process had leased the mail and never reported back.
        expect(await store1.claimDueMail(clock.now(), 10, 120_000)).toHaveLength(1);
        await store1.close();

        const store2 = await db.open();
        const transport = memoryTransport();
        const w = worker(store2, transport, { clock: clock.now, leaseMs: 120_000 });
        try {
          await w.drain();
          expect(transport.sent).toHaveLength(0); // still leased by the dead process
          clock.advance(120_000);
          await w.drain();
          clock.advance(3_600_000);
          await w.drain();
          expect(transport.sent.map((m) => m.to)).toEqual(['erin@example.com']);
        } finally {
          await w.stop();
          await store2.close();
        }
      } finally {
        await db.destroy();
      }
    });

    it('two workers over two connections never send the same mail twice', async () => {
      const db = await f.database();
      const storeA = await db.open();
      const storeB = await db.open();
      const a = memoryTransport();
      const b = memoryTransport();
      // Each send yields to the event loop, so the two workers' claims interleave.
      const slowly = (t: MailTransport): MailTransport => ({
        send: (m) => new Promise((resolve) => setImmediate(resolve)).then(() => t.send(m)),
      });
      // A's sends wait (up to 5 s) for B's first, so both workers take part however the machine
      // schedules them (on a loaded machine A could otherwise claim all 30 before B's first claim).
      const deadline = Date.now() + 5_000;
      const afterB = (t: MailTransport): MailTransport => ({
        send: async (m) => {
          while (b.sent.length === 0 && Date.now() < deadline) {
            await new Promise((resolve) => setTimeout(resolve, 5));
          }
          return t.send(m);
        },
      });
      const wa = worker(storeA, afterB(slowly(a)), { batchSize: 3 });
      const wb = worker(storeB, slowly(b), { batchSize: 3 });
      try {
        const ids = [];
        for (let i = 0; i < 30; i++) {
          const mail = resetMail(`user${i}@example.com`);
          ids.push(mail.to);
          await storeA.enqueueMail(mail);
        }
        await Promise.all([wa.drain(), wb.drain(), wa.drain(), wb.drain()]);
        const sent = [...a.sent, ...b.sent].map((m) => m.to);
        expect(sent.sort()).toEqual(ids.sort());
        expect(new Set(sent).size).toBe(30);
        expect(a.sent.length).toBeGreaterThan(0);
        expect(b.sent.length).toBeGreaterThan(0);
      } finally {
        await wa.stop();
        await wb.stop();
        await storeA.close();
        await storeB.close();
        await db.destroy();
      }
    });

    it('keeps the payload when scrubAfterSend is false (dev inbox)', async () => {
      const store = await f.open();
      const mail = resetMail();
      await store.enqueueMail(mail);
      const w = worker(store, memoryTransport(), { scrubAfterSend: false });
      try {
        await w.drain();
        const [row] = await store.listMail(1);
        expect(row?.status).toBe('sent');
        expect(sealer.unseal(row?.payload ?? '')).toMatchObject({ link: LINK, code: CODE });
      } finally {
        await w.stop();
        await store.close();
      }
    });

    it('gives up after maxAttempts (dead, logged as error) and at once on a permanent refusal or a bad payload', async () => {
      const store = await f.open();
      const logger = memoryLogger();
      const transport = memoryTransport();
      const w = worker(store, transport, {
        maxAttempts: 3,
        backoff: () => 0,
        logger,
        clock: () => new Date(T0.getTime() + 1_000),
      });
      try {
        const flaky = resetMail('frank@example.com');
        await store.enqueueMail(flaky);
        transport.failNext(100);
        await w.drain();
        let [row] = await store.listMail(1);
        expect(row).toMatchObject({ id: flaky.id, status: 'dead', attempts: 3 });
        expect(row?.lastError).toContain('ECONNECTION');

        const refused = resetMail('nobody@example.com', new Date(T0.getTime() + 1));
        await store.enqueueMail(refused);
        transport.failNext(1, new MailSendError('550 No such user', 'EENVELOPE', true, 550));
        await w.drain();
        [row] = await store.listMail(1);
        expect(row).toMatchObject({ id: refused.id, status: 'dead', attempts: 1 });

        const forged = { ...resetMail('gina@example.com', new Date(T0.getTime() + 2)) };
        forged.payload = createSealer('another-secret-0123456789abcdef').seal({
          link: LINK,
          code: CODE,
        });
        await store.enqueueMail(forged);
        await w.drain();
        [row] = await store.listMail(1);
        expect(row).toMatchObject({
          id: forged.id,
          status: 'dead',
          attempts: 1,
          lastError: 'seal_invalid',
        });

        expect(transport.sent).toHaveLength(0);
        const dead = logger.lines.filter((l) => l.event === 'mail_dead');
        expect(dead.map((l) => l.level)).toEqual(['error', 'error', 'error']);
        expect(logger.lines.filter((l) => l.event === 'mail_failed')).toHaveLength(2);
      } finally {
        await w.stop();
        await store.close();
      }
    });

    it('never logs the payload, link, token, code or address', async () => {
      const store = await f.open();
      const logger = memoryLogger();
      const transport = memoryTransport();
      const w = worker(store, transport, { logger, backoff: () => 0 });
      try {
        await store.enqueueMail(resetMail('hana@example.com'));
        transport.failNext(
          2,
          new MailSendError('451 <hana@example.com>: mailbox busy', 'EENVELOPE', false, 451),
        );
        await w.drain();
        expect(transport.sent).toHaveLength(1);
        const text = logger.text();
        expect(logger.lines.map((l) => l.event)).toEqual([
          'mail_failed',
          'mail_failed',
          'mail_sent',
        ]);
        for (const secret of [TOKEN, CODE, 'connect.example/reset', 'hana@example.com', 'v1.']) {
          expect(text).not.toContain(secret);
        }
        for (const line of logger.lines) expect(line).toHaveProperty('outboxId');
        expect(logger.lines[0]?.error).toBe('EENVELOPE 451: 451 <[address]>: mailbox busy');
      } finally {
        await w.stop();
        await store.close();
      }
    });

    it('nudge() sends on a later turn of the event loop, never inside the caller', async () => {
      const store = await f.open();
      const transport = memoryTransport();
      const w = worker(store, transport);
      try {
        await store.enqueueMail(resetMail('ivan@example.com'));
        w.nudge();
        w.nudge();
        expect(transport.sent).toHaveLength(0);
        for (let i = 0; i < 200 && transport.sent.length === 0; i++) {
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        expect(transport.sent.map((m) => m.to)).toEqual(['ivan@example.com']);
      } finally {
        await w.stop();
        await store.close();
      }
    });

    it('stop() finishes the in-flight send, hands the rest of the batch back, and the next process sends it once', async () => {
      const db = await f.database();
      const store = await db.open();
      let release: () => void = () => {};
      let started: () => void = () => {};
      const sendStarted = new Promise<void>((resolve) => {
        started = resolve;
      });
      const sent: string[] = [];
      const slow: MailTransport = {
        async send(m) {
          started();
          await new Promise<void>((resolve) => {
            release = resolve;
          });
          sent.push(m.to);
        },
      };
      const logger = memoryLogger();
      const w = worker(store, slow, { logger });
      try {
        for (const [i, to] of [
          'judy@example.com',
          'kim@example.com',
          'lee@example.com',
        ].entries()) {
          await store.enqueueMail(resetMail(to, new Date(T0.getTime() - 3 + i)));
        }
        w.nudge();
        await sendStarted;
        let stopped = false;
        const stopping = w.stop().then(() => {
          stopped = true;
        });
        await new Promise((resolve) => setTimeout(resolve, 20));
        expect(stopped).toBe(false); // waits for the send in flight
        release();
        await stopping;
        expect(sent).toEqual(['judy@example.com']);
        const rows = await store.listMail(10);
        expect(rows.map((r) => [r.to, r.status, r.leaseUntil])).toEqual([
          ['lee@example.com', 'pending', null],
          ['kim@example.com', 'pending', null],
          ['judy@example.com', 'sent', null],
        ]);
        expect(logger.lines.filter((l) => l.event === 'mail_released')).toHaveLength(2);
        w.nudge(); // no-op after stop
        await w.drain();
        expect(sent).toHaveLength(1);
        await store.close();

        // The next process finds the handed-back mails due at once (no lease to wait for).
        const store2 = await db.open();
        const next = memoryTransport();
        const w2 = worker(store2, next);
        await w2.drain();
        await w2.stop();
        await store2.close();
        expect(next.sent.map((m) => m.to)).toEqual(['kim@example.com', 'lee@example.com']);
      } finally {
        await db.destroy();
      }
    });
  });
}
