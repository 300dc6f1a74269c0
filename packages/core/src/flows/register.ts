import { checkRegisterBody } from '../contract/checks.ts';
import { parseAccepted } from '../contract/guards.ts';
import type { Accepted } from '../contract/messages.ts';
import type { CallOptions } from '../types.ts';
import type { FlowContext } from './context.ts';
import { canonicalEmailOrThrow, requireObject, requireString, validateBody } from './validate.ts';

/**
 * Registers an account. Resolves `{ status: 'accepted' }` for new and existing emails alike (an
 * existing owner gets a "you already have an account" email); the new owner confirms with
 * `verifyEmail`. `locale` (a language tag such as `fr` or `en-GB`) chooses the language of the
 * account's mails; `<connect-register>` sends the page's. Not retried (a retry could send a second email).
 */
export async function register(
  context: FlowContext,
  input: { email: string; password: string; name?: string; locale?: string },
  options: CallOptions = {},
): Promise<Accepted> {
  const fields = requireObject<{
    email: unknown;
    password: unknown;
    name: unknown;
    locale: unknown;
  }>(input, 'register');
  const candidate: { email: string; password: string; name?: string; locale?: string } = {
    email: canonicalEmailOrThrow(fields.email, 'register'),
    password: requireString(fields.password, 'password', 'register'),
  };
  if (fields.name !== undefined) candidate.name = requireString(fields.name, 'name', 'register');
  if (fields.locale !== undefined) {
    candidate.locale = requireString(fields.locale, 'locale', 'register');
  }
  const body = validateBody(checkRegisterBody, candidate);
  const { data } = await context.transport.request({
    route: 'register',
    body,
    parse: parseAccepted,
    signal: options.signal,
  });
  return data;
}
