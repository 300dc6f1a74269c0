/**
 * Email canonicalisation on the server: the same function as the client (core's contract), and
 * the lower-cased lookup key the store indexes.
 */
import { canonicalizeEmail } from '@connect-auth/core/contract';
import { ServiceError } from './errors.ts';

/**
 * Canonical email, or a `validation_failed` problem (the schema already refused such input, so
 * this is a second line).
 */
export function canonicalEmail(input: string): string {
  const email = canonicalizeEmail(input);
  if (email === null)
    throw new ServiceError('validation_failed', {
      issues: [{ path: ['email'], code: 'invalid_email' }],
    });
  return email;
}

/**
 * The store's lookup key: canonical email, lower-cased.
 */
export function emailKeyOf(input: string): string {
  return canonicalEmail(input).toLowerCase();
}
