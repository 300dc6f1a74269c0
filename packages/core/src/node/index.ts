/**
 * Node-only helpers of `@connect-auth/core`: access-token verification against the server's JWKS
 * and file-based session storage. A separate entry (`@connect-auth/core/node`) so browser bundles
 * never include them.
 *
 * @packageDocumentation
 */
export { fileStorage } from './file-storage.ts';
export {
  type AccessTokenAlgorithm,
  type AccessTokenVerifier,
  createAccessTokenVerifier,
  type VerifyAccessTokenOptions,
  verifyAccessToken,
} from './verify-access-token.ts';
