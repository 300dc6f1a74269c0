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
  // peak: hashes running at once (threads busy); admitted: jobs let past the cap (running + the
  // next one each thread holds).
  const stats = { hashes: 0, verifies: 0, peak: 0, admitted: 0 };
  const sample = () => {
    stats.peak = Math.max(stats.peak, real.hashing);
    stats.admitted = Math.max(stats.admitted, real.cap.active);
  };
  const hasher: PasswordHasher = {
    ...real,
    hash: async (pw) => {
      stats.hashes++;
      const p = real.hash(pw);
      sample();
      return p;
    },
    verify: async (phc, pw) => {
      stats.verifies++;
      const p = real.verify(phc, pw);
      sample();
      return p;
    },
  };
  return { hasher, stats, real, sample };
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
      const { hasher, stats, sample } = countingHasher(2);
      const t = await startServer(factory, {
        hasher,
        limits: { ipSignInFailures: 1000, delayFrom: 100 },
      });
      const sampling = setInterval(sample, 1);
      try {
        await seedAccount(t, 'burst@example.com', 'active');
        const client = t.client();
        await Promise.all(
          Array.from({ length: 16 }, () =>
            client.signIn({ email: 'burst@example.com', password: STRONG }),
          ),
        );
        // Two threads hash, each holding at most one more job: the other sign-ins wait in the
        // queue, allocating nothing.
        expect(stats.peak).toBeLessThanOrEqual(2);
        expect(stats.peak).toBeGreaterThan(0);
        expect(stats.admitted).toBeLessThanOrEqual(4);
      } finally {
        clearInterval(sampling);
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
    it('SECURITY 16: growing delay from the 5th failure, identical for unknown emails, never extended by refused attempts', async () => {
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
        // Hammering while a delay runs does not extend it: 50 refused tries, the same end.
        await rejection(
          client.signIn({ email: 'victim@example.com', password: 'Wrong-Guess-000' }),
        );
        const first = await rejection(
          client.signIn({ email: 'victim@example.com', password: 'Wrong-Guess-000' }),
        );
        expect(first.code).toBe('rate_limited');
        for (let i = 0; i < 50; i++) {
          clock.advance(10);
          await rejection(client.signIn({ email: 'victim@example.com', password: STRONG }));
        }
        const later = await rejection(
          client.signIn({ email: 'victim@example.com', password: STRONG }),
        );
        expect(Number(later.retryAfterMs)).toBeLessThanOrEqual(Number(first.retryAfterMs) - 500);
        clock.advance(Number(later.retryAfterMs));
        // The delay ends and the right password works: no lock-out was left behind.
        expect(
          (await client.signIn({ email: 'victim@example.com', password: STRONG })).account.email,
        ).toBe('victim@example.com');
        expect(t.logger.lines.some((l) => l.event === 'throttle')).toBe(true);
      } finally {
        await t.close();
      }
    });

    it("SECURITY 16 (#8 item 2): a stranger cannot keep the owner out — delays are per source, capped at 15 min; the account-wide pause is short, spares the owner's sources, and a reset lifts it", async () => {
      const clock = testClock();
      const t = await startServer(factory, { clock: clock.now, trustProxy: true });
      try {
        await seedAccount(t, 'owner@example.com', 'active');
        const from = (ip: string, password: string, email = 'owner@example.com') =>
          t.post('/v1/sessions', { email, password }, { 'x-forwarded-for': ip });
        const code = async (res: Response) => ((await res.json()) as { code?: string }).code;
        // The owner signed in from home last week.
        expect((await from('198.51.100.7', STRONG)).status).toBe(200);
        clock.advance(7 * 24 * 60 * 60_000);
        // A stranger hammers from one address for 6 hours, retrying the moment each delay ends.
        let failures = 0;
        let longest = 0;
        const until = clock.now().getTime() + 6 * 60 * 60_000;
        while (clock.now().getTime() < until) {
          const res = await from('203.0.113.66', 'Wrong-Guess-000');
          if (res.status === 401) failures++;
          else {
            const wait = Number(res.headers.get('retry-after')) * 1000;
            longest = Math.max(longest, wait);
            clock.advance(wait);
          }
          // Meanwhile the owner, from a new address (a café), is never locked out by it.
          if (failures === 12) {
            expect((await from('192.0.2.200', STRONG)).status).toBe(200);
          }
        }
        expect(longest).toBe(15 * 60_000);
        expect(failures).toBeGreaterThan(15);
        expect(failures).toBeLessThan(45); // 4 free, then one per delay: ~ 15 + 6 h / 15 min
        // Many addresses at once: 20 failures an hour pause the account for everyone else…
        clock.advance(60 * 60_000);
        const burst = await Promise.all(
          Array.from({ length: 40 }, (_, i) => from(`203.0.113.${i + 100}`, 'Wrong-Guess-000')),
        );
        const statuses = burst.map((r) => r.status);
        expect(statuses.filter((x) => x === 401).length).toBe(20);
        expect(statuses.filter((x) => x === 429).length).toBe(20);
        const paused = await from('192.0.2.99', STRONG);
        expect(paused.status).toBe(429);
        expect(await code(paused)).toBe('rate_limited');
        const retry = Number(paused.headers.get('retry-after'));
        expect(retry).toBeGreaterThan(0);
        expect(retry).toBeLessThanOrEqual(60 * 60);
        // …but not for the owner's known address,
        expect((await from('198.51.100.7', STRONG)).status).toBe(200);
        // and refused attempts do not extend the pause: it ends when its hour does.
        for (let i = 0; i < 30; i++) await from(`203.0.113.${i + 150}`, 'Wrong-Guess-000');
        clock.advance(retry * 1000);
        expect((await from('192.0.2.99', STRONG)).status).toBe(200);
        // A completed reset lifts everything at once.
        await Promise.all(
          Array.from({ length: 25 }, (_, i) => from(`203.0.113.${i + 1}`, 'Wrong-Guess-000')),
        );
        expect((await from('192.0.2.98', STRONG)).status).toBe(429);
        expect((await t.post('/v1/password-resets', { email: 'owner@example.com' })).status).toBe(
          202,
        );
        const token = (await t.lastMail('owner@example.com'))?.token ?? '';
        await t.client().completePasswordReset({ token, password: 'Recovered-Harbour-5' });
        expect((await from('192.0.2.98', 'Recovered-Harbour-5')).status).toBe(200);
        const failuresLogged = t.logger.lines.filter(
          (l) => l.event === 'failure' && l.flow === 'sign_in' && l.accountId,
        );
        expect(failuresLogged.length).toBeLessThan(100);
      } finally {
        await t.close();
      }
    });

    it('SECURITY 16: a parallel burst of guesses at one account from one source gets 5 verified, then one per delay', async () => {
      // A fixed clock: with the wall clock, a burst that outlasted the first delay (1 s, as on a
      // loaded machine) rightly got a 6th guess verified once that delay had run out — not a gap
      // in the gate, but it made the figure depend on the machine's speed.
      const clock = testClock();
      const { hasher, stats } = countingHasher(4);
      const t = await startServer(factory, {
        hasher,
        clock: clock.now,
        limits: { ipSignInFailures: 1e9 },
      });
      try {
        await seedAccount(t, 'burst-guess@example.com', 'active');
        /** `n` parallel guesses: how many were verified, and the delay the refused ones were told. */
        const burst = async (n: number) => {
          const answers = await Promise.all(
            Array.from({ length: n }, (_, i) =>
              t.post('/v1/sessions', {
                email: 'burst-guess@example.com',
                password: `Wrong-Guess-${i}`,
              }),
            ),
          );
          const bodies = await Promise.all(
            answers.map(async (r) => (await r.json()) as { code: string; retryAfterMs?: number }),
          );
          const guessed = bodies.filter((b) => b.code === 'invalid_credentials').length;
          const refused = bodies.filter((b) => b.code === 'rate_limited');
          expect(refused.length).toBe(n - guessed);
          // Every refused guess waits for the one running delay.
          expect(new Set(refused.map((b) => b.retryAfterMs)).size).toBeLessThanOrEqual(1);
          return { guessed, delay: refused[0]?.retryAfterMs ?? 0 };
        };
        const first = await burst(60);
        expect(first.guessed).toBe(5); // 4 free, then one per delay
        expect(stats.verifies).toBe(5);
        // The n-th failure opens a delay of at least 1 s × 2^(n − 5). In a parallel race the
        // attempt that wins the delay's slot may hold a later number than the verified count
        // (its rivals give theirs back when refused), so the delay may be longer, never shorter.
        const atLeast = (verified: number) => 1000 * 2 ** (verified - 5);
        expect(first.delay).toBeGreaterThanOrEqual(atLeast(5));
        let delay = first.delay;
        for (let verified = 6; verified <= 7; verified++) {
          // Nothing more until the delay has run out…
          clock.advance(delay - 1);
          expect((await burst(30)).guessed).toBe(0);
          // …then exactly one, which opens the next delay.
          clock.advance(1);
          const next = await burst(30);
          expect(next.guessed).toBe(1);
          expect(next.delay).toBeGreaterThanOrEqual(atLeast(verified));
          delay = next.delay;
        }
        expect(stats.verifies).toBe(7);
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

    it('SECURITY 16, 27 (#8 item 1): the per-IP limit holds under a parallel burst — reserved before the hash is verified', async () => {
      const { hasher, stats } = countingHasher(4);
      let dummies = 0;
      const counted: PasswordHasher = {
        ...hasher,
        verifyDummy: (pw) => {
          dummies++;
          return hasher.verifyDummy(pw);
        },
      };
      const t = await startServer(factory, { hasher: counted });
      try {
        await seedAccount(t, 'sprayed@example.com', 'active');
        const answers = await Promise.all(
          Array.from({ length: 150 }, (_, i) =>
            t.post('/v1/sessions', {
              email: i === 0 ? 'sprayed@example.com' : `spray-${i}@example.com`,
              password: 'Wrong-Guess-000',
            }),
          ),
        );
        const statuses = answers.map((r) => r.status);
        expect(statuses.filter((x) => x === 401).length).toBe(50);
        expect(statuses.filter((x) => x === 429).length).toBe(100);
        expect(stats.verifies + dummies).toBe(50);
        // A success gives its reservation back: signing in does not spend the IP's budget.
        const t2 = await startServer(factory, { limits: { ipSignInFailures: 3 } });
        try {
          await seedAccount(t2, 'office@example.com', 'active');
          for (let i = 0; i < 6; i++) {
            expect(
              (await t2.post('/v1/sessions', { email: 'office@example.com', password: STRONG }))
                .status,
            ).toBe(200);
          }
        } finally {
          await t2.close();
        }
      } finally {
        await t.close();
      }
    });

    it('SECURITY 16 (#8 item 11): IPv6 clients are counted per /64, IPv4 per address', async () => {
      const t = await startServer(factory, {
        trustProxy: true,
        limits: { ipSignInFailures: 3, delayFrom: 100 },
      });
      try {
        const from = (ip: string, i: number) =>
          t.post(
            '/v1/sessions',
            { email: `v6-${i}@example.com`, password: 'Wrong-Guess-000' },
            { 'x-forwarded-for': ip },
          );
        const statuses: number[] = [];
        for (let i = 0; i < 6; i++)
          statuses.push((await from(`2001:db8:1:2::${(i + 1).toString(16)}:${i}`, i)).status);
        expect(statuses).toEqual([401, 401, 401, 429, 429, 429]);
        // Another /64 of the same /48 is another subscriber.
        expect((await from('2001:db8:1:3::1', 10)).status).toBe(401);
        // IPv4, also IPv4-mapped, counts per address.
        expect((await from('192.0.2.1', 11)).status).toBe(401);
        expect((await from('::ffff:192.0.2.1', 12)).status).toBe(401);
        expect((await from('192.0.2.1', 13)).status).toBe(401);
        expect((await from('::ffff:192.0.2.1', 14)).status).toBe(429);
        expect((await from('192.0.2.2', 15)).status).toBe(401);
        // The lost-password limit uses the same key.
        const t6 = await startServer(factory, { trustProxy: true, limits: { ipRequests: 2 } });
        try {
          const ask = (ip: string) =>
            t6.post('/v1/password-resets', { email: 'a@example.com' }, { 'x-forwarded-for': ip });
          expect((await ask('2001:db8:9:9::1')).status).toBe(202);
          expect((await ask('2001:db8:9:9:ffff::2')).status).toBe(202);
          expect((await ask('2001:db8:9:9:1:2:3:4')).status).toBe(429);
        } finally {
          await t6.close();
        }
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
