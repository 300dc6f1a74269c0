/**
 * Cross-site request protection for cookie-authenticated state changes (SECURITY 22): the refresh
 * cookie is SameSite=Strict already; in addition a browser's `Origin` must be an allowed origin.
 * Requests without `Origin` (non-browser clients, which carry no ambient cookies of a victim) are
 * accepted unless `Sec-Fetch-Site` says the request is cross-site.
 */
import { ProblemError } from '../http/problem.ts';

/**
 * Throw `origin_forbidden` unless the request may change cookie state.
 */
export function assertAllowedOrigin(request: Request, allowed: ReadonlySet<string>): void {
  const origin = request.headers.get('origin');
  if (origin !== null) {
    if (!allowed.has(origin)) throw new ProblemError('origin_forbidden');
    return;
  }
  if (request.headers.get('sec-fetch-site') === 'cross-site')
    throw new ProblemError('origin_forbidden');
}

/**
 * The client IP: the socket's address, or with `trustProxy` the right-most `X-Forwarded-For`
 * entry (the one your own proxy appended; entries further left are client-controlled).
 */
export function clientIp(
  request: Request,
  socketIp: string | undefined,
  trustProxy: boolean,
): string {
  if (trustProxy) {
    const forwarded = request.headers.get('x-forwarded-for');
    const last = forwarded?.split(',').at(-1)?.trim();
    if (last && last.length <= 45 && /^[0-9A-Fa-f:.]+$/.test(last)) return last;
  }
  return socketIp || 'unknown';
}
