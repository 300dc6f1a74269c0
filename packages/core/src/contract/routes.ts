/**
 * Every call of the contract: method and path, relative to the server's base URL.
 * Successful answers: `202` for `Accepted` calls, `204` for sign-out, `200` otherwise.
 */
export const ROUTES = {
  requestPasswordReset: { method: 'POST', path: '/v1/password-resets', status: 202 },
  verifyResetToken: { method: 'POST', path: '/v1/password-resets/verify', status: 200 },
  completePasswordReset: { method: 'POST', path: '/v1/password-resets/complete', status: 200 },
  signIn: { method: 'POST', path: '/v1/sessions', status: 200 },
  refreshSession: { method: 'POST', path: '/v1/sessions/refresh', status: 200 },
  signOut: { method: 'DELETE', path: '/v1/sessions/current', status: 204 },
  register: { method: 'POST', path: '/v1/accounts', status: 202 },
  verifyEmail: { method: 'POST', path: '/v1/accounts/verify-email', status: 200 },
  passwordPolicy: { method: 'GET', path: '/v1/password-policy', status: 200 },
  jwks: { method: 'GET', path: '/.well-known/jwks.json', status: 200 },
} as const;

/** Name of a contract call. */
export type RouteName = keyof typeof ROUTES;

/** Largest request body the server reads, in bytes (larger bodies get `413 payload_too_large`). */
export const MAX_REQUEST_BODY_BYTES = 16 * 1024;

/** Largest response body the client reads, in bytes (larger answers are `invalid_response`). */
export const MAX_RESPONSE_BODY_BYTES = 256 * 1024;

/** The `typ` header of access tokens (RFC 9068). */
export const ACCESS_TOKEN_TYPE = 'at+jwt';
