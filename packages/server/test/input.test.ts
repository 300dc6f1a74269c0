/**
 * Input handling (SECURITY 21, 24): only JSON, strict bodies, no prototype keys, and no input,
 * however malformed, produces a 500 or a crash.
 */
import { MAX_REQUEST_BODY_BYTES, PROBLEM_CONTENT_TYPE, ROUTES } from '@connect-auth/core/contract';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factories, seedAccount, startServer, type TestServer } from './helpers.ts';

/** The JSON endpoints (refresh takes no body: the refresh token is in the cookie). */
const POSTS = Object.values(ROUTES)
  .filter((r) => r.method === 'POST' && r.path !== ROUTES.refreshSession.path)
  .map((r) => r.path);

function prototypeSnapshot() {
  return (
    JSON.stringify(Object.getOwnPropertyNames(Object.prototype).sort()) +
    String(({} as Record<string, unknown>).polluted)
  );
}

for (const factory of factories) {
  describe.skipIf(!factory.available)(`input handling [${factory.name}]`, () => {
    let t: TestServer;
    const before = prototypeSnapshot();
    beforeAll(async () => {
      // Generous limits: this suite is about parsing, not throttling.
      t = await startServer(factory, {
        limits: { ipRequests: 1e9, ipSignInFailures: 1e9, delayFrom: 1e9, hardStop: 1e9 },
      });
      await seedAccount(t, 'input@example.com', 'active');
    });
    afterAll(() => t?.close());

    /** In-process call of the same app (fast, for fuzzing); the HTTP path is covered below. */
    const call = (
      method: string,
      path: string,
      body?: BodyInit | null,
      headers: Record<string, string> = {},
    ) =>
      t.server.app.fetch(
        new Request(`http://127.0.0.1${path}`, { method, body: body ?? null, headers }),
        { ip: '198.51.100.7' },
      );

    const expectProblemShape = async (res: Response) => {
      expect(res.status).not.toBe(500);
      if (res.status >= 400) {
        expect(res.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE);
        const body = await res.json();
        expect(typeof body.code).toBe('string');
        return body;
      }
      await res.arrayBuffer();
      return undefined;
    };

    it('SECURITY 21: only application/json is accepted (415 otherwise)', async () => {
      for (const type of [
        undefined,
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/jsonx',
        'text/json',
      ]) {
        for (const path of POSTS) {
          const res = await t.post(
            path,
            '{"email":"input@example.com"}',
            type ? { 'content-type': type } : { 'content-type': '' },
          );
          expect([path, type, res.status]).toEqual([path, type, 415]);
          expect((await res.json()).code).toBe('unsupported_media_type');
        }
      }
      const ok = await t.post(
        '/v1/password-resets',
        { email: 'input@example.com' },
        { 'content-type': 'application/json; charset=utf-8' },
      );
      expect(ok.status).toBe(202);
    });

    it('SECURITY 14/21: 16 KiB bodies are read, one byte more is 413', async () => {
      const body = (size: number) => {
        const base = '{"email":"input@example.com"}';
        return base + ' '.repeat(size - base.length);
      };
      expect((await t.post('/v1/password-resets', body(MAX_REQUEST_BODY_BYTES))).status).toBe(202);
      const res = await t.post('/v1/password-resets', body(MAX_REQUEST_BODY_BYTES + 1));
      expect(res.status).toBe(413);
      expect((await res.json()).code).toBe('payload_too_large');
      // The in-process app enforces it too, while streaming (no Content-Length).
      const stream = new ReadableStream({
        pull(controller) {
          controller.enqueue(new Uint8Array(4096).fill(32));
        },
      });
      const streamed = await t.server.app.fetch(
        new Request('http://127.0.0.1/v1/sessions', {
          method: 'POST',
          body: stream,
          headers: { 'content-type': 'application/json' },
          duplex: 'half',
        } as RequestInit),
      );
      expect(streamed.status).toBe(413);
    });

    it('reports field issues with the codes the client uses (empty = required)', async () => {
      const res = await t.post('/v1/sessions', { email: '', password: '' });
      expect(await res.json()).toMatchObject({
        code: 'validation_failed',
        // Exactly what core's own request checks report for this body.
        issues: [
          { path: ['email'], code: 'required' },
          { path: ['email'], code: 'invalid_email' },
          { path: ['password'], code: 'required' },
        ],
      });
    });

    it('SECURITY 21: unknown fields and __proto__/constructor/prototype keys are rejected', async () => {
      const unknown = await t.post('/v1/sessions', {
        email: 'input@example.com',
        password: 'x',
        remember: true,
      });
      expect(await unknown.json()).toMatchObject({
        code: 'validation_failed',
        issues: [{ path: ['remember'], code: 'unknown_field' }],
      });
      for (const body of [
        '{"__proto__":{"polluted":1},"email":"input@example.com"}',
        '{"email":"input@example.com","constructor":{"prototype":{"polluted":1}}}',
        '{"email":"input@example.com","prototype":1}',
        '{"email":"input@example.com","x":{"y":[{"__proto__":{"polluted":1}}]}}',
      ]) {
        for (const path of POSTS) {
          const res = await t.post(path, body);
          const problem = await res.json();
          expect([path, res.status, problem.code]).toEqual([path, 400, 'validation_failed']);
          expect(problem.issues[0].code).toBe('forbidden_key');
        }
      }
      expect(prototypeSnapshot()).toBe(before);
    });

    it('SECURITY 24: malformed bodies are 400 problems: invalid JSON, invalid UTF-8, non-objects, wrong types', async () => {
      const bodies: BodyInit[] = [
        '',
        '{',
        'null',
        '[]',
        '"x"',
        '42',
        '{"email":',
        new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
        '{"email":"a@b.io","password":{}}',
        '{"token":123,"password":"x"}',
      ];
      for (const path of POSTS) {
        for (const body of bodies) {
          const res = await call('POST', path, body, { 'content-type': 'application/json' });
          const problem = await expectProblemShape(res);
          expect(res.status).toBe(400);
          expect(problem?.code).toBe('validation_failed');
        }
      }
    });

    it('SECURITY 29 (#8 item 5): lone surrogates are refused in every text field, over HTTP, never stored as U+FFFD', async () => {
      const send = async (path: string, json: string) => {
        const res = await t.post(path, json);
        expect(res.status).toBe(400);
        const body = await res.json();
        expect(body.code).toBe('validation_failed');
        return body.issues as Array<{ path: string[]; code: string }>;
      };
      // JSON escapes are valid UTF-8 on the wire and become lone surrogates once parsed.
      for (const tail of ['\\ud800', '\\udc00', '\\udbff\\ud800']) {
        expect(
          await send(
            '/v1/sessions',
            `{"email":"input@example.com","password":"Harbour-Lantern-42${tail}"}`,
          ),
        ).toEqual([{ path: ['password'], code: 'invalid_unicode' }]);
        expect(
          await send(
            '/v1/accounts',
            `{"email":"x${tail}@example.com","password":"Harbour-Lantern-42"}`,
          ),
        ).toEqual([{ path: ['email'], code: 'invalid_email' }]);
        expect(
          await send(
            '/v1/accounts',
            `{"email":"n@example.com","password":"Harbour-Lantern-42","name":"A${tail}"}`,
          ),
        ).toEqual([{ path: ['name'], code: 'invalid_unicode' }]);
        expect(await send('/v1/password-resets', `{"email":"input${tail}@example.com"}`)).toEqual([
          { path: ['email'], code: 'invalid_email' },
        ]);
        expect(
          await send(
            '/v1/password-resets/complete',
            `{"token":"${'A'.repeat(43)}","password":"Harbour-Lantern-42${tail}"}`,
          ),
        ).toEqual([{ path: ['password'], code: 'invalid_unicode' }]);
      }
      // U+FFFD itself is a character like any other: its password does not open a surrogate's door.
      await seedAccount(t, 'fffd@example.com', 'active', 'Harbour-Lantern-42\ufffd');
      expect(
        (
          await t.post('/v1/sessions', {
            email: 'fffd@example.com',
            password: 'Harbour-Lantern-42\ufffd',
          })
        ).status,
      ).toBe(200);
      expect(
        (
          await t.post(
            '/v1/sessions',
            '{"email":"fffd@example.com","password":"Harbour-Lantern-42\\ud800"}',
          )
        ).status,
      ).toBe(400);
    });

    it('SECURITY 30 (#8 item 6): email domains that are IP literals or numeric hosts are refused', async () => {
      for (const email of [
        'a@2130706433',
        'a@0x7f.1',
        'a@169.254.169.254',
        'a@127.0.0.1',
        'a@[127.0.0.1]',
      ]) {
        for (const path of ['/v1/password-resets', '/v1/accounts', '/v1/sessions']) {
          const res = await t.post(
            path,
            path === '/v1/password-resets' ? { email } : { email, password: 'Harbour-Lantern-42' },
          );
          expect(res.status, `${path} ${email}`).toBe(400);
          const body = await res.json();
          expect(body.issues).toEqual([{ path: ['email'], code: 'invalid_email' }]);
        }
      }
      await t.server.settled();
      expect((await t.store.listMail(100)).filter((m) => !m.to.includes('.'))).toEqual([]);
    });

    it('SECURITY 21/24: fuzzing every endpoint never yields a 500 and leaves Object.prototype unchanged', async () => {
      const methods = fc.constantFrom('GET', 'POST', 'DELETE', 'PUT', 'PATCH', 'HEAD', 'OPTIONS');
      const paths = fc.oneof(
        fc.constantFrom(
          ...Object.values(ROUTES).map((r) => r.path),
          '/',
          '/dev/mail',
          '/v1',
          '/v1/password-resets/',
          '/%00',
          '/v1/../etc/passwd',
        ),
        fc.webPath(),
      );
      const keys = fc.oneof(
        fc.constantFrom(
          'email',
          'password',
          'token',
          'code',
          'name',
          '__proto__',
          'constructor',
          'prototype',
        ),
        fc.string(),
      );
      const jsonish = fc.letrec((tie) => ({
        value: fc.oneof(
          { depthSize: 'small' },
          fc.string(),
          fc.constantFrom('input@example.com', 'a@b.io\r\nBcc: x@y.z', '12345678', 'A'.repeat(43)),
          fc.integer(),
          fc.double(),
          fc.boolean(),
          fc.constant(null),
          fc.array(tie('value'), { maxLength: 4 }),
          fc.dictionary(keys, tie('value'), { maxKeys: 5 }),
        ),
      })).value;
      const bodies = fc.oneof(
        jsonish.map((v) => JSON.stringify(v) ?? ''),
        fc.dictionary(keys, jsonish, { maxKeys: 4 }).map((o) => JSON.stringify(o)),
        fc.string(),
        fc.uint8Array({ maxLength: 200 }),
      );
      const contentTypes = fc.constantFrom(
        'application/json',
        'application/json; charset=utf-8',
        'text/plain',
        '',
        'application/problem+json',
      );
      await fc.assert(
        fc.asyncProperty(methods, paths, bodies, contentTypes, async (method, path, body, type) => {
          let url: string;
          try {
            url = new URL(path, 'http://127.0.0.1').pathname;
          } catch {
            return;
          }
          const hasBody = method !== 'GET' && method !== 'HEAD';
          const res = await call(
            method,
            url,
            hasBody ? body : null,
            type ? { 'content-type': type } : {},
          );
          if (method === 'HEAD' || res.status === 204) {
            expect(res.status).not.toBe(500);
            return;
          }
          await expectProblemShape(res);
        }),
        { numRuns: 1500 },
      );
      // Targeted at each contract route with well-typed JSON objects.
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...POSTS),
          fc.dictionary(keys, jsonish, { maxKeys: 4 }),
          async (path, object) => {
            const res = await call('POST', path, JSON.stringify(object), {
              'content-type': 'application/json',
            });
            await expectProblemShape(res);
          },
        ),
        { numRuns: 1500 },
      );
      expect(prototypeSnapshot()).toBe(before);
      expect(t.logger.lines.filter((l) => l.event === 'server_error')).toEqual([]);
    }, 120_000);
  });
}
