/**
 * Constants of the wire contract that the client needs at run time, kept free of zod so that
 * bundling them never pulls the schemas in. Re-exported by `messages.ts`.
 */

/**
 * Longest password accepted on the wire. zod 4.6 counts string lengths in code points (an emoji is
 * one), and so do the client's checks; the policy's own maximum is lower.
 */
export const MAX_PASSWORD_WIRE_LENGTH = 1024;

/**
 * A language tag as accounts store it (BCP 47 shape: a 2–3 letter language, then subtags of up
 * to 8 letters or digits, e.g. `fr`, `en-GB`, `zh-Hant-TW`), at most {@link MAX_LOCALE_LENGTH}
 * characters. The server answers in the best language it has for it, English when none.
 */
export const LOCALE_PATTERN = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

/** Longest language tag accepted on the wire. */
export const MAX_LOCALE_LENGTH = 35;

/** Name of the HttpOnly cookie carrying the rotating refresh token. */
export const REFRESH_COOKIE = '__Host-connect_refresh';
