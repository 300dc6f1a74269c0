import { parsePasswordPolicy } from '../contract/guards.ts';
import type { PasswordPolicy } from '../contract/policy.ts';
import { raceSignal } from '../transport/wait.ts';
import type { CallOptions } from '../types.ts';
import type { FlowContext } from './context.ts';

/** Each client's cached policy (a request in flight, or an answer), keyed by its flow context. */
const caches = new WeakMap<FlowContext, { policy?: Promise<PasswordPolicy> }>();

function cacheOf(context: FlowContext): { policy?: Promise<PasswordPolicy> } {
  let cache = caches.get(context);
  if (!cache) {
    cache = {};
    caches.set(context, cache);
  }
  return cache;
}

/**
 * Creates the client's `getPasswordPolicy`: the policy in force on the server, fetched once and
 * cached for the client's lifetime. Concurrent calls share one request (each caller's `signal`
 * only abandons its own wait); a failed fetch is not cached, so the next call tries again. A
 * policy that arrived with another answer ({@link seedPasswordPolicy}) is served without a request.
 */
export function createPolicyLoader(
  context: FlowContext,
): (options?: CallOptions) => Promise<PasswordPolicy> {
  const cache = cacheOf(context);
  return (options = {}) => {
    if (!cache.policy) {
      const loading = context.transport
        .request({ route: 'passwordPolicy', parse: parsePasswordPolicy })
        .then((result) => result.data);
      cache.policy = loading;
      loading.catch(() => {
        if (cache.policy === loading) cache.policy = undefined;
      });
    }
    return raceSignal(cache.policy, options.signal);
  };
}

/**
 * Fills the client's policy cache with the policy in force as another answer reported it (the
 * verify answer carries it), so a later `getPasswordPolicy()` makes no request. The newest word
 * wins: it replaces what the cache held.
 */
export function seedPasswordPolicy(context: FlowContext, policy: PasswordPolicy): void {
  cacheOf(context).policy = Promise.resolve(policy);
}
