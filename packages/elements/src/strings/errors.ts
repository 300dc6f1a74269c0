import type { ErrorCode } from '@connect-auth/core';
import type { StringId } from './en.ts';
import { enBase } from './en-base.ts';

/** The code the elements use when neither a `client` nor a `base-url` is configured. */
export const MISSING_CLIENT = 'missing_client';

// Every code with a string of its own (strings.test.ts checks it against core's lists). Written
// out rather than imported: core's code lists would cost the first-load bundle more. Not here:
// `admin_key_invalid`, which only the admin API sends (no element holds an admin key), so it
// gets the generic text should a misconfigured app ever route one to a form. `email_taken`'s
// text ships with the account elements, the only ones that can receive it.
const KNOWN: readonly string[] =
  'invalid_credentials token_expired token_used token_superseded token_invalid code_invalid weak_password rate_limited validation_failed session_invalid origin_forbidden unsupported_media_type payload_too_large not_found method_not_allowed server_error network_error timeout aborted invalid_response missing_client email_taken'.split(
    ' ',
  );

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
  return KNOWN.includes(code) ? (`error.${code}` as StringId) : 'error.unknown';
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
  return Object.hasOwn(enBase, id) ? (id as StringId) : 'rule.unknown';
}
