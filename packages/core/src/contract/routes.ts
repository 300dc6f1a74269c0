/**
 * Every call of the contract: method and path, relative to the server's base URL.
 * Successful answers: `202` for `Accepted` calls, `204` for sign-out, `200` otherwise.
 * `changePassword`, `requestEmailChange` and `signOutEverywhere` need the access token
 * (`Authorization: Bearer …`).
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
  changePassword: { method: 'POST', path: '/v1/account/password', status: 200 },
  requestEmailChange: { method: 'POST', path: '/v1/account/email-changes', status: 202 },
  confirmEmailChange: { method: 'POST', path: '/v1/account/email-changes/confirm', status: 200 },
  signOutEverywhere: { method: 'DELETE', path: '/v1/sessions', status: 204 },
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

/**
 * The admin API (Customer Services console, back office): every call needs an admin API key
 * (`Authorization: Bearer cak_…`, made with `connect-auth-server admin-keys create`) and is
 * written to the audit log. Calls about one account take its email in the body, never in the URL
 * (URLs end up in logs). Not used by the browser client.
 */
export const ADMIN_ROUTES = {
  stats: { method: 'GET', path: '/v1/admin/stats', status: 200 },
  listAccounts: { method: 'GET', path: '/v1/admin/accounts', status: 200 },
  findAccount: { method: 'POST', path: '/v1/admin/accounts/find', status: 200 },
  invite: { method: 'POST', path: '/v1/admin/invitations', status: 200 },
  sendActivation: { method: 'POST', path: '/v1/admin/accounts/send-activation', status: 200 },
  disable: { method: 'POST', path: '/v1/admin/accounts/disable', status: 200 },
  enable: { method: 'POST', path: '/v1/admin/accounts/enable', status: 200 },
  signOut: { method: 'POST', path: '/v1/admin/accounts/sign-out', status: 200 },
  changeEmail: { method: 'POST', path: '/v1/admin/accounts/change-email', status: 200 },
  history: { method: 'POST', path: '/v1/admin/accounts/history', status: 200 },
  audit: { method: 'GET', path: '/v1/admin/audit', status: 200 },
} as const;

/** Name of an admin API call. */
export type AdminRouteName = keyof typeof ADMIN_ROUTES;
