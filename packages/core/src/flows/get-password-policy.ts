import { parsePasswordPolicy } from '../contract/guards.ts';
import type { PasswordPolicy } from '../contract/policy.ts';
import { raceSignal } from '../transport/wait.ts';
import type { CallOptions } from '../types.ts';
import type { FlowContext } from './context.ts';

/**
 * Creates the client's `getPasswordPolicy`: the policy in force on the server, fetched once and
 * cached for the client's lifetime. Concurrent calls share one request (each caller's `signal`
 * only abandons its own wait); a failed fetch is not cached, so the next call tries again.
 *
 * @example
 * ```ts
 * const getPasswordPolicy = createPolicyLoader(context);
 * const policy = await getPasswordPolicy();
 * ```
 */
export function createPolicyLoader(
  context: FlowContext,
): (options?: CallOptions) => Promise<PasswordPolicy> {
  let cached: Promise<PasswordPolicy> | undefined;
  return (options = {}) => {
    if (!cached) {
      const loading = context.transport
        .request({ route: 'passwordPolicy', parse: parsePasswordPolicy })
        .then((result) => result.data);
      cached = loading;
      loading.catch(() => {
        if (cached === loading) cached = undefined;
      });
    }
    return raceSignal(cached, options.signal);
  };
}
