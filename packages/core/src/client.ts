import {
  changePassword,
  confirmEmailChange,
  requestEmailChange,
  signOutEverywhere,
} from './flows/account.ts';
import { completePasswordReset } from './flows/complete-password-reset.ts';
import type { FlowContext } from './flows/context.ts';
import { createPolicyLoader } from './flows/get-password-policy.ts';
import { refreshSession } from './flows/refresh-session.ts';
import { register } from './flows/register.ts';
import { requestPasswordReset } from './flows/request-password-reset.ts';
import { signIn } from './flows/sign-in.ts';
import { signOut } from './flows/sign-out.ts';
import { verifyEmail } from './flows/verify-email.ts';
import { verifyResetToken } from './flows/verify-reset-token.ts';
import { createSessionManager } from './session/session-manager.ts';
import { createTransport } from './transport/transport.ts';
import type { ConnectClient, ConnectClientOptions } from './types.ts';

/**
 * Creates a Connect client: one object with every flow, sharing one transport (timeouts, retries,
 * typed errors) and one session (in-memory access token, refresh timer, `onSessionChange`).
 * Every method rejects only with a `ConnectError` subclass, or a `TypeError` for misuse; bad
 * options throw a `TypeError` right here.
 *
 * @example
 * ```ts
 * import { createConnectClient, isConnectError } from '@connect-auth/core';
 *
 * const client = createConnectClient({ baseUrl: 'https://connect.example.com' });
 * client.onSessionChange((session) => render(session?.account ?? null));
 * try {
 *   await client.signIn({ email, password });
 * } catch (error) {
 *   if (isConnectError(error)) showError(error.code);
 * }
 * ```
 */
export function createConnectClient(options: ConnectClientOptions): ConnectClient {
  const transport = createTransport(options);
  const session = createSessionManager({
    storage: validateStorage(options.storage),
    refreshBeforeExpiryMs: validateRefreshBefore(options.refreshBeforeExpiryMs),
  });
  const context: FlowContext = { transport, session };
  const getPasswordPolicy = createPolicyLoader(context);
  session.setRefresher(() => refreshSession(context));
  return {
    requestPasswordReset: (input, callOptions) => requestPasswordReset(context, input, callOptions),
    verifyResetToken: (token, callOptions) => verifyResetToken(context, token, callOptions),
    completePasswordReset: (input, callOptions) =>
      completePasswordReset(context, input, callOptions),
    signIn: (input, callOptions) => signIn(context, input, callOptions),
    refreshSession: (callOptions) => refreshSession(context, callOptions),
    signOut: (callOptions) => signOut(context, callOptions),
    register: (input, callOptions) => register(context, input, callOptions),
    verifyEmail: (token, callOptions) => verifyEmail(context, token, callOptions),
    getPasswordPolicy,
    changePassword: (input, callOptions) => changePassword(context, input, callOptions),
    requestEmailChange: (input, callOptions) => requestEmailChange(context, input, callOptions),
    confirmEmailChange: (input, callOptions) => confirmEmailChange(context, input, callOptions),
    signOutEverywhere: (callOptions) => signOutEverywhere(context, callOptions),
    get session() {
      return session.session;
    },
    onSessionChange: (listener) => session.subscribe(listener),
  };
}

function validateStorage(
  storage: ConnectClientOptions['storage'],
): ConnectClientOptions['storage'] {
  if (
    storage !== undefined &&
    (typeof storage !== 'object' ||
      storage === null ||
      typeof storage.load !== 'function' ||
      typeof storage.save !== 'function')
  ) {
    throw new TypeError('createConnectClient: storage must have load() and save() methods.');
  }
  return storage;
}

function validateRefreshBefore(value: number | false | undefined): number | false | undefined {
  if (value === undefined || value === false) return value;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new TypeError(
      'createConnectClient: refreshBeforeExpiryMs must be a number ≥ 0 or false.',
    );
  }
  return value;
}
