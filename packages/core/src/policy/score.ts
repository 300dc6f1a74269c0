import type { PasswordScore } from './types.ts';

/** Pool sizes of the character classes the estimate knows. */
const POOL = { lower: 26, upper: 26, digit: 10, symbol: 33, other: 100 } as const;

/**
 * Score thresholds in estimated bits: below 25 → 0, below 40 → 1, below 50 → 2, below 80 → 3,
 * else 4. Calibrated against zxcvbn: a random 10-character password of upper, lower and digits
 * (59.5 bits) scores 3, as zxcvbn scores it (the third threshold was 60, which scored them 2).
 *
 * @example
 * ```ts
 * const [weak] = SCORE_THRESHOLDS; // 25 bits: below it a password scores 0
 * ```
 */
export const SCORE_THRESHOLDS: readonly [number, number, number, number] = [25, 40, 50, 80];

/** The smallest unit `text` is a whole repetition of (`'abab'` → `'ab'`), or `text` itself. */
function repeatedUnit(chars: readonly string[]): readonly string[] {
  const n = chars.length;
  for (let p = 1; p <= n >> 1; p++) {
    if (n % p !== 0) continue;
    let same = true;
    for (let i = p; i < n && same; i++) same = chars[i] === chars[i - p];
    if (same) return chars.slice(0, p);
  }
  return chars;
}

/**
 * Estimated bits of a password, the basis of its score:
 *
 * 1. If the whole password repeats a shorter unit (`abcabc`), only one unit counts.
 * 2. Effective length: each code point counts 1, except one that repeats the previous one or is
 *    next to it in Unicode order (`aa`, `ab`, `21`), which counts 0.
 * 3. Each context word found (email, name, product) counts as one character instead of its length.
 * 4. Pool: the sum of the classes present — a–z 26, A–Z 26, 0–9 10, other ASCII (incl. space) 33,
 *    anything beyond ASCII 100.
 * 5. bits = effective length × log2(pool).
 *
 * @param nfc - the password after NFC
 * @param contextLength - code points to discount for context words found (see `findContextWords`)
 */
export function estimateBits(nfc: string, contextLength = 0): number {
  const chars = repeatedUnit(Array.from(nfc));
  let lower = false;
  let upper = false;
  let digit = false;
  let symbol = false;
  let other = false;
  let length = 0;
  let prev = -2;
  for (const ch of chars) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 97 && cp <= 122) lower = true;
    else if (cp >= 65 && cp <= 90) upper = true;
    else if (cp >= 48 && cp <= 57) digit = true;
    else if (cp >= 32 && cp < 127) symbol = true;
    else other = true;
    if (Math.abs(cp - prev) > 1) length++;
    prev = cp;
  }
  length = Math.max(0, length - contextLength);
  const pool =
    (lower ? POOL.lower : 0) +
    (upper ? POOL.upper : 0) +
    (digit ? POOL.digit : 0) +
    (symbol ? POOL.symbol : 0) +
    (other ? POOL.other : 0);
  return pool > 1 ? length * Math.log2(pool) : 0;
}

/**
 * Maps estimated bits to a score 0–4 with {@link SCORE_THRESHOLDS}.
 */
export function scoreFromBits(bits: number): PasswordScore {
  const [a, b, c, d] = SCORE_THRESHOLDS;
  if (!(bits >= a)) return 0;
  if (bits < b) return 1;
  if (bits < c) return 2;
  if (bits < d) return 3;
  return 4;
}
