/**
 * Access tokens (RFC 9068 style JWTs): `typ: at+jwt`, EdDSA, claims iss, aud, sub, jti, iat, exp
 * and `cv` (the account's credential version, bumped by every password change).
 *
 * Verification follows RFC 8725: one algorithm, required claims, issuer, audience and `typ`
 * checked, ≤ 30 s clock tolerance, and headers that would let the token choose its own key
 * (`jku`, `jwk`, `x5u`, `x5c`) refused; jose itself refuses unknown `crit` members.
 */
import { KeyObject, sign } from 'node:crypto';
import { ACCESS_TOKEN_TYPE } from '@connect-auth/core/contract';
import type { JWTPayload } from 'jose';
import * as errors from 'jose/errors';
import { jwtVerify } from 'jose/jwt/verify';
import { SIGNING_ALG, type SigningKeys } from './keys.ts';

/**
 * Access token lifetime in seconds (10 minutes; SECURITY 19 allows ≤ 15).
 */
export const ACCESS_TOKEN_TTL_SECONDS = 600;
/**
 * Clock tolerance when verifying, in seconds.
 */
export const CLOCK_TOLERANCE_SECONDS = 30;

/** Claims of a verified access token. */
export interface AccessClaims extends JWTPayload {
  sub: string;
  jti: string;
  iat: number;
  exp: number;
  cv: number;
}

/** Issues and verifies access tokens. */
export interface AccessTokens {
  issue(account: {
    id: string;
    credentialVersion: number;
  }): Promise<{ token: string; expiresAt: Date }>;
  /** Verified claims, or throws a jose error / `TypeError` for a refused token. */
  verify(token: string): Promise<AccessClaims>;
}

const FORBIDDEN_HEADERS = ['jku', 'jwk', 'x5u', 'x5c'] as const;

const base64url = (json: object) => Buffer.from(JSON.stringify(json)).toString('base64url');

/**
 * Create the access-token issuer/verifier.
 */
export function createAccessTokens(deps: {
  keys: SigningKeys;
  /** Issuer (and, by default, audience): the server's public URL. A function, as a test server learns its port late. */
  issuer: string | (() => string);
  audience?: string | (() => string);
  clock: () => Date;
  ttlSeconds?: number;
}): AccessTokens {
  const ttl = deps.ttlSeconds ?? ACCESS_TOKEN_TTL_SECONDS;
  const issuer = () => (typeof deps.issuer === 'function' ? deps.issuer() : deps.issuer);
  const audience = () => {
    const a = deps.audience ?? deps.issuer;
    return typeof a === 'function' ? a() : a;
  };
  // Signed by `node:crypto` itself (Ed25519, synchronous, ~24 µs), where jose's `SignJWT` goes
  // through WebCrypto's job queue (~70 µs, 14% of a SQLite refresh's main-thread time in a
  // profile); verification stays with jose. The key is extractable for this (keys.ts).
  const signingKey = KeyObject.from(deps.keys.privateKey);
  const header = base64url({ alg: SIGNING_ALG, typ: ACCESS_TOKEN_TYPE, kid: deps.keys.kid });
  return {
    async issue(account) {
      const iat = Math.floor(deps.clock().getTime() / 1000);
      const exp = iat + ttl;
      const claims = {
        cv: account.credentialVersion,
        iss: issuer(),
        aud: audience(),
        sub: account.id,
        jti: crypto.randomUUID(),
        iat,
        exp,
      };
      const input = `${header}.${base64url(claims)}`;
      const signature = sign(null, Buffer.from(input), signingKey).toString('base64url');
      return { token: `${input}.${signature}`, expiresAt: new Date(exp * 1000) };
    },
    async verify(token) {
      const { payload } = await jwtVerify(
        token,
        (header) => {
          for (const name of FORBIDDEN_HEADERS) {
            if (name in header) throw new errors.JWSInvalid(`"${name}" header is not accepted`);
          }
          const key = header.kid ? deps.keys.publicKey(header.kid) : undefined;
          if (!key) throw new errors.JWKSNoMatchingKey();
          return key;
        },
        {
          algorithms: [SIGNING_ALG],
          issuer: issuer(),
          audience: audience(),
          typ: ACCESS_TOKEN_TYPE,
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
          requiredClaims: ['exp', 'iat', 'sub', 'jti', 'cv'],
          currentDate: deps.clock(),
        },
      );
      // jose checks `iat` only against a maximum age: a token issued beyond the tolerance in the
      // future was not issued by this clock (found by the adversarial suite's time edges).
      if (Number(payload.iat) > deps.clock().getTime() / 1000 + CLOCK_TOLERANCE_SECONDS)
        throw new errors.JWTClaimValidationFailed('"iat" is in the future', payload, 'iat');
      // jose checks that these claims are present, not their types; AccessClaims promises them.
      if (typeof payload.cv !== 'number')
        throw new errors.JWTClaimValidationFailed('cv must be a number', payload, 'cv');
      for (const claim of ['sub', 'jti'] as const) {
        if (typeof payload[claim] !== 'string')
          throw new errors.JWTClaimValidationFailed(`${claim} must be a string`, payload, claim);
      }
      return payload as AccessClaims;
    },
  };
}
