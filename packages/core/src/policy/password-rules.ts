import type { PasswordPolicy, PolicyRule } from '../contract/policy.ts';
import { DEFAULT_MAX_LENGTH, DEFAULT_MIN_LENGTH, intParam } from './rules.ts';

/**
 * Options of {@link toPasswordRules}.
 *
 * @example
 * ```ts
 * toPasswordRules(connectPolicy, { includeRecommended: true }); // 'minlength: 12; …'
 * ```
 */
export interface PasswordRulesOptions {
  /**
   * Also turn `recommended` rules into requirements, so generated passwords satisfy them too.
   * Default `false`: the attribute describes what the server accepts.
   */
  includeRecommended?: boolean;
}

const CLASS_OF: Record<string, string> = {
  uppercase: 'upper',
  lowercase: 'lower',
  digit: 'digit',
  special: 'special',
};

/**
 * The policy as a `passwordrules` attribute value (Apple's Password Manager Resources format),
 * which password managers read to generate a password the site accepts.
 *
 * @example
 * ```ts
 * toPasswordRules(connectPolicy);
 * // 'minlength: 8; maxlength: 128; required: upper; required: lower; required: digit; allowed: ascii-printable;'
 * input.setAttribute('passwordrules', toPasswordRules(policy));
 * ```
 */
export function toPasswordRules(
  policy: PasswordPolicy,
  options: PasswordRulesOptions = {},
): string {
  const rules = (policy?.rules ?? []).filter(
    (r: PolicyRule) => r.level === 'required' || options.includeRecommended === true,
  );
  const mins = rules
    .filter((r) => r.id === 'min_length')
    .map((r) => intParam(r, 'min', DEFAULT_MIN_LENGTH));
  const maxes = (policy?.rules ?? [])
    .filter((r) => r.id === 'max_length')
    .map((r) => intParam(r, 'max', DEFAULT_MAX_LENGTH));
  const parts: string[] = [];
  if (mins.length > 0) parts.push(`minlength: ${Math.max(...mins)}`);
  parts.push(`maxlength: ${maxes.length > 0 ? Math.min(...maxes) : DEFAULT_MAX_LENGTH}`);
  const classes = new Set<string>();
  for (const rule of rules) {
    const name = CLASS_OF[rule.id];
    if (name) classes.add(name);
  }
  for (const name of ['upper', 'lower', 'digit', 'special']) {
    if (classes.has(name)) parts.push(`required: ${name}`);
  }
  parts.push('allowed: ascii-printable');
  return `${parts.join('; ')};`;
}
