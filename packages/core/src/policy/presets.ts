import type { PasswordPolicy } from '../contract/policy.ts';

/**
 * The portal's own policy (`connect`, version 1): 8–128 code points with an upper-case letter, a
 * lower-case letter and a digit required; a special character and 12 or more code points
 * recommended (two `min_length` rules, told apart by their level); never a common password nor
 * one containing the account's email, name or the product's name.
 *
 * @example
 * ```ts
 * evaluatePassword('Tr0ub4dor&3', connectPolicy).ok; // true
 * ```
 */
export const connectPolicy: PasswordPolicy = {
  id: 'connect',
  version: 1,
  rules: [
    { id: 'min_length', level: 'required', params: { min: 8 } },
    { id: 'max_length', level: 'required', params: { max: 128 } },
    { id: 'uppercase', level: 'required' },
    { id: 'lowercase', level: 'required' },
    { id: 'digit', level: 'required' },
    { id: 'not_common', level: 'required' },
    { id: 'not_context', level: 'required' },
    { id: 'special', level: 'recommended', params: { chars: '-!@#&$' } },
    { id: 'min_length', level: 'recommended', params: { min: 12 } },
  ],
};

/**
 * NIST SP 800-63B rev. 4 for passwords used alone (`nist-800-63b`, version 1): at least 15 code
 * points, at most 128, no composition rules, never a common or context-derived password.
 *
 * @example
 * ```ts
 * evaluatePassword('correct horse battery staple', nist80063bPolicy).ok; // true
 * ```
 */
export const nist80063bPolicy: PasswordPolicy = {
  id: 'nist-800-63b',
  version: 1,
  rules: [
    { id: 'min_length', level: 'required', params: { min: 15 } },
    { id: 'max_length', level: 'required', params: { max: 128 } },
    { id: 'not_common', level: 'required' },
    { id: 'not_context', level: 'required' },
  ],
};

/**
 * Identifiers of the built-in presets.
 *
 * @example
 * ```ts
 * POLICY_PRESET_IDS; // ['connect', 'nist-800-63b']
 * ```
 */
export const POLICY_PRESET_IDS = ['connect', 'nist-800-63b'] as const;
/** A built-in preset id. */
export type PolicyPresetId = (typeof POLICY_PRESET_IDS)[number];

/**
 * The preset with this id, or `undefined` for an unknown id. Returns a deep copy, so callers may
 * change it freely.
 *
 * @example
 * ```ts
 * const policy = getPolicyPreset(process.env.PASSWORD_POLICY ?? 'connect') ?? connectPolicy;
 * ```
 */
export function getPolicyPreset(id: string): PasswordPolicy | undefined {
  const preset =
    id === 'connect' ? connectPolicy : id === 'nist-800-63b' ? nist80063bPolicy : undefined;
  return preset && structuredClone(preset);
}
