import { parseSession } from '../contract/guards.ts';
import type { Session } from '../contract/messages.ts';
import { isConnectError } from '../errors/connect-error.ts';
import { raceSignal } from '../transport/wait.ts';
import type { CallOptions } from '../types.ts';
import type { FlowContext } from './context.ts';

/**
 * Exchanges the refresh cookie for a new access token (the server rotates the refresh token).
 * Concurrent calls share one request; each caller's own `signal` only abandons its own wait. On
 * `session_invalid` the client's session is cleared (listeners hear `null`). Never retried:
 * replaying a rotated refresh token would revoke the whole session family.
 */
export async function refreshSession(
  context: FlowContext,
  options: CallOptions = {},
): Promise<Session> {
  const { signal } = options;
  // Checked before the shared refresh starts: misuse must not send a request.
  if (signal !== undefined && typeof signal?.addEventListener !== 'function') {
    throw new TypeError('refreshSession: signal must be an AbortSignal.');
  }
  return raceSignal(
    context.session.sharedRefresh(() => refreshOnce(context)),
    signal,
  );
}

async function refreshOnce(context: FlowContext): Promise<Session> {
  const generation = context.session.generation;
  const headers = await context.session.credentialHeaders();
  try {
    const result = await context.transport.request({
      route: 'refreshSession',
      body: {},
      headers,
      parse: parseSession,
    });
    await context.session.accept(result.data, result.headers, generation);
    return result.data;
  } catch (error) {
    if (isConnectError(error) && error.code === 'session_invalid') {
      await context.session.clear(generation);
    }
    throw error;
  }
}
