import { checkTokenBody } from '../contract/checks.ts';
import { resolveTransportOptions } from '../transport/options.ts';
import { startRequest } from '../transport/started.ts';
import { buildRequest } from '../transport/transport.ts';
import type { ConnectClientOptions } from '../types.ts';
import { readResetToken } from './read-reset-token.ts';

/**
 * Options of {@link startResetTokenCheck}: those of the client that will verify the token (the
 * request is only reused by a client that would send exactly the same one), and the token.
 *
 * @example
 * ```ts
 * const options: ResetTokenCheckOptions = { baseUrl: 'https://connect.example.com' };
 * ```
 */
export interface ResetTokenCheckOptions
  extends Pick<ConnectClientOptions, 'baseUrl' | 'fetch' | 'headers'> {
  /** The token; default: read from the address (`#token=…`, then `?token=…`) without scrubbing it. */
  token?: string;
  /**
   * As the client's transport: default `'include'` in browsers. Spelled out rather than the DOM's
   * `RequestCredentials`, so the declaration also compiles in projects without the DOM library.
   */
  credentials?: 'include' | 'same-origin' | 'omit';
}

/**
 * Sends a reset or activation link's check (`POST /v1/password-resets/verify`) right away, before
 * the page's client exists, and keeps the answer for it: the first `verifyResetToken` of the same
 * token, by a client with the same base URL, `fetch`, headers and credentials and no
 * `beforeRequest` hook, within 30 seconds, takes that answer instead of asking again (with its
 * own timeout, abort signal, checks and typed errors). Any other call sends its own request, as
 * without this.
 *
 * For the page the emailed link opens: run it from a small script of its own that runs before the
 * page's other scripts (best inlined in `<head>` before the stylesheets), and the check travels
 * while they load and start (the answer is often
 * there before the form's code is). It only reads the token; the address is scrubbed when the
 * page reads it with {@link readResetToken}. Returns whether a check was sent: `false` without a
 * token or with a malformed one (the client reports that, without a request). Bad options are a
 * `TypeError`, as for `createConnectClient`.
 *
 * @example
 * ```ts
 * // reset-early.ts: bundled on its own, inlined in <head> before the stylesheets
 * import { startResetTokenCheck } from '@connect-auth/core';
 *
 * startResetTokenCheck({ baseUrl: 'https://connect.example.com' });
 * ```
 */
export function startResetTokenCheck(options: ResetTokenCheckOptions): boolean {
  const config = resolveTransportOptions(options);
  const token =
    options.token ??
    (typeof window === 'undefined' || window.location === undefined
      ? null
      : readResetToken(window.location));
  if (token === null || checkTokenBody({ token }).length > 0) return false;
  const controller = new AbortController();
  const body = { token };
  const request = buildRequest(config, { route: 'verifyResetToken', body }, controller.signal);
  // The client compares `fetch` by identity: the global one is passed as is, not bound.
  startRequest(request, JSON.stringify(body), config.fetch ?? globalThis.fetch, controller);
  return true;
}
