/**
 * Requests started before the client that wants their answer exists: the reset page's link check
 * sent by a small early script while the page's other scripts still load (see
 * `startResetTokenCheck`). A client's transport takes a started request instead of sending the
 * same one again — once, and only when it would have sent exactly that request.
 *
 * The table lives on `globalThis` under a `Symbol.for` key, so an early script bundled with its
 * own copy of this module (it is meant to be a separate, tiny file) and the page's client agree.
 */

/** A request on the network whose answer no client has taken yet. */
interface Started {
  response: Promise<Response>;
  /** Aborts the request (the taking client's timeout and signal reach it through this). */
  controller: AbortController;
  /** The `fetch` that sent it: a client with another `fetch` (a recorder, a mock) sends its own. */
  fetch: typeof globalThis.fetch;
  /** `Date.now()` when it was sent. */
  at: number;
}

/**
 * How long a started request waits to be taken. Its answer describes the token at the moment it
 * was sent; a client asking later sends a request of its own.
 */
export const STARTED_TTL_MS = 30_000;

const TABLE = Symbol.for('@connect-auth/core.started-requests');

function table(): Map<string, Started> {
  const global = globalThis as { [TABLE]?: Map<string, Started> };
  global[TABLE] ??= new Map();
  return global[TABLE];
}

/**
 * What makes two requests the same: method, URL, credentials mode, every header and the body.
 */
export function requestKey(request: Request, body: string): string {
  const headers = [...request.headers].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([request.method, request.url, request.credentials, headers, body]);
}

/**
 * Send `request` now and keep its answer for the first client that asks for the same request.
 */
export function startRequest(
  request: Request,
  body: string,
  fetchImpl: typeof globalThis.fetch,
  controller: AbortController,
): void {
  let response: Promise<Response>;
  try {
    response = Promise.resolve(fetchImpl(request));
  } catch (error) {
    response = Promise.reject(error);
  }
  // Nobody may ever take it: a failure must not surface as an unhandled rejection.
  response.catch(() => undefined);
  const started = table();
  const now = Date.now();
  for (const [key, entry] of started) if (now - entry.at > STARTED_TTL_MS) started.delete(key);
  started.set(requestKey(request, body), { response, controller, fetch: fetchImpl, at: now });
}

/**
 * The started request equal to `request` (`body` gives its body text: computed only when a
 * request is waiting), sent by `fetchImpl` within {@link STARTED_TTL_MS},
 * removed from the table (a response is read once); `undefined` when there is none.
 */
export function takeStarted(
  request: Request,
  body: () => string,
  fetchImpl: typeof globalThis.fetch,
): Started | undefined {
  const started = (globalThis as { [TABLE]?: Map<string, Started> })[TABLE];
  if (!started?.size) return undefined;
  const key = requestKey(request, body());
  const entry = started.get(key);
  if (!entry || entry.fetch !== fetchImpl) return undefined;
  started.delete(key);
  if (Date.now() - entry.at > STARTED_TTL_MS) {
    entry.controller.abort();
    return undefined;
  }
  return entry;
}
