/**
 * Text measurements for the policy: NFC, code points, UTF-8 bytes. Internal.
 *
 * @internal
 */

/**
 * Longest accepted password in UTF-8 bytes (after NFC), whatever the policy's `max_length`.
 *
 * @example
 * ```ts
 * evaluatePassword('€'.repeat(342), policy).ok; // false: 1,026 bytes
 * ```
 */
export const MAX_PASSWORD_BYTES = 1024;

/**
 * Inputs longer than this many UTF-16 code units are over {@link MAX_PASSWORD_BYTES} whatever
 * their normalization: NFC merges at most 4 code units into one code point, and every code point
 * takes at least one byte, so more than 4 × 1024 units always means more than 1024 bytes after NFC.
 * Twice that margin keeps the argument safe; such inputs are rejected without being normalized.
 */
export const MAX_RAW_UNITS = 8 * MAX_PASSWORD_BYTES;

/**
 * UTF-8 length of `text`, counting a lone surrogate as the 3 bytes of U+FFFD (what `TextEncoder`
 * writes for it).
 */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** Number of code points of `text`; a lone surrogate counts as one. */
export function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/** A password measured once, shared by every rule. */
export interface MeasuredPassword {
  /** NFC form, or `''` when {@link MeasuredPassword.oversized}. */
  nfc: string;
  /** Lower-cased NFC form (for context and blocklist matching). */
  lower: string;
  /** Code points of the NFC form (0 when oversized). */
  length: number;
  /** Over {@link MAX_PASSWORD_BYTES} after NFC: not normalized further, every other rule skipped. */
  oversized: boolean;
}

/** Normalizes and measures `password` once; never throws, bounded work for huge inputs. */
export function measure(password: string): MeasuredPassword {
  if (password.length > MAX_RAW_UNITS) return { nfc: '', lower: '', length: 0, oversized: true };
  const nfc = password.normalize('NFC');
  if (utf8Length(nfc) > MAX_PASSWORD_BYTES) {
    return { nfc: '', lower: '', length: 0, oversized: true };
  }
  return { nfc, lower: nfc.toLowerCase(), length: codePointLength(nfc), oversized: false };
}
