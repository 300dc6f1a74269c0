import { type ConnectClient, connectPolicy, createConnectClient } from '@connect-auth/core';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';

/** Base URL of the mocked Connect server. */
export const BASE = 'https://connect.test';
/** A well-formed reset token. */
export const TOKEN = 'tok_0123456789abcdefghijklmnopqrstuvwxyzABCDEF';
export const EMAIL = 'owner@example.com';

/** Every request the mocked server received, with its JSON body. */
export interface SeenRequest {
  method: string;
  path: string;
  body: Record<string, unknown> | null;
  signal: AbortSignal;
}
export const seen: SeenRequest[] = [];

function record(request: Request): void {
  const entry: SeenRequest = {
    method: request.method,
    path: new URL(request.url).pathname,
    body: null,
    signal: request.signal,
  };
  seen.push(entry);
  request
    .clone()
    .json()
    .then(
      (body) => {
        entry.body = body as Record<string, unknown>;
      },
      () => {},
    );
}

export const session = {
  accessToken: 'header.payload.signature',
  tokenType: 'Bearer' as const,
  expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
  account: { id: 'acc_1', email: EMAIL, name: 'Owner' },
};

/** A problem+json answer with a Connect code. */
export function problem(
  code: string,
  status: number,
  extra: Record<string, unknown> = {},
): Response {
  return new HttpResponse(
    JSON.stringify({
      type: `https://connect-auth.dev/problems/${code}`,
      title: code,
      status,
      code,
      ...extra,
    }),
    {
      status,
      headers: {
        'content-type': 'application/problem+json',
        ...(typeof extra.retryAfterMs === 'number'
          ? { 'retry-after': String(Math.ceil(extra.retryAfterMs / 1000)) }
          : {}),
      },
    },
  );
}

export const handlers = [
  http.post(`${BASE}/v1/password-resets`, () =>
    HttpResponse.json({ status: 'accepted' }, { status: 202 }),
  ),
  http.post(`${BASE}/v1/password-resets/verify`, () =>
    HttpResponse.json({
      email: EMAIL,
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      purpose: 'activation',
    }),
  ),
  http.post(`${BASE}/v1/password-resets/complete`, () =>
    HttpResponse.json({ status: 'password_changed', email: EMAIL, activated: true }),
  ),
  http.post(`${BASE}/v1/sessions`, () => HttpResponse.json(session)),
  http.post(`${BASE}/v1/accounts`, () =>
    HttpResponse.json({ status: 'accepted' }, { status: 202 }),
  ),
  http.get(`${BASE}/v1/password-policy`, () => HttpResponse.json(connectPolicy)),
  http.post(`${BASE}/v1/account/password`, () => HttpResponse.json(session)),
  http.post(`${BASE}/v1/account/email-changes`, () =>
    HttpResponse.json({ status: 'accepted' }, { status: 202 }),
  ),
];

export const server = setupServer(...handlers);
// Every request, whichever handler (default or a test's override) answers it.
server.events.on('request:start', ({ request }) => record(request));

/** A real core client against the mocked server, without retries (failures surface at once). */
export function makeClient(): ConnectClient {
  return createConnectClient({ baseUrl: BASE, retry: false, refreshBeforeExpiryMs: false });
}

/**
 * Requests to one path. Aborted ones are left out: a request a previous test abandoned may be
 * reported after that test ended.
 */
export function requestsTo(path: string): SeenRequest[] {
  return seen.filter(
    (request) => request.path === path && request.method !== 'GET' && !request.signal.aborted,
  );
}
