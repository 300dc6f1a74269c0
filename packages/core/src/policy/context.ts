import type { PasswordContext } from './types.ts';

/**
 * Words of the product a password must never contain (checked case-insensitively).
 *
 * @example
 * ```ts
 * PRODUCT_WORDS.includes('codelocks'); // true
 * ```
 */
export const PRODUCT_WORDS: readonly string[] = ['codelocks', 'connect', 'netcode'];

/** Where a context word came from; reported in the `not_context` result's `params.match`. */
export type ContextSource = 'email' | 'name' | 'product' | 'extra';

/** One word a password must not contain, already NFC and lower case. */
export interface ContextWord {
  word: string;
  source: ContextSource;
}

const MIN_WORD = 3;
/** Separators inside an email local part or a name: anything not a letter, digit or mark. */
const SEPARATORS = /[^\p{L}\p{N}\p{M}]+/u;

function norm(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

function push(words: ContextWord[], word: string, source: ContextSource, min: number): void {
  if ([...word].length >= min && !words.some((w) => w.word === word)) words.push({ word, source });
}

/**
 * The context words for one account: the email's local part (when ≥ 3 characters) and its parts
 * of ≥ 4 characters, the name and its words of ≥ 3 characters, the product words and any extra
 * words. All NFC and lower case. Inputs longer than 256 code units are cut (they are not real
 * emails or names, and must not make evaluation slow).
 */
export function contextWords(context: PasswordContext | undefined): ContextWord[] {
  const words: ContextWord[] = [];
  const email = typeof context?.email === 'string' ? context.email.slice(0, 256) : '';
  const at = email.lastIndexOf('@');
  const local = norm(at >= 0 ? email.slice(0, at) : email);
  if ([...local].length >= MIN_WORD) {
    push(words, local, 'email', MIN_WORD);
    for (const part of local.split(SEPARATORS)) push(words, part, 'email', MIN_WORD + 1);
  }
  const name = typeof context?.name === 'string' ? norm(context.name.slice(0, 256)).trim() : '';
  if (name) {
    push(words, name, 'name', MIN_WORD);
    for (const part of name.split(SEPARATORS)) push(words, part, 'name', MIN_WORD);
  }
  for (const word of PRODUCT_WORDS) push(words, word, 'product', 1);
  for (const extra of context?.extraWords ?? []) {
    if (typeof extra === 'string') push(words, norm(extra.slice(0, 256)), 'extra', MIN_WORD);
  }
  return words;
}

/**
 * The first context word found inside `lowerPassword`, and the score `discount`: for each word
 * found, its length in code points minus one (a found word counts as a single character).
 */
export function findContextWords(
  lowerPassword: string,
  words: readonly ContextWord[],
): { first: ContextWord | undefined; discount: number } {
  let first: ContextWord | undefined;
  let discount = 0;
  for (const w of words) {
    if (lowerPassword.includes(w.word)) {
      first ??= w;
      discount += Array.from(w.word).length - 1;
    }
  }
  return { first, discount };
}
