/**
 * The purposes of one-time tokens and their supersede families, defined once: the store applies
 * them inside its transactions and the services pass them when they issue and inspect tokens.
 */
import type { TokenPurpose } from './types.ts';

/**
 * The set-password family: a reset link and an activation link open the same page and both set
 * the password, so a newer one of either supersedes the live ones of both (SECURITY 8), a
 * completed one supersedes its siblings, and a password change supersedes them all.
 */
export const PASSWORD_PURPOSES: readonly TokenPurpose[] = ['reset', 'activation'];

/** The email-verification family: only a newer verification supersedes a verification. */
export const VERIFY_PURPOSES: readonly TokenPurpose[] = ['verify_email'];

/** The family of each purpose: issuing a token supersedes the live tokens of its family. */
export const SUPERSEDES: Readonly<Record<TokenPurpose, readonly TokenPurpose[]>> = {
  reset: PASSWORD_PURPOSES,
  activation: PASSWORD_PURPOSES,
  verify_email: VERIFY_PURPOSES,
};
