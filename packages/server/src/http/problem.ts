/**
 * RFC 9457 problem details with Connect's extension members, and the typed error that services
 * throw to produce one.
 */
import {
  ERROR_STATUS,
  type FieldIssue,
  PROBLEM_CONTENT_TYPE,
  PROBLEM_TYPE_BASE,
  type RuleResult,
  type ServerErrorCode,
} from '@connect-auth/core/contract';

/** Extension members a problem may carry. */
export interface ProblemExtras {
  detail?: string;
  issues?: FieldIssue[];
  rules?: RuleResult[];
  retryAfterMs?: number;
}

const TITLES: Record<ServerErrorCode, string> = {
  invalid_credentials: 'Email or password is incorrect',
  token_expired: 'This link has expired',
  token_used: 'This link has already been used',
  token_superseded: 'A newer link has been sent',
  token_invalid: 'This link is not valid',
  code_invalid: 'This code is not valid',
  weak_password: 'The password does not meet the policy',
  rate_limited: 'Too many requests',
  validation_failed: 'The request is not valid',
  session_invalid: 'The session is not valid',
  origin_forbidden: 'This origin is not allowed',
  unsupported_media_type: 'Only application/json is accepted',
  payload_too_large: 'The request body is too large',
  not_found: 'Not found',
  method_not_allowed: 'Method not allowed',
  server_error: 'Internal server error',
};

/**
 * A failure with a stable code: services throw it, the app turns it into a problem response.
 *
 * @example
 * ```ts
 * throw new ProblemError('token_expired');
 * throw new ProblemError('rate_limited', { retryAfterMs: 30_000 });
 * ```
 */
export class ProblemError extends Error {
  readonly code: ServerErrorCode;
  readonly extras: ProblemExtras;
  readonly headers: Record<string, string>;
  constructor(
    code: ServerErrorCode,
    extras: ProblemExtras = {},
    headers: Record<string, string> = {},
  ) {
    super(code);
    this.name = 'ProblemError';
    this.code = code;
    this.extras = extras;
    this.headers = headers;
  }
}

/**
 * Build a problem+json response. `rate_limited` gets a `Retry-After` header (whole seconds,
 * rounded up) matching `retryAfterMs`. `status` defaults to the code's; only the Node adapter
 * overrides it, for statuses Node's own parser decides (431, 408).
 *
 * @example
 * ```ts
 * problemResponse('not_found'); // 404 {"type":"https://connect-auth.dev/problems/not_found",…}
 * ```
 */
export function problemResponse(
  code: ServerErrorCode,
  extras: ProblemExtras = {},
  headers: Record<string, string> = {},
  status: number = ERROR_STATUS[code],
): Response {
  const body = {
    type: `${PROBLEM_TYPE_BASE}${code}`,
    title: TITLES[code],
    status,
    code,
    ...extras,
  };
  const out = new Headers(headers);
  out.set('content-type', PROBLEM_CONTENT_TYPE);
  if (extras.retryAfterMs !== undefined)
    out.set('retry-after', String(Math.max(1, Math.ceil(extras.retryAfterMs / 1000))));
  return new Response(JSON.stringify(body), { status, headers: out });
}

/**
 * A JSON success response.
 *
 * @example
 * ```ts
 * jsonResponse({ status: 'accepted' }, 202);
 * ```
 */
export function jsonResponse(body: unknown, status = 200, headers: HeadersInit = {}): Response {
  const out = new Headers(headers);
  out.set('content-type', 'application/json; charset=utf-8');
  return new Response(JSON.stringify(body), { status, headers: out });
}
