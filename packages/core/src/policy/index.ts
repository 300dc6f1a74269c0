/**
 * The password policy: rules as data, a pure evaluator, presets, the `passwordrules` attribute
 * and a lazily loaded list of common passwords. Isomorphic: the browser shows live feedback with
 * it and the server enforces the same module.
 *
 * @packageDocumentation
 */

// One implementation for client and policy users: the zod-free guard, proven equal to the
// contract's zod schema by contract/guards.test.ts.
export { isPasswordPolicy } from '../contract/guards.ts';
export {
  createCommonPasswords,
  decodeCommonPasswords,
  isCommonPassword,
  loadCommonPasswords,
} from './common-passwords.ts';
export { PRODUCT_WORDS } from './context.ts';
export { evaluatePassword } from './evaluate.ts';
export { type PasswordRulesOptions, toPasswordRules } from './password-rules.ts';
export {
  connectPolicy,
  getPolicyPreset,
  nist80063bPolicy,
  POLICY_PRESET_IDS,
  type PolicyPresetId,
} from './presets.ts';
export { DEFAULT_MAX_LENGTH } from './rules.ts';
export { SCORE_THRESHOLDS } from './score.ts';
export { MAX_PASSWORD_BYTES } from './text.ts';
export type {
  CommonPasswords,
  PasswordContext,
  PasswordEvaluation,
  PasswordScore,
} from './types.ts';
