import type { Session } from '../contract/messages.ts';
import type { SessionListener, SessionStorageAdapter } from '../types.ts';
import { readRefreshCookie, refreshCookieHeader } from './cookie.ts';

/**
 * Options of {@link createSessionManager}.
 */
export interface SessionManagerOptions {
  /** Where the refresh token is persisted where the runtime exposes it (Node). */
  storage?: SessionStorageAdapter | undefined;
  /** Refresh this many ms before expiry; `false` disables the timer. Default 60 000. */
  refreshBeforeExpiryMs?: number | false | undefined;
}

/**
 * Session state of one client: the current session, its listeners, timer and refresh token.
 */
export interface SessionManager {
  /** The current session, or `null`. */
  readonly session: Session | null;
  /** Bumped on every change; a request started under an older generation must not apply. */
  readonly generation: number;
  /**
   * Bumped by every session applied without a generation (a sign-in): a sign-out started
   * before it ends the older session, not this one.
   */
  readonly signIns: number;
  /** Adds a listener; returns the function that removes it. */
  subscribe(listener: SessionListener): () => void;
  /** Headers for cookie-authenticated calls: `Cookie` where the runtime lets us send it. */
  credentialHeaders(): Promise<Record<string, string>>;
  /**
   * Applies a new session. A refresh passes the generation it started under and is dropped when
   * anything changed meanwhile; a sign-in passes none and always applies (dropping refreshes
   * still in flight).
   */
  accept(session: Session, headers: Headers, generation?: number): Promise<void>;
  /** Forgets the session (sign-out, invalid refresh) unless `generation` is stale. */
  clear(generation?: number): Promise<void>;
  /**
   * Runs `refresh` unless a refresh is already running, in which case its promise is shared: a
   * rotated refresh token must be sent once, however many callers want a fresh session.
   */
  sharedRefresh(refresh: () => Promise<Session>): Promise<Session>;
  /** Sets the function the timer calls (the client wires its own `refreshSession`). */
  setRefresher(refresher: () => Promise<unknown>): void;
}

const MAX_TIMER_MS = 2_147_483_647;
/** Never refresh sooner than this after the previous answer (guards against clock skew loops). */
const MIN_REFRESH_DELAY_MS = 10_000;
/** Wait before retrying a timer refresh that failed for a transient reason. */
const RETRY_REFRESH_MS = 30_000;

/**
 * Creates the session state of one client. The access token lives in memory only; the refresh
 * token is handled by the browser's HttpOnly cookie, or (in Node) read from `Set-Cookie`, kept in
 * memory, persisted through `storage` and sent back as `Cookie`. Listeners hear exactly one event
 * per change. The refresh timer fires `refreshBeforeExpiryMs` before `expiresAt` (no earlier than
 * half the remaining lifetime, and no sooner than 10 s) and is `unref`ed in Node so it never keeps
 * a process alive.
 */
export function createSessionManager(options: SessionManagerOptions = {}): SessionManager {
  const listeners = new Set<SessionListener>();
  const before = options.refreshBeforeExpiryMs ?? 60_000;
  let refresher: (() => Promise<unknown>) | undefined;
  let refreshing: Promise<Session> | undefined;
  let current: Session | null = null;
  let generation = 0;
  let signIns = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let refreshToken: string | null | undefined; // undefined: not loaded from storage yet

  const emit = (session: Session | null) => {
    for (const listener of [...listeners]) {
      try {
        listener(session);
      } catch (error) {
        // A listener's bug must not break the flow that changed the session, nor the other
        // listeners: report it the way EventTarget does (window 'error' event), else log it.
        if (typeof globalThis.reportError === 'function') globalThis.reportError(error);
        else console.error(error);
      }
    }
  };

  const stopTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  const schedule = (delay: number) => {
    stopTimer();
    const scheduledFor = generation;
    timer = setTimeout(
      () => {
        timer = undefined;
        if (scheduledFor !== generation || !refresher) return;
        refresher().catch(() => {
          // session_invalid already cleared the session; anything else is transient: try again.
          if (current && scheduledFor === generation) schedule(RETRY_REFRESH_MS);
        });
      },
      Math.min(delay, MAX_TIMER_MS),
    );
    (timer as { unref?: () => void }).unref?.();
  };

  const scheduleFor = (session: Session) => {
    if (before === false) return;
    const untilExpiry = Date.parse(session.expiresAt) - Date.now();
    if (Number.isNaN(untilExpiry)) return;
    schedule(Math.max(untilExpiry - before, untilExpiry / 2, MIN_REFRESH_DELAY_MS));
  };

  const loadToken = async (): Promise<string | null> => {
    if (refreshToken === undefined) {
      const stored = options.storage ? await options.storage.load() : null;
      // A sign-in may have completed while the storage was loading: the newer value wins.
      if (refreshToken === undefined) {
        refreshToken = typeof stored?.refreshToken === 'string' ? stored.refreshToken : null;
      }
    }
    return refreshToken;
  };

  // Storage writes run one at a time, in the order of the changes: an adapter that finished a
  // slow earlier write (a rotated token) after a later one (sign-out) would persist a stale token.
  let writes: Promise<unknown> = Promise.resolve();
  const saveToken = (token: string | null): Promise<void> => {
    refreshToken = token;
    const { storage } = options;
    if (!storage) return Promise.resolve();
    const write = writes.then(() => storage.save(token === null ? null : { refreshToken: token }));
    writes = write.catch(() => undefined);
    return write;
  };

  return {
    get session() {
      return current;
    },
    get generation() {
      return generation;
    },
    get signIns() {
      return signIns;
    },
    subscribe(listener) {
      if (typeof listener !== 'function')
        throw new TypeError('onSessionChange: listener must be a function.');
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    async credentialHeaders() {
      const token = await loadToken();
      const cookie = token === null ? undefined : refreshCookieHeader(token);
      const headers: Record<string, string> = {};
      if (cookie !== undefined) headers.cookie = cookie;
      return headers;
    },
    async accept(session, headers, expected) {
      if (expected !== undefined && expected !== generation) return;
      generation++;
      if (expected === undefined) signIns++;
      current = session;
      scheduleFor(session);
      const token = readRefreshCookie(headers);
      if (token !== undefined) refreshToken = token;
      emit(session);
      if (token !== undefined) await saveToken(token);
    },
    async clear(expected) {
      if (expected !== undefined && expected !== generation) return;
      generation++;
      stopTimer();
      const had = current !== null;
      current = null;
      if (had) emit(null);
      if (refreshToken !== null || options.storage) await saveToken(null);
    },
    sharedRefresh(refresh) {
      refreshing ??= refresh().finally(() => {
        refreshing = undefined;
      });
      return refreshing;
    },
    setRefresher(next) {
      refresher = next;
    },
  };
}
