/**
 * Rate limits (SECURITY 16), counted in the Store so every process over the same database shares
 * them. All figures live here, in one table, so tests and docs read the same numbers.
 */

import { isIPv6 } from 'node:net';
import type { AccountRecord, SignInKeys, Store } from '../store/types.ts';
import { ServiceError } from './errors.ts';

/** The limits in force. */
export interface LimitSettings {
  /** Reset/activation mails per address: at most 1 per this many ms… */
  mailCooldownMs: number;
  /** …and at most `mailPerHour` per hour. */
  mailPerHour: number;
  /** Requests per IP (IPv6: per /64) to the mail-sending endpoints, per `ipWindowMs`. */
  ipRequests: number;
  ipWindowMs: number;
  /**
   * Failed sign-ins per IP (IPv6: per /64) per `ipWindowMs` before the IP is refused. Each attempt
   * is reserved before its password is verified, and given back when it succeeds.
   */
  ipSignInFailures: number;
  /** Consecutive failures of one email from one source (IP, IPv6 /64) before the growing delay. */
  delayFrom: number;
  /**
   * First delay in ms (doubles per further failure from that source), capped at `maxDelayMs`.
   * Attempts made while a delay runs are refused and neither counted nor extend it.
   */
  baseDelayMs: number;
  maxDelayMs: number;
  /** How long a source's consecutive failures of one email are remembered. */
  failureWindowMs: number;
  /**
   * Failures of one email from all sources per `accountWindowMs` after which sign-in for it pauses
   * until that window ends — except from sources where its owner signed in within
   * `knownSourceMs`. A completed password reset lifts it at once.
   */
  hardStop: number;
  accountWindowMs: number;
  knownSourceMs: number;
  /** Wrong codes accepted per token. */
  codeAttempts: number;
  /** Code attempts per address (known or not) per `codeAddressWindowMs`, before `rate_limited`. */
  codeAttemptsPerAddress: number;
  codeAddressWindowMs: number;
}

/**
 * Defaults: SECURITY.md's figures.
 *
 * @example
 * ```ts
 * createServer({ limits: { ...DEFAULT_LIMITS, ipRequests: 100 } });
 * ```
 */
export const DEFAULT_LIMITS: LimitSettings = {
  mailCooldownMs: 60_000,
  mailPerHour: 5,
  ipRequests: 30,
  ipWindowMs: 5 * 60_000,
  ipSignInFailures: 50,
  delayFrom: 5,
  baseDelayMs: 1_000,
  maxDelayMs: 15 * 60_000,
  failureWindowMs: 24 * 60 * 60_000,
  hardStop: 20,
  accountWindowMs: 60 * 60_000,
  knownSourceMs: 30 * 24 * 60 * 60_000,
  codeAttempts: 5,
  // Up to 5 mails an hour each bring a code worth 5 attempts: 25 is the most a real user can
  // spend, so 30 never stops someone typing their own codes and still caps guessing per address.
  codeAttemptsPerAddress: 30,
  codeAddressWindowMs: 60 * 60_000,
};

/**
 * The key a client address is counted under: an IPv4 address as is (also when IPv4-mapped), an
 * IPv6 address by its /64 prefix — one subscriber usually holds a whole /64, so counting full
 * addresses would give one attacker 2^64 "IPs".
 */
export function ipKey(ip: string): string {
  const mapped = /^(?:::ffff:)?(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) return mapped[1] as string;
  const address = ip.split('%')[0] ?? '';
  if (!isIPv6(address)) return ip;
  const halves = address.split('::');
  const groups = (part: string | undefined): string[] =>
    part ? part.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g])) : [];
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  const all = [...head, ...Array(Math.max(0, 8 - head.length - tail.length)).fill('0'), ...tail];
  const prefix = all.slice(0, 4).map((g) => Number.parseInt(g, 16).toString(16));
  return `${prefix.join(':')}::/64`;
}

/** Rate-limit operations used by the services. */
export interface Limits {
  readonly settings: LimitSettings;
  /** Count a request of `kind` from `ip`; throws `rate_limited` over the limit. */
  ipRequest(kind: 'reset' | 'register' | 'code', ip: string, now: Date): Promise<void>;
  /**
   * Count a code attempt against the address and, when there is a live token, against the token
   * (one transaction, the same work either way); throws `rate_limited` past the per-address limit.
   * Returns the token's attempts so far (0 without a token).
   */
  codeAttempt(emailKey: string, tokenId: string | null, now: Date): Promise<number>;
  /** Whether a reset/activation/verification mail may go to this address now (silent limit). */
  mailAllowed(emailKey: string, now: Date): Promise<boolean>;
  /**
   * Admit one sign-in attempt or throw `rate_limited`. An admitted attempt is counted as a failure
   * at once — per IP, per email and source, per email — with atomic increments, so a parallel
   * burst can never get more attempts verified than the limits allow (reserve, then verify);
   * `Store.completeSignIn` gives the reservation back. Returns the attempt's number from
   * this source since its last success.
   */
  signInGate(emailKey: string, ip: string, now: Date): Promise<number>;
  /**
   * {@link Limits.signInGate} and the account lookup in one store call (`Store.reserveSignIn`):
   * the attempt's number and the account with this email key, or null.
   */
  signInAttempt(
    emailKey: string,
    ip: string,
    now: Date,
  ): Promise<{ attempt: number; account: AccountRecord | null }>;
  /**
   * What `Store.completeSignIn` needs to give an admitted attempt's reservations back and forget
   * the source's failures, in the same step as the rest of a verified sign-in's bookkeeping.
   */
  signInSuccess(emailKey: string, ip: string): { keys: SignInKeys; knownWindowMs: number };
  /** Forget every sign-in failure of the email (a completed reset). */
  signInCleared(emailKey: string): Promise<void>;
}

// Emails hold no whitespace, so a space ends the email in every key: the prefix of one email's
// keys is never the prefix of another's.
const signInPrefix = (emailKey: string) => `signin ${emailKey} `;
const signInKeys = (emailKey: string, source: string): SignInKeys => ({
  lock: signInPrefix(emailKey),
  ip: `ip:signin:${source}`,
  source: `${signInPrefix(emailKey)}source ${source}`,
  wait: `${signInPrefix(emailKey)}wait ${source}`,
  account: `${signInPrefix(emailKey)}account`,
  // Not under the prefix: a reset forgets failures, not where the owner signs in from.
  known: `known-source ${emailKey} ${source}`,
});

function limited(resetAt: Date, now: Date): ServiceError {
  return new ServiceError('rate_limited', {
    retryAfterMs: Math.max(1000, resetAt.getTime() - now.getTime()),
  });
}

/**
 * Create the limits over a store.
 */
export function createLimits(store: Store, overrides: Partial<LimitSettings> = {}): Limits {
  const s: LimitSettings = { ...DEFAULT_LIMITS, ...overrides };
  const signInAttempt: Limits['signInAttempt'] = async (emailKey, ip, now) => {
    const key = signInKeys(emailKey, ipKey(ip));
    // One round trip for the common path: refused by a running delay or the account-wide pause
    // without counting; else counted per IP, per email and source, per email (reserve, then
    // verify: each count is atomic, so N parallel attempts get distinct counts).
    const reserved = await store.reserveSignIn({
      emailKey,
      keys: key,
      now,
      ip: { windowMs: s.ipWindowMs, limit: s.ipSignInFailures },
      source: { windowMs: s.failureWindowMs, delayFrom: s.delayFrom },
      account: { windowMs: s.accountWindowMs, hardStop: s.hardStop },
    });
    // A delay running for this source: refused without counting, so it is never extended.
    if (reserved.wait) throw limited(reserved.wait.resetAt, now);
    // The account-wide pause spares sources where the owner signed in lately.
    if (reserved.paused) throw limited(reserved.paused.resetAt, now);
    const perIp = reserved.ip;
    if (!perIp) throw new TypeError('reserveSignIn counted no IP for an admitted attempt');
    if (perIp.count > s.ipSignInFailures) throw limited(perIp.resetAt, now);
    if (!reserved.source) throw new TypeError('reserveSignIn counted no source under the limit');
    const attempt = reserved.source.count;
    let total = reserved.total;
    if (!total) {
      // From `delayFrom` on, one attempt per delay: the first hit opens the window, any other
      // in it is refused. (The store leaves the account's count to this path.)
      const delay = Math.min(s.maxDelayMs, s.baseDelayMs * 2 ** (attempt - s.delayFrom));
      const slot = await store.hitRateLimit(key.wait, delay, now);
      if (slot.count > 1) {
        await store.releaseRateLimit(key.source, now);
        await store.releaseRateLimit(key.ip, now);
        throw limited(slot.resetAt, now);
      }
      total = await store.hitRateLimit(key.account, s.accountWindowMs, now);
    }
    // Parallel attempts that all read the window under the pause: the counts tell.
    if (total.count - 1 >= s.hardStop && (await store.peekRateLimit(key.known, now)) === null) {
      await store.releaseRateLimit(key.account, now);
      await store.releaseRateLimit(key.source, now);
      await store.releaseRateLimit(key.ip, now);
      throw limited(total.resetAt, now);
    }
    return { attempt, account: reserved.account };
  };
  return {
    settings: s,
    async ipRequest(kind, ip, now) {
      const hit = await store.hitRateLimit(`ip:${kind}:${ipKey(ip)}`, s.ipWindowMs, now);
      if (hit.count > s.ipRequests) throw limited(hit.resetAt, now);
    },
    async codeAttempt(emailKey, tokenId, now) {
      const { attempts, address } = await store.countCodeAttempt({
        tokenId,
        key: `code:address:${emailKey}`,
        windowMs: s.codeAddressWindowMs,
        now,
      });
      if (address.count > s.codeAttemptsPerAddress) throw limited(address.resetAt, now);
      return attempts;
    },
    async mailAllowed(emailKey, now) {
      const minute = await store.hitRateLimit(`mail:cooldown:${emailKey}`, s.mailCooldownMs, now);
      if (minute.count > 1) return false;
      // The hourly budget counts mails, not requests: only a request past the cooldown (at most
      // one per cooldown, atomically) spends it, with an atomic hit — no peek-then-hit race.
      const hour = await store.hitRateLimit(`mail:hour:${emailKey}`, 60 * 60_000, now);
      return hour.count <= s.mailPerHour;
    },
    async signInGate(emailKey, ip, now) {
      return (await signInAttempt(emailKey, ip, now)).attempt;
    },
    signInAttempt,
    signInSuccess(emailKey, ip) {
      return { keys: signInKeys(emailKey, ipKey(ip)), knownWindowMs: s.knownSourceMs };
    },
    async signInCleared(emailKey) {
      await store.clearRateLimitPrefix(signInPrefix(emailKey));
    },
  };
}
