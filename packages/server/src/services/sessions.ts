/**
 * Sessions (SECURITY 3, 16, 19, 20): sign-in with the same answer for every failure, a dummy hash
 * for unknown emails, throttling per email and IP; rotating opaque refresh tokens whose reuse
 * revokes the family; sign-out.
 */
import { type Session, Token } from '@connect-auth/core/contract';
import { randomToken } from '../auth/secrets.ts';
import type { AccountRecord } from '../store/types.ts';
import type { ServiceDeps } from './deps.ts';
import { emailKeyOf } from './email.ts';
import { ServiceError } from './errors.ts';
import { throttled } from './outcome-log.ts';
import { fitsPasswordLimits, normalizePassword } from './password.ts';
import { nextTurn } from './turns.ts';

/**
 * Refresh token lifetime (30 days); each use rotates it.
 */
export const REFRESH_TTL_MS = 30 * 24 * 60 * 60_000;

/**
 * Whether a cookie value has the contract's token shape (core's `Token` schema, the same as a
 * link's token): anything else is refused before it is hashed or looked up.
 */
function isTokenShaped(raw: string | undefined): raw is string {
  return raw !== undefined && Token.safeParse(raw).success;
}

/** A session plus the refresh token destined for the cookie. */
export interface IssuedSession {
  session: Session;
  refreshToken: string;
}

async function accessSession(deps: ServiceDeps, account: AccountRecord): Promise<Session> {
  const { token, expiresAt } = await deps.accessTokens.issue(account);
  return {
    accessToken: token,
    tokenType: 'Bearer',
    expiresAt: expiresAt.toISOString(),
    account: { id: account.id, email: account.email, name: account.name },
  };
}

/** A fresh refresh token (raw for the cookie, record with its keyed hash for the store). */
function newRefresh(
  deps: ServiceDeps,
  owner: { accountId: string; credentialVersion: number; familyId: string },
) {
  const raw = randomToken();
  const now = deps.clock();
  return {
    raw,
    record: {
      id: crypto.randomUUID(),
      ...owner,
      tokenHash: deps.secrets.hash('refresh', raw),
      createdAt: now,
      expiresAt: new Date(now.getTime() + REFRESH_TTL_MS),
      usedAt: null,
      revokedAt: null,
    },
  };
}

/**
 * Start a new session (a new refresh family) for an account.
 */
export async function startSession(
  deps: ServiceDeps,
  account: AccountRecord,
): Promise<IssuedSession> {
  const refresh = newRefresh(deps, {
    accountId: account.id,
    credentialVersion: account.credentialVersion,
    familyId: crypto.randomUUID(),
  });
  await deps.store.insertRefreshToken(refresh.record);
  return { session: await accessSession(deps, account), refreshToken: refresh.raw };
}

/**
 * Count a wrong password on the account (`failedSignIns`, what Customer Services sees) after the
 * answer: written before it, a wrong password for an existing account was one database write
 * slower than an unknown email. The gate's reservation already counted the attempt.
 */
export function countFailedSignInLater(deps: ServiceDeps, accountId: string, now: Date): void {
  deps.background.run('sign_in_failed', async () => {
    await deps.store.recordFailedSignIn(accountId, now);
  });
}

/**
 * Sign in. Unknown email, wrong password, an account awaiting activation or email verification,
 * and a disabled account all answer `invalid_credentials`, after the same hashing work.
 */
export async function signIn(
  deps: ServiceDeps,
  input: { email: string; password: string },
  ip: string,
): Promise<IssuedSession> {
  const emailKey = emailKeyOf(input.email);
  const now = deps.clock();
  // Its pieces — the reservation; after the hash, the bookkeeping; then the tokens and the
  // answer — each start in a turn of their own (turns.ts), so a cheap request that arrived
  // meanwhile waits for one piece, not the whole sign-in.
  await nextTurn();
  // One round trip before the hash (the gate and the account lookup) and one after it: each
  // statement waits on an event loop busy with hashing, so their number bounds sign-in's rate.
  const { attempt, account } = await throttled(deps, { flow: 'sign_in', ip }, () =>
    deps.limits.signInAttempt(emailKey, ip, now),
  );
  const password = normalizePassword(input.password);
  // No stored password can be longer than the policy allows: refuse such input without hashing
  // (SECURITY 14). The decision depends on the input only, never on the account.
  const ok = !fitsPasswordLimits(password)
    ? false
    : account?.passwordHash
      ? await deps.hasher.verify(account.passwordHash, password)
      : await deps.hasher.verifyDummy(password);
  await nextTurn();
  if (!ok || !account || account.status !== 'active') {
    // The attempt was counted as a failure when the gate admitted it (reserve, then verify).
    if (account) countFailedSignInLater(deps, account.id, now);
    deps.logger.info('failure', {
      flow: 'sign_in',
      accountId: account?.id ?? null,
      ip,
      failures: attempt,
    });
    throw new ServiceError('invalid_credentials');
  }
  const rehash =
    account.passwordHash && deps.hasher.needsRehash(account.passwordHash)
      ? { from: account.passwordHash, to: await deps.hasher.hash(password) }
      : undefined;
  if (rehash) await nextTurn();
  // The success bookkeeping (failure counts, the reservation given back, the source now known,
  // a rehash) and the new session's refresh token, in one step.
  const refresh = newRefresh(deps, {
    accountId: account.id,
    credentialVersion: account.credentialVersion,
    familyId: crypto.randomUUID(),
  });
  await deps.store.completeSignIn({
    accountId: account.id,
    now,
    ...(rehash ? { rehash } : {}),
    ...deps.limits.signInSuccess(emailKey, ip),
    refreshToken: refresh.record,
  });
  await nextTurn();
  deps.logger.info('sign_in', { accountId: account.id, ip });
  return { session: await accessSession(deps, account), refreshToken: refresh.raw };
}

/**
 * Rotate a refresh token. A replayed (already rotated) token revokes its whole family — except
 * within the reuse grace window (`REFRESH_REUSE_GRACE_SECONDS`) while no successor of it has been
 * used, when it gets a sibling token instead (two tabs refreshing with one cookie at once).
 */
export async function refresh(
  deps: ServiceDeps,
  raw: string | undefined,
  ip: string,
): Promise<IssuedSession> {
  if (!isTokenShaped(raw)) throw new ServiceError('session_invalid');
  const now = deps.clock();
  // The store takes family, account and credential version of the next token from the old one
  // (never from the caller), so these three fields are placeholders.
  const next = newRefresh(deps, { accountId: '', credentialVersion: 0, familyId: '' });
  const result = await deps.store.rotateRefreshToken(
    deps.secrets.hash('refresh', raw),
    next.record,
    now,
    { reuseGraceMs: deps.refreshReuseGraceMs },
  );
  if (!result.ok) {
    deps.logger.warn(result.reason === 'reused' ? 'refresh_reused' : 'failure', {
      flow: 'refresh',
      reason: result.reason,
      ip,
    });
    throw new ServiceError('session_invalid');
  }
  deps.logger.info('refresh', {
    accountId: result.account.id,
    ip,
    ...(result.grace ? { grace: true } : {}),
  });
  return { session: await accessSession(deps, result.account), refreshToken: next.raw };
}

/**
 * Sign out: revoke the refresh family of this cookie (idempotent).
 */
export async function signOut(
  deps: ServiceDeps,
  raw: string | undefined,
  ip: string,
): Promise<void> {
  if (!isTokenShaped(raw)) return;
  await deps.store.revokeRefreshFamily(deps.secrets.hash('refresh', raw), deps.clock());
  deps.logger.info('sign_out', { ip });
}

/**
 * Authenticate a bearer access token for a resource: the JWT must verify (RFC 8725 checks) and its
 * credential version must still be the account's, so a password reset ends every earlier session
 * at once (SECURITY 20), not only when the token expires.
 */
export async function authenticate(deps: ServiceDeps, accessToken: string): Promise<AccountRecord> {
  let claims: Awaited<ReturnType<ServiceDeps['accessTokens']['verify']>>;
  try {
    claims = await deps.accessTokens.verify(accessToken);
  } catch {
    throw new ServiceError('session_invalid');
  }
  const account = await deps.store.findAccountById(claims.sub);
  if (account?.status !== 'active' || account.credentialVersion !== claims.cv) {
    throw new ServiceError('session_invalid');
  }
  return account;
}
