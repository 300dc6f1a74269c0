import * as z from 'zod/mini';
import { canonicalizeEmail, MAX_EMAIL_LENGTH } from './canonical-email.ts';

export { canonicalizeEmail, isWellFormedText, MAX_EMAIL_LENGTH } from './canonical-email.ts';

/** One email address: a string, at most {@link MAX_EMAIL_LENGTH} characters, canonicalisable. */
export const Email = z.string().check(
  z.minLength(3),
  z.maxLength(MAX_EMAIL_LENGTH * 4),
  z.refine((value) => canonicalizeEmail(value) !== null, { message: 'invalid_email' }),
);
