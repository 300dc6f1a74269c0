/**
 * Headers on every answer: security headers (SECURITY 10, 22) and CORS for configured origins.
 */

/** What the header policy needs to know. */
export interface HeaderPolicy {
  /** Send HSTS (the public URL is https). */
  hsts: boolean;
  /** Origins allowed to call with credentials. */
  allowedOrigins: ReadonlySet<string>;
}

/**
 * Security headers of every answer (SECURITY 10, 22), HSTS and CORS aside. `cache-control` and
 * `content-security-policy` are defaults a route may override (the dev inbox, the JWKS).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'cross-origin-resource-policy': 'same-site',
};

const OVERRIDABLE = new Set(['cache-control', 'content-security-policy']);

/** Methods and headers a cross-origin caller may use. */
const CORS_METHODS = 'GET, POST, DELETE, OPTIONS';
const CORS_HEADERS = 'content-type, authorization';

/**
 * Add security headers and CORS to a response (mutates a copy-safe response).
 */
export function withHeaders(response: Response, request: Request, policy: HeaderPolicy): Response {
  let res = response;
  // Some responses (e.g. from fetch) have immutable headers; re-wrap those.
  try {
    res.headers.set('x-content-type-options', 'nosniff');
  } catch {
    res = new Response(response.body, response);
    res.headers.set('x-content-type-options', 'nosniff');
  }
  const h = res.headers;
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    if (!(OVERRIDABLE.has(name) && h.has(name))) h.set(name, value);
  }
  if (policy.hsts) h.set('strict-transport-security', 'max-age=63072000; includeSubDomains');
  const origin = request.headers.get('origin');
  h.append('vary', 'Origin');
  if (origin && policy.allowedOrigins.has(origin)) {
    h.set('access-control-allow-origin', origin);
    h.set('access-control-allow-credentials', 'true');
    h.set('access-control-expose-headers', 'Retry-After');
  }
  return res;
}

/**
 * Answer a CORS preflight: 204 with the allowed methods and headers for a configured origin,
 * a bare 204 (no CORS grant) otherwise.
 */
export function preflight(request: Request, policy: HeaderPolicy): Response {
  const res = new Response(null, { status: 204 });
  const origin = request.headers.get('origin');
  if (origin && policy.allowedOrigins.has(origin)) {
    res.headers.set('access-control-allow-methods', CORS_METHODS);
    res.headers.set('access-control-allow-headers', CORS_HEADERS);
    res.headers.set('access-control-max-age', '600');
  }
  return withHeaders(res, request, policy);
}
