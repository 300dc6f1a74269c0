import type { FlattenedJWSInput, JWSHeaderParameters, JWTPayload } from 'jose';
import * as errors from 'jose/errors';
import { createRemoteJWKSet } from 'jose/jwks/remote';
import { jwtVerify } from 'jose/jwt/verify';
import { ACCESS_TOKEN_TYPE } from '../contract/routes.ts';
import type { ConnectError } from '../errors/connect-error.ts';
import { InvalidResponseError } from '../errors/invalid-response-error.ts';
import { NetworkError } from '../errors/network-error.ts';
import { SessionInvalidError } from '../errors/session-invalid-error.ts';
import { TimeoutError } from '../errors/timeout-error.ts';

/**
 * Asymmetric JWS algorithms an access token may be signed with (HMAC and `none` never).
 *
 * @example
 * ```ts
 * createAccessTokenVerifier({ jwksUrl, issuer, audience, algorithm: 'ES256' });
 * ```
 */
export type AccessTokenAlgorithm =
  | 'EdDSA'
  | 'Ed25519'
  | 'ES256'
  | 'ES384'
  | 'ES512'
  | 'PS256'
  | 'PS384'
  | 'PS512'
  | 'RS256'
  | 'RS384'
  | 'RS512';

const ALGORITHMS: readonly string[] = [
  'EdDSA',
  'Ed25519',
  'ES256',
  'ES384',
  'ES512',
  'PS256',
  'PS384',
  'PS512',
  'RS256',
  'RS384',
  'RS512',
];

/**
 * Options of {@link verifyAccessToken} and {@link createAccessTokenVerifier}.
 *
 * @example
 * ```ts
 * const options: VerifyAccessTokenOptions = {
 *   jwksUrl: 'https://connect.example.com/.well-known/jwks.json',
 *   issuer: 'https://connect.example.com',
 *   audience: 'portal',
 * };
 * ```
 */
export interface VerifyAccessTokenOptions {
  /** The server's JWKS, e.g. `https://connect.example.com/.well-known/jwks.json`. */
  jwksUrl: string | URL;
  /** Expected `iss`. */
  issuer: string;
  /** Expected `aud` (one of them). */
  audience: string | string[];
  /** The one allowed algorithm. Default `'EdDSA'`. */
  algorithm?: AccessTokenAlgorithm;
  /** Clock skew tolerated on `exp`/`iat`/`nbf`, in seconds, at most 30. Default 30. */
  clockToleranceSeconds?: number;
}

/**
 * A function verifying access tokens against one configuration.
 *
 * @example
 * ```ts
 * const verify: AccessTokenVerifier = createAccessTokenVerifier(options);
 * const { sub } = await verify(token);
 * ```
 */
export type AccessTokenVerifier = (
  token: string,
) => Promise<JWTPayload & { sub: string; jti: string }>;

const FORBIDDEN_HEADERS = ['jku', 'jwk', 'x5u', 'x5c'] as const;

/**
 * Creates an access-token verifier (RFC 8725, RFC 9068): exactly one allowed asymmetric
 * algorithm, `typ: at+jwt`, issuer and audience checked, `exp`/`iat`/`sub`/`jti` required, clock
 * tolerance ≤ 30 s, keys only from the configured JWKS (tokens naming their own key through
 * `jku`, `jwk`, `x5u` or `x5c` are refused), unknown `crit` extensions rejected. The JWKS is
 * fetched lazily and cached by jose.
 *
 * Rejections: `SessionInvalidError` for any token that does not verify (`cause` holds jose's
 * error), `TimeoutError`/`NetworkError` when the JWKS cannot be fetched, `InvalidResponseError`
 * for an unusable JWKS, `TypeError` for bad options or a non-string token.
 *
 * @example
 * ```ts
 * const verify = createAccessTokenVerifier({
 *   jwksUrl: 'https://connect.example.com/.well-known/jwks.json',
 *   issuer: 'https://connect.example.com',
 *   audience: 'portal',
 * });
 * const { sub } = await verify(bearerToken);
 * ```
 */
export function createAccessTokenVerifier(options: VerifyAccessTokenOptions): AccessTokenVerifier {
  const { jwksUrl, issuer, audience } = options ?? ({} as VerifyAccessTokenOptions);
  if (typeof issuer !== 'string' || issuer === '') {
    throw new TypeError('verifyAccessToken: issuer is required.');
  }
  if (
    !(typeof audience === 'string'
      ? audience !== ''
      : Array.isArray(audience) && audience.length > 0)
  ) {
    throw new TypeError('verifyAccessToken: audience is required.');
  }
  const algorithm = options.algorithm ?? 'EdDSA';
  if (!ALGORITHMS.includes(algorithm)) {
    throw new TypeError(
      `verifyAccessToken: algorithm must be one asymmetric JWS algorithm, not ${String(algorithm)}.`,
    );
  }
  const tolerance = options.clockToleranceSeconds ?? 30;
  if (typeof tolerance !== 'number' || !(tolerance >= 0 && tolerance <= 30)) {
    throw new TypeError('verifyAccessToken: clockToleranceSeconds must be between 0 and 30.');
  }
  let url: URL;
  try {
    url = new URL(String(jwksUrl));
  } catch {
    throw new TypeError('verifyAccessToken: jwksUrl must be an absolute URL.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError('verifyAccessToken: jwksUrl must be an http or https URL.');
  }
  const jwks = createRemoteJWKSet(url);
  const getKey = (header: JWSHeaderParameters, token: FlattenedJWSInput) => {
    for (const name of FORBIDDEN_HEADERS) {
      if (name in header) {
        throw new errors.JWSInvalid(`Access tokens must not carry a "${name}" header.`);
      }
    }
    return jwks(header, token);
  };
  return async (token) => {
    if (typeof token !== 'string')
      throw new TypeError('verifyAccessToken: token must be a string.');
    try {
      const { payload } = await jwtVerify(token, getKey, {
        algorithms: [algorithm],
        issuer,
        audience,
        typ: ACCESS_TOKEN_TYPE,
        requiredClaims: ['exp', 'iat', 'sub', 'jti'],
        clockTolerance: tolerance,
      });
      // jose checks `iat` only against a maximum age: one beyond the tolerance in the future was
      // not issued by a clock in step with ours.
      if (Number(payload.iat) > Date.now() / 1000 + tolerance) {
        throw new errors.JWTClaimValidationFailed('"iat" is in the future', payload, 'iat');
      }
      // jose checks that `sub` and `jti` are present, not that they are strings.
      if (typeof payload.sub !== 'string' || typeof payload.jti !== 'string') {
        throw new errors.JWTClaimValidationFailed('"sub" and "jti" must be strings', payload);
      }
      return payload as JWTPayload & { sub: string; jti: string };
    } catch (error) {
      throw mapJoseError(error);
    }
  };
}

function mapJoseError(error: unknown): ConnectError {
  if (error instanceof errors.JWKSTimeout) {
    return new TimeoutError('The JWKS did not arrive in time.', { cause: error });
  }
  // jose throws its base class itself for a non-200 or non-JSON JWKS answer.
  if (error instanceof errors.JWKSInvalid || (error as object)?.constructor === errors.JOSEError) {
    return new InvalidResponseError('The JWKS is not usable.', { cause: error });
  }
  if (error instanceof errors.JOSEError) {
    return new SessionInvalidError('The access token is not valid.', { cause: error });
  }
  // fetch failures (refused connection, DNS) arrive as they are.
  return new NetworkError('The JWKS could not be fetched.', { cause: error });
}

const verifiers = new Map<string, AccessTokenVerifier>();

/**
 * Verifies an access token once, reusing a cached verifier (and its JWKS cache) per distinct
 * configuration. See {@link createAccessTokenVerifier} for the checks and errors.
 *
 * @example
 * ```ts
 * import { verifyAccessToken } from '@connect-auth/core/node';
 *
 * const claims = await verifyAccessToken(token, {
 *   jwksUrl: 'https://connect.example.com/.well-known/jwks.json',
 *   issuer: 'https://connect.example.com',
 *   audience: 'portal',
 * });
 * ```
 */
export function verifyAccessToken(
  token: string,
  options: VerifyAccessTokenOptions,
): Promise<JWTPayload & { sub: string; jti: string }> {
  const key = JSON.stringify([
    String(options?.jwksUrl),
    options?.issuer,
    options?.audience,
    options?.algorithm,
    options?.clockToleranceSeconds,
  ]);
  let verifier = verifiers.get(key);
  if (!verifier) {
    verifier = createAccessTokenVerifier(options);
    if (verifiers.size >= 16) verifiers.clear();
    verifiers.set(key, verifier);
  }
  return verifier(token);
}
