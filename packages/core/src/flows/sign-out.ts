import { isConnectError } from '../errors/connect-error.ts';
import type { CallOptions } from '../types.ts';
import type { FlowContext } from './context.ts';

/**
 * Ends the session on the server (which clears the refresh cookie) and locally. The local session
 * is cleared whatever the server answers; `session_invalid` counts as success (the session had
 * already ended). Any other failure is rethrown after clearing, because the server-side session
 * (and a browser's refresh cookie) may still be alive: tell the user. A sign-in that completes
 * while the sign-out is in flight is a newer session than the one being ended, and is kept.
 */
export async function signOut(context: FlowContext, options: CallOptions = {}): Promise<void> {
  const signIns = context.session.signIns;
  const clear = async () => {
    if (context.session.signIns === signIns) await context.session.clear();
  };
  const headers = await context.session.credentialHeaders();
  const access = context.session.session?.accessToken;
  if (access) headers.authorization = `Bearer ${access}`;
  try {
    await context.transport.request({ route: 'signOut', headers, signal: options.signal });
  } catch (error) {
    if (!(isConnectError(error) && error.code === 'session_invalid')) {
      await clear();
      throw error;
    }
  }
  await clear();
}
