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
 * | `changePassword` | no | verifies the current password (throttled) and ends the other sessions |
 * | `requestEmailChange` | no | each call mails a new link that supersedes the previous one |
 * | `confirmEmailChange` | no | consumes the token |
 * | `signOutEverywhere` (DELETE) | no | a lost answer + retry would report `session_invalid` (the first call ended this session too) |
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
  changePassword: false,
  requestEmailChange: false,
  confirmEmailChange: false,
  signOutEverywhere: false,
};
