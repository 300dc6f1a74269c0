import { checkRequestPasswordResetBody } from '../contract/checks.ts';
import { parseAccepted } from '../contract/guards.ts';
import type { Accepted } from '../contract/messages.ts';
import type { CallOptions } from '../types.ts';
import type { FlowContext } from './context.ts';
import { canonicalEmailOrThrow, requireObject, validateBody } from './validate.ts';

/**
 * Asks for a reset (or activation) email. Resolves `{ status: 'accepted' }` whether or not the
 * account exists. The email is canonicalised first; an unusable one is a `ValidationError` and no
 * request is sent. Retried on network failure, 503 and 429 (the server de-duplicates).
 */
export async function requestPasswordReset(
  context: FlowContext,
  input: { email: string },
  options: CallOptions = {},
): Promise<Accepted> {
  const { email } = requireObject<{ email: unknown }>(input, 'requestPasswordReset');
  const body = validateBody(checkRequestPasswordResetBody, {
    email: canonicalEmailOrThrow(email, 'requestPasswordReset'),
  });
  const { data } = await context.transport.request({
    route: 'requestPasswordReset',
    body,
    parse: parseAccepted,
    signal: options.signal,
  });
  return data;
}
