/**
 * The parts of a location {@link readResetToken} reads.
 *
 * @example
 * ```ts
 * readResetToken({ search: '?lang=fr', hash: '#token=abc' }); // 'abc'
 * ```
 */
export interface LocationLike {
  href?: string;
  search: string;
  hash: string;
}

/**
 * The token from a reset, activation or email-verification link: `token` in the URL fragment
 * (`#token=…`, where servers, logs and scanners never see it) first, then in the query
 * (`?token=…`, for older links). Returns `null` when there is none.
 *
 * Called without an argument in a browser, it reads `window.location` and then scrubs the token
 * from the address bar with `history.replaceState`, keeping every other query parameter and
 * fragment part, so it does not linger in history, bookmarks or screenshots. Given a location
 * (or a URL string) it only reads.
 *
 * @example
 * ```ts
 * // On https://portal.example.com/reset#token=abc…
 * const token = readResetToken(); // 'abc…'; the address bar now shows /reset
 * readResetToken('https://x.test/verify?token=abc&lang=fr'); // 'abc'
 * ```
 */
export function readResetToken(location?: LocationLike | URL | string): string | null {
  const live = location === undefined ? liveLocation() : undefined;
  const source = location ?? live;
  if (source === undefined) return null;
  const url =
    typeof source === 'string' ? new URL(source, 'http://localhost') : (source as LocationLike);
  const fragment = new URLSearchParams(url.hash.replace(/^#/, ''));
  const query = new URLSearchParams(url.search);
  const token = fragment.get('token') || query.get('token') || null;
  if (token !== null && live !== undefined) scrub(live);
  return token;
}

function liveLocation(): Location | undefined {
  return typeof window === 'undefined' || typeof window.location === 'undefined'
    ? undefined
    : window.location;
}

function scrub(location: Location): void {
  const url = new URL(location.href);
  url.searchParams.delete('token');
  const fragment = new URLSearchParams(url.hash.replace(/^#/, ''));
  fragment.delete('token');
  const rest = fragment.toString();
  url.hash = rest === '' ? '' : `#${rest}`;
  const next = `${url.pathname}${url.search}${url.hash}`;
  try {
    window.history.replaceState(window.history.state, '', next);
  } catch {
    // Sandboxed frames may forbid it; the token is still returned.
  }
}
