import { StoreError } from '../errors.ts';
import type { Store } from '../types.ts';
import * as accounts from './accounts.ts';
import type { SqlDriver } from './driver.ts';
import * as limits from './limits.ts';
import { migrate, migrations } from './migrations.ts';
import * as oneTime from './one-time-tokens.ts';
import * as outbox from './outbox.ts';
import * as pruning from './pruning.ts';
import * as refresh from './refresh.ts';
import * as signIn from './sign-in.ts';
import * as signingKeys from './signing-keys.ts';
import * as toolkit from './toolkit.ts';

/**
 * Build a {@link Store} over a driver. Every operation is written once (see `Operation`) and runs
 * on both SQLite and PostgreSQL; multi-statement operations run as one transaction.
 */
export function createSqlStore(
  driver: SqlDriver,
  options: { migrationLock: string | null },
): Store {
  const tx = driver.transaction.bind(driver);
  const one = driver.single.bind(driver);
  // Hot-path writes whose loss to a power cut costs a new sign-in or a few more guesses, never a
  // consumed token or a revocation (see `CommitOptions`).
  const relaxed = { relaxed: true };
  const store: Store = {
    kind: driver.dialect,

    async createAccount(account) {
      try {
        return await one(accounts.createAccount(account));
      } catch (error) {
        if (driver.isUniqueViolation(error, 'email_key')) {
          throw new StoreError('email_taken', 'An account with this email already exists.', {
            cause: error,
          });
        }
        throw error;
      }
    },
    importAccounts: (list, now) => tx(accounts.importAccounts(list, now)),
    findAccountByEmailKey: (emailKey) => one(accounts.findAccount('email_key', emailKey)),
    findAccountById: (id) => one(accounts.findAccount('id', id)),
    setAccountLocale: (id, locale, now) => one(accounts.setAccountLocale(id, locale, now)),
    recordFailedSignIn: (id, now) => one(accounts.recordFailedSignIn(id, now), relaxed),
    // PostgreSQL: one autocommit statement each, relaxing its own commit; SQLite: a relaxed
    // transaction.
    reserveSignIn: (input) =>
      driver.dialect === 'postgres'
        ? one(signIn.reserveSignIn(input))
        : tx(signIn.reserveSignIn(input), relaxed),
    completeSignIn: (input) =>
      driver.dialect === 'postgres'
        ? one(signIn.completeSignIn(input))
        : tx(signIn.completeSignIn(input), relaxed),

    issueToken: (token, supersedes, mail) => tx(oneTime.issueToken(token, supersedes, mail)),
    inspectToken: (hash, purposes, now) => one(oneTime.inspectToken(hash, purposes, now)),
    findLatestToken: (accountId, purposes) => one(oneTime.findLatestToken(accountId, purposes)),
    countCodeAttempt: (input) => tx(oneTime.countCodeAttempt(input)),
    completePasswordReset: (input) => tx(oneTime.completePasswordReset(input)),
    completeEmailVerification: (tokenId, now) =>
      tx(oneTime.completeEmailVerification(tokenId, now)),

    insertRefreshToken: (token) => one(refresh.insertRefreshToken(token), relaxed),
    async rotateRefreshToken(hash, next, now, options) {
      // PostgreSQL: the common case is one autocommit statement, relaxed by the statement itself
      // (one round trip instead of six); when it fails, the transaction below tries again and
      // says why.
      if (driver.dialect === 'postgres') {
        const account = await one(refresh.rotateRefreshTokenAtOnce(hash, next, now));
        if (account) return { ok: true, account };
      }
      // A rotation is relaxed; a replay that revoked the family is made durable.
      return tx(refresh.rotateRefreshToken(hash, next, now, options?.reuseGraceMs ?? 0), {
        relaxed: (result) => result.ok,
      });
    },
    revokeRefreshFamily: (hash, now) => tx(refresh.revokeRefreshFamily(hash, now)),

    enqueueMail: (mail) => one(outbox.enqueueMail(mail)),
    claimDueMail: (now, limit, leaseMs) => one(outbox.claimDueMail(now, limit, leaseMs)),
    markMailSent: (id, now, scrub) => one(outbox.markMailSent(id, now, scrub)),
    markMailFailed: (id, error, retryAt) => one(outbox.markMailFailed(id, error, retryAt)),
    listMail: (limit) => one(outbox.listMail(limit)),

    hitRateLimit: (key, windowMs, now) => one(limits.hitRateLimit(key, windowMs, now), relaxed),
    peekRateLimit: (key, now) => one(limits.peekRateLimit(key, now)),
    clearRateLimit: (key) => one(limits.clearRateLimit(key), relaxed),
    releaseRateLimit: (key, now) => one(limits.releaseRateLimit(key, now), relaxed),
    clearRateLimitPrefix: (prefix) => one(limits.clearRateLimitPrefix(prefix)),

    listSigningKeys: () => one(signingKeys.listSigningKeys()),
    ensureSigningKey: (key) => tx(signingKeys.ensureSigningKey(key)),

    accountStats: () => tx(toolkit.accountStats()),
    listAccounts: (query) => one(toolkit.listAccounts(query)),
    listActivationDue: (input) => one(toolkit.listActivationDue(input)),
    issueActivation: (input) => tx(toolkit.issueActivation(input)),
    setAccountDisabled: (id, disabled, now, audit) =>
      tx(toolkit.setAccountDisabled(id, disabled, now, audit)),
    revokeAllSessions: (id, now, audit) => tx(toolkit.revokeAllSessions(id, now, audit)),
    changePassword: (input) => tx(toolkit.changePassword(input)),
    issueEmailChange: (change, mail) => tx(toolkit.issueEmailChange(change, mail)),
    async completeEmailChange(input) {
      try {
        return await tx(toolkit.completeEmailChange(input));
      } catch (error) {
        // Another account took the address between the check and the move.
        if (driver.isUniqueViolation(error, 'email_key'))
          return { ok: false, reason: 'email_taken' };
        throw error;
      }
    },
    async recoverAccountEmail(input) {
      try {
        return await tx(toolkit.recoverAccountEmail(input));
      } catch (error) {
        if (driver.isUniqueViolation(error, 'email_key'))
          return { ok: false, reason: 'email_taken' };
        throw error;
      }
    },
    createAdminKey: (key, audit) => tx(toolkit.createAdminKey(key, audit)),
    listAdminKeys: () => one(toolkit.listAdminKeys()),
    findAdminKeyByHash: (hash) => one(toolkit.findAdminKeyByHash(hash)),
    revokeAdminKey: (idOrPrefix, now, audit) => tx(toolkit.revokeAdminKey(idOrPrefix, now, audit)),
    touchAdminKey: (id, now) => one(toolkit.touchAdminKey(id, now)),
    appendAudit: (entry) => one(toolkit.appendAudit(entry)),
    listAudit: (query) => one(toolkit.listAudit(query)),

    pruneExpired: (now, retainMs) => tx(pruning.pruneExpired(now, retainMs)),

    async migrate() {
      await tx(migrate(migrations, options.migrationLock));
    },
    close: () => driver.close(),
  };
  drivers.set(store, driver);
  return store;
}

/** The driver under each store, for the test helpers' own statements (`store/testing.ts`). */
const drivers = new WeakMap<Store, SqlDriver>();

/**
 * The driver of a store built by {@link createSqlStore}, or of one derived from it with
 * `Object.create` (tests only).
 *
 * @internal
 */
export function driverOf(store: Store): SqlDriver | undefined {
  for (let s: object | null = store; s; s = Object.getPrototypeOf(s)) {
    const driver = drivers.get(s as Store);
    if (driver) return driver;
  }
  return undefined;
}
