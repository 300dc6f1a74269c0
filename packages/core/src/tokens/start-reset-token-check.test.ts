import { afterEach, describe, expect, it, vi } from 'vitest';
import { INFO } from '../../test/transport.ts';
import { createConnectClient } from '../client.ts';
import { NetworkError, TimeoutError, TokenExpiredError, ValidationError } from '../errors/index.ts';
import { STARTED_TTL_MS } from '../transport/started.ts';
import { startResetTokenCheck } from './start-reset-token-check.ts';

const BASE = 'https://connect.test';
const TOKEN = 'tok_abcdefghijklmnop';

/** A `fetch` that records every request and answers from `answer` (default: the token info). */
function recorder(answer: (request: Request) => Response | Promise<Response> = ok) {
  const sent: Request[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    sent.push(request);
    return answer(request);
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, sent };
}

function ok(): Response {
  return Response.json(INFO);
}

const client = (fetch: typeof globalThis.fetch, extra: object = {}) =>
  createConnectClient({ baseUrl: BASE, fetch, retry: { limit: 1, maxDelayMs: 5 }, ...extra });

afterEach(() => {
  vi.useRealTimers();
});

describe('startResetTokenCheck', () => {
  it('sends the check at once; the client verifying that token takes its answer', async () => {
    const { fetch, sent } = recorder();
    expect(startResetTokenCheck({ baseUrl: BASE, token: TOKEN, fetch })).toBe(true);
    expect(sent).toHaveLength(1); // on the network before any client exists
    expect(sent[0]?.url).toBe(`${BASE}/v1/password-resets/verify`);
    expect(await sent[0]?.json()).toEqual({ token: TOKEN });
    const info = await client(fetch).verifyResetToken(TOKEN);
    expect(info).toEqual(INFO);
    expect(sent).toHaveLength(1); // no second request
  });

  it('is the same request the client sends: method, URL, headers, credentials, body', async () => {
    const early = recorder();
    startResetTokenCheck({ baseUrl: BASE, token: 'tok_other_000000000', fetch: early.fetch });
    const own = recorder();
    await client(own.fetch).verifyResetToken('tok_other_000000000');
    const [a, b] = [early.sent[0], own.sent[0]];
    expect(a && b).toBeTruthy();
    expect([a?.method, a?.url, a?.credentials, a?.redirect]).toEqual([
      b?.method,
      b?.url,
      b?.credentials,
      b?.redirect,
    ]);
    expect([...(a?.headers ?? [])]).toEqual([...(b?.headers ?? [])]);
    expect(await a?.text()).toBe(await b?.text());
  });

  it('is taken once: a second check of the token asks the server again', async () => {
    const { fetch, sent } = recorder();
    startResetTokenCheck({ baseUrl: BASE, token: TOKEN, fetch });
    const connect = client(fetch);
    await connect.verifyResetToken(TOKEN);
    await connect.verifyResetToken(TOKEN);
    expect(sent).toHaveLength(2);
  });

  it('is not taken by a call that differs: another token, base URL, header or fetch', async () => {
    const { fetch, sent } = recorder();
    startResetTokenCheck({ baseUrl: BASE, token: TOKEN, fetch });
    await client(fetch).verifyResetToken('tok_someone_else_0000');
    await createConnectClient({ baseUrl: 'https://other.test', fetch }).verifyResetToken(TOKEN);
    await client(fetch, { headers: { 'x-app': 'portal' } }).verifyResetToken(TOKEN);
    await client(recorder().fetch).verifyResetToken(TOKEN);
    expect(sent).toHaveLength(4); // the early one and three of the clients' own
    await client(fetch).verifyResetToken(TOKEN); // still waiting for the matching client
    expect(sent).toHaveLength(4);
  });

  it('is not taken by a client with a beforeRequest hook (it sees every request it makes)', async () => {
    const { fetch, sent } = recorder();
    startResetTokenCheck({ baseUrl: BASE, token: TOKEN, fetch });
    const seen: string[] = [];
    const hooked = client(fetch, {
      hooks: { beforeRequest: (request: Request) => void seen.push(request.url) },
    });
    await hooked.verifyResetToken(TOKEN);
    expect(sent).toHaveLength(2);
    expect(seen).toEqual([`${BASE}/v1/password-resets/verify`]);
  });

  it('hands a problem answer over as the typed error', async () => {
    const { fetch } = recorder(() =>
      Response.json(
        { type: 'about:blank', title: 'Expired', status: 410, code: 'token_expired' },
        { status: 410, headers: { 'content-type': 'application/problem+json' } },
      ),
    );
    startResetTokenCheck({ baseUrl: BASE, token: TOKEN, fetch });
    await expect(client(fetch).verifyResetToken(TOKEN)).rejects.toBeInstanceOf(TokenExpiredError);
  });

  it('a failed early request is retried by the client like its own', async () => {
    let calls = 0;
    const { fetch, sent } = recorder(() => {
      calls++;
      if (calls === 1) throw new TypeError('Failed to fetch');
      return ok();
    });
    startResetTokenCheck({ baseUrl: BASE, token: TOKEN, fetch });
    await expect(client(fetch).verifyResetToken(TOKEN)).resolves.toEqual(INFO);
    expect(sent).toHaveLength(2);
    // Without retries the client reports the early failure as its own.
    calls = 0;
    startResetTokenCheck({ baseUrl: BASE, token: TOKEN, fetch });
    await expect(client(fetch, { retry: false }).verifyResetToken(TOKEN)).rejects.toBeInstanceOf(
      NetworkError,
    );
  });

  it("the client's timeout and abort signal reach the early request", async () => {
    const signals: AbortSignal[] = [];
    const hang = (request: Request) =>
      new Promise<Response>((_, reject) => {
        signals.push(request.signal);
        request.signal.addEventListener('abort', () => reject(request.signal.reason));
      });
    const { fetch } = recorder(hang);
    startResetTokenCheck({ baseUrl: BASE, token: TOKEN, fetch });
    await expect(
      client(fetch, { timeout: 20, retry: false }).verifyResetToken(TOKEN),
    ).rejects.toBeInstanceOf(TimeoutError);
    expect(signals[0]?.aborted).toBe(true);

    startResetTokenCheck({ baseUrl: BASE, token: TOKEN, fetch });
    const controller = new AbortController();
    const pending = client(fetch).verifyResetToken(TOKEN, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'aborted' });
    expect(signals[1]?.aborted).toBe(true);
  });

  it(`is dropped after ${STARTED_TTL_MS / 1000} s: a later check asks again`, async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { fetch, sent } = recorder();
    startResetTokenCheck({ baseUrl: BASE, token: TOKEN, fetch });
    vi.setSystemTime(Date.now() + STARTED_TTL_MS + 1);
    await client(fetch).verifyResetToken(TOKEN);
    expect(sent).toHaveLength(2);
    expect(sent[0]?.signal.aborted).toBe(true); // the stale one is cancelled
  });

  it('sends nothing without a token or with a malformed one; bad options are a TypeError', async () => {
    const { fetch, sent } = recorder();
    expect(startResetTokenCheck({ baseUrl: BASE, fetch })).toBe(false); // no window here
    expect(startResetTokenCheck({ baseUrl: BASE, token: 'short', fetch })).toBe(false);
    expect(sent).toHaveLength(0);
    await expect(client(fetch).verifyResetToken('short')).rejects.toBeInstanceOf(ValidationError);
    expect(() => startResetTokenCheck({ baseUrl: 'not a url', token: TOKEN, fetch })).toThrow(
      TypeError,
    );
  });
});
