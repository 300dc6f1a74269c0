/**
 * Property-based fuzzing of every endpoint over loopback HTTP (SECURITY 21, 24, 29, 31) — the
 * journey's, a signed-in user's (with a real access token) and the admin API's (with a real
 * key): at least `ADVERSARIAL_RUNS` inputs per endpoint and database — malformed, oversized, wrongly typed and
 * hostile bodies (CR/LF/NUL, homoglyphs, fullwidth and IDN addresses, lone surrogates,
 * `__proto__`, deep nesting, truncated JSON, raw bytes), wrong content types and methods,
 * truncated and wrong-purpose tokens, hostile cookies and origins. Every answer must keep the
 * contract (no 5xx, no hang, problem+json with a known code and the code's status, security
 * headers, Retry-After matching retryAfterMs), and `Object.prototype` must be untouched.
 */
import { Agent, request } from 'node:http';
import { ADMIN_ROUTES, ROUTES } from '@connect-auth/core/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAdminKey } from '../../src/services/operators.ts';
import { factories, seedAccount, startServer, type TestServer } from '../helpers.ts';
import { BUDGET, cheapHasher, prototypeSnapshot, report, violations } from './harness.ts';

interface Endpoint {
  method: string;
  path: string;
  fields: string[];
  /** The credential its `Authorization` header carries most of the time (else hostile ones). */
  auth?: 'access' | 'admin';
}

const ENDPOINTS: Endpoint[] = [
  { ...ROUTES.requestPasswordReset, fields: ['email'] },
  { ...ROUTES.verifyResetToken, fields: ['token'] },
  { ...ROUTES.completePasswordReset, fields: ['token', 'password', 'email', 'code'] },
  { ...ROUTES.signIn, fields: ['email', 'password'] },
  { ...ROUTES.refreshSession, fields: [] },
  { ...ROUTES.signOut, fields: [] },
  { ...ROUTES.register, fields: ['email', 'password', 'name'] },
  { ...ROUTES.verifyEmail, fields: ['token'] },
  { ...ROUTES.passwordPolicy, fields: [] },
  { ...ROUTES.jwks, fields: [] },
  // A signed-in user's calls, with a real access token (which a fuzzed password change or a sign
  // out everywhere may end: the answers then stay 401s, as they must).
  { ...ROUTES.changePassword, fields: ['currentPassword', 'newPassword'], auth: 'access' },
  { ...ROUTES.requestEmailChange, fields: ['newEmail', 'password'], auth: 'access' },
  { ...ROUTES.confirmEmailChange, fields: ['token'], auth: 'access' },
  { ...ROUTES.signOutEverywhere, fields: [], auth: 'access' },
  // The admin API, with a real admin key.
  { ...ADMIN_ROUTES.stats, fields: [], auth: 'admin' },
  { ...ADMIN_ROUTES.listAccounts, fields: [], auth: 'admin' },
  { ...ADMIN_ROUTES.findAccount, fields: ['email'], auth: 'admin' },
  { ...ADMIN_ROUTES.invite, fields: ['email', 'name', 'locale'], auth: 'admin' },
  { ...ADMIN_ROUTES.sendActivation, fields: ['email'], auth: 'admin' },
  { ...ADMIN_ROUTES.disable, fields: ['email'], auth: 'admin' },
  { ...ADMIN_ROUTES.enable, fields: ['email'], auth: 'admin' },
  { ...ADMIN_ROUTES.signOut, fields: ['email'], auth: 'admin' },
  { ...ADMIN_ROUTES.changeEmail, fields: ['email', 'newEmail'], auth: 'admin' },
  { ...ADMIN_ROUTES.history, fields: ['email'], auth: 'admin' },
  { ...ADMIN_ROUTES.audit, fields: [], auth: 'admin' },
];

/** An endpoint's name in the report: its path, and its method unless GET. */
const endpointKey = (endpoint: Endpoint) =>
  endpoint.path + (endpoint.method === 'GET' ? '' : ` ${endpoint.method}`);

/** Real tokens of every purpose, gathered once per server, for truncation and misuse. */
interface Secrets {
  reset: string;
  activation: string;
  verifyEmail: string;
  refresh: string;
  code: string;
  /** An access token of a signed-in user, and an admin API key. */
  access: string;
  admin: string;
}

const HOSTILE_STRINGS = [
  '',
  ' ',
  'fuzz@example.com',
  'Fuzz@Example.COM',
  'a@b.co\r\nBcc: victim@example.com',
  'a@b.co\nSubject: hi',
  'a\u0000@example.com',
  'nul\u0000byte',
  'аdmin@exаmple.com', // Cyrillic а
  'ｆｕｌｌ＠ｅｘａｍｐｌｅ．ｃｏｍ', // fullwidth
  'ä@bücher.de',
  'a@xn--bcher-kva.de',
  'a@xn--.com',
  'a@-bad-.com',
  'a@2130706433',
  'a@0x7f.1',
  'a@169.254.169.254',
  'a@[127.0.0.1]',
  'a\ud800@example.com', // lone surrogates: JSON.stringify writes them as escapes
  'Harbour-Lantern-42\udc00',
  '\udfff\ud800',
  'Harbour-Lantern-42\ufffd',
  'ab\u202ecd@example.com',
  'zero\u200bwidth@example.com',
  '"quoted"@example.com',
  `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}`,
  `${'x'.repeat(250)}@example.com`,
  "x' OR 1=1 --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00',
  '12345678',
  '1234567',
  '０１２３４５６７', // fullwidth digits
  'Harbour-Lantern-42',
  'P'.repeat(129),
  '🔑'.repeat(129),
  'x'.repeat(1025),
  '__proto__',
  'constructor',
];

const KEYS = ['__proto__', 'constructor', 'prototype', 'isAdmin', 'role', 'email', 'token'];

/** Percent-encoding that also carries lone surrogates (as their WTF-8 bytes). */
const uri = (text: string) =>
  text
    .split(/(\p{Cs})/u)
    .map((part) =>
      /^\p{Cs}$/u.test(part)
        ? `%${(0xe0 | (part.charCodeAt(0) >> 12)).toString(16)}%${(0x80 | ((part.charCodeAt(0) >> 6) & 0x3f)).toString(16)}%${(0x80 | (part.charCodeAt(0) & 0x3f)).toString(16)}`
        : encodeURIComponent(part),
    )
    .join('');

/**
 * One request on its own connection with `node:http` (lighter than `fetch`, which matters
 * at tens of thousands of requests on two cores); a hang fails after 10 s.
 */
function send(
  agent: Agent,
  url: string,
  method: string,
  headers: Record<string, string>,
  body: string | Uint8Array | undefined,
): Promise<{ status: number; headers: Headers; text: string }> {
  return new Promise((resolve, reject) => {
    // Node frames no body of a DELETE or OPTIONS by default: say its length.
    const framed =
      body === undefined
        ? headers
        : { ...headers, 'content-length': String(Buffer.byteLength(body)) };
    const req = request(url, { method, headers: framed, agent, timeout: 10_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const out = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          for (const v of Array.isArray(value) ? value : [value ?? '']) out.append(name, v);
        }
        resolve({
          status: res.statusCode ?? 0,
          headers: out,
          text: Buffer.concat(chunks).toString(),
        });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('hang: no answer within 10 s')));
    req.on('error', reject);
    req.end(body);
  });
}

function arbitraries(endpoint: Endpoint, secrets: Secrets) {
  const real = [secrets.reset, secrets.activation, secrets.verifyEmail, secrets.refresh];
  const token = fc.oneof(
    fc.constantFrom(...real), // right or wrong purpose, depending on the endpoint
    fc.tuple(fc.constantFrom(...real), fc.nat({ max: 60 })).map(([t, n]) => t.slice(0, n)), // truncated
    fc.constantFrom(...real).map((t) => `${t}A`),
    fc.stringMatching(/^[A-Za-z0-9_-]{16,64}$/),
    fc.constantFrom(secrets.code, '00000000'),
  );
  const text = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.emailAddress() },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.emailAddress(), fc.nat(), fc.constantFrom('\r', '\n', '\u0000', '\ud800', ' '))
        .map(([e, at, ch]) => e.slice(0, at % (e.length + 1)) + ch + e.slice(at % (e.length + 1))),
    },
    { weight: 3, arbitrary: token },
  );
  const value: fc.Arbitrary<unknown> = fc.oneof(
    { weight: 8, arbitrary: text },
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(text, { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...KEYS), text, { maxKeys: 2 }),
  );
  const members = fc.tuple(
    fc.subarray(endpoint.fields.length > 0 ? endpoint.fields : ['email']),
    fc.array(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 10 })), { maxLength: 2 }),
  );
  /** A JSON object written by hand, so `__proto__` stays an own member on the wire. */
  const shaped = fc
    .tuple(members, fc.array(value, { minLength: 8, maxLength: 8 }))
    .map(([[names, extra], values]) =>
      [...names, ...extra]
        .map((name, i) => {
          const json = JSON.stringify(values[i % values.length]);
          return json === undefined ? null : `${JSON.stringify(name)}:${json}`;
        })
        .filter((entry) => entry !== null),
    )
    .map((entries) => `{${entries.join(',')}}`);
  const deep = fc
    .tuple(fc.integer({ min: 1, max: 5_000 }), fc.boolean())
    .map(([n, array]) =>
      array ? `${'['.repeat(n)}${']'.repeat(n)}` : `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`,
    );
  const body: fc.Arbitrary<string | Uint8Array> = fc.oneof(
    { weight: 10, arbitrary: shaped },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: deep },
    {
      weight: 1,
      arbitrary: fc.tuple(shaped, fc.nat()).map(([s, n]) => s.slice(0, n % (s.length + 1))),
    },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }) },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 16 * 1024 - 16, max: 40 * 1024 })
        .map((n) => `{"email":"${'x'.repeat(n)}"}`),
    },
  );
  const contentType = fc.oneof(
    { weight: 12, arbitrary: fc.constant('application/json') },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        'application/json; charset=utf-8',
        'APPLICATION/JSON',
        'application/json; charset=latin1',
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/jsonx',
        'application/problem+json',
        '',
      ),
    },
  );
  const cookieValue = fc.oneof(token, text).map((v) => uri(String(v)).slice(0, 600));
  const hostileAuth = fc.oneof(
    token,
    fc.constantFrom(secrets.access, secrets.admin).map((t) => t.slice(0, -1)),
    fc.constantFrom(secrets.access, secrets.admin),
  );
  const credential = endpoint.auth && secrets[endpoint.auth];
  const authorization = credential
    ? fc.oneof(
        { weight: 8, arbitrary: fc.constant(`Bearer ${credential}`) },
        { weight: 2, arbitrary: hostileAuth.map((t) => `Bearer ${t}`) },
        {
          weight: 1,
          arbitrary: fc.constantFrom('Basic Zm9vOmJhcg==', 'Bearer', `bearer  ${credential}`),
        },
      )
    : token.map((t) => `Bearer ${t}`);
  const headers = fc.record(
    {
      origin: fc.constantFrom('https://evil.example', 'null', 'http://127.0.0.1'),
      cookie: cookieValue.map((v) => `__Host-connect_refresh=${v}`),
      authorization,
      'x-forwarded-for': fc.constantFrom('1.2.3.4', '::1', 'garbage'),
    },
    { requiredKeys: credential ? ['authorization'] : [] },
  );
  const method = fc.oneof(
    { weight: 12, arbitrary: fc.constant(endpoint.method) },
    { weight: 1, arbitrary: fc.constantFrom('GET', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS') },
  );
  const query = fc.oneof(
    { weight: 6, arbitrary: fc.constant('') },
    fc.string({ maxLength: 30 }).map((q) => `?${uri(q)}`),
    fc.constantFrom('?token=abc', '?__proto__[x]=1', '/', '/..', '%2F..'),
    // The admin lists' paging and filters, well-formed and not.
    fc
      .tuple(
        fc.constantFrom('limit', 'before', 'status', 'cursor', 'q'),
        fc.oneof(
          fc.constantFrom('1', '0', '-1', '500', '1e9', 'NaN', 'active', 'pending_activation'),
          fc.string({ maxLength: 20 }),
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        ),
      )
      .map(([name, v]) => `?${name}=${uri(v)}`),
  );
  return fc.record({ method, body, contentType, headers, query });
}

for (const factory of factories) {
  describe.skipIf(!factory.available)(`adversarial fuzzing [${factory.name}]`, () => {
    it(`every endpoint, ≥ ${BUDGET.runs} hostile inputs each: never a 5xx or a hang, always the contract`, async () => {
      const started = Date.now();
      const before = prototypeSnapshot();
      const t: TestServer = await startServer(factory, {
        hasher: cheapHasher(),
        mailPollMs: 3_600_000,
        limits: {
          ipRequests: 1e9,
          ipSignInFailures: 1e9,
          delayFrom: 1e9,
          hardStop: 1e9,
          codeAttemptsPerAddress: 1e9,
        },
      });
      let requests = 0;
      const agent = new Agent({ keepAlive: false, maxSockets: 32 });
      const failures: string[] = [];
      const perEndpoint: Record<string, number> = {};
      /** Answers below 400 per endpoint: the fuzzing of credentialed endpoints got past the check. */
      const succeeded: Record<string, number> = {};
      const timings: Record<string, number> = {};
      try {
        // Real tokens of every purpose.
        await seedAccount(t, 'fuzz@example.com', 'active', 'Harbour-Lantern-42');
        await seedAccount(t, 'migrated@example.com', 'pending_activation');
        await seedAccount(t, 'disabled@example.com', 'disabled');
        const client = t.client();
        await client.requestPasswordReset({ email: 'fuzz@example.com' });
        await client.requestPasswordReset({ email: 'migrated@example.com' });
        await client.register({ email: 'newcomer@example.com', password: 'Harbour-Lantern-42' });
        const signIn = await t.post('/v1/sessions', {
          email: 'fuzz@example.com',
          password: 'Harbour-Lantern-42',
        });
        const refresh = /__Host-connect_refresh=([^;]+)/.exec(
          signIn.headers.get('set-cookie') ?? '',
        )?.[1];
        const reset = await t.lastMail('fuzz@example.com', 'password_reset');
        /**
         * A session of a fresh account, for each signed-in user's endpoint: a fuzzed password
         * change or sign-out everywhere ends the session it used, never the next endpoint's.
         */
        const freshSession = async (n: number) => {
          await seedAccount(t, `owner-${n}@example.com`, 'active', 'Harbour-Lantern-42');
          const session = await t.client().signIn({
            email: `owner-${n}@example.com`,
            password: 'Harbour-Lantern-42',
          });
          return session.accessToken;
        };
        const { key: admin } = await createAdminKey(
          { store: t.store, clock: () => new Date() },
          'fuzz',
          'cli:test',
        );
        const secrets: Secrets = {
          reset: reset?.token ?? '',
          activation: (await t.lastMail('migrated@example.com', 'account_activation'))?.token ?? '',
          verifyEmail: (await t.lastMail('newcomer@example.com', 'verify_email'))?.token ?? '',
          refresh: refresh ?? '',
          code: reset?.code ?? '',
          access: await freshSession(-1),
          admin,
        };
        expect(Object.values(secrets).every((s) => s.length > 0)).toBe(true);

        const BATCH = 32;
        for (const [e, endpoint] of ENDPOINTS.entries()) {
          const key = endpointKey(endpoint);
          perEndpoint[key] = 0;
          succeeded[key] = 0;
          if (endpoint.auth === 'access') secrets.access = await freshSession(e);
          const t0 = Date.now();
          await fc
            .assert(
              fc.asyncProperty(
                fc.array(arbitraries(endpoint, secrets), { minLength: BATCH, maxLength: BATCH }),
                async (batch) => {
                  const before = failures.length;
                  await Promise.all(
                    batch.map(async (input) => {
                      const hasBody = input.method !== 'GET' && input.method !== 'HEAD';
                      const headers: Record<string, string> = { ...input.headers };
                      if (input.contentType) headers['content-type'] = input.contentType;
                      requests++;
                      perEndpoint[key] = (perEndpoint[key] ?? 0) + 1;
                      let res: { status: number; headers: Headers; text: string };
                      try {
                        res = await send(
                          agent,
                          `${t.url}${endpoint.path}${input.query}`,
                          input.method,
                          headers,
                          hasBody ? input.body : undefined,
                        );
                      } catch (error) {
                        failures.push(
                          `${input.method} ${endpoint.path}: ${(error as Error).name} ${(error as Error).message}`,
                        );
                        return;
                      }
                      const text = res.text;
                      if (res.status < 400) succeeded[key] = (succeeded[key] ?? 0) + 1;
                      const found = violations(res.status, res.headers, text, input.method);
                      if (found.length > 0) {
                        failures.push(
                          `${input.method} ${endpoint.path}${input.query} [${input.contentType}] ${JSON.stringify(
                            typeof input.body === 'string'
                              ? input.body.slice(0, 200)
                              : Array.from(input.body.slice(0, 50)),
                          )} → ${res.status} ${found.join('; ')} ${text.slice(0, 200)}`,
                        );
                      }
                    }),
                  );
                  return failures.length === before;
                },
              ),
              {
                numRuns: Math.ceil(BUDGET.runs / BATCH),
                seed: BUDGET.seed + e,
                endOnFailure: true,
              },
            )
            .catch((error) => {
              failures.push(String(error).slice(0, 2000));
            });
          timings[key] = Date.now() - t0;
        }
        await t.server.settled();
        // Still serving, and nothing leaked into Object.prototype.
        expect((await fetch(`${t.url}${ROUTES.passwordPolicy.path}`)).status).toBe(200);
        expect(prototypeSnapshot()).toBe(before);
      } finally {
        agent.destroy();
        await t.close();
        report({
          suite: 'fuzz',
          db: factory.name,
          inputs: requests,
          requests,
          failures: failures.length,
          ms: Date.now() - started,
          seed: BUDGET.seed,
          perEndpoint,
          succeeded,
          timings,
        });
      }
      expect(failures.slice(0, 5)).toEqual([]);
      // Every endpoint with a credential was reached past it, not only refused at the door.
      for (const endpoint of ENDPOINTS.filter((x) => x.auth)) {
        expect(succeeded[endpointKey(endpoint)], endpointKey(endpoint)).toBeGreaterThan(0);
      }
      for (const count of Object.values(perEndpoint)) {
        expect(count).toBeGreaterThanOrEqual(BUDGET.runs);
      }
    }, 300_000);
  });
}
