import type { PasswordPolicy, PolicyRule, RuleResult } from '../contract/policy.ts';
import { isCommonPassword } from './common-passwords.ts';
import { contextWords, findContextWords } from './context.ts';
import { DEFAULT_MAX_LENGTH, evaluateRule } from './rules.ts';
import { estimateBits, scoreFromBits } from './score.ts';
import { measure } from './text.ts';
import type { PasswordContext, PasswordEvaluation } from './types.ts';

const IMPLICIT_MAX: PolicyRule = {
  id: 'max_length',
  level: 'required',
  params: { max: DEFAULT_MAX_LENGTH },
};

/**
 * Evaluates `password` against `policy`: one result per rule (data, never prose), `ok` when every
 * `required` rule passed, and a strength score 0–4. Pure, synchronous, never throws for any
 * string (lone surrogates, megabyte inputs: over 1024 UTF-8 bytes is rejected before any
 * normalization-heavy work). Counting is in code points after NFC; nothing is trimmed.
 *
 * `max_length` is always enforced as required; a policy without it gets one (128 code points)
 * appended. Without `context.blocklist`, `not_common` passes with `{ checked: false }`.
 *
 * @example
 * ```ts
 * const list = await loadCommonPasswords();
 * const verdict = evaluatePassword('Summer2024', connectPolicy, { email: 'ann@example.com', blocklist: list });
 * verdict.ok; // false: 'summer' is a common password, and digits around it do not help
 * verdict.rules.find((r) => r.id === 'not_common');
 * // { id: 'not_common', level: 'required', ok: false, params: { checked: true, match: 'base' } }
 * ```
 */
export function evaluatePassword(
  password: string,
  policy: PasswordPolicy,
  context?: PasswordContext,
): PasswordEvaluation {
  const text = typeof password === 'string' ? password : '';
  const measured = measure(text);
  const words = measured.oversized ? [] : contextWords(context);
  const blocklist = context?.blocklist;
  const policyRules = Array.isArray(policy?.rules) ? policy.rules : [];
  const rules = policyRules.some((r) => r?.id === 'max_length')
    ? policyRules
    : [...policyRules, IMPLICIT_MAX];
  const results: RuleResult[] = [];
  let ok = true;
  for (const rule of rules) {
    if (!rule || typeof rule.id !== 'string') continue;
    const verdict = evaluateRule(rule, { password: measured, words, blocklist });
    if (verdict.level === 'required' && !verdict.ok) ok = false;
    results.push(verdict);
  }
  let score = 0 as PasswordEvaluation['score'];
  if (!measured.oversized && !(blocklist && isCommonPassword(blocklist, measured.nfc))) {
    const found = findContextWords(measured.lower, words);
    score = scoreFromBits(estimateBits(measured.nfc, found.discount));
  }
  return { ok, score, rules: results };
}
