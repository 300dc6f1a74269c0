import { describe, expect, it } from 'vitest';
import { BASE, HttpResponse, http, on, problem, server, urlOf, useMsw } from '../../test/msw.ts';
import { counting, INFO, POLICY, rejection, transport } from '../../test/transport.ts';
import { ERROR_STATUS, SERVER_ERROR_CODES } from '../contract/codes.ts';
import { parseAccepted, parsePasswordPolicy, parseResetTokenInfo } from '../contract/guards.ts';
import { MAX_RESPONSE_BODY_BYTES, ROUTES } from '../contract/routes.ts';
import {
  ConnectError,
  InvalidResponseError,
  NetworkError,
  RateLimitedError,
  ServerError,
  TokenUsedError,
} from '../errors/index.ts';
import { createTransport } from './transport.ts';

useMsw();

describe('success', () => {
  it('sends JSON with the contract headers and validates the answer', async () => {
    let received: Request | undefined;
    server.use(
      on('verifyResetToken', ({ request }) => {
        received = request.clone();
        return HttpResponse.json(INFO);
      }),
    );
    const result = await transport({ headers: { 'x-app': 'portal' } }).request({
      route: 'verifyResetToken',
      body: { token: 'abc' },
      parse: parseResetTokenInfo,
    });
    expect(result.data).toEqual(INFO);
    expect(result.status).toBe(200);
    expect(received?.method).toBe('POST');
    expect(received?.headers.get('accept')).toBe('application/json, application/problem+json');
    expect(received?.headers.get('content-type')).toBe('application/json');
    expect(received?.headers.get('x-app')).toBe('portal');
    expect(await received?.json()).toEqual({ token: 'abc' });
  });

  it('keeps a path prefix of the base URL', async () => {
    server.use(
      http.get(`${BASE}/auth${ROUTES.passwordPolicy.path}`, () => HttpResponse.json(POLICY)),
    );
    const t = createTransport({ baseUrl: `${BASE}/auth/` });
    expect((await t.request({ route: 'passwordPolicy', parse: parsePasswordPolicy })).data).toEqual(
      POLICY,
    );
  });

  it('ignores the body of an answer without parse (204)', async () => {
    server.use(on('signOut', () => new HttpResponse(null, { status: 204 })));
    expect((await transport().request({ route: 'signOut' })).data).toBeUndefined();
  });

  it('lets a beforeRequest hook add headers', async () => {
    let trace: string | null = null;
    server.use(
      on('passwordPolicy', ({ request }) => {
        trace = request.headers.get('traceparent');
        return HttpResponse.json(POLICY);
      }),
    );
    const t = transport({
      hooks: { beforeRequest: (r: Request) => r.headers.set('traceparent', '00-abc') },
    });
    await t.request({ route: 'passwordPolicy', parse: parsePasswordPolicy });
    expect(trace).toBe('00-abc');
  });

  it('without a beforeRequest hook, calls fetch in the caller’s task (no microtask first)', async () => {
    // A page that starts a request and then renders gets the request on the network first.
    let called = false;
    const t = transport({
      fetch: (input: Request) => {
        called = true;
        return fetch(input);
      },
    });
    server.use(on('passwordPolicy', () => HttpResponse.json(POLICY)));
    const pending = t.request({ route: 'passwordPolicy', parse: parsePasswordPolicy });
    expect(called).toBe(true);
    expect((await pending).data).toEqual(POLICY);
  });
});

describe('error answers', () => {
  it.each(SERVER_ERROR_CODES)('maps problem %s with its status', async (code) => {
    server.use(on('verifyResetToken', () => problem(code)));
    const error = await rejection(
      transport({ retry: false }).request({
        route: 'verifyResetToken',
        body: {},
        parse: parseResetTokenInfo,
      }),
    );
    expect(error.code).toBe(code);
    expect(error.status).toBe(ERROR_STATUS[code]);
    expect(error.problem?.code).toBe(code);
  });

  it('maps an unknown future code to a ConnectError with that code', async () => {
    server.use(on('verifyResetToken', () => problem('token_quarantined', {}, { status: 409 })));
    const error = await rejection(
      transport().request({ route: 'verifyResetToken', parse: parseResetTokenInfo }),
    );
    expect(error.constructor).toBe(ConnectError);
    expect(error.code).toBe('token_quarantined');
    expect(error.status).toBe(409);
  });

  it('accepts problem details sent as application/json', async () => {
    server.use(
      on('verifyResetToken', () => HttpResponse.json({ code: 'token_used' }, { status: 410 })),
    );
    const error = await rejection(
      transport().request({ route: 'verifyResetToken', parse: parseResetTokenInfo }),
    );
    expect(error).toBeInstanceOf(TokenUsedError);
  });

  it.each([
    ['500 text', () => new HttpResponse('oops', { status: 500 }), ServerError, 500],
    [
      '502 html',
      () => HttpResponse.html('<h1>Bad gateway</h1>', { status: 502 }),
      ServerError,
      502,
    ],
    [
      '429 empty',
      () => new HttpResponse(null, { status: 429, headers: { 'retry-after': '3' } }),
      RateLimitedError,
      429,
    ],
    ['401 from a proxy', () => HttpResponse.text('no', { status: 401 }), InvalidResponseError, 401],
    [
      '400 broken problem',
      () =>
        new HttpResponse('{"code":', {
          status: 400,
          headers: { 'content-type': 'application/problem+json' },
        }),
      InvalidResponseError,
      400,
    ],
    [
      '404 problem without code',
      () => HttpResponse.json({ title: 'x' }, { status: 404 }),
      InvalidResponseError,
      404,
    ],
    [
      '302 redirect (never followed)',
      () => new HttpResponse(null, { status: 302, headers: { location: `${BASE}/elsewhere` } }),
      InvalidResponseError,
      302,
    ],
  ] as const)('maps a non-problem %s by status', async (_name, answer, Class, status) => {
    server.use(on('completePasswordReset', answer));
    const error = await rejection(
      transport().request({ route: 'completePasswordReset', parse: parseAccepted }),
    );
    expect(error).toBeInstanceOf(Class);
    expect(error.status).toBe(status);
  });

  it('takes retryAfterMs from Retry-After on a bare 429', async () => {
    server.use(
      on('signIn', () => new HttpResponse(null, { status: 429, headers: { 'retry-after': '3' } })),
    );
    const error = await rejection(transport().request({ route: 'signIn', parse: parseAccepted }));
    expect(error.retryAfterMs).toBe(3000);
  });
});

describe('unusable success answers', () => {
  it.each([
    [
      'malformed JSON',
      () => new HttpResponse('{"status":', { headers: { 'content-type': 'application/json' } }),
    ],
    ['wrong content type', () => HttpResponse.text('{"status":"accepted"}')],
    ['no content type', () => new HttpResponse('{"status":"accepted"}')],
    ['schema violation', () => HttpResponse.json({ status: 'queued' })],
    ['empty body', () => new HttpResponse('', { headers: { 'content-type': 'application/json' } })],
    [
      'invalid UTF-8',
      () =>
        new HttpResponse(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), {
          headers: { 'content-type': 'application/json' },
        }),
    ],
  ])('%s → InvalidResponseError', async (_name, answer) => {
    server.use(on('requestPasswordReset', answer));
    const error = await rejection(
      transport().request({ route: 'requestPasswordReset', parse: parseAccepted }),
    );
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.status).toBe(200);
  });

  it('refuses a body larger than MAX_RESPONSE_BODY_BYTES (declared length)', async () => {
    const big = JSON.stringify({ status: 'accepted', pad: 'x'.repeat(MAX_RESPONSE_BODY_BYTES) });
    server.use(on('requestPasswordReset', () => HttpResponse.json(JSON.parse(big))));
    const error = await rejection(
      transport().request({ route: 'requestPasswordReset', parse: parseAccepted }),
    );
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toMatch(/larger/);
  });

  it('refuses a streamed body that grows past the cap (no Content-Length)', async () => {
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(chunk); // endless: only the cap stops the reader
      },
    });
    server.use(
      on(
        'requestPasswordReset',
        () => new HttpResponse(stream, { headers: { 'content-type': 'application/json' } }),
      ),
    );
    const error = await rejection(
      transport().request({ route: 'requestPasswordReset', parse: parseAccepted }),
    );
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(pulled).toBeLessThan(64);
  });
});

describe('options', () => {
  it.each([
    [undefined],
    [{}],
    [{ baseUrl: 42 }],
    [{ baseUrl: 'connect.example.com' }],
    [{ baseUrl: 'ftp://connect.example.com' }],
    [{ baseUrl: 'https://user:pw@connect.example.com' }],
    [{ baseUrl: BASE, timeout: 0 }],
    [{ baseUrl: BASE, timeout: '5s' }],
    [{ baseUrl: BASE, retry: { limit: -1 } }],
    [{ baseUrl: BASE, fetch: 'fetch' }],
    // Each of these used to pass creation and throw at the first call.
    [{ baseUrl: BASE, headers: { 'x-trace': 'a\nb' } }],
    [{ baseUrl: BASE, headers: { 'bad name': 'x' } }],
    [{ baseUrl: BASE, hooks: { beforeRequest: 'log' } }],
    [{ baseUrl: BASE, credentials: 'always' }],
  ])('throws TypeError for %o', (options) => {
    expect(() => createTransport(options as never)).toThrow(TypeError);
  });

  it('uses a custom fetch and never sends credentials mode outside browsers', async () => {
    const requests: Request[] = [];
    const t = createTransport({
      baseUrl: BASE,
      fetch: async (input) => {
        requests.push(input as Request);
        return Response.json(POLICY);
      },
    });
    await t.request({ route: 'passwordPolicy', parse: parsePasswordPolicy });
    expect(requests).toHaveLength(1);
    expect(requests[0]?.url).toBe(urlOf('passwordPolicy'));
    expect(requests[0]?.credentials).toBe('same-origin'); // the default: not set by us
    expect(requests[0]?.redirect).toBe('manual');
  });

  it("lets an error thrown by the caller's own hook through unchanged, without a request", async () => {
    const seen = counting('passwordPolicy', () => HttpResponse.json(POLICY));
    const bug = new RangeError('hook bug');
    const t = transport({
      hooks: {
        beforeRequest: () => {
          throw bug;
        },
      },
    });
    await expect(t.request({ route: 'passwordPolicy', parse: parsePasswordPolicy })).rejects.toBe(
      bug,
    );
    expect(seen.count).toBe(0);
  });

  it('maps anything a custom fetch throws to a ConnectError', async () => {
    const t = createTransport({
      baseUrl: BASE,
      retry: false,
      fetch: () => Promise.reject('not even an Error'),
    });
    expect(
      await rejection(t.request({ route: 'passwordPolicy', parse: parsePasswordPolicy })),
    ).toBeInstanceOf(NetworkError);
  });
});

describe('SECURITY 26: only ConnectErrors, whatever fetch does', () => {
  const withFetch = (fetch: typeof globalThis.fetch) =>
    createTransport({ baseUrl: BASE, retry: false, fetch });
  /** A JSON answer whose body delivers `chunks`, then fails the stream. */
  const breaking = (...chunks: string[]) =>
    new Response(
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
          controller.error(new TypeError('terminated'));
        },
      }),
      { status: 200, headers: { 'content-type': 'application/json' } },
    );

  it.each([
    [
      'a fetch that throws synchronously',
      (() => {
        throw new TypeError('fetch failed');
      }) as typeof globalThis.fetch,
    ],
    ['a fetch that resolves to something else than a Response', (async () => undefined) as never],
    ['a body stream that errors midway', async () => breaking('{"id":"connect",')],
    [
      'an error body stream that errors midway',
      async () => {
        const res = breaking('{"code":');
        return new Response(res.body, { status: 503, headers: res.headers });
      },
    ],
  ])('%s → NetworkError', async (_name, fetch) => {
    const error = await rejection(
      withFetch(fetch).request({ route: 'passwordPolicy', parse: parsePasswordPolicy }),
    );
    expect(error).toBeInstanceOf(NetworkError);
  });
});
