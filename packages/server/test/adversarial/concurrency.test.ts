/**
 * Concurrency (SECURITY 6, 16, 27): N parallel requests never get more through than the limit —
 * one token completed by 50 racers (link and code), and a parallel burst against every limit:
 * per-IP sign-in failures, per-source delay, the account-wide pause, lost-password and
 * registration per IP, mails per address, code attempts per token and per address, and refresh
 * rotation. Real argon2id cost, real databases, loopback HTTP.
 */
import { describe, expect, it } from 'vitest';
import { factories, STRONG, seedAccount, startServer, type TestServer } from '../helpers.ts';
import { report, violations } from './harness.ts';

const NEW_PASSWORD = 'Parallel-Lantern-77';

for (const factory of factories) {
  describe.skipIf(!factory.available)(`adversarial concurrency [${factory.name}]`, () => {
    it('no limit and no single-use token lets more through than it should under a parallel burst', async () => {
      const started = Date.now();
      let requests = 0;
      const failures: string[] = [];
      const t: TestServer = await startServer(factory, {
        trustProxy: true,
        refreshReuseGraceSeconds: 0,
      });
      const burst = async (
        n: number,
        make: (i: number) => {
          path: string;
          body?: unknown;
          headers?: Record<string, string>;
          method?: string;
        },
      ) => {
        const answers = await Promise.all(
          Array.from({ length: n }, async (_, i) => {
            const r = make(i);
            requests++;
            const res = await fetch(`${t.url}${r.path}`, {
              method: r.method ?? 'POST',
              headers: { 'content-type': 'application/json', ...r.headers },
              body: r.body === undefined ? undefined : JSON.stringify(r.body),
            });
            const text = await res.text();
            const found = violations(res.status, res.headers, text);
            if (found.length > 0) failures.push(`${r.path}: ${found.join('; ')}`);
            return { status: res.status, text, headers: res.headers };
          }),
        );
        const count = (status: number) => answers.filter((a) => a.status === status).length;
        return { answers, count };
      };
      const expectCount = (name: string, actual: number, expected: number) => {
        if (actual !== expected) failures.push(`${name}: ${actual}, expected ${expected}`);
      };
      try {
        // 1. One reset token, 50 racers: exactly one completes.
        await seedAccount(t, 'race@example.com', 'active');
        await t.post('/v1/password-resets', { email: 'race@example.com' });
        const mail = await t.lastMail('race@example.com', 'password_reset');
        const link = await burst(50, (i) => ({
          path: '/v1/password-resets/complete',
          body: { token: mail?.token, password: `${NEW_PASSWORD}${i}` },
          headers: { 'x-forwarded-for': `198.51.100.${i}` },
        }));
        expectCount('link completions', link.count(200), 1);
        expectCount('link completions refused as used', link.count(410), 49);
        // 2. The same by code: 30 racers with the emailed code, exactly one.
        await seedAccount(t, 'code-race@example.com', 'active');
        await t.post('/v1/password-resets', { email: 'code-race@example.com' });
        const codeMail = await t.lastMail('code-race@example.com', 'password_reset');
        const byCode = await burst(30, (i) => ({
          path: '/v1/password-resets/complete',
          body: {
            email: 'code-race@example.com',
            code: codeMail?.code,
            password: `${NEW_PASSWORD}${i}`,
          },
          headers: { 'x-forwarded-for': `198.51.101.${i}` },
        }));
        expectCount('code completions', byCode.count(200), 1);
        // Exactly one password works afterwards: the winner's.
        const winner = byCode.answers.findIndex((a) => a.status === 200);
        const signInWinner = await t.post(
          '/v1/sessions',
          { email: 'code-race@example.com', password: `${NEW_PASSWORD}${winner}` },
          { 'x-forwarded-for': '192.0.2.250' },
        );
        expectCount('the winner signs in', signInWinner.status, 200);

        // 3. Wrong codes in parallel: a token takes at most 5, an address at most 30 an hour.
        await seedAccount(t, 'guess@example.com', 'active');
        await t.post('/v1/password-resets', { email: 'guess@example.com' });
        const guessMail = await t.lastMail('guess@example.com', 'password_reset');
        const wrong = guessMail?.code === '00000000' ? '11111111' : '00000000';
        const guesses = await burst(60, (i) => ({
          path: '/v1/password-resets/complete',
          body: { email: 'guess@example.com', code: wrong, password: NEW_PASSWORD },
          headers: { 'x-forwarded-for': `198.51.102.${i}` },
        }));
        expectCount('code attempts past the per-address limit', guesses.count(429), 30);
        const right = await t.post(
          '/v1/password-resets/complete',
          { email: 'guess@example.com', code: guessMail?.code, password: NEW_PASSWORD },
          { 'x-forwarded-for': '192.0.2.251' },
        );
        // The right code no longer works: its 5 attempts were spent (or the address is limited).
        if (right.status === 200) failures.push('the right code worked after 60 wrong guesses');

        // 4. Sign-in per IP: 150 distinct emails from one IP, 50 verified.
        const spray = await burst(150, (i) => ({
          path: '/v1/sessions',
          body: { email: `spray-${i}@example.com`, password: 'Wrong-Guess-000' },
          headers: { 'x-forwarded-for': '203.0.113.10' },
        }));
        expectCount('per-IP sign-in failures', spray.count(401), 50);
        // …and per /64: one IPv6 subscriber rotating addresses is one IP.
        const v6 = await burst(80, (i) => ({
          path: '/v1/sessions',
          body: { email: `v6-${i}@example.com`, password: 'Wrong-Guess-000' },
          headers: { 'x-forwarded-for': `2001:db8:aa:bb:${i.toString(16)}::1` },
        }));
        expectCount('per-/64 sign-in failures', v6.count(401), 50);

        // 5. One account, one source: 4 free, then one per delay.
        await seedAccount(t, 'target@example.com', 'active');
        const source = await burst(60, () => ({
          path: '/v1/sessions',
          body: { email: 'target@example.com', password: 'Wrong-Guess-000' },
          headers: { 'x-forwarded-for': '203.0.113.20' },
        }));
        expectCount('per-source attempts verified', source.count(401), 5);
        // 6. One account, 60 sources: 20 an hour account-wide.
        await seedAccount(t, 'wide@example.com', 'active');
        const wide = await burst(60, (i) => ({
          path: '/v1/sessions',
          body: { email: 'wide@example.com', password: 'Wrong-Guess-000' },
          headers: { 'x-forwarded-for': `203.0.114.${i}` },
        }));
        expectCount('account-wide failures', wide.count(401), 20);

        // 7. Lost-password and registration per IP: 30 in 5 min; one mail per address.
        await seedAccount(t, 'mail@example.com', 'active');
        const resets = await burst(60, () => ({
          path: '/v1/password-resets',
          body: { email: 'mail@example.com' },
          headers: { 'x-forwarded-for': '203.0.113.30' },
        }));
        expectCount('reset requests admitted', resets.count(202), 30);
        await t.server.settled();
        const mails = (await t.mails()).filter((m) => m.to === 'mail@example.com');
        expectCount('mails to one address', mails.length, 1);
        const registrations = await burst(60, (i) => ({
          path: '/v1/accounts',
          body: { email: `reg-${i}@example.com`, password: STRONG },
          headers: { 'x-forwarded-for': '203.0.113.40' },
        }));
        expectCount('registrations admitted', registrations.count(202), 30);

        // 8. One refresh cookie, 20 racers (no grace window): at most one rotation.
        await seedAccount(t, 'refresh@example.com', 'active');
        const session = await t.post(
          '/v1/sessions',
          { email: 'refresh@example.com', password: STRONG },
          { 'x-forwarded-for': '192.0.2.252' },
        );
        const cookie = session.headers.getSetCookie()[0]?.split(';')[0] ?? '';
        const refreshes = await burst(20, () => ({
          path: '/v1/sessions/refresh',
          headers: { cookie },
        }));
        if (refreshes.count(200) > 1)
          failures.push(`${refreshes.count(200)} rotations of one token`);
        await t.server.settled();
      } finally {
        await t.close();
        report({
          suite: 'concurrency',
          db: factory.name,
          requests,
          failures: failures.length,
          ms: Date.now() - started,
        });
      }
      expect(failures).toEqual([]);
    }, 120_000);
  });
}
