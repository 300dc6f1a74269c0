import type { RuleResult } from '../contract/policy.ts';
import { ConnectError, type ConnectErrorOptions } from './connect-error.ts';

/**
 * The server rejected the new password under the policy in force. Code `weak_password`, HTTP 422.
 * `rules` holds the per-rule verdicts from the problem details (data, not prose: localize them in
 * the UI); an empty array when the server sent none.
 *
 * @example
 * ```ts
 * try {
 *   await client.completePasswordReset({ token, password });
 * } catch (error) {
 *   if (error instanceof WeakPasswordError) {
 *     for (const rule of error.rules.filter((r) => !r.ok)) showRule(rule.id, rule.params);
 *   }
 * }
 * ```
 */
export class WeakPasswordError extends ConnectError {
  override name = 'WeakPasswordError';
  /** Per-rule verdicts of the server's policy. */
  readonly rules: readonly RuleResult[];

  constructor(
    message = 'The password does not meet the policy.',
    options: ConnectErrorOptions = {},
  ) {
    super('weak_password', message, options);
    this.rules = options.problem?.rules ?? [];
  }
}
