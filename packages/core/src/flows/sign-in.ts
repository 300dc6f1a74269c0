import { checkSignInBody } from '../contract/checks.ts';
import { parseSession } from '../contract/guards.ts';
import type { Session } from '../contract/messages.ts';
import type { CallOptions } from '../types.ts';
import type { FlowContext } from './context.ts';
import { canonicalEmailOrThrow, requireObject, requireString, validateBody } from './validate.ts';

/**
 * Signs in with email and password; the session becomes the client's session (listeners hear it
 * once, the refresh timer starts). Wrong password, unknown email and an account awaiting
 * activation all reject with the same `InvalidCredentialsError`. Never retried: every attempt
 * counts toward the account's throttle.
 */
export async function signIn(
  context: FlowContext,
  input: { email: string; password: string },
  options: CallOptions = {},
): Promise<Session> {
  const fields = requireObject<{ email: unknown; password: unknown }>(input, 'signIn');
  const body = validateBody(checkSignInBody, {
    email: canonicalEmailOrThrow(fields.email, 'signIn'),
    password: requireString(fields.password, 'password', 'signIn'),
  });
  const result = await context.transport.request({
    route: 'signIn',
    body,
    parse: parseSession,
    signal: options.signal,
  });
  // The user's explicit sign-in always wins over a background refresh still in flight.
  await context.session.accept(result.data, result.headers);
  return result.data;
}
