import type { RuleResult } from '../contract/policy.ts';

/**
 * A strength estimate from 0 (trivially guessable) to 4 (strong). See `score.ts` for the formula.
 *
 * @example
 * ```ts
 * const score: PasswordScore = evaluatePassword(value, connectPolicy).score;
 * ```
 */
export type PasswordScore = 0 | 1 | 2 | 3 | 4;

/**
 * The verdict on one password: `ok` when every `required` rule passed, a strength `score`, and one
 * result per rule of the policy, in the policy's order. Data only: the UI turns it into words.
 *
 * @example
 * ```ts
 * const { ok, score, rules } = evaluatePassword('Kx7-mQ2vLp', connectPolicy);
 * const unmet = rules.filter((r) => !r.ok && r.level === 'required');
 * ```
 */
export interface PasswordEvaluation {
  /** Every `required` rule passed. */
  ok: boolean;
  /** Strength estimate 0–4. */
  score: PasswordScore;
  /** One result per policy rule, in policy order. */
  rules: RuleResult[];
}

/**
 * A set of common passwords. `has` normalizes its argument (NFC, lower case) before looking it up.
 *
 * @example
 * ```ts
 * const list: CommonPasswords = await loadCommonPasswords();
 * list.has('PASSWORD'); // true
 * ```
 */
export interface CommonPasswords {
  /** Whether `candidate` (any case, any Unicode normalization form) is on the list. */
  has(candidate: string): boolean;
  /** Number of entries, when known (the built-in lists report it; your own may omit it). */
  readonly size?: number;
}

/**
 * What an evaluation knows about the account, for the `not_context` and `not_common` rules.
 *
 * @example
 * ```ts
 * const context: PasswordContext = { email: 'ann@example.com', name: 'Ann Lee', blocklist };
 * ```
 */
export interface PasswordContext {
  /** The account's email; its local part is a context word when ≥ 3 characters. */
  email?: string;
  /** The account holder's name; the whole name and each of its words of ≥ 3 characters. */
  name?: string;
  /** Common passwords from {@link loadCommonPasswords}; without it `not_common` is not checked. */
  blocklist?: CommonPasswords;
  /** More words the password must not contain (site name, …). */
  extraWords?: readonly string[];
}
