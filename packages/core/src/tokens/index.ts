/**
 * Token helpers for browsers and servers alike.
 *
 * @packageDocumentation
 */
export { decodeAccessToken } from './decode-access-token.ts';
export { type LocationLike, readResetToken } from './read-reset-token.ts';
