import { REFRESH_COOKIE } from '../contract/constants.ts';

// RFC 6265 cookie-octet: what a cookie value may hold without quoting.
const COOKIE_VALUE = /^[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]{1,4096}$/;

/**
 * What an answer's `Set-Cookie` headers say about the refresh cookie: the new token, `null` when
 * the server deletes it (empty value, `Max-Age=0` or an `Expires` in the past), or `undefined`
 * when the answer does not mention it. Browsers never expose `Set-Cookie` to script, so there
 * this always answers `undefined` and the HttpOnly cookie does the work.
 */
export function readRefreshCookie(
  headers: Headers,
  now: number = Date.now(),
): string | null | undefined {
  const lines = typeof headers.getSetCookie === 'function' ? headers.getSetCookie() : [];
  let result: string | null | undefined;
  for (const line of lines) {
    const [pair = '', ...attributes] = line.split(';');
    const eq = pair.indexOf('=');
    if (eq < 0 || pair.slice(0, eq).trim() !== REFRESH_COOKIE) continue;
    const value = pair.slice(eq + 1).trim();
    result = value === '' || expired(attributes, now) || !COOKIE_VALUE.test(value) ? null : value;
  }
  return result;
}

function expired(attributes: string[], now: number): boolean {
  for (const attribute of attributes) {
    const [name = '', value = ''] = attribute.split('=', 2).map((part) => part.trim());
    const key = name.toLowerCase();
    if (key === 'max-age' && Number(value) <= 0) return true;
    if (key === 'expires' && Date.parse(value) <= now) return true;
  }
  return false;
}

/**
 * The `Cookie` header value that sends `token` back as the refresh cookie, or `undefined` when the
 * token is not a valid cookie value (a corrupt stored value is never sent).
 */
export function refreshCookieHeader(token: string): string | undefined {
  return COOKIE_VALUE.test(token) ? `${REFRESH_COOKIE}=${token}` : undefined;
}
