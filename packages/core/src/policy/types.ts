import type { RuleResult } from '../contract/policy.ts';

/** A strength estimate from 0 (trivially guessable) to 4 (strong). See `score.ts` for the formula. */
export type PasswordScore = 0 | 1 | 2 | 3 | 4;

/**
 * The verdict on one password: `ok` when every `required` rule passed, a strength `score`, and one
 * result per rule of the policy, in the policy's order. Data only: the UI turns it into words.
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
 */
export interface CommonPasswords {
  /** Whether `candidate` (any case, any Unicode normalization form) is on the list. */
  has(candidate: string): boolean;
  /** Number of entries. */
  readonly size: number;
}

/** What an evaluation knows about the account, for the `not_context` and `not_common` rules. */
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
