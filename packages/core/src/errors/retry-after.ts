/**
 * Milliseconds to wait according to a `Retry-After` header value: delay seconds (`"120"`) or an
 * HTTP date (`"Wed, 21 Oct 2026 07:28:00 GMT"`). A date in the past gives 0. Returns `undefined`
 * for a missing or unparsable value.
 *
 * @example
 * ```ts
 * parseRetryAfter('2')                                  // 2000
 * parseRetryAfter('Thu, 01 Jan 1970 00:00:10 GMT', 0)   // 10000
 * parseRetryAfter('soon')                               // undefined
 * ```
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) {
    const ms = Number(trimmed) * 1000;
    return Number.isSafeInteger(ms) ? ms : undefined;
  }
  // HTTP dates always name a weekday and end in GMT; Date.parse alone accepts too much.
  if (!/^[A-Za-z]{3},? .*GMT$/.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
