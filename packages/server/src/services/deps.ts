/**
 * What every service receives: the store, the keyed hashers, the clock, the logger and the links
 * configuration. Built once by `createServer` (or by tests) and shared.
 */
import type { PasswordPolicy } from '@connect-auth/core/contract';
import type { CommonPasswords } from '@connect-auth/core/policy';
import type { AccessTokens } from '../auth/access-tokens.ts';
import type { PasswordHasher } from '../auth/password.ts';
import type { SecretHasher } from '../auth/secrets.ts';
import type { Sealer } from '../crypto/seal.ts';
import type { Logger } from '../log.ts';
import type { Store } from '../store/types.ts';
import type { Background } from './background.ts';
import type { Limits } from './limits.ts';

/** Where mail links point. Functions, because a test server learns its port only after listening. */
export interface Links {
  /** Base URL of the app that hosts `/reset`, `/verify-email`, `/sign-in`, `/lost-password`, `/confirm-email`. */
  appUrl(): string;
}

/**
 * Paths of the app's pages that mails link to (appended to the configured `appUrl`).
 *
 * @example
 * ```ts
 * `${appUrl}${APP_PATHS.reset}#token=${token}`; // https://app.example/reset#token=…
 * ```
 */
export const APP_PATHS = {
  reset: '/reset',
  verifyEmail: '/verify-email',
  signIn: '/sign-in',
  lostPassword: '/lost-password',
  confirmEmail: '/confirm-email',
} as const;

/** Dependencies shared by the services. */
export interface ServiceDeps {
  store: Store;
  sealer: Sealer;
  secrets: SecretHasher;
  hasher: PasswordHasher;
  accessTokens: AccessTokens;
  clock: () => Date;
  logger: Logger;
  policy: PasswordPolicy;
  /** The server's large list: the first call starts building it (in slices), every call waits for it. */
  blocklist: () => Promise<CommonPasswords>;
  links: Links;
  limits: Limits;
  background: Background;
  /** Called once mail was enqueued (wakes the outbox worker). */
  onMailQueued: () => void;
  autoSignInAfterReset: boolean;
  /** Refresh reuse grace window in ms (0: a replayed refresh token always revokes its family). */
  refreshReuseGraceMs: number;
}
