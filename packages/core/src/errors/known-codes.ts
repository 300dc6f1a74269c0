import {
  CLIENT_ERROR_CODES,
  type ErrorCode,
  type KnownErrorCode,
  SERVER_ERROR_CODES,
} from '../contract/codes.ts';

/**
 * True when this version of core knows `code`: useful to log codes from a newer server, or to
 * narrow an `ErrorCode` before an exhaustive `switch`.
 *
 * @example
 * ```ts
 * if (isConnectError(error) && !isKnownErrorCode(error.code)) console.warn('new code', error.code);
 * ```
 */
export function isKnownErrorCode(code: ErrorCode): code is KnownErrorCode {
  return (
    (SERVER_ERROR_CODES as readonly string[]).includes(code) ||
    (CLIENT_ERROR_CODES as readonly string[]).includes(code)
  );
}
