import {
  checkChangePasswordBody,
  checkRequestEmailChangeBody,
  checkTokenBody,
} from '../contract/checks.ts';
import { parseAccepted, parseEmailChanged, parseSession } from '../contract/guards.ts';
import type { Accepted, EmailChanged, Session } from '../contract/messages.ts';
import { SessionInvalidError } from '../errors/session-invalid-error.ts';
import type { CallOptions } from '../types.ts';
import type { FlowContext } from './context.ts';
import { requireObject, requireString, validateBody } from './validate.ts';

/** `Authorization` for the signed-in calls, or `SessionInvalidError` when signed out. */
function bearer(context: FlowContext): Record<string, string> {
  const token = context.session.session?.accessToken;
  if (!token) throw new SessionInvalidError();
  return { authorization: `Bearer ${token}` };
}

/**
 * Changes the signed-in user's password (the current one proves it is them). Every other session
 * ends; this client receives a fresh session (listeners hear it) and stays signed in. Wrong
 * current password: `InvalidCredentialsError`; a new password the policy refuses:
 * `WeakPasswordError` with its rules. Not retried.
 */
export async function changePassword(
  context: FlowContext,
  input: { currentPassword: string; newPassword: string },
  options: CallOptions = {},
): Promise<Session> {
  const fields = requireObject<{ currentPassword: unknown; newPassword: unknown }>(
    input,
    'changePassword',
  );
  const body = validateBody(checkChangePasswordBody, {
    currentPassword: requireString(fields.currentPassword, 'currentPassword', 'changePassword'),
    newPassword: requireString(fields.newPassword, 'newPassword', 'changePassword'),
  });
  const result = await context.transport.request({
    route: 'changePassword',
    body,
    headers: bearer(context),
    parse: parseSession,
    signal: options.signal,
  });
  await context.session.accept(result.data, result.headers);
  return result.data;
}

/**
 * Asks to move the signed-in account to a new email address: a confirmation link goes there, and
 * nothing changes until it is followed (`confirmEmailChange`). Resolves the same whether or not
 * the address is free. Wrong password: `InvalidCredentialsError`. Not retried.
 */
export async function requestEmailChange(
  context: FlowContext,
  input: { newEmail: string; password: string },
  options: CallOptions = {},
): Promise<Accepted> {
  const fields = requireObject<{ newEmail: unknown; password: unknown }>(
    input,
    'requestEmailChange',
  );
  const body = validateBody(checkRequestEmailChangeBody, {
    newEmail: requireString(fields.newEmail, 'newEmail', 'requestEmailChange').trim(),
    password: requireString(fields.password, 'password', 'requestEmailChange'),
  });
  const { data } = await context.transport.request({
    route: 'requestEmailChange',
    body,
    headers: bearer(context),
    parse: parseAccepted,
    signal: options.signal,
  });
  return data;
}

/**
 * Confirms an email change with the token from the link mailed to the new address (read it with
 * `readResetToken`). Needs no session: the link may open in another browser. Consumes the token,
 * so it is not retried; `email_taken` when the address got another account meanwhile.
 */
export async function confirmEmailChange(
  context: FlowContext,
  input: { token: string },
  options: CallOptions = {},
): Promise<EmailChanged> {
  const fields = requireObject<{ token: unknown }>(input, 'confirmEmailChange');
  const body = validateBody(checkTokenBody, {
    token: requireString(fields.token, 'token', 'confirmEmailChange'),
  });
  const { data } = await context.transport.request({
    route: 'confirmEmailChange',
    body,
    parse: parseEmailChanged,
    signal: options.signal,
  });
  return data;
}

/**
 * Signs the user out on every device: every session of the account ends on the server, this one
 * included, and the local session is cleared (listeners hear `null`) whatever the answer. Rejects
 * when the server could not confirm it (tell the user).
 */
export async function signOutEverywhere(
  context: FlowContext,
  options: CallOptions = {},
): Promise<void> {
  try {
    await context.transport.request({
      route: 'signOutEverywhere',
      headers: bearer(context),
      signal: options.signal,
    });
  } finally {
    await context.session.clear();
  }
}
