import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { ERROR_STATUS, PROBLEM_TYPE_BASE, type ServerErrorCode } from '../src/contract/codes.ts';
import type { Session } from '../src/contract/messages.ts';
import { ROUTES, type RouteName } from '../src/contract/routes.ts';

/** The base URL every msw-backed test talks to. */
export const BASE = 'https://connect.test';

/** One msw server for a test file; unhandled requests fail the test. */
export const server = setupServer();

/** Starts msw for the current test file. */
export function useMsw(): void {
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
}

/** The absolute URL of a contract call. */
export function urlOf(route: RouteName): string {
  return `${BASE}${ROUTES[route].path}`;
}

/** An msw handler factory for a contract call, with the contract's method. */
export function on(
  route: RouteName,
  resolver: Parameters<typeof http.post>[1],
): ReturnType<typeof http.post> {
  const method = ROUTES[route].method.toLowerCase() as 'post' | 'get' | 'delete';
  return http[method](urlOf(route), resolver);
}

/** A problem+json answer for a server code (status from the contract unless given). */
export function problem(
  code: ServerErrorCode | (string & {}),
  extra: Record<string, unknown> = {},
  init: { status?: number; headers?: Record<string, string> } = {},
): Response {
  const status = init.status ?? ERROR_STATUS[code as ServerErrorCode] ?? 400;
  const body = { type: `${PROBLEM_TYPE_BASE}${code}`, title: code, status, code, ...extra };
  return new HttpResponse(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json', ...init.headers },
  });
}

/** A valid session answer expiring `inMs` from now. */
export function sessionBody(inMs = 15 * 60_000, accessToken = 'header.payload.signature'): Session {
  return {
    accessToken,
    tokenType: 'Bearer',
    expiresAt: new Date(Date.now() + inMs).toISOString(),
    account: { id: 'acc_1', email: 'owner@example.com', name: null },
  };
}

/** A well-formed reset/verification token (base64url, 43 chars). */
export const TOKEN = 'tok_0123456789abcdefghijklmnopqrstuvwxyzABCD';

export { HttpResponse, http };
