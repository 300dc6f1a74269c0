/**
 * Rate limits (SECURITY 16), counted in the Store so every process over the same database shares
 * them. All figures live here, in one table, so tests and docs read the same numbers.
 */

import { ProblemError } from '../http/problem.ts';
import type { Store } from '../store/types.ts';

/** The limits in force. */
export interface LimitSettings {
  /** Reset/activation mails per address: at most 1 per this many ms… */
  mailCooldownMs: number;
  /** …and at most `mailPerHour` per hour. */
  mailPerHour: number;
  /** Requests per IP to the mail-sending endpoints, per `ipWindowMs`. */
  ipRequests: number;
  ipWindowMs: number;
  /** Failed sign-ins per IP per `ipWindowMs` before the IP is refused. */
  ipSignInFailures: number;
  /** Consecutive failures (per canonical email) before the growing delay starts. */
  delayFrom: number;
  /** First delay in ms (doubles per further failure), capped at `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Failures (per canonical email) after which sign-in stops until a password reset (or `failureWindowMs` passes). */
  hardStop: number;
  failureWindowMs: number;
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
  hardStop: 20,
  failureWindowMs: 24 * 60 * 60_000,
  codeAttempts: 5,
  // Up to 5 mails an hour each bring a code worth 5 attempts: 25 is the most a real user can
  // spend, so 30 never stops someone typing their own codes and still caps guessing per address.
  codeAttemptsPerAddress: 30,
  codeAddressWindowMs: 60 * 60_000,
};

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
   * Admit one sign-in attempt or throw `rate_limited`. An admitted attempt is counted at once
   * (atomically), so a burst of parallel guesses cannot all pass a check made before any failure
   * was recorded; returns the attempt's number since the last success.
   */
  signInGate(emailKey: string, ip: string, now: Date): Promise<number>;
  /** The admitted attempt `attempt` failed: count it per IP and start the growing delay. */
  signInFailed(emailKey: string, ip: string, now: Date, attempt: number): Promise<void>;
  /** Forget the email's failures (successful sign-in, completed reset). */
  signInCleared(emailKey: string): Promise<void>;
}

function limited(resetAt: Date, now: Date): ProblemError {
  return new ProblemError('rate_limited', {
    retryAfterMs: Math.max(1000, resetAt.getTime() - now.getTime()),
  });
}

/**
 * Create the limits over a store.
 *
 * @example
 * ```ts
 * const limits = createLimits(store);
 * await limits.ipRequest('reset', ip, now); // throws ProblemError('rate_limited') past 30 / 5 min
 * ```
 */
export function createLimits(store: Store, overrides: Partial<LimitSettings> = {}): Limits {
  const s: LimitSettings = { ...DEFAULT_LIMITS, ...overrides };
  return {
    settings: s,
    async ipRequest(kind, ip, now) {
      const hit = await store.hitRateLimit(`ip:${kind}:${ip}`, s.ipWindowMs, now);
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
      const ipHits = await store.peekRateLimit(`ip:signin:${ip}`, now);
      if (ipHits && ipHits.count >= s.ipSignInFailures) throw limited(ipHits.resetAt, now);
      const failures = await store.peekRateLimit(`signin:fail:${emailKey}`, now);
      if (failures && failures.count >= s.hardStop) throw limited(failures.resetAt, now);
      const lock = await store.peekRateLimit(`signin:lock:${emailKey}`, now);
      if (lock && lock.resetAt > now) throw limited(lock.resetAt, now);
      const hit = await store.hitRateLimit(`signin:fail:${emailKey}`, s.failureWindowMs, now);
      if (hit.count > s.hardStop) throw limited(hit.resetAt, now);
      return hit.count;
    },
    async signInFailed(emailKey, ip, now, attempt) {
      await store.hitRateLimit(`ip:signin:${ip}`, s.ipWindowMs, now);
      if (attempt >= s.delayFrom) {
        const delay = Math.min(s.maxDelayMs, s.baseDelayMs * 2 ** (attempt - s.delayFrom));
        await store.clearRateLimit(`signin:lock:${emailKey}`);
        await store.hitRateLimit(`signin:lock:${emailKey}`, delay, now);
      }
    },
    async signInCleared(emailKey) {
      await store.clearRateLimit(`signin:fail:${emailKey}`);
      await store.clearRateLimit(`signin:lock:${emailKey}`);
    },
  };
}
