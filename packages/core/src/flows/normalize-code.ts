/**
 * The emailed one-time code as the server expects it: what a user typed or pasted with spaces,
 * dashes or full-width digits (`"1234 5678"`, `"1234-5678"`, `"１２３４５６７８"`) becomes
 * `"12345678"`. Anything else is returned cleaned but otherwise unchanged, for the contract's
 * check to reject.
 *
 * @example
 * ```ts
 * normalizeResetCode(' 1234-5678 '); // '12345678'
 * ```
 */
export function normalizeResetCode(code: string): string {
  return code.normalize('NFKC').replace(/[\s\u002d\u2010-\u2015\u2212\u00ad]/gu, '');
}
