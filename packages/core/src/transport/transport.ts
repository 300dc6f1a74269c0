import { PROBLEM_CONTENT_TYPE } from '../contract/codes.ts';
import { MAX_RESPONSE_BODY_BYTES, ROUTES, type RouteName } from '../contract/routes.ts';
import { isConnectError } from '../errors/connect-error.ts';
import { NetworkError } from '../errors/network-error.ts';
import { RateLimitedError } from '../errors/rate-limited-error.ts';
import { ServerError } from '../errors/server-error.ts';
import { TimeoutError } from '../errors/timeout-error.ts';
import { warnUnreachable } from './dev-warning.ts';
import { errorFromResponse, parseSuccess } from './interpret.ts';
import {
  type ResolvedTransportOptions,
  resolveTransportOptions,
  type TransportOptions,
} from './options.ts';
import { readBody } from './read-body.ts';
import { RETRYABLE_ROUTES } from './retry-policy.ts';
import { takeStarted } from './started.ts';
import { abortedError, wait } from './wait.ts';

/**
 * One call through the transport.
 */
export interface TransportRequest<T> {
  /** Which call of the contract (method and path come from `ROUTES`). */
  route: RouteName;
  /** JSON body, already validated by the flow. */
  body?: unknown;
  /**
   * Checks the success body and returns its clean copy, or `null` when it does not fit the
   * contract (a guard such as `parseSession`); omit for answers without a body (`204`).
   */
  parse?: (value: unknown) => T | null;
  /** Extra headers for this call (e.g. `Cookie` in Node). */
  headers?: Record<string, string>;
  /** The caller's abort signal. */
  signal?: AbortSignal | undefined;
}

/**
 * A successful answer: the validated data and the response headers (for `Set-Cookie`).
 */
export interface TransportResult<T> {
  data: T;
  status: number;
  headers: Headers;
}

/**
 * Sends contract calls; shared by every flow of one client.
 */
export interface Transport {
  request<T = undefined>(request: TransportRequest<T>): Promise<TransportResult<T>>;
}

const ACCEPT = `application/json, ${PROBLEM_CONTENT_TYPE}`;

/**
 * Creates the HTTP transport every flow uses: base URL, JSON bodies, per-attempt timeout, abort
 * passthrough, retries with backoff for the calls in `RETRYABLE_ROUTES` only, `Retry-After`
 * honoured up to `retry.maxDelayMs`, body-size cap, content-type and contract checks (hand-written guards, no zod), and problem
 * details mapped to typed errors. It rejects only with `ConnectError` subclasses; misuse of the
 * options is a `TypeError` thrown here, at creation.
 *
 * Built on `fetch` directly rather than ky: ky 2 alone is 8.9 KB min+gzip, more than half of the
 * 12 KB budget of the whole client, and this module needs none of its extras.
 */
export function createTransport(options: TransportOptions): Transport {
  const config = resolveTransportOptions(options);
  return { request: (request) => send(config, request) };
}

async function send<T>(
  config: ResolvedTransportOptions,
  request: TransportRequest<T>,
): Promise<TransportResult<T>> {
  const retryLimit = RETRYABLE_ROUTES[request.route] ? config.retryLimit : 0;
  for (let attempt = 0; ; attempt++) {
    try {
      return await once(config, request);
    } catch (error) {
      const delay =
        attempt < retryLimit ? retryDelay(error, attempt, config.maxDelayMs) : undefined;
      if (delay === undefined) {
        if (error instanceof NetworkError) warnUnreachable(config.base);
        throw error;
      }
      await wait(delay, request.signal);
    }
  }
}

/**
 * How long to wait before the next attempt, or `undefined` to give up: only network failures,
 * 503 and 429 are retried; a server-given wait longer than `maxDelayMs` is not waited out (the
 * error, with its `retryAfterMs`, goes to the caller instead).
 */
function retryDelay(error: unknown, attempt: number, maxDelayMs: number): number | undefined {
  const retryable =
    error instanceof NetworkError ||
    error instanceof RateLimitedError ||
    (error instanceof ServerError && error.status === 503);
  if (!retryable) return undefined;
  if (error.retryAfterMs !== undefined) {
    return error.retryAfterMs <= maxDelayMs ? error.retryAfterMs : undefined;
  }
  const backoff = Math.min(maxDelayMs, 300 * 2 ** attempt);
  return backoff / 2 + (Math.random() * backoff) / 2;
}

async function once<T>(
  config: ResolvedTransportOptions,
  request: TransportRequest<T>,
): Promise<TransportResult<T>> {
  const { signal } = request;
  if (signal?.aborted) throw abortedError(signal);
  const controller = new AbortController();
  const http = buildRequest(config, request, controller.signal);
  // Errors thrown by the caller's own hook are the caller's: they propagate unchanged.
  // Without a hook the request leaves in the caller's task: no microtask before `fetch`.
  if (config.hooks.beforeRequest) await config.hooks.beforeRequest(http);
  if (signal?.aborted) throw abortedError(signal);
  const onAbort = () => controller.abort(signal?.reason);
  // Before the timer: something that is not an AbortSignal throws its TypeError here, leaving
  // no timer behind to keep a process alive.
  signal?.addEventListener('abort', onAbort, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, config.timeout);
  try {
    const fetchImpl = config.fetch ?? globalThis.fetch;
    // The same request, started early by `startResetTokenCheck`: its answer instead of a second
    // request. Not for a client with a hook, which must see every request it makes.
    const started = config.hooks.beforeRequest
      ? undefined
      : takeStarted(http, () => bodyText(request), fetchImpl);
    if (started) {
      controller.signal.addEventListener(
        'abort',
        () => started.controller.abort(controller.signal.reason),
        { once: true },
      );
    }
    const response = await (started ? started.response : fetchImpl(http));
    if (response.ok && request.parse === undefined) {
      await response.body?.cancel().catch(() => undefined);
      return { data: undefined as T, status: response.status, headers: response.headers };
    }
    const text = await readBody(response, MAX_RESPONSE_BODY_BYTES);
    if (!response.ok) throw errorFromResponse(response, text);
    return {
      data: parseSuccess(response, text, request.parse as (value: unknown) => T | null),
      status: response.status,
      headers: response.headers,
    };
  } catch (error) {
    if (signal?.aborted) throw abortedError(signal);
    if (isConnectError(error)) throw error;
    if (timedOut) throw new TimeoutError(undefined, { cause: error });
    throw new NetworkError(undefined, { cause: error });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

const bodyText = (request: TransportRequest<unknown>): string =>
  request.body === undefined ? '' : JSON.stringify(request.body);

/**
 * The `Request` of one attempt: the base URL and the route's method and path, `accept`, the
 * client's headers, the JSON body, `redirect: 'manual'` and the credentials mode.
 */
export function buildRequest<T>(
  config: ResolvedTransportOptions,
  request: TransportRequest<T>,
  signal: AbortSignal,
): Request {
  const route = ROUTES[request.route];
  const headers = new Headers(config.headers);
  headers.set('accept', ACCEPT);
  for (const [name, value] of Object.entries(request.headers ?? {})) headers.set(name, value);
  const init: RequestInit = {
    method: route.method,
    headers,
    signal,
    // A password must never be re-posted to wherever a redirect points.
    redirect: 'manual',
  };
  if (request.body !== undefined) {
    headers.set('content-type', 'application/json');
    init.body = bodyText(request);
  }
  if (config.credentials !== undefined) init.credentials = config.credentials;
  return new Request(`${config.base}${route.path}`, init);
}
