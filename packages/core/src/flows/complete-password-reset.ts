import { checkCompletePasswordResetBody } from '../contract/checks.ts';
import { parsePasswordResetResult } from '../contract/guards.ts';
import type { PasswordResetResult } from '../contract/messages.ts';
import type { CallOptions } from '../types.ts';
import type { FlowContext } from './context.ts';
import { normalizeResetCode } from './normalize-code.ts';
import { canonicalEmailOrThrow, requireObject, requireString, validateBody } from './validate.ts';

/**
 * Input of `ConnectClient.completePasswordReset`: the link's token, or the email and the emailed code.
 *
 * @example
 * ```ts
 * const input: CompletePasswordResetInput = { email: 'owner@example.com', code: '1234 5678', password };
 * ```
 */
export type CompletePasswordResetInput =
  | { token: string; password: string }
  | { email: string; code: string; password: string };

/**
 * Sets the new password: the only call that consumes a token. Never retried (a lost answer
 * followed by a retry would turn a success into `token_used`). The password is sent exactly as
 * typed (no trimming); a code typed with spaces or dashes is normalised to its 8 digits. When the
 * server signs the user in after a reset, the returned `session` becomes the client's session.
 */
export async function completePasswordReset(
  context: FlowContext,
  input: CompletePasswordResetInput,
  options: CallOptions = {},
): Promise<PasswordResetResult> {
  const flow = 'completePasswordReset';
  const fields = requireObject<{
    token: unknown;
    email: unknown;
    code: unknown;
    password: unknown;
  }>(input, flow);
  const password = requireString(fields.password, 'password', flow);
  const candidate =
    fields.token !== undefined
      ? { token: requireString(fields.token, 'token', flow), password }
      : {
          email: canonicalEmailOrThrow(fields.email, flow),
          code: normalizeResetCode(requireString(fields.code, 'code', flow)),
          password,
        };
  const body = validateBody(checkCompletePasswordResetBody, candidate);
  const result = await context.transport.request({
    route: 'completePasswordReset',
    body,
    parse: parsePasswordResetResult,
    signal: options.signal,
  });
  if (result.data.session) {
    await context.session.accept(result.data.session, result.headers);
  }
  return result.data;
}
