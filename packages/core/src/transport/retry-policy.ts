import type { RouteName } from '../contract/routes.ts';

/**
 * Which calls the transport may retry (on a network failure, a 503 or a 429), and why. A call is
 * retried only when sending it twice cannot do harm the user did not ask for.
 *
 * | call | retried | reason |
 * | --- | --- | --- |
 * | `passwordPolicy` (GET) | yes | safe: reads only |
 * | `verifyResetToken` | yes | reads only: verifying never consumes the token |
 * | `requestPasswordReset` | yes | the server de-duplicates (one mail per cooldown) and answers the same `accepted` |
 * | `signOut` (DELETE) | yes | idempotent: ending an ended session changes nothing |
 * | `completePasswordReset` | **never** | consumes the token; a lost answer + retry would report `token_used` for a success |
 * | `signIn` | no | every attempt counts toward the account's throttle |
 * | `refreshSession` | no | rotates the refresh token; replaying the old one revokes the whole family |
 * | `register` | no | may send a second "you already have an account" email |
 * | `verifyEmail` | no | consumes the verification token |
 * | `jwks` | no | not called by the client (jose fetches it on the server side) |
 *
 * @example
 * ```ts
 * RETRYABLE_ROUTES.completePasswordReset; // false
 * ```
 */
export const RETRYABLE_ROUTES: Readonly<Record<RouteName, boolean>> = {
  passwordPolicy: true,
  verifyResetToken: true,
  requestPasswordReset: true,
  signOut: true,
  completePasswordReset: false,
  signIn: false,
  refreshSession: false,
  register: false,
  verifyEmail: false,
  jwks: false,
};
