import { delay } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { BASE, HttpResponse, on, problem, server, useMsw } from '../../test/msw.ts';
import { counting, POLICY, rejection, transport } from '../../test/transport.ts';
import { parseAccepted, parsePasswordPolicy, parseResetTokenInfo } from '../contract/guards.ts';
import { ROUTES, type RouteName } from '../contract/routes.ts';
import {
  AbortedError,
  NetworkError,
  RateLimitedError,
  ServerError,
  TimeoutError,
} from '../errors/index.ts';
import { RETRYABLE_ROUTES } from './retry-policy.ts';
import { createTransport } from './transport.ts';

useMsw();

describe('timeouts and aborts', () => {
  it('times out an attempt whose answer is slow', async () => {
    server.use(
      on('signIn', async () => {
        await delay(2_000);
        return HttpResponse.json({ status: 'accepted' });
      }),
    );
    const error = await rejection(
      transport({ timeout: 50 }).request({ route: 'signIn', parse: parseAccepted }),
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.code).toBe('timeout');
  });

  it('refuses a signal that is not an AbortSignal with a TypeError, leaving no timer running', async () => {
    vi.useFakeTimers();
    try {
      const t = createTransport({
        baseUrl: BASE,
        retry: false,
        fetch: async () => Response.json(POLICY),
      });
      await expect(
        t.request({
          route: 'passwordPolicy',
          parse: parsePasswordPolicy,
          signal: {} as AbortSignal,
        }),
      ).rejects.toBeInstanceOf(TypeError);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('rejects with AbortedError without a request when the signal is already aborted', async () => {
    const seen = counting('passwordPolicy', () => HttpResponse.json(POLICY));
    const controller = new AbortController();
    controller.abort(new Error('left the page'));
    const error = await rejection(
      transport().request({
        route: 'passwordPolicy',
        parse: parsePasswordPolicy,
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
        parse: parsePasswordPolicy,
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
      parse: parsePasswordPolicy,
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
      const error = await rejection(transport().request({ route, parse: parseAccepted }));
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
          parse: parseAccepted,
        }),
      );
      expect(seen.count).toBe(1);
    }
  });

  it('retries a network failure with backoff, then rejects with NetworkError', async () => {
    const seen = counting('verifyResetToken', () => HttpResponse.error());
    const error = await rejection(
      transport().request({ route: 'verifyResetToken', parse: parseResetTokenInfo }),
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
    const result = await transport().request({
      route: 'passwordPolicy',
      parse: parsePasswordPolicy,
    });
    expect(result.data).toEqual(POLICY);
    expect(calls).toBe(2);
  });

  it('retries 503 but not 500', async () => {
    const s503 = counting('passwordPolicy', () => new HttpResponse(null, { status: 503 }));
    expect(
      await rejection(transport().request({ route: 'passwordPolicy', parse: parsePasswordPolicy })),
    ).toBeInstanceOf(ServerError);
    expect(s503.count).toBe(3);
    const s500 = counting('passwordPolicy', () => problem('server_error'));
    expect(
      await rejection(transport().request({ route: 'passwordPolicy', parse: parsePasswordPolicy })),
    ).toBeInstanceOf(ServerError);
    expect(s500.count).toBe(1);
  });

  it('does not retry a timeout', async () => {
    const seen = counting('passwordPolicy', () => {
      return delay(1_000).then(() => HttpResponse.json(POLICY)) as unknown as Response;
    });
    expect(
      await rejection(
        transport({ timeout: 30 }).request({ route: 'passwordPolicy', parse: parsePasswordPolicy }),
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
      transport().request({ route: 'verifyResetToken', parse: parseResetTokenInfo }),
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
      transport().request({ route: 'verifyResetToken', parse: parseResetTokenInfo }),
    );
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error.retryAfterMs).toBeGreaterThan(100_000);
    expect(seen.count).toBe(1);
  });

  it('does not retry with retry: false', async () => {
    const seen = counting('passwordPolicy', () => HttpResponse.error());
    await rejection(
      transport({ retry: false }).request({ route: 'passwordPolicy', parse: parsePasswordPolicy }),
    );
    expect(seen.count).toBe(1);
  });
});
