import type { PolicyRule, RuleResult } from '../contract/policy.ts';
import { isCommonPassword } from './common-passwords.ts';
import { type ContextWord, findContextWords } from './context.ts';
import { MAX_PASSWORD_BYTES, type MeasuredPassword } from './text.ts';
import type { CommonPasswords } from './types.ts';

/**
 * Default `max_length` in code points, used when a policy has no `max_length` rule; every preset
 * uses it too. The server refuses longer passwords before any hashing.
 *
 * @example
 * ```ts
 * input.maxLength = DEFAULT_MAX_LENGTH; // 128
 * ```
 */
export const DEFAULT_MAX_LENGTH = 128;
/** Default `min_length` when a `min_length` rule has no usable `min`. */
export const DEFAULT_MIN_LENGTH = 8;

/** Character classes of the composition rules (Unicode-aware, after NFC). */
const CLASSES = {
  uppercase: /[\p{Lu}\p{Lt}]/gu,
  lowercase: /\p{Ll}/gu,
  digit: /\p{Nd}/gu,
  /** Any character that is not a letter, a number or a combining mark: `-`, `!`, space, `€`, … */
  special: /[^\p{L}\p{N}\p{M}]/gu,
} as const;

/** What every rule may look at. */
export interface RuleInput {
  password: MeasuredPassword;
  words: readonly ContextWord[];
  blocklist: CommonPasswords | undefined;
}

/** A non-negative integer parameter, or `fallback` when absent or unusable. */
export function intParam(rule: PolicyRule, key: string, fallback: number): number {
  const value = rule.params?.[key];
  return typeof value === 'number' && Number.isFinite(value) && value >= 0
    ? Math.floor(value)
    : fallback;
}

function count(text: string, pattern: RegExp): number {
  pattern.lastIndex = 0;
  let n = 0;
  while (pattern.exec(text) !== null) n++;
  return n;
}

function result(rule: PolicyRule, ok: boolean, params?: RuleResult['params']): RuleResult {
  return params === undefined
    ? { id: rule.id, level: rule.level, ok }
    : { id: rule.id, level: rule.level, ok, params };
}

/**
 * Evaluates one rule. Unknown rule ids (from a newer server) pass with `{ checked: false }`: the
 * server's verdict is final. An oversized password (over 1024 UTF-8 bytes after NFC) fails
 * `max_length`, passes `min_length` when `min` ≤ 256 (it has at least 257 code points), and every
 * other rule fails with `{ checked: false }` — it was not examined.
 */
export function evaluateRule(rule: PolicyRule, input: RuleInput): RuleResult {
  const { password } = input;
  switch (rule.id) {
    case 'min_length': {
      const min = intParam(rule, 'min', DEFAULT_MIN_LENGTH);
      if (password.oversized) return result(rule, min <= 256, { min });
      return result(rule, password.length >= min, { min, actual: password.length });
    }
    case 'max_length': {
      const max = intParam(rule, 'max', DEFAULT_MAX_LENGTH);
      const required: PolicyRule = { ...rule, level: 'required' };
      if (password.oversized) return result(required, false, { max, maxBytes: MAX_PASSWORD_BYTES });
      return result(required, password.length <= max, { max, actual: password.length });
    }
    case 'uppercase':
    case 'lowercase':
    case 'digit':
    case 'special': {
      const min = intParam(rule, 'min', 1);
      const chars = rule.id === 'special' ? rule.params?.chars : undefined;
      const base: Record<string, string | number> =
        typeof chars === 'string' ? { chars, min } : { min };
      if (password.oversized) return result(rule, false, { ...base, checked: false });
      const actual = count(password.nfc, CLASSES[rule.id]);
      return result(rule, actual >= min, { ...base, actual });
    }
    case 'not_common': {
      if (password.oversized) return result(rule, false, { checked: false });
      if (!input.blocklist) return result(rule, true, { checked: false });
      const match = isCommonPassword(input.blocklist, password.nfc);
      return match
        ? result(rule, false, { checked: true, match })
        : result(rule, true, { checked: true });
    }
    case 'not_context': {
      if (password.oversized) return result(rule, false, { checked: false });
      const { first } = findContextWords(password.lower, input.words);
      return first ? result(rule, false, { match: first.source }) : result(rule, true);
    }
    default:
      return result(rule, true, { checked: false });
  }
}
