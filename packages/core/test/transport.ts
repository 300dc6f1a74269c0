import { expect } from 'vitest';
import type { RouteName } from '../src/contract/routes.ts';
import { type ConnectError, isConnectError } from '../src/errors/index.ts';
import { createTransport } from '../src/transport/transport.ts';
import { BASE, on, server } from './msw.ts';

/** A policy answer and a token-info answer that satisfy the contract. */
export const POLICY = {
  id: 'connect',
  version: 1,
  rules: [{ id: 'min_length', level: 'required', params: { min: 8 } }],
};
export const INFO = {
  email: 'owner@example.com',
  expiresAt: '2026-11-28T09:00:00Z',
  purpose: 'reset',
};

/** A transport on the msw base URL with fast retries: backoff capped at 5 ms. */
export const transport = (options: Parameters<typeof createTransport>[0] | object = {}) =>
  createTransport({ baseUrl: BASE, retry: { limit: 2, maxDelayMs: 5 }, ...options });

/** The ConnectError `promise` rejects with (fails the test if it resolves or throws anything else). */
export async function rejection(promise: Promise<unknown>): Promise<ConnectError> {
  try {
    await promise;
  } catch (error) {
    expect(isConnectError(error)).toBe(true);
    return error as ConnectError;
  }
  throw new Error('expected a rejection');
}

/** Counts the requests a route receives while answering with `answer`. */
export function counting(route: RouteName, answer: () => Response): { count: number } {
  const seen = { count: 0 };
  server.use(
    on(route, () => {
      seen.count++;
      return answer();
    }),
  );
  return seen;
}
