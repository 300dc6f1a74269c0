/**
 * Email canonicalisation without any dependency: the client bundles this module, while the zod
 * `Email` schema built on it (`email.ts`) stays with the server and the contract subpath.
 */

/** Longest email address accepted, in UTF-16 code units after canonicalisation (RFC 5321 path limit). */
export const MAX_EMAIL_LENGTH = 254;

// C0 and C1 controls, DEL, and the Unicode line/paragraph separators.
// biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;

/**
 * Whether `text` is well-formed UTF-16: no lone surrogate, which would otherwise be replaced by
 * U+FFFD somewhere between here and the database, so that different inputs become one account,
 * key or password.
 *
 * @example
 * ```ts
 * isWellFormedText('Anne-🔑'); // true
 * isWellFormedText('x\ud800'); // false
 * ```
 */
export function isWellFormedText(text: string): boolean {
  // In a `u` regex a surrogate pair is one code point; only a lone surrogate is in \p{Cs}.
  return !/\p{Cs}/u.test(text);
}

/**
 * Canonical form of an email address, identical on client and server: trimmed, NFC-normalised,
 * domain lower-cased and converted to ASCII (IDNA). The local part keeps its case (RFC 5321).
 * Idempotent: `canonicalizeEmail(canonicalizeEmail(x)) === canonicalizeEmail(x)`.
 *
 * Returns `null` for anything that is not a plausible single address: control characters
 * (CR, LF, NUL, …), lone surrogates, more than {@link MAX_EMAIL_LENGTH} characters, no `@`, an
 * empty part, whitespace inside, or a domain that is not a DNS name: IP address literals and
 * numeric hosts that URL parsers turn into one (`a@2130706433`, `a@0x7f.1` are `127.0.0.1`) are
 * refused.
 *
 * @example
 * ```ts
 * canonicalizeEmail('  Owner@Example.COM ') // 'Owner@example.com'
 * canonicalizeEmail('a@bücher.de')          // 'a@xn--bcher-kva.de'
 * canonicalizeEmail('a@b.c\r\nBcc: x@y.z')  // null
 * canonicalizeEmail('a@2130706433')         // null (127.0.0.1)
 * ```
 */
export function canonicalizeEmail(input: string): string | null {
  if (typeof input !== 'string' || input.length > MAX_EMAIL_LENGTH * 4) return null;
  if (!isWellFormedText(input)) return null;
  const trimmed = input.trim().normalize('NFC');
  if (CONTROL.test(trimmed) || /\s/u.test(trimmed)) return null;
  const at = trimmed.lastIndexOf('@');
  if (at <= 0 || at === trimmed.length - 1) return null;
  const local = trimmed.slice(0, at);
  const domainInput = trimmed.slice(at + 1);
  if (local.length > 64 || local.includes('@') || /[<>()[\]\\,;:"]/u.test(local)) return null;
  if (/[/?#@:[\]\\%]/u.test(domainInput)) return null;
  let domain: string;
  try {
    domain = new URL(`http://${domainInput}`).hostname;
  } catch {
    return null;
  }
  if (
    !domain.includes('.') ||
    domain.startsWith('.') ||
    domain.endsWith('.') ||
    domain.includes('..')
  ) {
    return null;
  }
  if (!/^[a-z0-9.-]+$/u.test(domain)) return null;
  // A DNS name never ends in a numeric label: one that does is an IPv4 address (the URL parser
  // turned decimal, octal and hex forms into dotted quads), never a mailbox's domain.
  if (/\.\d+$/u.test(domain)) return null;
  const email = `${local}@${domain}`;
  return email.length > MAX_EMAIL_LENGTH ? null : email;
}
