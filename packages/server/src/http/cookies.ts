/**
 * The refresh cookie: `__Host-` prefixed (Secure, Path=/, no Domain), HttpOnly, SameSite=Strict.
 */
import { REFRESH_COOKIE } from '@connect-auth/core/contract';

/**
 * Read one cookie from a `Cookie` header.
 */
export function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * `Set-Cookie` value carrying a refresh token (or clearing it when `value` is null).
 */
export function refreshCookie(value: string | null, maxAgeSeconds: number): string {
  const base = `${REFRESH_COOKIE}=${value ?? ''}; Path=/; HttpOnly; Secure; SameSite=Strict`;
  return value === null ? `${base}; Max-Age=0` : `${base}; Max-Age=${maxAgeSeconds}`;
}
