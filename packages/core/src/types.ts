import type {
  Accepted,
  EmailChanged,
  EmailVerified,
  PasswordPolicy,
  PasswordResetResult,
  ResetTokenInfo,
  Session,
} from './contract/index.ts';

/** Options accepted by every flow. */
export interface CallOptions {
  /** Aborts the call; the flow then rejects with an `AbortedError` (`code: 'aborted'`). */
  signal?: AbortSignal;
}

/** Retry settings for safe and idempotent calls (never for `completePasswordReset`). */
export interface RetryOptions {
  /** Attempts after the first one. Default 2; 0 disables retries. */
  limit?: number;
  /** Longest single wait between attempts, in ms, including a server's `Retry-After`. Default 10 000. */
  maxDelayMs?: number;
}

/** What the client keeps of a session between page loads or process runs. */
export interface StoredSession {
  /**
   * The refresh token, only where the runtime exposes `Set-Cookie` (Node, Deno, Bun).
   * In browsers it stays in the HttpOnly cookie and is never seen by script.
   */
  refreshToken?: string;
}

/**
 * Where the client persists what it needs to resume a session. The default keeps nothing
 * (browsers resume through the HttpOnly refresh cookie); Node scripts may persist to a file.
 */
export interface SessionStorageAdapter {
  load(): StoredSession | null | Promise<StoredSession | null>;
  save(value: StoredSession | null): void | Promise<void>;
}

/** Hooks around every HTTP request the client sends. */
export interface ClientHooks {
  /** Called before each request; may add headers (e.g. tracing). */
  beforeRequest?: (request: Request) => void | Promise<void>;
}

/** Options of {@link createConnectClient}. */
export interface ConnectClientOptions {
  /** The Connect server's base URL, e.g. `https://connect.example.com`. */
  baseUrl: string | URL;
  /** A `fetch` implementation; defaults to the global one. */
  fetch?: typeof globalThis.fetch;
  /** Per-attempt timeout in milliseconds. Default 10 000. */
  timeout?: number;
  /** Retry settings; `false` disables retries. */
  retry?: RetryOptions | false;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
  /** Request hooks. */
  hooks?: ClientHooks;
  /** Session persistence; default: memory only. */
  storage?: SessionStorageAdapter;
  /**
   * Refresh the access token this many ms before it expires while a session is active.
   * Default 60 000; `false` disables the timer (call `refreshSession()` yourself).
   */
  refreshBeforeExpiryMs?: number | false;
}

/** A change of session: signed in, refreshed, or signed out (`null`). */
export type SessionListener = (session: Session | null) => void;

/**
 * The Connect client: one object with every flow. Every method takes an optional
 * `{ signal }` and rejects only with a `ConnectError` (or a `TypeError` for misuse).
 */
export interface ConnectClient {
  /** Ask for a reset or activation email. Resolves the same whether or not the account exists. */
  requestPasswordReset(input: { email: string }, options?: CallOptions): Promise<Accepted>;
  /** Inspect a reset token without consuming it: the account's email, expiry and purpose. */
  verifyResetToken(token: string, options?: CallOptions): Promise<ResetTokenInfo>;
  /** Set the new password with the link's token or the emailed code. The only consuming call. */
  completePasswordReset(
    input: { token: string; password: string } | { email: string; code: string; password: string },
    options?: CallOptions,
  ): Promise<PasswordResetResult>;
  /** Sign in with email and password. */
  signIn(input: { email: string; password: string }, options?: CallOptions): Promise<Session>;
  /** Exchange the refresh cookie for a new access token (and a rotated refresh token). */
  refreshSession(options?: CallOptions): Promise<Session>;
  /** End the current session on the server and locally. */
  signOut(options?: CallOptions): Promise<void>;
  /**
   * Register a new account; resolves the same for new and existing emails. `locale` (a language
   * tag such as `fr`) is the language of the account's mails.
   */
  register(
    input: { email: string; password: string; name?: string; locale?: string },
    options?: CallOptions,
  ): Promise<Accepted>;
  /** Verify a registration email with the token from its link. */
  verifyEmail(token: string, options?: CallOptions): Promise<EmailVerified>;
  /** The password policy in force on the server (fetched once, then cached). */
  getPasswordPolicy(options?: CallOptions): Promise<PasswordPolicy>;
  /**
   * Signed in: change the password (the current one is required). Every other session ends; this
   * client gets a fresh session and stays signed in.
   */
  changePassword(
    input: { currentPassword: string; newPassword: string },
    options?: CallOptions,
  ): Promise<Session>;
  /** Signed in: mail a confirmation link to a new address; nothing changes until it is followed. */
  requestEmailChange(
    input: { newEmail: string; password: string },
    options?: CallOptions,
  ): Promise<Accepted>;
  /** Confirm an email change with the token from the link (no session needed). */
  confirmEmailChange(input: { token: string }, options?: CallOptions): Promise<EmailChanged>;
  /** Signed in: end every session of the account, on every device, and this one locally. */
  signOutEverywhere(options?: CallOptions): Promise<void>;
  /** The current session, or `null`. */
  readonly session: Session | null;
  /** Listen to session changes; returns the function that unsubscribes. */
  onSessionChange(listener: SessionListener): () => void;
}
