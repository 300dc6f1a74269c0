/**
 * Session state: current session, listeners, refresh timer and refresh-token persistence.
 *
 * @packageDocumentation
 */
export { readRefreshCookie, refreshCookieHeader } from './cookie.ts';
export { memoryStorage } from './memory-storage.ts';
export {
  createSessionManager,
  type SessionManager,
  type SessionManagerOptions,
} from './session-manager.ts';
