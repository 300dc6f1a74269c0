/**
 * Lost password and activation (SECURITY 1–2, 4–9, 12, 14, 17, 20): request, verify, complete.
 */
import type { PasswordResetResult, ResetTokenInfo } from '@connect-auth/core/contract';
import { composeMail } from '../mail/templates.ts';
import { PASSWORD_PURPOSES } from '../store/one-time-purposes.ts';
import type { AccountRecord, TokenRecord } from '../store/types.ts';
import type { ServiceDeps } from './deps.ts';
import { canonicalEmail, emailKeyOf } from './email.ts';
import { ServiceError } from './errors.ts';
import { codeHash, findLiveToken, issueOneTime, tokenProblem } from './one-time-tokens.ts';
import { failureLogged, throttled } from './outcome-log.ts';
import { assertStrongPassword, normalizePassword } from './password.ts';
import { type IssuedSession, startSession } from './sessions.ts';
import { nextTurn } from './turns.ts';

/** An account id no row has (ids are UUIDs): the token lookup for an address without an account. */
const NO_ACCOUNT = '00000000-0000-0000-0000-000000000000';

/**
 * Request a reset (or activation) mail. The answer is decided before the account is looked up:
 * only the per-IP limit can change it. The lookup, the silent per-address limits and the token
 * are handled after the response, in the background.
 *
 * Per status: `pending_activation` → activation mail (24 h); `active` and `pending_verification`
 * → reset mail (60 min; completing it also proves the address); `disabled` and unknown → nothing.
 */
export async function requestPasswordReset(
  deps: ServiceDeps,
  input: { email: string },
  ip: string,
): Promise<void> {
  const email = canonicalEmail(input.email);
  const now = deps.clock();
  await throttled(deps, { flow: 'reset_request', ip }, () =>
    deps.limits.ipRequest('reset', ip, now),
  );
  deps.background.run('reset_request', () => sendResetMail(deps, email, ip, now));
}

async function sendResetMail(
  deps: ServiceDeps,
  email: string,
  ip: string,
  now: Date,
): Promise<void> {
  const emailKey = emailKeyOf(email);
  const allowed = await deps.limits.mailAllowed(emailKey, now);
  const account = await deps.store.findAccountByEmailKey(emailKey);
  deps.logger.info('reset_requested', {
    accountId: account?.id ?? null,
    status: account?.status ?? null,
    ip,
  });
  if (!account || account.status === 'disabled') return;
  if (!allowed) {
    deps.logger.info('throttle', { flow: 'reset_mail', accountId: account.id, ip });
    return;
  }
  await issueOneTime(
    deps,
    account,
    account.status === 'pending_activation' ? 'activation' : 'reset',
  );
}

/**
 * Inspect a token without consuming it. The answer carries the password policy in force, so a
 * reset page needs no `GET /v1/password-policy` of its own (the reset journey's 3-request budget).
 */
export async function verifyResetToken(
  deps: ServiceDeps,
  raw: string,
  ip: string,
): Promise<ResetTokenInfo> {
  return failureLogged(deps, 'verify', ip, async () => {
    const { token, account } = await findLiveToken(deps, raw, PASSWORD_PURPOSES);
    deps.logger.info('verify', { accountId: account.id, tokenId: token.id, ip });
    return {
      email: account.email,
      expiresAt: token.expiresAt.toISOString(),
      purpose: token.purpose === 'activation' ? 'activation' : 'reset',
      policy: deps.policy,
    };
  });
}

/** What `complete` is given: the link's token, or the emailed code with the address. */
export type CompleteInput =
  | { token: string; password: string }
  | { email: string; code: string; password: string };

/**
 * The code path. Every code that is compared first takes one attempt atomically (the count comes
 * back from the same statement), so parallel guesses cannot exceed the per-token limit; the
 * password is checked against the policy before (see below), so a weak password never spends one.
 * Every failure is `code_invalid`: unknown email, no live token, exhausted, wrong.
 *
 * The work before the answer is the same for every address (SECURITY 2): one account lookup, one
 * token lookup (for an id no token has when there is no account), and one transaction that counts
 * the attempt against the address — known or not — and, when there is a live token, against it.
 * Skipping the write for unknown addresses made their answer measurably faster.
 */
async function byCode(deps: ServiceDeps, email: string, code: string, ip: string) {
  const now = deps.clock();
  await deps.limits.ipRequest('code', ip, now);
  const emailKey = emailKeyOf(email);
  const account = await deps.store.findAccountByEmailKey(emailKey);
  const found = await deps.store.findLatestToken(account?.id ?? NO_ACCOUNT, PASSWORD_PURPOSES);
  const token = account && account.status !== 'disabled' ? found : null;
  // The same keyed hash is computed whether or not there is a token to compare with.
  const candidate = codeHash(deps, token?.id ?? 'none', code);
  const live =
    token !== null && token.codeHash !== null && token.expiresAt.getTime() > now.getTime();
  const attempts = await throttled(
    deps,
    { flow: 'complete_code', accountId: account?.id ?? null, ip },
    () => deps.limits.codeAttempt(emailKey, live ? token.id : null, now),
  );
  const ok =
    account !== null &&
    token !== null &&
    live &&
    attempts <= deps.limits.settings.codeAttempts &&
    deps.secrets.equal(candidate, token.codeHash ?? '');
  if (!ok || !account || !token) {
    deps.logger.info('failure', { flow: 'complete_code', accountId: account?.id ?? null, ip });
    throw new ServiceError('code_invalid');
  }
  return { account, token };
}

/**
 * Set the new password: the only consuming call. The password is checked with the policy (with
 * the account's email and name as context) and hashed before the store's single transaction
 * consumes the token, changes the password, revokes every session and enqueues the notice.
 */
export async function completePasswordReset(
  deps: ServiceDeps,
  input: CompleteInput,
  ip: string,
): Promise<{ result: PasswordResetResult; issued?: IssuedSession }> {
  let account: AccountRecord;
  let token: TokenRecord;
  if ('token' in input) {
    ({ account, token } = await failureLogged(deps, 'complete', ip, () =>
      findLiveToken(deps, input.token, PASSWORD_PURPOSES),
    ));
  } else {
    // Checked before the code so a weak password never spends a code attempt; the context is the
    // address as typed (not the account's name), so the verdict cannot tell whether it exists.
    await assertStrongPassword(deps, input.password, { email: canonicalEmail(input.email) });
    ({ account, token } = await byCode(deps, input.email, input.code, ip));
  }
  await assertStrongPassword(deps, input.password, account);
  const passwordHash = await deps.hasher.hash(normalizePassword(input.password));
  await nextTurn();
  const now = deps.clock();
  // Composed inside the transaction from its result: the account read above may be stale by then
  // (another call can activate it in between), and the notice must say what this reset did.
  const noticeId = crypto.randomUUID();
  const notice = (done: { account: AccountRecord; activated: boolean }) =>
    composeMail(deps.sealer, {
      id: noticeId,
      to: done.account.email,
      template: 'password_changed',
      locale: done.account.locale,
      data: { activated: done.activated, at: now.toISOString() },
      createdAt: now,
    });
  const outcome = await deps.store.completePasswordReset({
    tokenId: token.id,
    passwordHash,
    now,
    notice,
  });
  if (!outcome.ok) {
    deps.logger.info('failure', {
      flow: 'complete',
      accountId: account.id,
      reason: outcome.reason,
      ip,
    });
    throw 'token' in input ? tokenProblem(outcome.reason) : new ServiceError('code_invalid');
  }
  deps.logger.info('consume', {
    accountId: account.id,
    tokenId: token.id,
    activated: outcome.activated,
    ip,
  });
  deps.onMailQueued();
  await deps.limits.signInCleared(outcome.account.emailKey);
  const result: PasswordResetResult = {
    status: 'password_changed',
    email: outcome.account.email,
    activated: outcome.activated,
  };
  if (!deps.autoSignInAfterReset) return { result };
  const issued = await startSession(deps, outcome.account);
  return { result: { ...result, session: issued.session }, issued };
}
