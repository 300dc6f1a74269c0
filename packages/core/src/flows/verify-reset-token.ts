import { checkTokenBody } from '../contract/checks.ts';
import { parseResetTokenInfo } from '../contract/guards.ts';
import type { ResetTokenInfo } from '../contract/messages.ts';
import type { CallOptions } from '../types.ts';
import type { FlowContext } from './context.ts';
import { seedPasswordPolicy } from './get-password-policy.ts';
import { requireString, validateBody } from './validate.ts';

/**
 * Inspects a reset or activation token without consuming it: resolves the account's email (for
 * the password manager's hidden username field), expiry and purpose, or rejects with
 * `TokenExpiredError`, `TokenUsedError`, `TokenSupersededError` or `TokenInvalidError`. A token
 * that is not even well-formed is a `ValidationError` (path `['token']`) without a request.
 * The answer also carries the password policy in force (servers before it omit `policy`); it
 * fills the client's policy cache, so `getPasswordPolicy()` afterwards makes no request.
 */
export async function verifyResetToken(
  context: FlowContext,
  token: string,
  options: CallOptions = {},
): Promise<ResetTokenInfo> {
  const body = validateBody(checkTokenBody, {
    token: requireString(token, 'token', 'verifyResetToken'),
  });
  const { data } = await context.transport.request({
    route: 'verifyResetToken',
    body,
    parse: parseResetTokenInfo,
    signal: options.signal,
  });
  if (data.policy) seedPasswordPolicy(context, data.policy);
  return data;
}
