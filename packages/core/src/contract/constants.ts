/**
 * Constants of the wire contract that the client needs at run time, kept free of zod so that
 * bundling them never pulls the schemas in. Re-exported by `messages.ts`.
 */

/**
 * Longest password accepted on the wire. zod 4.6 counts string lengths in code points (an emoji is
 * one), and so do the client's checks; the policy's own maximum is lower.
 */
export const MAX_PASSWORD_WIRE_LENGTH = 1024;

/** Name of the HttpOnly cookie carrying the rotating refresh token. */
export const REFRESH_COOKIE = '__Host-connect_refresh';
