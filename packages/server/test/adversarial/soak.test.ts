/**
 * A bounded soak (SECURITY 6, 16, 24, 27): `ADVERSARIAL_SOAK_MS` of mixed traffic per database
 * from 48 client addresses — lost-password requests for known and unknown addresses, the mailed
 * links completed by three racers each, right and wrong sign-ins, registrations, refreshes and
 * hostile garbage — against a server with production hashing and limits. Zero 5xx, every answer
 * in contract (429s with a Retry-After matching retryAfterMs), exactly one success per token, and
 * no limit exceeded: per-IP sign-in failures and reset requests, per-account failures, one mail
 * per address per minute.
 */
import { describe, expect, it } from 'vitest';
import { factories, STRONG, seedAccount, startServer } from '../helpers.ts';
import { BUDGET, report, violations } from './harness.ts';

function random(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

const GARBAGE = [
  '{"email":"a@b.co\\r\\nBcc: x@y.z"}',
  '{"__proto__":{"polluted":1},"email":"x@example.com"}',
  '{"email":["soak@example.com"]}',
  '{"token":"\\ud800"}',
  '[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]',
  'not json',
  '{"email":"ａ＠ｅｘａｍｐｌｅ．ｃｏｍ"}',
];

for (const factory of factories) {
  describe.skipIf(!factory.available)(`adversarial soak [${factory.name}]`, () => {
    it(`${BUDGET.soakMs} ms of mixed traffic: zero 5xx, one success per token, every limit holding`, async () => {
      const started = Date.now();
      const rand = random(BUDGET.seed);
      const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
      const t = await startServer(factory, { trustProxy: true });
      const failures: string[] = [];
      let requests = 0;
      const ips = Array.from({ length: 48 }, (_, i) =>
        i % 4 === 3 ? `2001:db8:${i}::7` : `198.51.100.${i}`,
      );
      const signInFailures = new Map<string, number>();
      const resetsAdmitted = new Map<string, number>();
      const accountFailures = new Map<string, number>();
      // Wrong guesses per email and source: the per-email cap exempts sources the owner signed in
      // from (by design), so it is checked over sources that never signed in as that email.
      const guesses = new Map<string, Map<string, number>>();
      const ownerSources = new Map<string, Set<string>>();
      const sourceOf = (ip: string) =>
        ip.includes(':') ? ip.split(':').slice(0, 3).join(':') : ip;
      const tokenWins = new Map<string, number>();
      const seenTokens = new Set<string>();
      const cookies: string[] = [];
      const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
      const call = async (
        path: string,
        body: string | object | undefined,
        ip: string,
        extra: Record<string, string> = {},
      ) => {
        requests++;
        const res = await fetch(`${t.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, ...extra },
          body:
            body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
          signal: AbortSignal.timeout(20_000),
        });
        const text = await res.text();
        const found = violations(res.status, res.headers, text);
        if (found.length > 0)
          failures.push(`${path} ${res.status}: ${found.join('; ')} ${text.slice(0, 120)}`);
        return { res, text };
      };
      try {
        const members = Array.from({ length: 12 }, (_, i) => `member-${i}@example.com`);
        const targets = Array.from({ length: 16 }, (_, i) => `target-${i}@example.com`);
        for (const email of members) await seedAccount(t, email, 'active');
        for (const [i, email] of targets.entries()) {
          await seedAccount(t, email, i % 2 ? 'active' : 'pending_activation');
        }
        const deadline = Date.now() + BUDGET.soakMs;
        const actions: Array<() => Promise<void>> = [
          async () => {
            const ip = pick(ips);
            const email =
              rand() < 0.7 ? pick(targets) : `ghost-${Math.floor(rand() * 50)}@example.com`;
            const { res } = await call('/v1/password-resets', { email }, ip);
            if (res.status === 202)
              bump(resetsAdmitted, ip.includes(':') ? ip.split(':').slice(0, 3).join(':') : ip);
          },
          async () => {
            const email = pick(members);
            const ip = pick(ips);
            const { res } = await call('/v1/sessions', { email, password: STRONG }, ip);
            if (res.status === 200) {
              const known = ownerSources.get(email) ?? new Set<string>();
              known.add(sourceOf(ip));
              ownerSources.set(email, known);
            }
            const cookie = res.headers.getSetCookie()[0]?.split(';')[0];
            if (cookie && cookies.length < 50) cookies.push(cookie);
          },
          async () => {
            const ip = pick(ips);
            const email =
              rand() < 0.5 ? pick(members) : `ghost-${Math.floor(rand() * 50)}@example.com`;
            const { res } = await call('/v1/sessions', { email, password: 'Wrong-Guess-000' }, ip);
            if (res.status === 401) {
              bump(signInFailures, ip.includes(':') ? ip.split(':').slice(0, 3).join(':') : ip);
              const bySource = guesses.get(email) ?? new Map<string, number>();
              bump(bySource, sourceOf(ip));
              guesses.set(email, bySource);
            }
          },
          async () => {
            await call(
              '/v1/accounts',
              { email: `new-${Math.floor(rand() * 1e6)}@example.com`, password: STRONG },
              pick(ips),
            );
          },
          async () => {
            const cookie = cookies.length > 0 ? pick(cookies) : undefined;
            if (cookie) await call('/v1/sessions/refresh', undefined, pick(ips), { cookie });
          },
          async () => {
            await call(
              pick([
                '/v1/password-resets',
                '/v1/sessions',
                '/v1/accounts',
                '/v1/password-resets/complete',
              ]),
              pick(GARBAGE),
              pick(ips),
            );
          },
        ];
        // Completers: every mailed link, three racers each.
        const completer = async () => {
          while (Date.now() < deadline) {
            await new Promise((r) => setTimeout(r, 150));
            const mails = await t.mails();
            for (const mail of mails) {
              if (!mail.token || seenTokens.has(mail.token) || mail.template === 'verify_email')
                continue;
              seenTokens.add(mail.token);
              tokenWins.set(mail.token, 0);
              const token = mail.token;
              await Promise.all(
                [0, 1, 2].map(async (i) => {
                  const { res } = await call(
                    '/v1/password-resets/complete',
                    { token, password: `Soak-Harbour-Window-${i}` },
                    pick(ips),
                  );
                  if (res.status === 200) bump(tokenWins, token);
                }),
              );
            }
          }
        };
        const worker = async () => {
          while (Date.now() < deadline) await pick(actions)();
        };
        await Promise.all([completer(), ...Array.from({ length: 10 }, worker)]);
        await t.server.settled();
        // The invariants over the whole run (every window is longer than the soak).
        for (const [token, wins] of tokenWins) {
          if (wins !== 1) failures.push(`token ${token.slice(0, 6)}… completed ${wins}×`);
        }
        for (const [ip, n] of signInFailures)
          if (n > 50) failures.push(`${ip}: ${n} sign-in failures`);
        for (const [ip, n] of resetsAdmitted)
          if (n > 30) failures.push(`${ip}: ${n} reset requests`);
        for (const [email, bySource] of guesses) {
          const known = ownerSources.get(email) ?? new Set<string>();
          let n = 0;
          for (const [source, count] of bySource) if (!known.has(source)) n += count;
          accountFailures.set(email, n);
        }
        for (const [email, n] of accountFailures) {
          // 20 an hour from all sources, plus 4 free per source before its delay.
          if (n > 20) failures.push(`${email}: ${n} failures`);
        }
        const perAddress = new Map<string, number>();
        for (const mail of await t.mails())
          if (mail.template !== 'password_changed') bump(perAddress, mail.to);
        for (const [to, n] of perAddress)
          if (n > 1) failures.push(`${to}: ${n} mails within a minute`);
        if (tokenWins.size === 0) failures.push('no token was exercised');
      } finally {
        await t.close();
        report({
          suite: 'soak',
          db: factory.name,
          requests,
          tokens: tokenWins.size,
          failures: failures.length,
          ms: Date.now() - started,
          seed: BUDGET.seed,
        });
      }
      expect(failures.slice(0, 10)).toEqual([]);
    }, 120_000);
  });
}
