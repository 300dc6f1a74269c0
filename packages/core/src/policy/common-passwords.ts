import type { CommonPasswords } from './types.ts';

/**
 * Builds a {@link CommonPasswords} set from front-coded text: entries sorted, one per line, each
 * starting with one digit `0`–`9` telling how many leading characters it shares with the previous
 * entry. Entries are NFC and lower case.
 *
 * @example
 * ```ts
 * const list = decodeCommonPasswords('0password\n8123'); // 'password', 'password123'
 * list.has('Password123'); // true
 * ```
 */
export function decodeCommonPasswords(encoded: string): CommonPasswords {
  const set = new Set<string>();
  let prev = '';
  for (const line of encoded.split('\n')) {
    if (line === '') continue;
    const shared = line.charCodeAt(0) - 48;
    const entry = prev.slice(0, shared) + line.slice(1);
    set.add(entry);
    prev = entry;
  }
  return fromSet(set);
}

function fromSet(set: ReadonlySet<string>): CommonPasswords {
  return {
    size: set.size,
    has(candidate: string): boolean {
      if (typeof candidate !== 'string' || candidate.length > 256) return false;
      return set.has(candidate.normalize('NFC').toLowerCase());
    },
  };
}

/**
 * A {@link CommonPasswords} set from plain entries (normalized on the way in), for tests and for
 * servers that bring their own list.
 *
 * @example
 * ```ts
 * const list = createCommonPasswords(['correcthorse', 'letmein123']);
 * evaluatePassword('LetMeIn123', connectPolicy, { blocklist: list }).ok; // false
 * ```
 */
export function createCommonPasswords(entries: Iterable<string>): CommonPasswords {
  const set = new Set<string>();
  for (const entry of entries) set.add(entry.normalize('NFC').toLowerCase());
  return fromSet(set);
}

const LETTER = /\p{L}/u;

/** Shortest base `commonPasswordBase` returns, in code points. */
export const MIN_BASE_LENGTH = 6;

/**
 * The "base" of a lower-case password: what is left once leading and trailing digits, symbols
 * and spaces are stripped (`'!summer2024'` → `'summer'`), or `undefined` when that changes nothing
 * or leaves fewer than {@link MIN_BASE_LENGTH} code points. This is how people make a common
 * password pass composition rules, and the first thing password crackers try. Linear time.
 */
export function commonPasswordBase(lower: string): string | undefined {
  const chars = Array.from(lower);
  let start = 0;
  let end = chars.length;
  while (start < end && !LETTER.test(chars[start] as string)) start++;
  while (end > start && !LETTER.test(chars[end - 1] as string)) end--;
  if (end - start < MIN_BASE_LENGTH || end - start === chars.length) return undefined;
  return chars.slice(start, end).join('');
}

/**
 * Whether a password is common: `'exact'` when the list has it (any case), `'base'` when the list
 * has its `commonPasswordBase` (`Sunshine2024!` → `sunshine`), else `undefined`.
 *
 * @example
 * ```ts
 * isCommonPassword(createCommonPasswords(['sunshine']), 'Sunshine2024!'); // 'base'
 * ```
 */
export function isCommonPassword(
  list: CommonPasswords,
  password: string,
): 'exact' | 'base' | undefined {
  if (list.has(password)) return 'exact';
  const base = commonPasswordBase(password.normalize('NFC').toLowerCase());
  return base !== undefined && list.has(base) ? 'base' : undefined;
}

let cached: Promise<CommonPasswords> | undefined;

/**
 * Loads the built-in list of common passwords, a separate chunk (bundlers split it off the main
 * entry), once: later calls return the same promise.
 *
 * @example
 * ```ts
 * const blocklist = await loadCommonPasswords();
 * evaluatePassword(value, policy, { email, blocklist });
 * ```
 */
export function loadCommonPasswords(): Promise<CommonPasswords> {
  cached ??= import('./common-passwords.gen.ts').then(
    (module) => decodeCommonPasswords(module.COMMON_PASSWORDS),
    (error: unknown) => {
      cached = undefined;
      throw error;
    },
  );
  return cached;
}
