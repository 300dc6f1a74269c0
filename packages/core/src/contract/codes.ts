/**
 * Error codes the server sends in problem details (`code` member).
 * Stable: a code is never renamed or reused for another meaning.
 */
export const SERVER_ERROR_CODES = [
  'invalid_credentials',
  'token_expired',
  'token_used',
  'token_superseded',
  'token_invalid',
  'code_invalid',
  'weak_password',
  'rate_limited',
  'validation_failed',
  'session_invalid',
  'origin_forbidden',
  'unsupported_media_type',
  'payload_too_large',
  'not_found',
  'method_not_allowed',
  'email_taken',
  'admin_key_invalid',
  'server_error',
] as const;

/** Error codes the client produces itself, for failures that never reached a well-formed answer. */
export const CLIENT_ERROR_CODES = [
  'network_error',
  'timeout',
  'aborted',
  'invalid_response',
  'server_error',
] as const;

/** A code the server may send. */
export type ServerErrorCode = (typeof SERVER_ERROR_CODES)[number];
/** A code the client may produce without a server answer. */
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];
/** Every code this version knows. */
export type KnownErrorCode = ServerErrorCode | ClientErrorCode;
/**
 * An error code: exhaustive for the codes this version knows, open to codes a newer server sends.
 *
 * @example
 * ```ts
 * function message(code: ErrorCode) {
 *   switch (code) {
 *     case 'token_expired': return 'This link has expired.';
 *     default: return 'Something went wrong.';
 *   }
 * }
 * ```
 */
export type ErrorCode = KnownErrorCode | (string & {});

/** The HTTP status the server answers with for each server code. */
export const ERROR_STATUS: Readonly<Record<ServerErrorCode, number>> = {
  invalid_credentials: 401,
  token_expired: 410,
  token_used: 410,
  token_superseded: 410,
  token_invalid: 400,
  code_invalid: 400,
  weak_password: 422,
  rate_limited: 429,
  validation_failed: 400,
  session_invalid: 401,
  origin_forbidden: 403,
  unsupported_media_type: 415,
  payload_too_large: 413,
  not_found: 404,
  method_not_allowed: 405,
  email_taken: 409,
  admin_key_invalid: 401,
  server_error: 500,
};

/** Base of the `type` URI in problem details: `${PROBLEM_TYPE_BASE}${code}`. */
export const PROBLEM_TYPE_BASE = 'https://connect-auth.dev/problems/';

/** The media type of error bodies (RFC 9457). */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
