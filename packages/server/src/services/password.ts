/**
 * Checking a new password with the same policy module the client shows (SECURITY 13–15): the
 * policy's own length limits (≤ 128 code points, ≤ 1 KiB) are enforced here, before any hashing.
 */
import { evaluatePassword } from '@connect-auth/core/policy';
import { ProblemError } from '../http/problem.ts';
import type { ServiceDeps } from './deps.ts';

/**
 * Throw `weak_password` with per-rule results unless `password` meets the policy for this account.
 *
 * @example
 * ```ts
 * assertStrongPassword(deps, password, { email: account.email, name: account.name });
 * ```
 */
export function assertStrongPassword(
  deps: Pick<ServiceDeps, 'policy' | 'blocklist'>,
  password: string,
  context: { email: string; name?: string | null },
): void {
  const verdict = evaluatePassword(password, deps.policy, {
    email: context.email,
    name: context.name ?? undefined,
    blocklist: deps.blocklist,
  });
  if (!verdict.ok) throw new ProblemError('weak_password', { rules: verdict.rules });
}

/** The form in which passwords are hashed: NFC, nothing trimmed. */
export function normalizePassword(password: string): string {
  return password.normalize('NFC');
}
