/**
 * The storage boundary of the reference server. Two adapters implement it — embedded SQLite
 * (`node:sqlite`, the default) and PostgreSQL — and one shared test suite runs against both.
 *
 * Rules every adapter keeps:
 * - Secrets are never stored raw: tokens and codes arrive here already as keyed hashes
 *   (HMAC-SHA-256, hex); passwords as PHC strings; mail payloads sealed (encrypted) by the caller.
 * - Every method that changes more than one row is one transaction: all or nothing.
 * - Times are passed in (`now`) so tests drive the clock; the store never reads the wall clock
 *   for decisions.
 * - Emails are stored canonical (see core's `canonicalizeEmail`); lookups use `emailKey`, the
 *   canonical email lower-cased, which is unique.
 */

/** Lifecycle of an account. */
export type AccountStatus = 'pending_activation' | 'active' | 'pending_verification' | 'disabled';

/** An account row. */
export interface AccountRecord {
  id: string;
  /** Canonical email as the user gave it (local part case kept). */
  email: string;
  /** Lower-cased canonical email: the unique lookup key. */
  emailKey: string;
  name: string | null;
  /**
   * Preferred language (a language tag such as `fr` or `en-GB`) for the account's mails, or
   * null for the server's default (English).
   */
  locale: string | null;
  status: AccountStatus;
  /** PHC string, or null for migrated accounts awaiting activation. */
  passwordHash: string | null;
  /** Bumped on every password change; access tokens carry it and refresh checks it. */
  credentialVersion: number;
  /** Consecutive failed sign-ins (reset on success); drives the growing delay. */
  failedSignIns: number;
  createdAt: Date;
  updatedAt: Date;
  activatedAt: Date | null;
  /** When an activation or invitation mail was last queued (the campaign's cooldown clock). */
  activationMailedAt: Date | null;
}

/** What a one-time token is for; a token is bound to its purpose. */
export type TokenPurpose = 'reset' | 'activation' | 'verify_email';

/** A one-time token row (link token and, optionally, its short code). */
export interface TokenRecord {
  id: string;
  accountId: string;
  purpose: TokenPurpose;
  /** HMAC-SHA-256 (hex) of the raw link token. */
  tokenHash: string;
  /** HMAC-SHA-256 (hex) of the one-time code, when the mail carried one. */
  codeHash: string | null;
  /** Wrong code attempts so far; the code stops working at the service's limit. */
  codeAttempts: number;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  /** Set when a newer token of the same account and purpose family replaced this one. */
  supersededAt: Date | null;
  /**
   * verify_email only: the PHC hash of the password given by the registration that sent this
   * token; verifying makes it the account's password. Absent on other purposes.
   */
  passwordHash?: string | null;
}

/** A mail waiting in, or delivered from, the durable outbox. */
export interface OutboxRecord {
  id: string;
  /** Recipient: always the address stored on the account. */
  to: string;
  /** Template id, e.g. `password_reset`, `account_activation`, `password_changed`, `verify_email`, `already_registered`. */
  template: string;
  /** Sealed (encrypted, authenticated) JSON payload; null once delivered and scrubbed. */
  payload: string | null;
  status: 'pending' | 'sent' | 'dead';
  attempts: number;
  nextAttemptAt: Date;
  /** While a worker holds the lease, no other worker claims the mail. */
  leaseUntil: Date | null;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

/** A new outbox mail. */
export interface NewOutboxMail {
  id: string;
  to: string;
  template: string;
  payload: string;
  createdAt: Date;
}

/** A refresh token row; tokens of one sign-in share a family. */
export interface RefreshTokenRecord {
  id: string;
  familyId: string;
  accountId: string;
  tokenHash: string;
  credentialVersion: number;
  createdAt: Date;
  expiresAt: Date;
  /** Set when rotated (used once); using it again revokes the whole family. */
  usedAt: Date | null;
  revokedAt: Date | null;
}

/** A signing key, persisted so that every process and restart signs with the same keys. */
export interface SigningKeyRecord {
  kid: string;
  alg: string;
  /** Private JWK, sealed by the caller. */
  privateJwk: string;
  /** Public JWK as JSON. */
  publicJwk: string;
  createdAt: Date;
}

/**
 * Why a one-time token is not live, so neither inspected nor consumed. The store decides it by
 * one rule for both (see {@link Store.inspectToken}); the first that holds wins: `invalid` (no
 * such token, another purpose, or its account is gone or disabled), then `used`, then
 * `superseded`, then `expired`.
 */
export type ConsumeFailure = 'invalid' | 'expired' | 'used' | 'superseded';

/** A one-time token judged at an instant: live (with its account), or why not. */
export type TokenVerdict =
  | { ok: true; token: TokenRecord; account: AccountRecord }
  | { ok: false; reason: ConsumeFailure };

/** Input of {@link Store.completePasswordReset}: everything a reset changes, in one transaction. */
export interface CompleteResetInput {
  tokenId: string;
  /** New PHC password hash (hashed before the transaction: hashing is slow). */
  passwordHash: string;
  now: Date;
  /**
   * The "password changed / account activated" notice, enqueued in the same transaction. A
   * function is called inside the transaction with what the transaction did, so the notice
   * describes the account as changed, not as it was read before (another call may have changed
   * it in between); it must not do I/O.
   */
  notice:
    | NewOutboxMail
    | ((outcome: { account: AccountRecord; activated: boolean }) => NewOutboxMail);
}

/** Result of {@link Store.completePasswordReset}. */
export type CompleteResetResult =
  | { ok: true; account: AccountRecord; activated: boolean }
  | { ok: false; reason: ConsumeFailure };

/** Outcome of counting one event against a fixed window. */
export interface RateLimitHit {
  /** Events in the current window, this one included. */
  count: number;
  /** When the current window ends. */
  resetAt: Date;
}

/**
 * The rate-limit keys of one sign-in attempt (built by the server's limits, `services/limits.ts`).
 */
export interface SignInKeys {
  /** Failed sign-ins from the source (an IP, or an IPv6 /64), whatever the email. */
  ip: string;
  /** Consecutive failures of the email from the source. */
  source: string;
  /** The delay running for the email from the source. */
  wait: string;
  /** Failures of the email from every source. */
  account: string;
  /** Open while the source is one the email's owner signed in from lately. */
  known: string;
  /**
   * A text shared by every attempt at the email, whatever the source: a store that can serialise
   * one email's attempts (PostgreSQL: an advisory lock on its hash) does so on it.
   */
  lock: string;
}

/** Input of {@link Store.reserveSignIn}: the keys, the windows and the thresholds. */
export interface ReserveSignInInput {
  emailKey: string;
  keys: SignInKeys;
  now: Date;
  /** Counted unless refused by `wait` or `paused`. */
  ip: { windowMs: number; limit: number };
  /** Counted only when the IP's count is ≤ `ip.limit`. */
  source: { windowMs: number; delayFrom: number };
  /** Counted only when the source's count is < `source.delayFrom`; paused at `hardStop`. */
  account: { windowMs: number; hardStop: number };
}

/**
 * Result of {@link Store.reserveSignIn}. Exactly the counts in it that are not null were
 * incremented; each is the window's count after this attempt, this one included.
 */
export interface SignInReservation {
  /** The account with the email key, or null — looked up whatever else happened. */
  account: AccountRecord | null;
  /** The running delay (`keys.wait` open): nothing was counted. */
  wait: RateLimitHit | null;
  /** `keys.account` holds ≥ `hardStop` and `keys.known` is not open: nothing was counted. */
  paused: RateLimitHit | null;
  /** `keys.ip` after this attempt (null when refused above). */
  ip: RateLimitHit | null;
  /** `keys.source` after this attempt (null when refused above or the IP is over its limit). */
  source: RateLimitHit | null;
  /** `keys.account` after this attempt (null when not counted: refused above, or the source reached `delayFrom`). */
  total: RateLimitHit | null;
  /** Whether `keys.known` was open. */
  known: boolean;
}

/**
 * Input of {@link Store.completeSignIn}: a verified sign-in's bookkeeping and its new session —
 * or, without `refreshToken`, the bookkeeping alone (a signed-in user's current password checked
 * again, who keeps the session they have).
 */
export interface CompleteSignInInput {
  accountId: string;
  now: Date;
  /**
   * Rehash on login: the hash is replaced by `to` only while it is still `from`, the hash the
   * password was verified against — a password reset that committed meanwhile must not be
   * overwritten with a hash of the old password.
   */
  rehash?: { from: string; to: string };
  keys: SignInKeys;
  /** The source stays known (`keys.known`) this long from `now`. */
  knownWindowMs: number;
  /** The new session's first refresh token (a new family); absent when no session starts. */
  refreshToken?: RefreshTokenRecord;
}

/**
 * Rows removed by {@link Store.pruneExpired}.
 *
 * @example
 * ```ts
 * const { rateLimits } = await store.pruneExpired(new Date(), 7 * 24 * 3600_000);
 * ```
 */
export interface PruneResult {
  rateLimits: number;
  tokens: number;
  refreshTokens: number;
  mails: number;
}

/**
 * Accounts by state and activations per UTC day: the migration's progress at a glance.
 *
 * @example
 * ```ts
 * const { byStatus } = await store.accountStats();
 * console.log(byStatus.pending_activation);
 * ```
 */
export interface AccountStats {
  total: number;
  byStatus: Record<AccountStatus, number>;
  /** Accounts whose `activatedAt` falls on each UTC day (`YYYY-MM-DD`), oldest first. */
  activationsByDay: Array<{ day: string; count: number }>;
}

/** A page of {@link Store.listAccounts}, ordered by `emailKey`. */
export interface AccountQuery {
  status?: AccountStatus;
  /** Case-insensitive substring of the email or the name. */
  search?: string;
  limit: number;
  /** Keyset cursor: only accounts whose emailKey sorts after this one. */
  afterEmailKey?: string;
}

/** An admin API key: only its hash is stored; the key itself is shown once, at creation. */
export interface AdminKeyRecord {
  id: string;
  /** Who or what holds it, e.g. "cs-console". */
  name: string;
  /** The key's public prefix (`cak_xxxxxxxx`), shown in lists and audit entries. */
  prefix: string;
  /** SHA-256 (hex) of the whole key. */
  keyHash: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** A new audit-log entry: who did what, when, to which account. */
export interface NewAuditEntry {
  id: string;
  at: Date;
  /** `cli:<user>` or `key:<prefix> (<name>)`. */
  actor: string;
  /** e.g. `account.disable`, `account.change_email`, `activation.send`, `admin_key.create`. */
  action: string;
  accountId: string | null;
  /** The account's email when the action happened. */
  accountEmail: string | null;
  /** Extra facts (never secrets), stored as JSON. */
  detail: Record<string, unknown> | null;
}

/** A stored audit-log entry. */
export type AuditRecord = NewAuditEntry;

/** A pending self-service email change: the link goes to the new address. */
export interface EmailChangeRecord {
  id: string;
  accountId: string;
  /** Canonical new email. */
  newEmail: string;
  newEmailKey: string;
  /** HMAC-SHA-256 (hex) of the raw link token. */
  tokenHash: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  supersededAt: Date | null;
}

/** The store. Adapters: `openSqliteStore()` and `openPostgresStore()`. */
export interface Store {
  /** Which adapter this is. */
  readonly kind: 'sqlite' | 'postgres';

  // Accounts
  createAccount(
    account: Omit<
      AccountRecord,
      | 'failedSignIns'
      | 'credentialVersion'
      | 'activatedAt'
      | 'updatedAt'
      | 'activationMailedAt'
      | 'locale'
    > & { locale?: string | null },
  ): Promise<AccountRecord>;
  /** Insert many migrated accounts; existing emailKeys are skipped. Returns the inserted count. */
  importAccounts(
    accounts: Array<{
      id: string;
      email: string;
      emailKey: string;
      name: string | null;
      locale?: string | null;
    }>,
    now: Date,
  ): Promise<number>;
  findAccountByEmailKey(emailKey: string): Promise<AccountRecord | null>;
  findAccountById(id: string): Promise<AccountRecord | null>;
  /** Set (or with null, clear) the account's preferred language; false when no such account. */
  setAccountLocale(id: string, locale: string | null, now: Date): Promise<boolean>;
  /** Record a failed sign-in; returns the new consecutive-failure count. */
  recordFailedSignIn(accountId: string, now: Date): Promise<number>;

  /**
   * Admit one sign-in attempt and find its account, in one atomic step (one statement on
   * PostgreSQL, one transaction on SQLite) — the sign-in's first round trip. Keeps the order of
   * `services/limits.ts`' gate: when `keys.wait` is open, or `keys.account` holds ≥
   * `account.hardStop` while `keys.known` is not open, nothing is counted; otherwise `keys.ip` is
   * counted (as {@link Store.hitRateLimit}), then `keys.source` if the IP's count is ≤
   * `ip.limit`, then `keys.account` if the source's count is < `source.delayFrom`. Each count
   * is an atomic increment, so parallel attempts get distinct counts and none is lost; the
   * account is looked up whatever the outcome.
   */
  reserveSignIn(input: ReserveSignInInput): Promise<SignInReservation>;
  /**
   * A verified sign-in, in one atomic step (one statement on PostgreSQL, one transaction on
   * SQLite): reset the account's failure count and apply `rehash` (the hash replaced only while
   * it is still `rehash.from`); give back one count of `keys.ip` and of
   * `keys.account` (as {@link Store.releaseRateLimit}); forget `keys.source` and `keys.wait`;
   * start a fresh window of `knownWindowMs` for `keys.known` holding 1; insert `refreshToken`,
   * when there is one.
   */
  completeSignIn(input: CompleteSignInInput): Promise<void>;

  // One-time tokens
  /**
   * Insert a token and, in the same transaction, supersede every unused token of the same
   * account whose purpose is in `supersedes` (the newest email's link is the only valid one),
   * and enqueue its mail.
   */
  issueToken(
    token: TokenRecord,
    supersedes: readonly TokenPurpose[],
    mail: NewOutboxMail,
  ): Promise<void>;
  /**
   * Judge the token with this hash for `purposes` at `now` without consuming it (SECURITY 9):
   * live, with its account, or why not. The consuming calls judge their token by this same code,
   * so what a page shows after inspecting is what completing would answer.
   */
  inspectToken(
    tokenHash: string,
    purposes: readonly TokenPurpose[],
    now: Date,
  ): Promise<TokenVerdict>;
  /** The newest unused, unsuperseded token of these purposes for the account (for code entry). */
  findLatestToken(
    accountId: string,
    purposes: readonly TokenPurpose[],
  ): Promise<TokenRecord | null>;
  /**
   * Count one code attempt, in one transaction: a hit on the rate-limit window `key` (as
   * {@link Store.hitRateLimit}) and, when `tokenId` is given, a wrong-code attempt on that token
   * (returning the attempts so far; `attempts` is 0 without a token). Both paths run the same
   * statements, so an address without an account or token costs the same work as one with.
   */
  countCodeAttempt(input: {
    tokenId: string | null;
    key: string;
    windowMs: number;
    now: Date;
  }): Promise<{ attempts: number; address: RateLimitHit }>;
  /**
   * The one consuming call of a reset: in one transaction (BEGIN IMMEDIATE on SQLite; the account
   * row locked first on PostgreSQL), consume the token only if live — judged as
   * {@link Store.inspectToken} judges it, then marked used by a conditional `UPDATE` — set the
   * password, bump credentialVersion, reset failedSignIns, supersede the account's other
   * reset/activation tokens, revoke every refresh token, activate a pending_activation account,
   * and enqueue the notice. Exactly one of N parallel calls succeeds.
   */
  completePasswordReset(input: CompleteResetInput): Promise<CompleteResetResult>;
  /**
   * Consume a verify_email token and activate the account, atomically; a token carrying a
   * `passwordHash` sets it as the account's password (the registration that sent this link).
   */
  completeEmailVerification(
    tokenId: string,
    now: Date,
  ): Promise<{ ok: true; account: AccountRecord } | { ok: false; reason: ConsumeFailure }>;

  // Refresh tokens
  insertRefreshToken(token: RefreshTokenRecord): Promise<void>;
  /**
   * Rotate: mark `tokenHash` used and insert `next` in the same family, atomically — only if the
   * old token is unused, unrevoked, unexpired and its credentialVersion matches the account's.
   * A reused (already used) token revokes its whole family and returns `reused` — except within
   * `options.reuseGraceMs` (default 0: no grace) of its rotation, while it is unrevoked, unexpired,
   * current, and no successor of it has itself been rotated: then `next` becomes a sibling in the
   * same family and the result says `grace: true` (two tabs refreshing with one cookie at once).
   */
  rotateRefreshToken(
    tokenHash: string,
    next: RefreshTokenRecord,
    now: Date,
    options?: { reuseGraceMs?: number },
  ): Promise<
    | { ok: true; account: AccountRecord; grace?: true }
    | { ok: false; reason: 'invalid' | 'expired' | 'reused' | 'revoked' }
  >;
  /** Revoke the family of this token (sign-out). */
  revokeRefreshFamily(tokenHash: string, now: Date): Promise<void>;

  // Outbox
  enqueueMail(mail: NewOutboxMail): Promise<void>;
  /** Lease up to `limit` due pending mails (nextAttemptAt ≤ now, no live lease), atomically. */
  claimDueMail(now: Date, limit: number, leaseMs: number): Promise<OutboxRecord[]>;
  /** Mark delivered; `scrub` drops the payload (production), dev mode keeps it for the inbox. */
  markMailSent(id: string, now: Date, scrub: boolean): Promise<void>;
  /** Record a failed attempt; `retryAt` null means give up (status `dead`). */
  markMailFailed(id: string, error: string, retryAt: Date | null): Promise<void>;
  /** Newest first, for the dev inbox. */
  listMail(limit: number): Promise<OutboxRecord[]>;

  // Rate limits (shared by every process over the same database)
  /** Count one event for `key` in a fixed window of `windowMs` starting at the first event. */
  hitRateLimit(key: string, windowMs: number, now: Date): Promise<RateLimitHit>;
  /** Read without counting. */
  peekRateLimit(key: string, now: Date): Promise<RateLimitHit | null>;
  /** Forget a key (e.g. a successful sign-in clears the account's failures). */
  clearRateLimit(key: string): Promise<void>;
  /** Give back one counted event of a window still open (never below 0; the window keeps its end). */
  releaseRateLimit(key: string, now: Date): Promise<void>;
  /** Forget every key starting with `prefix` (a plain prefix: `%` and `_` are not patterns). */
  clearRateLimitPrefix(prefix: string): Promise<void>;

  // Signing keys
  listSigningKeys(): Promise<SigningKeyRecord[]>;
  /** Insert if no key exists yet; returns the keys in force afterwards (another process may win). */
  ensureSigningKey(key: SigningKeyRecord): Promise<SigningKeyRecord[]>;

  // Migration toolkit: operators, Customer Services, self-service
  accountStats(): Promise<AccountStats>;
  listAccounts(query: AccountQuery): Promise<AccountRecord[]>;
  /**
   * Pending-activation accounts an activation campaign may mail: never mailed, or last mailed
   * before `mailedBefore` (the cooldown); created before `createdBefore` when given. Ordered by
   * emailKey after `afterEmailKey`.
   */
  listActivationDue(input: {
    mailedBefore: Date;
    createdBefore: Date | null;
    limit: number;
    afterEmailKey?: string;
  }): Promise<AccountRecord[]>;
  /**
   * Issue an activation (or invitation) token and enqueue its mail, in one transaction, only if
   * the account is still `pending_activation` and — when `mailedBefore` is given — was not mailed
   * since (two campaigns at once never mail one account twice). Stamps `activationMailedAt`,
   * supersedes older reset/activation tokens and writes `audit` when given. False when skipped.
   */
  issueActivation(input: {
    token: TokenRecord;
    mail: NewOutboxMail;
    mailedBefore: Date | null;
    audit?: NewAuditEntry;
  }): Promise<boolean>;
  /**
   * Disable (revoking every session) or enable an account. Enabling restores the state it can
   * have: `pending_activation` without a password, `active` once activated, else
   * `pending_verification`. Null when there is no such account.
   */
  setAccountDisabled(
    accountId: string,
    disabled: boolean,
    now: Date,
    audit?: NewAuditEntry,
  ): Promise<AccountRecord | null>;
  /**
   * Sign out everywhere: bump the credential version (access tokens stop working at once) and
   * revoke every refresh token. Returns the refresh tokens revoked.
   */
  revokeAllSessions(accountId: string, now: Date, audit?: NewAuditEntry): Promise<number>;
  /**
   * Self-service password change: only if the hash is still `expectedHash` (the one the current
   * password was verified against). Bumps the credential version, revokes every refresh token and
   * enqueues the notice. Null when the hash changed meanwhile.
   */
  changePassword(input: {
    accountId: string;
    expectedHash: string;
    passwordHash: string;
    now: Date;
    notice: NewOutboxMail;
  }): Promise<AccountRecord | null>;
  /** Record a pending email change (superseding older ones of the account) and enqueue its mail. */
  issueEmailChange(change: EmailChangeRecord, mail: NewOutboxMail): Promise<void>;
  /**
   * Consume an email change and move the account to the new address, with the notice to the old
   * address, in one transaction. `email_taken` when the new address got an account meanwhile.
   */
  completeEmailChange(input: {
    tokenHash: string;
    now: Date;
    notice: (account: AccountRecord, oldEmail: string) => NewOutboxMail;
  }): Promise<
    | { ok: true; account: AccountRecord; oldEmail: string }
    | { ok: false; reason: ConsumeFailure | 'email_taken' }
  >;
  /**
   * Customer Services' recovery, in one transaction: move the account to a new address, clear
   * its password (it returns to `pending_activation`), revoke every session and token, issue the
   * activation token whose mail goes to the new address, notify the old address, write `audit`.
   */
  recoverAccountEmail(input: {
    accountId: string;
    email: string;
    emailKey: string;
    token: TokenRecord;
    mail: NewOutboxMail;
    notice: NewOutboxMail;
    audit: NewAuditEntry;
  }): Promise<
    { ok: true; account: AccountRecord } | { ok: false; reason: 'not_found' | 'email_taken' }
  >;
  createAdminKey(key: AdminKeyRecord, audit?: NewAuditEntry): Promise<void>;
  listAdminKeys(): Promise<AdminKeyRecord[]>;
  findAdminKeyByHash(keyHash: string): Promise<AdminKeyRecord | null>;
  /** Revoke by id or prefix; false when no unrevoked key matched. */
  revokeAdminKey(idOrPrefix: string, now: Date, audit?: NewAuditEntry): Promise<boolean>;
  touchAdminKey(id: string, now: Date): Promise<void>;
  appendAudit(entry: NewAuditEntry): Promise<void>;
  /** Newest first. */
  listAudit(query: { accountId?: string; limit: number; before?: Date }): Promise<AuditRecord[]>;

  // Housekeeping
  /**
   * Delete what can no longer matter (additive; call it from a timer, e.g. hourly): rate-limit
   * windows that ended, one-time and refresh tokens expired more than `retainMs` ago, and sent or
   * dead mails created more than `retainMs` ago. Without it those tables only grow.
   */
  pruneExpired(now: Date, retainMs: number): Promise<PruneResult>;

  /** Apply pending migrations (idempotent; versioned). Called by the adapters' open functions. */
  migrate(): Promise<void>;
  /** Close connections; pending operations finish first. */
  close(): Promise<void>;
}
