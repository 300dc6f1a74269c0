/**
 * Checking a new password with the same policy module the client shows (SECURITY 13–15): the
 * policy's own length limits (≤ 128 code points, ≤ 1 KiB) are enforced here, before any hashing.
 */
import {
  DEFAULT_MAX_LENGTH,
  evaluatePassword,
  MAX_PASSWORD_BYTES,
} from '@connect-auth/core/policy';
import type { ServiceDeps } from './deps.ts';
import { ServiceError } from './errors.ts';

/**
 * Reject with `weak_password` with per-rule results unless `password` meets the policy for this account.
 */
export async function assertStrongPassword(
  deps: Pick<ServiceDeps, 'policy' | 'blocklist'>,
  password: string,
  context: { email: string; name?: string | null },
): Promise<void> {
  const verdict = evaluatePassword(password, deps.policy, {
    email: context.email,
    name: context.name ?? undefined,
    // A check that comes before the list is built waits for it: never a verdict on less.
    blocklist: await deps.blocklist(),
  });
  if (!verdict.ok) throw new ServiceError('weak_password', { rules: verdict.rules });
}

/**
 * The form in which passwords are hashed: NFC, nothing trimmed.
 */
export function normalizePassword(password: string): string {
  return password.normalize('NFC');
}

/**
 * Longest password in code points and UTF-8 bytes, whatever the policy (SECURITY 14): core's
 * limits, the ones every preset has.
 */
export const PASSWORD_LIMITS = {
  codePoints: DEFAULT_MAX_LENGTH,
  bytes: MAX_PASSWORD_BYTES,
} as const;

/**
 * Whether an (NFC) password is within the absolute limits; checked before any hashing.
 */
export function fitsPasswordLimits(password: string): boolean {
  if (password.length > PASSWORD_LIMITS.bytes * 4) return false;
  if (Buffer.byteLength(password, 'utf8') > PASSWORD_LIMITS.bytes) return false;
  let count = 0;
  for (const _ of password) if (++count > PASSWORD_LIMITS.codePoints) return false;
  return true;
}
