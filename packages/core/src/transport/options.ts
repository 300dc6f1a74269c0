import type { ClientHooks, ConnectClientOptions } from '../types.ts';

/**
 * Options of {@link createTransport}: the transport's share of `ConnectClientOptions` (same
 * names, same meaning), plus `credentials`. `baseUrl` may carry a path prefix, which is kept;
 * the default `fetch` is the global one, looked up at call time; `timeout` covers headers and
 * body of each attempt.
 */
export interface TransportOptions
  extends Pick<
    ConnectClientOptions,
    'baseUrl' | 'fetch' | 'timeout' | 'retry' | 'headers' | 'hooks'
  > {
  /**
   * `credentials` mode of every request. Default: `'include'` in browsers (so the HttpOnly refresh
   * cookie travels cross-origin), unset elsewhere (some server runtimes reject the member).
   */
  credentials?: RequestCredentials;
}

/**
 * Options after validation and defaults.
 */
export interface ResolvedTransportOptions {
  base: string;
  fetch: typeof globalThis.fetch | undefined;
  timeout: number;
  retryLimit: number;
  maxDelayMs: number;
  headers: Record<string, string>;
  hooks: ClientHooks;
  credentials: RequestCredentials | undefined;
}

const MAX_TIMER_MS = 2_147_483_647;

/**
 * Validates transport options (misuse is a `TypeError`, thrown at creation, never later) and
 * fills in the defaults.
 */
export function resolveTransportOptions(options: TransportOptions): ResolvedTransportOptions {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('createConnectClient: options are required ({ baseUrl }).');
  }
  const retry = options.retry === false ? { limit: 0 } : (options.retry ?? {});
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw new TypeError('createConnectClient: fetch must be a function.');
  }
  return {
    base: resolveBase(options.baseUrl),
    fetch: options.fetch,
    timeout: count(options.timeout, 10_000, 1, 'timeout'),
    retryLimit: count(retry.limit, 2, 0, 'retry.limit'),
    maxDelayMs: count(retry.maxDelayMs, 10_000, 0, 'retry.maxDelayMs'),
    headers: checkHeaders(options.headers),
    hooks: checkHooks(options.hooks),
    credentials: checkCredentials(options.credentials) ?? (inBrowser() ? 'include' : undefined),
  };
}

// Every request builds a `Request` from these three; checked here, a bad value is a TypeError at
// creation instead of at the first call.
function checkHeaders(headers: Record<string, string> | undefined): Record<string, string> {
  const copy = { ...headers };
  try {
    new Headers(copy);
  } catch {
    throw new TypeError('createConnectClient: headers must be valid HTTP header names and values.');
  }
  return copy;
}

function checkHooks(hooks: ClientHooks | undefined): ClientHooks {
  const copy = { ...hooks };
  if (copy.beforeRequest !== undefined && typeof copy.beforeRequest !== 'function') {
    throw new TypeError('createConnectClient: hooks.beforeRequest must be a function.');
  }
  return copy;
}

function checkCredentials(value: unknown): RequestCredentials | undefined {
  if (value === undefined || value === 'include' || value === 'same-origin' || value === 'omit') {
    return value;
  }
  throw new TypeError('createConnectClient: credentials must be include, same-origin or omit.');
}

/** A browser window or worker: where `fetch` has a cookie jar the refresh cookie lives in. */
function inBrowser(): boolean {
  return (
    typeof document !== 'undefined' ||
    typeof (globalThis as { importScripts?: unknown }).importScripts === 'function'
  );
}

function resolveBase(baseUrl: unknown): string {
  if (typeof baseUrl !== 'string' && !(baseUrl instanceof URL)) {
    throw new TypeError('createConnectClient: baseUrl must be a string or URL.');
  }
  let url: URL;
  try {
    url = new URL(String(baseUrl));
  } catch {
    throw new TypeError(`createConnectClient: baseUrl is not an absolute URL: ${String(baseUrl)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError('createConnectClient: baseUrl must use http or https.');
  }
  if (url.username || url.password) {
    throw new TypeError('createConnectClient: baseUrl must not carry credentials.');
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

function count(value: unknown, fallback: number, min: number, name: string): number {
  if (value === undefined) return fallback;
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < min ||
    value > MAX_TIMER_MS
  ) {
    throw new TypeError(`createConnectClient: ${name} must be an integer ≥ ${min}.`);
  }
  return value;
}
