import { delay } from 'msw';
import { describe, expect, it } from 'vitest';
import { BASE, HttpResponse, http, on, problem, server, urlOf, useMsw } from '../../test/msw.ts';
import { ERROR_STATUS, SERVER_ERROR_CODES } from '../contract/codes.ts';
import { Accepted, ResetTokenInfo } from '../contract/messages.ts';
import { PasswordPolicy } from '../contract/policy.ts';
import { MAX_RESPONSE_BODY_BYTES, ROUTES, type RouteName } from '../contract/routes.ts';
import {
  AbortedError,
  ConnectError,
  InvalidResponseError,
  isConnectError,
  NetworkError,
  RateLimitedError,
  ServerError,
  TimeoutError,
  TokenUsedError,
} from '../errors/index.ts';
import { RETRYABLE_ROUTES } from './retry-policy.ts';
import { createTransport } from './transport.ts';

useMsw();

const POLICY = {
  id: 'connect',
  version: 1,
  rules: [{ id: 'min_length', level: 'required', params: { min: 8 } }],
};
const INFO = { email: 'owner@example.com', expiresAt: '2026-11-28T09:00:00Z', purpose: 'reset' };

/** Fast retries: backoff capped at 5 ms. */
const transport = (options: Parameters<typeof createTransport>[0] | object = {}) =>
  createTransport({ baseUrl: BASE, retry: { limit: 2, maxDelayMs: 5 }, ...options });

async function rejection(promise: Promise<unknown>): Promise<ConnectError> {
  try {
    await promise;
  } catch (error) {
    expect(isConnectError(error)).toBe(true);
    return error as ConnectError;
  }
  throw new Error('expected a rejection');
}

/** Counts the requests a route receives while answering with `answer`. */
function counting(route: RouteName, answer: () => Response) {
  const seen = { count: 0 };
  server.use(
    on(route, () => {
      seen.count++;
      return answer();
    }),
  );
  return seen;
}

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
      schema: ResetTokenInfo,
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
    expect((await t.request({ route: 'passwordPolicy', schema: PasswordPolicy })).data).toEqual(
      POLICY,
    );
  });

  it('ignores the body of an answer without schema (204)', async () => {
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
    await t.request({ route: 'passwordPolicy', schema: PasswordPolicy });
    expect(trace).toBe('00-abc');
  });
});

describe('error answers', () => {
  it.each(SERVER_ERROR_CODES)('maps problem %s with its status', async (code) => {
    server.use(on('verifyResetToken', () => problem(code)));
    const error = await rejection(
      transport({ retry: false }).request({
        route: 'verifyResetToken',
        body: {},
        schema: ResetTokenInfo,
      }),
    );
    expect(error.code).toBe(code);
    expect(error.status).toBe(ERROR_STATUS[code]);
    expect(error.problem?.code).toBe(code);
  });

  it('maps an unknown future code to a ConnectError with that code', async () => {
    server.use(on('verifyResetToken', () => problem('token_quarantined', {}, { status: 409 })));
    const error = await rejection(
      transport().request({ route: 'verifyResetToken', schema: ResetTokenInfo }),
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
      transport().request({ route: 'verifyResetToken', schema: ResetTokenInfo }),
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
      transport().request({ route: 'completePasswordReset', schema: Accepted }),
    );
    expect(error).toBeInstanceOf(Class);
    expect(error.status).toBe(status);
  });

  it('takes retryAfterMs from Retry-After on a bare 429', async () => {
    server.use(
      on('signIn', () => new HttpResponse(null, { status: 429, headers: { 'retry-after': '3' } })),
    );
    const error = await rejection(transport().request({ route: 'signIn', schema: Accepted }));
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
      transport().request({ route: 'requestPasswordReset', schema: Accepted }),
    );
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.status).toBe(200);
  });

  it('refuses a body larger than MAX_RESPONSE_BODY_BYTES (declared length)', async () => {
    const big = JSON.stringify({ status: 'accepted', pad: 'x'.repeat(MAX_RESPONSE_BODY_BYTES) });
    server.use(on('requestPasswordReset', () => HttpResponse.json(JSON.parse(big))));
    const error = await rejection(
      transport().request({ route: 'requestPasswordReset', schema: Accepted }),
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
      transport().request({ route: 'requestPasswordReset', schema: Accepted }),
    );
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(pulled).toBeLessThan(64);
  });
});

describe('timeouts and aborts', () => {
  it('times out an attempt whose answer is slow', async () => {
    server.use(
      on('signIn', async () => {
        await delay(2_000);
        return HttpResponse.json({ status: 'accepted' });
      }),
    );
    const error = await rejection(
      transport({ timeout: 50 }).request({ route: 'signIn', schema: Accepted }),
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.code).toBe('timeout');
  });

  it('rejects with AbortedError without a request when the signal is already aborted', async () => {
    const seen = counting('passwordPolicy', () => HttpResponse.json(POLICY));
    const controller = new AbortController();
    controller.abort(new Error('left the page'));
    const error = await rejection(
      transport().request({
        route: 'passwordPolicy',
        schema: PasswordPolicy,
        signal: controller.signal,
      }),
    );
    expect(error).toBeInstanceOf(AbortedError);
    expect((error.cause as Error).message).toBe('left the page');
    expect(seen.count).toBe(0);
  });

  it('rejects with AbortedError, not TimeoutError, when aborted during the request', async () => {
    server.use(
      on('passwordPolicy', async () => {
        await delay(2_000);
        return HttpResponse.json(POLICY);
      }),
    );
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const error = await rejection(
      transport({ timeout: 5_000 }).request({
        route: 'passwordPolicy',
        schema: PasswordPolicy,
        signal: controller.signal,
      }),
    );
    expect(error).toBeInstanceOf(AbortedError);
  });

  it('rejects with AbortedError when aborted while waiting to retry', async () => {
    server.use(
      on(
        'passwordPolicy',
        () => new HttpResponse(null, { status: 503, headers: { 'retry-after': '5' } }),
      ),
    );
    const controller = new AbortController();
    const t = createTransport({ baseUrl: BASE, retry: { limit: 2, maxDelayMs: 10_000 } });
    const pending = t.request({
      route: 'passwordPolicy',
      schema: PasswordPolicy,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    expect(await rejection(pending)).toBeInstanceOf(AbortedError);
  });
});

describe('retries', () => {
  it('documents exactly which calls are retryable', () => {
    expect(Object.keys(RETRYABLE_ROUTES).sort()).toEqual(Object.keys(ROUTES).sort());
    expect(
      Object.entries(RETRYABLE_ROUTES)
        .filter(([, yes]) => yes)
        .map(([name]) => name)
        .sort(),
    ).toEqual(['passwordPolicy', 'requestPasswordReset', 'signOut', 'verifyResetToken']);
  });

  it.each(Object.keys(ROUTES).filter((r) => r !== 'jwks') as RouteName[])(
    '%s: 429 with Retry-After is retried only when the call is retryable',
    async (route) => {
      const seen = counting(route, () =>
        problem('rate_limited', {}, { headers: { 'retry-after': '0' } }),
      );
      const error = await rejection(transport().request({ route, schema: Accepted }));
      expect(error).toBeInstanceOf(RateLimitedError);
      expect(error.retryAfterMs).toBe(0);
      expect(seen.count).toBe(RETRYABLE_ROUTES[route] ? 3 : 1);
    },
  );

  it('never retries completePasswordReset, whatever the failure', async () => {
    for (const answer of [
      () => HttpResponse.error(),
      () => new HttpResponse(null, { status: 503 }),
      () => problem('rate_limited', {}, { headers: { 'retry-after': '0' } }),
    ]) {
      const seen = counting('completePasswordReset', answer);
      await rejection(
        transport({ retry: { limit: 5, maxDelayMs: 1 } }).request({
          route: 'completePasswordReset',
          schema: Accepted,
        }),
      );
      expect(seen.count).toBe(1);
    }
  });

  it('retries a network failure with backoff, then rejects with NetworkError', async () => {
    const seen = counting('verifyResetToken', () => HttpResponse.error());
    const error = await rejection(
      transport().request({ route: 'verifyResetToken', schema: ResetTokenInfo }),
    );
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.code).toBe('network_error');
    expect(seen.count).toBe(3);
  });

  it('recovers when a retry succeeds', async () => {
    let calls = 0;
    server.use(
      on('passwordPolicy', () =>
        ++calls === 1 ? new HttpResponse(null, { status: 503 }) : HttpResponse.json(POLICY),
      ),
    );
    const result = await transport().request({ route: 'passwordPolicy', schema: PasswordPolicy });
    expect(result.data).toEqual(POLICY);
    expect(calls).toBe(2);
  });

  it('retries 503 but not 500', async () => {
    const s503 = counting('passwordPolicy', () => new HttpResponse(null, { status: 503 }));
    expect(
      await rejection(transport().request({ route: 'passwordPolicy', schema: PasswordPolicy })),
    ).toBeInstanceOf(ServerError);
    expect(s503.count).toBe(3);
    const s500 = counting('passwordPolicy', () => problem('server_error'));
    expect(
      await rejection(transport().request({ route: 'passwordPolicy', schema: PasswordPolicy })),
    ).toBeInstanceOf(ServerError);
    expect(s500.count).toBe(1);
  });

  it('does not retry a timeout', async () => {
    const seen = counting('passwordPolicy', () => {
      return delay(1_000).then(() => HttpResponse.json(POLICY)) as unknown as Response;
    });
    expect(
      await rejection(
        transport({ timeout: 30 }).request({ route: 'passwordPolicy', schema: PasswordPolicy }),
      ),
    ).toBeInstanceOf(TimeoutError);
    expect(seen.count).toBe(1);
  });

  it('honours Retry-After as an HTTP date', async () => {
    const now = new Date(Date.now() - 1000).toUTCString(); // in the past: wait 0
    const seen = counting(
      'verifyResetToken',
      () => new HttpResponse(null, { status: 429, headers: { 'retry-after': now } }),
    );
    const error = await rejection(
      transport().request({ route: 'verifyResetToken', schema: ResetTokenInfo }),
    );
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error.retryAfterMs).toBe(0);
    expect(seen.count).toBe(3);
  });

  it('gives up at once when Retry-After is longer than maxDelayMs, reporting the wait', async () => {
    const later = new Date(Date.now() + 120_000).toUTCString();
    const seen = counting('verifyResetToken', () =>
      problem('rate_limited', {}, { headers: { 'retry-after': later } }),
    );
    const error = await rejection(
      transport().request({ route: 'verifyResetToken', schema: ResetTokenInfo }),
    );
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error.retryAfterMs).toBeGreaterThan(100_000);
    expect(seen.count).toBe(1);
  });

  it('does not retry with retry: false', async () => {
    const seen = counting('passwordPolicy', () => HttpResponse.error());
    await rejection(
      transport({ retry: false }).request({ route: 'passwordPolicy', schema: PasswordPolicy }),
    );
    expect(seen.count).toBe(1);
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
    await t.request({ route: 'passwordPolicy', schema: PasswordPolicy });
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
    await expect(t.request({ route: 'passwordPolicy', schema: PasswordPolicy })).rejects.toBe(bug);
    expect(seen.count).toBe(0);
  });

  it('maps anything a custom fetch throws to a ConnectError', async () => {
    const t = createTransport({
      baseUrl: BASE,
      retry: false,
      fetch: () => Promise.reject('not even an Error'),
    });
    expect(
      await rejection(t.request({ route: 'passwordPolicy', schema: PasswordPolicy })),
    ).toBeInstanceOf(NetworkError);
  });
});
