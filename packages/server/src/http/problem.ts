/**
 * RFC 9457 problem details with Connect's extension members: the one place where a
 * {@link ServiceError} becomes a response, and the HTTP layer's own problems (which may carry
 * response headers).
 */
import {
  ERROR_STATUS,
  PROBLEM_CONTENT_TYPE,
  PROBLEM_TYPE_BASE,
  type ServerErrorCode,
} from '@connect-auth/core/contract';
import { matchLanguage, wordsFor } from '../i18n/index.ts';
import { ServiceError, type ServiceErrorExtras } from '../services/errors.ts';
import { FinishedResponse } from './finished-response.ts';

/** Extension members a problem may carry. */
export type ProblemExtras = ServiceErrorExtras;

/**
 * A problem the HTTP layer raises itself (unknown path, wrong method, body too large, origin
 * refused, admin key missing): a {@link ServiceError} that may also set response headers
 * (`Allow`, `WWW-Authenticate`).
 */
export class ProblemError extends ServiceError {
  readonly headers: Record<string, string>;
  constructor(
    code: ServerErrorCode,
    extras: ProblemExtras = {},
    headers: Record<string, string> = {},
  ) {
    super(code, extras);
    this.headers = headers;
  }
}

/**
 * The problem+json answer to a {@link ServiceError} (the HTTP layer's own, with their headers),
 * in `language`.
 */
export function errorResponse(error: ServiceError, language = 'en'): Response {
  const headers = error instanceof ProblemError ? error.headers : {};
  return problemResponse(error.code, error.extras, headers, language);
}

/**
 * Build a problem+json response, its `title` and `detail` in `language` (a server language, see
 * `i18n/`; `Content-Language` says which, and `Vary: Accept-Language` tells caches it depends on
 * the request). The `code` and `type` never change with the language. `rate_limited` gets a
 * `Retry-After` header (whole seconds, rounded up) matching `retryAfterMs`. `status` defaults to
 * the code's; only the Node adapter overrides it, for statuses Node's own parser decides (431, 408).
 */
export function problemResponse(
  code: ServerErrorCode,
  extras: ProblemExtras = {},
  headers: Record<string, string> = {},
  language = 'en',
  status: number = ERROR_STATUS[code],
): Response {
  const words = wordsFor(language);
  const body = {
    type: `${PROBLEM_TYPE_BASE}${code}`,
    title: words[`problem.${code}.title`],
    status,
    detail: words[`problem.${code}.detail`],
    code,
    ...extras,
  };
  const out = new Headers(headers);
  out.set('content-type', PROBLEM_CONTENT_TYPE);
  out.set('content-language', matchLanguage(language) ?? 'en');
  out.append('vary', 'Accept-Language');
  if (extras.retryAfterMs !== undefined)
    out.set('retry-after', String(Math.max(1, Math.ceil(extras.retryAfterMs / 1000))));
  return new FinishedResponse(JSON.stringify(body), { status, headers: out });
}

/**
 * A JSON success response.
 */
export function jsonResponse(body: unknown, status = 200, headers: HeadersInit = {}): Response {
  const out = new Headers(headers);
  out.set('content-type', 'application/json; charset=utf-8');
  return new FinishedResponse(JSON.stringify(body), { status, headers: out });
}
