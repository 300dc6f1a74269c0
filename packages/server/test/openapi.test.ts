/**
 * `GET /v1/openapi.json` against the server that serves it: a valid OpenAPI 3.1 document, the
 * same routes as the router (both ways), and every answer of a walk through each call — successes
 * and problems — declared in it with a body its schemas accept.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factories, STRONG, seedAccount, startServer, type TestServer } from './helpers.ts';

const factory = factories.find((f) => f.available);
if (!factory) throw new Error('no store adapter available');

interface Doc {
  openapi: string;
  servers?: Array<{ url: string }>;
  paths: Record<string, Record<string, { responses: Record<string, ResponseSpec> }>>;
}
interface ResponseSpec {
  content?: Record<string, { schema: object }>;
  headers?: Record<string, { required?: boolean }>;
}

/** Check one answer against the document: declared status, media type, body and headers. */
function checker(doc: Doc) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const base = 'https://connect-auth.test/openapi.json';
  ajv.addSchema({ ...doc, $id: base });
  const pointer = (parts: string[]) =>
    parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');
  return async (method: string, path: string, res: Response): Promise<string[]> => {
    const op = doc.paths[path]?.[method.toLowerCase()];
    if (!op) return [`${method} ${path} is not in the document`];
    const status = String(res.status);
    const key = status in op.responses ? status : 'default';
    const spec = op.responses[key];
    if (!spec) return [`${method} ${path} answered ${status}, not declared`];
    const problems: string[] = [];
    const text = await res.text();
    const type = (res.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
    if (!spec.content) {
      if (text !== '') problems.push(`${status}: a body where the document declares none`);
    } else if (!spec.content[type]) {
      problems.push(`${status}: content-type ${type} not declared`);
    } else {
      const ref = `${base}#/${pointer(['paths', path, method.toLowerCase(), 'responses', key, 'content', type, 'schema'])}`;
      const validate = ajv.getSchema(ref);
      if (!validate) problems.push(`no schema at ${ref}`);
      else if (!validate(JSON.parse(text)))
        problems.push(`${status} body: ${JSON.stringify(validate.errors)} for ${text}`);
    }
    for (const [name, header] of Object.entries(spec.headers ?? {})) {
      if (header.required && !res.headers.has(name)) problems.push(`${status}: no ${name} header`);
    }
    return problems;
  };
}

describe(`GET /v1/openapi.json [${factory.name}]`, () => {
  let t: TestServer;
  let doc: Doc;
  beforeAll(async () => {
    t = await startServer(factory, {
      allowedOrigins: ['https://app.example'],
      limits: { ipRequests: 2 },
    });
    const res = await fetch(`${t.url}/v1/openapi.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    doc = (await res.json()) as Doc;
  });
  afterAll(() => t?.close());

  it('validates as OpenAPI 3.1 and names this server', async () => {
    const validator = new Validator();
    const result = await validator.validate(
      structuredClone(doc) as unknown as Parameters<Validator['validate']>[0],
    );
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    expect(doc.servers).toEqual([{ url: t.url }]);
  });

  it('lists exactly the routes of the router', () => {
    const inDoc = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const inRouter = t.server.app.routes().map((r) => `${r.method} ${r.path}`);
    expect(inRouter.length).toBeGreaterThan(10);
    expect(inDoc.sort()).toEqual(inRouter.sort());
  });

  it('declares every answer of a walk through each call, and accepts its body', async () => {
    const check = checker(doc);
    const problems: string[] = [];
    const call = async (
      method: string,
      path: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ) => {
      const res = await fetch(`${t.url}${path}`, {
        method,
        headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
        body:
          body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const copy = res.clone();
      problems.push(...(await check(method, path, res)).map((p) => `${method} ${path} ${p}`));
      return copy;
    };
    const statuses: number[] = [];
    const seen = async (p: Promise<Response>) => {
      const res = await p;
      statuses.push(res.status);
      return res;
    };
    await seedAccount(t, 'walk@example.com', 'pending_activation');
    await seen(call('GET', '/v1/password-policy'));
    await seen(call('GET', '/.well-known/jwks.json'));
    await seen(call('GET', '/v1/openapi.json'));
    await seen(call('POST', '/v1/password-resets', { email: 'walk@example.com' }));
    const token = (await t.lastMail('walk@example.com'))?.token;
    expect(token).toBeTruthy();
    await seen(call('POST', '/v1/password-resets/verify', { token }));
    await seen(call('POST', '/v1/password-resets/verify', { token: 'x'.repeat(43) }));
    await seen(call('POST', '/v1/password-resets/complete', { token, password: 'password' }));
    await seen(call('POST', '/v1/password-resets/complete', { token, password: STRONG }));
    await seen(call('POST', '/v1/password-resets/complete', { token, password: STRONG }));
    await seen(
      call('POST', '/v1/password-resets/complete', {
        email: 'walk@example.com',
        code: '00000000',
        password: STRONG,
      }),
    );
    await seen(call('POST', '/v1/sessions', { email: 'walk@example.com', password: 'Wrong-1' }));
    const signIn = await seen(
      call('POST', '/v1/sessions', { email: 'walk@example.com', password: STRONG }),
    );
    const cookie = signIn.headers.get('set-cookie')?.split(';')[0] ?? '';
    await seen(call('POST', '/v1/sessions/refresh', undefined, { cookie }));
    await seen(
      call('POST', '/v1/sessions/refresh', undefined, { origin: 'https://evil.example', cookie }),
    );
    await seen(call('POST', '/v1/sessions/refresh', undefined, { cookie }));
    await seen(call('DELETE', '/v1/sessions/current'));
    await seen(call('POST', '/v1/accounts', { email: 'new@example.com', password: STRONG }));
    await seen(call('POST', '/v1/accounts', { email: 'new@example.com', password: 'password' }));
    await seen(call('POST', '/v1/accounts/verify-email', { token: 'y'.repeat(43) }));
    await seen(call('POST', '/v1/accounts', { email: 'x', password: STRONG, extra: 1 }));
    await seen(call('POST', '/v1/sessions', 'x'.repeat(20_000)));
    await seen(
      fetch(`${t.url}/v1/sessions`, {
        method: 'POST',
        body: 'a',
        headers: { 'content-type': 'text/plain' },
      }).then(async (res) => {
        problems.push(...(await check('POST', '/v1/sessions', res.clone())));
        return res;
      }),
    );
    // A method the path does not have: the path's `default` problem answer describes the 405.
    await seen(
      fetch(`${t.url}/v1/sessions`).then(async (res) => {
        problems.push(...(await check('POST', '/v1/sessions', res.clone())));
        expect(res.headers.get('allow')).toContain('POST');
        return res;
      }),
    );
    for (let i = 0; i < 3; i++)
      await seen(call('POST', '/v1/password-resets', { email: `r${i}@example.com` }));
    expect(problems).toEqual([]);
    // The walk met every kind of answer: 200, 202, 204 and the problem statuses.
    expect(new Set(statuses)).toEqual(
      new Set([200, 202, 204, 400, 401, 403, 405, 410, 413, 415, 422, 429]),
    );
  });

  it('refuses an answer the document does not describe (the check is not vacuous)', async () => {
    const check = checker(doc);
    const fake = new Response(JSON.stringify({ code: 'token_used', status: 410 }), {
      status: 410,
      headers: { 'content-type': 'application/problem+json' },
    });
    // Sign-in never answers token_used: the code is not in its 410… which it does not declare.
    expect(await check('POST', '/v1/sessions', fake)).not.toEqual([]);
    const session = new Response(JSON.stringify({ tokenType: 'Bearer' }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
    expect((await check('POST', '/v1/sessions', session))[0]).toMatch(/200 body/);
    const problem = new Response(JSON.stringify({ code: 'weak_password' }), {
      status: 400,
      headers: { 'content-type': 'application/problem+json' },
    });
    expect((await check('POST', '/v1/password-resets/verify', problem))[0]).toMatch(/400 body/);
  });
});
