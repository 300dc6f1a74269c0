import { checkTokenBody } from '../contract/checks.ts';
import { parseEmailVerified } from '../contract/guards.ts';
import type { EmailVerified } from '../contract/messages.ts';
import type { CallOptions } from '../types.ts';
import type { FlowContext } from './context.ts';
import { requireString, validateBody } from './validate.ts';

/**
 * Confirms a registration with the token from the email's link (read it with `readResetToken`,
 * which also scrubs it from the address bar). Consumes the token, so it is not retried.
 */
export async function verifyEmail(
  context: FlowContext,
  token: string,
  options: CallOptions = {},
): Promise<EmailVerified> {
  const body = validateBody(checkTokenBody, {
    token: requireString(token, 'token', 'verifyEmail'),
  });
  const { data } = await context.transport.request({
    route: 'verifyEmail',
    body,
    parse: parseEmailVerified,
    signal: options.signal,
  });
  return data;
}
