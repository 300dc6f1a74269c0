/**
 * Passwords (SECURITY 13–15) and throttling (SECURITY 16), over HTTP.
 */
import { request as httpRequest } from 'node:http';
import { MAX_REQUEST_BODY_BYTES } from '@connect-auth/core/contract';
import { parseOptions } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { createPasswordHasher, type PasswordHasher } from '../src/auth/password.ts';
import { factories, rejection, STRONG, seedAccount, startServer, testClock } from './helpers.ts';

function countingHasher(concurrency = 2) {
  const real = createPasswordHasher({ concurrency });
  const stats = { hashes: 0, verifies: 0, peak: 0 };
  const hasher: PasswordHasher = {
    ...real,
    hash: async (pw) => {
      stats.hashes++;
      const p = real.hash(pw);
      stats.peak = Math.max(stats.peak, real.cap.active);
      return p;
    },
    verify: async (phc, pw) => {
      stats.verifies++;
      const p = real.verify(phc, pw);
      stats.peak = Math.max(stats.peak, real.cap.active);
      return p;
    },
  };
  return { hasher, stats, real };
}

for (const factory of factories) {
  describe.skipIf(!factory.available)(`passwords [${factory.name}]`, () => {
    it('SECURITY 13–15: the policy decides (blocklist, context, length) before any hashing; PHC argon2id is stored', async () => {
      const { hasher, stats } = countingHasher();
      const t = await startServer(factory, { hasher });
      try {
        await seedAccount(t, 'jonathan.miles@example.com', 'active');
        const client = t.client();
        await client.requestPasswordReset({ email: 'jonathan.miles@example.com' });
        const token = (await t.lastMail('jonathan.miles@example.com'))?.token ?? '';
        const cases: Array<[string, string]> = [
          ['Password123', 'not_common'],
          ['Jonathan.Miles-2026', 'not_context'],
          [`Aa1-${'x'.repeat(125)}`, 'max_length'], // 129 code points
          ['Aa1-'.padEnd(600, 'é'), 'max_length'], // 600 code points, > 1 KiB in UTF-8
        ];
        for (const [password, rule] of cases) {
          const error = await rejection(client.completePasswordReset({ token, password }));
          expect(error.code).toBe('weak_password');
          const rules = error.rules as Array<{ id: string; ok: boolean }>;
          expect(rules.filter((r) => r.id === rule).some((r) => !r.ok)).toBe(true);
        }
        expect(stats.hashes).toBe(0);
        // Sign-in with an over-long password is refused without hashing too.
        for (const password of [`Aa1-${'x'.repeat(125)}`, 'Aa1-'.padEnd(600, 'é')]) {
          expect(
            (await rejection(client.signIn({ email: 'jonathan.miles@example.com', password })))
              .code,
          ).toBe('invalid_credentials');
        }
        expect(stats.verifies).toBe(0);
        // The password is used exactly as typed (NFC), never trimmed.
        const typed = 'Cafe\u0301-Terrace-9 ';
        await client.completePasswordReset({ token, password: typed });
        expect(stats.hashes).toBe(1);
        const phc =
          (await t.store.findAccountByEmailKey('jonathan.miles@example.com'))?.passwordHash ?? '';
        const params = parseOptions(phc);
        expect(phc.startsWith('$argon2id$')).toBe(true);
        expect(params.memoryCost).toBeGreaterThanOrEqual(19 * 1024);
        expect(params.timeCost).toBeGreaterThanOrEqual(2);
        expect(params.parallelism).toBe(1);
        expect(
          (
            await client.signIn({
              email: 'jonathan.miles@example.com',
              password: 'Caf\u00e9-Terrace-9 ',
            })
          ).account.email,
        ).toBe('jonathan.miles@example.com');
        expect(
          (
            await rejection(
              client.signIn({
                email: 'jonathan.miles@example.com',
                password: 'Cafe\u0301-Terrace-9',
              }),
            )
          ).code,
        ).toBe('invalid_credentials');
      } finally {
        await t.close();
      }
    });

    it('SECURITY 14: passwords differing after byte 72 never cross-verify', async () => {
      const t = await startServer(factory);
      try {
        const prefix = 'Long-Passphrase-'.repeat(5); // 80 bytes
        await seedAccount(t, 'long@example.com', 'active', `${prefix}A1`);
        const client = t.client();
        expect(
          (await rejection(client.signIn({ email: 'long@example.com', password: `${prefix}B2` })))
            .code,
        ).toBe('invalid_credentials');
        expect(
          (await client.signIn({ email: 'long@example.com', password: `${prefix}A1` })).account
            .email,
        ).toBe('long@example.com');
      } finally {
        await t.close();
      }
    });

    it('SECURITY 15: a burst of sign-ins queues behind the hashing cap', async () => {
      const { hasher, stats } = countingHasher(2);
      const t = await startServer(factory, { hasher, limits: { ipSignInFailures: 1000 } });
      try {
        await seedAccount(t, 'burst@example.com', 'active');
        const client = t.client();
        await Promise.all(
          Array.from({ length: 16 }, () =>
            client.signIn({ email: 'burst@example.com', password: STRONG }),
          ),
        );
        expect(stats.peak).toBeLessThanOrEqual(2);
        expect(stats.peak).toBeGreaterThan(0);
      } finally {
        await t.close();
      }
    });

    it('SECURITY 14: bodies over 16 KiB are refused with 413 while reading, even without Content-Length', async () => {
      const t = await startServer(factory);
      try {
        const { port } = new URL(t.url);
        const result = await new Promise<{ status: number; body: string; nosniff?: string }>(
          (resolve, reject) => {
            const req = httpRequest(
              {
                host: '127.0.0.1',
                port,
                method: 'POST',
                path: '/v1/sessions',
                headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
              },
              (res) => {
                let body = '';
                res.on('data', (c) => {
                  body += c;
                });
                res.on('end', () => {
                  sent = Number.POSITIVE_INFINITY;
                  req.destroy();
                  resolve({
                    status: res.statusCode ?? 0,
                    body,
                    nosniff: String(res.headers['x-content-type-options']),
                  });
                });
              },
            );
            req.on('error', reject);
            // Stream 4 KiB chunks; the server answers once it has read more than 16 KiB.
            let sent = 0;
            const pump = () => {
              while (sent < MAX_REQUEST_BODY_BYTES * 8) {
                sent += 4096;
                if (!req.write('x'.repeat(4096))) return void req.once('drain', pump);
              }
              req.end();
            };
            pump();
          },
        ).catch((error: Error) => ({ status: -1, body: error.message, nosniff: undefined }));
        expect(result.status).toBe(413);
        expect(JSON.parse(result.body).code).toBe('payload_too_large');
        expect(result.nosniff).toBe('nosniff');
      } finally {
        await t.close();
      }
    });
  });

  describe.skipIf(!factory.available)(`throttling [${factory.name}]`, () => {
    it('SECURITY 16: growing delay from the 5th failure, identical for unknown emails, hard stop until a reset', async () => {
      const clock = testClock();
      const t = await startServer(factory, { clock: clock.now });
      try {
        await seedAccount(t, 'victim@example.com', 'active');
        const client = t.client();
        const run = async (email: string) => {
          const seen: string[] = [];
          for (let i = 0; i < 8; i++) {
            const e = await rejection(client.signIn({ email, password: 'Wrong-Guess-000' }));
            seen.push(`${e.code}${e.retryAfterMs ? `:${e.retryAfterMs}` : ''}`);
            if (e.code === 'rate_limited') clock.advance(Number(e.retryAfterMs));
          }
          return seen;
        };
        const known = await run('victim@example.com');
        const unknown = await run('ghost@example.com');
        expect(known).toEqual(unknown);
        expect(known.slice(0, 5)).toEqual(Array(5).fill('invalid_credentials'));
        expect(known[5]).toBe('rate_limited:1000');
        expect(known).toContain('rate_limited:2000'); // the delay grows
        // Hard stop: past 20 failures even the right password is refused…
        for (let i = 0; i < 40; i++) {
          const e = await rejection(
            client.signIn({ email: 'victim@example.com', password: 'Wrong-Guess-000' }),
          );
          if (e.code === 'rate_limited')
            clock.advance(Math.min(Number(e.retryAfterMs), 15 * 60_000));
        }
        const stopped = await rejection(
          client.signIn({ email: 'victim@example.com', password: STRONG }),
        );
        expect(stopped.code).toBe('rate_limited');
        expect(Number(stopped.retryAfterMs)).toBeGreaterThan(60 * 60_000);
        const failures = t.logger.lines.filter(
          (l) => l.event === 'failure' && l.flow === 'sign_in' && l.accountId,
        );
        expect(failures.length).toBeLessThan(100);
        // While sign-in is stopped, lost-password keeps working; a reset lifts the stop.
        const res = await t.post('/v1/password-resets', { email: 'victim@example.com' });
        expect(res.status).toBe(202);
        const token = (await t.lastMail('victim@example.com'))?.token ?? '';
        await client.completePasswordReset({ token, password: 'Recovered-Harbour-5' });
        expect(
          (await client.signIn({ email: 'victim@example.com', password: 'Recovered-Harbour-5' }))
            .account.email,
        ).toBe('victim@example.com');
        expect(t.logger.lines.some((l) => l.event === 'throttle')).toBe(true);
      } finally {
        await t.close();
      }
    });

    it('SECURITY 16: a parallel burst of guesses is bounded by the hard stop', async () => {
      const { hasher, stats } = countingHasher(4);
      const t = await startServer(factory, { hasher, limits: { ipSignInFailures: 1e9 } });
      try {
        await seedAccount(t, 'burst-guess@example.com', 'active');
        const answers = await Promise.all(
          Array.from({ length: 60 }, (_, i) =>
            t.post('/v1/sessions', {
              email: 'burst-guess@example.com',
              password: `Wrong-Guess-${i}`,
            }),
          ),
        );
        const codes = await Promise.all(answers.map(async (r) => (await r.json()).code as string));
        const guessed = codes.filter((c) => c === 'invalid_credentials').length;
        expect(guessed).toBeLessThanOrEqual(20);
        expect(codes.filter((c) => c === 'rate_limited').length).toBe(60 - guessed);
        expect(stats.verifies).toBe(guessed);
      } finally {
        await t.close();
      }
    });

    it('SECURITY 16: sign-in is throttled per IP across emails', async () => {
      const t = await startServer(factory, { limits: { ipSignInFailures: 10, delayFrom: 100 } });
      try {
        const client = t.client();
        for (let i = 0; i < 10; i++) {
          expect(
            (
              await rejection(
                client.signIn({ email: `spray${i}@example.com`, password: 'Wrong-Guess-000' }),
              )
            ).code,
          ).toBe('invalid_credentials');
        }
        const e = await rejection(
          client.signIn({ email: 'another@example.com', password: 'Wrong-Guess-000' }),
        );
        expect(e.code).toBe('rate_limited');
      } finally {
        await t.close();
      }
    });

    it('SECURITY 16: lost-password sends ≤ 1 mail per 60 s and ≤ 5 per hour per address, silently; ≤ 30 requests per 5 min per IP', async () => {
      const clock = testClock();
      const t = await startServer(factory, { clock: clock.now });
      try {
        await seedAccount(t, 'often@example.com', 'active');
        const answers = new Set<string>();
        const ask = async () => {
          const res = await t.post('/v1/password-resets', { email: 'often@example.com' });
          answers.add(`${res.status} ${await res.text()}`);
        };
        await ask();
        await ask(); // within 60 s
        expect((await t.mails()).length).toBe(1);
        for (let i = 0; i < 6; i++) {
          clock.advance(61_000);
          await ask();
        }
        expect((await t.mails()).length).toBe(5); // the hour's limit
        clock.advance(60 * 60_000);
        await ask();
        expect((await t.mails()).length).toBe(6);
        expect([...answers]).toEqual(['202 {"status":"accepted"}']);
        // Per IP: 30 requests per 5 minutes, then 429 with Retry-After.
        clock.advance(10 * 60_000);
        for (let i = 0; i < 30; i++)
          expect(
            (await t.post('/v1/password-resets', { email: `ip${i}@example.com` })).status,
          ).toBe(202);
        const limited = await t.post('/v1/password-resets', { email: 'ip-last@example.com' });
        expect(limited.status).toBe(429);
        expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(300);
        expect((await limited.json()).code).toBe('rate_limited');
      } finally {
        await t.close();
      }
    });
  });
}
