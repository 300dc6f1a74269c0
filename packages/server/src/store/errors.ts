/** Stable codes of {@link StoreError}. */
export type StoreErrorCode =
  /** `createAccount` met an existing account with the same `emailKey`. */
  | 'email_taken'
  /** The database was migrated by a newer version of this server. */
  | 'schema_too_new'
  /** The store was used after `close()`. */
  | 'closed'
  /** Invalid adapter options (e.g. a PostgreSQL schema name that is not a plain identifier). */
  | 'invalid_options';

/**
 * A storage failure the caller can act on. Anything else the adapters throw (a lost connection,
 * a full disk) is an unexpected driver error and should become a 500-free `internal` problem.
 *
 * @example
 * ```ts
 * try {
 *   await store.createAccount(account);
 * } catch (error) {
 *   if (isStoreError(error, 'email_taken')) return sendAlreadyRegisteredMail();
 *   throw error;
 * }
 * ```
 */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/**
 * Cross-realm check for a {@link StoreError}, optionally of one code.
 *
 * @example
 * ```ts
 * if (isStoreError(error, 'closed')) return;
 * ```
 */
export function isStoreError(error: unknown, code?: StoreErrorCode): error is StoreError {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as { name?: unknown; code?: unknown };
  return candidate.name === 'StoreError' && (code === undefined || candidate.code === code);
}
