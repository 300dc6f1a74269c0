import type { ErrorCode } from '@connect-auth/core';
import { en, type StringId } from './en.ts';

/** The code the elements use when neither a `client` nor a `base-url` is configured. */
export const MISSING_CLIENT = 'missing_client';

/**
 * The string id for an error code: `error.<code>` for every known code, `error.unknown` for codes
 * a newer server may send.
 *
 * @example
 * ```ts
 * errorStringId('token_expired'); // 'error.token_expired'
 * errorStringId('brand_new_code'); // 'error.unknown'
 * ```
 */
export function errorStringId(code: ErrorCode | typeof MISSING_CLIENT): StringId {
  const id = `error.${code}`;
  return Object.hasOwn(en, id) && id !== 'error.summary_title' && id !== 'error.rate_limited_wait'
    ? (id as StringId)
    : 'error.unknown';
}

/**
 * The string id for a password rule: `rule.<id>`, or `rule.unknown` for rules a newer server defines.
 *
 * @example
 * ```ts
 * ruleStringId('min_length'); // 'rule.min_length'
 * ```
 */
export function ruleStringId(ruleId: string): StringId {
  const id = `rule.${ruleId}`;
  return Object.hasOwn(en, id) ? (id as StringId) : 'rule.unknown';
}
