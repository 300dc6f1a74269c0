import type { SessionStorageAdapter, StoredSession } from '../types.ts';

/**
 * A session storage adapter that keeps the stored session in memory only (the default): nothing
 * survives a page load or a process restart. In browsers nothing is stored at all; the HttpOnly
 * refresh cookie resumes the session.
 *
 * @example
 * ```ts
 * const client = createConnectClient({ baseUrl, storage: memoryStorage() });
 * ```
 */
export function memoryStorage(initial: StoredSession | null = null): SessionStorageAdapter {
  let value = initial === null ? null : { ...initial };
  return {
    load: () => (value === null ? null : { ...value }),
    save: (next) => {
      value = next === null ? null : { ...next };
    },
  };
}
