import { PasswordPolicy } from '../contract/policy.ts';

/**
 * Whether `value` is a well-formed password policy (the contract's `PasswordPolicy` schema), e.g.
 * the answer of `GET /v1/password-policy` or a policy read from configuration.
 *
 * @example
 * ```ts
 * const policy = isPasswordPolicy(json) ? json : connectPolicy;
 * ```
 */
export function isPasswordPolicy(value: unknown): value is PasswordPolicy {
  return PasswordPolicy.safeParse(value).success;
}
