/**
 * The whole server delivering over real SMTP (SECURITY 17, 25): mail reaches an SMTP server
 * running in the test; an outage is retried and the mail delivered exactly once after recovery;
 * a mail that failed before a server restart is delivered by the restarted server; payloads are
 * scrubbed after sending in production mode.
 */
import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../src/log.ts';
import { startSmtpSink } from '../src/mail/testing.ts';
import { createServer } from '../src/server.ts';
import { factories, SECRET, seedAccount, testClock } from './helpers.ts';

for (const factory of factories) {
  describe.skipIf(!factory.available)(`SMTP delivery through the server [${factory.name}]`, () => {
    it('delivers, survives an outage and a restart, exactly once each', async () => {
      const sink = await startSmtpSink();
      const db = await factory.database();
      const clock = testClock();
      const start = async () => {
        const server = await createServer({
          dev: false,
          port: 0,
          hostname: '127.0.0.1',
          secret: SECRET,
          smtpUrl: sink.url,
          publicUrl: 'https://auth.example',
          appUrl: 'https://app.example',
          mailFrom: 'Codelocks Connect <no-reply@example.com>',
          store: await db.open(),
          clock: clock.now,
          logger: memoryLogger(),
        });
        const url = await server.listen();
        const post = (email: string) =>
          fetch(`${url}/v1/password-resets`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ email }),
          });
        return { server, post };
      };
      let s = await start();
      try {
        for (const name of ['one', 'two', 'three']) {
          await seedAccount(s.server, `${name}@example.com`, 'active');
        }

        // 1. Delivery.
        expect((await s.post('one@example.com')).status).toBe(202);
        await s.server.settled();
        const [first] = await sink.waitFor(1);
        expect(first).toMatchObject({
          to: 'one@example.com',
          subject: 'Password Reset Request for Codelocks Connect',
        });
        expect(first?.text).toMatch(/https:\/\/app\.example\/reset#token=[A-Za-z0-9_-]{43}/);
        expect(first?.html).toContain('https://app.example/reset#token=');
        const sent = (await s.server.store.listMail(10)).find((m) => m.to === 'one@example.com');
        expect(sent).toMatchObject({ status: 'sent', payload: null }); // scrubbed in production

        // 2. Outage: the attempt fails, is retried after recovery, and delivered once.
        await sink.stop();
        expect((await s.post('two@example.com')).status).toBe(202);
        await s.server.settled();
        const failed = (await s.server.store.listMail(10)).find((m) => m.to === 'two@example.com');
        expect(failed).toMatchObject({ status: 'pending', attempts: 1 });
        await sink.start();
        clock.advance(60_000);
        await s.server.settled();
        await sink.waitFor(2);
        expect(sink.received.filter((m) => m.to === 'two@example.com')).toHaveLength(1);

        // 3. Restart: a mail that failed before shutdown is delivered by the next process.
        await sink.stop();
        expect((await s.post('three@example.com')).status).toBe(202);
        await s.server.settled();
        await s.server.close();
        await sink.start();
        clock.advance(60_000);
        s = await start();
        await s.server.settled();
        await sink.waitFor(3);
        expect(sink.received.filter((m) => m.to === 'three@example.com')).toHaveLength(1);
        expect(sink.received).toHaveLength(3);
      } finally {
        await s.server.close();
        await sink.stop();
        await db.destroy();
      }
    });
  });
}
