// The index, not a subpath (as in ../node/ and the server): this module reaches browsers, and the
// import map in docs/elements.md maps the bare `jose` only; bundlers keep just `decodeJwt`.
import { decodeJwt, type JWTPayload } from 'jose';
import { InvalidResponseError } from '../errors/invalid-response-error.ts';

/**
 * The claims of an access token, decoded WITHOUT verifying the signature: for display only (the
 * account id, `exp`). Never base an authorisation decision on it; servers use
 * `verifyAccessToken` from `@connect-auth/core/node`. A non-string is a `TypeError`; a string that
 * is not a JWS compact JWT is an `InvalidResponseError`, since access tokens come from the server.
 *
 * @example
 * ```ts
 * const { sub, exp } = decodeAccessToken(client.session!.accessToken);
 * ```
 */
export function decodeAccessToken(token: string): JWTPayload {
  if (typeof token !== 'string') throw new TypeError('decodeAccessToken: token must be a string.');
  try {
    return decodeJwt(token);
  } catch (cause) {
    throw new InvalidResponseError('The access token is not a valid JWT.', { cause });
  }
}
