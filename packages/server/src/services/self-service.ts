/**
 * Self-service for signed-in users: change the password (current password required; every other
 * session ends; a notice mail), change the email (a confirmation link to the new address; the old
 * address is told when it takes effect, on confirmation), sign out everywhere. Checking the
 * current password counts against the same per-account and per-IP throttle as sign-in, so a stolen
 * access token cannot be used to guess the password.
 */
import type { EmailChanged } from '@connect-auth/core/contract';
import { randomToken } from '../auth/secrets.ts';
import { composeMail } from '../mail/templates.ts';
import type { AccountRecord } from '../store/types.ts';
import { APP_PATHS, type ServiceDeps } from './deps.ts';
import { canonicalEmail, emailKeyOf } from './email.ts';
import { ServiceError } from './errors.ts';
import { tokenProblem } from './one-time-tokens.ts';
import { assertStrongPassword, fitsPasswordLimits, normalizePassword } from './password.ts';
import {
  authenticate,
  countFailedSignInLater,
  type IssuedSession,
  startSession,
} from './sessions.ts';
import { nextTurn } from './turns.ts';

/** How long an email-change link works. */
export const EMAIL_CHANGE_TTL_MS = 24 * 60 * 60_000;

/**
 * The signed-in account of a request (`Authorization: Bearer <access token>`), or
 * `session_invalid`.
 */
export async function signedInAccount(deps: ServiceDeps, request: Request): Promise<AccountRecord> {
  const header = request.headers.get('authorization') ?? '';
  const token = /^Bearer ([A-Za-z0-9_.-]{1,4096})$/.exec(header)?.[1];
  if (!token) throw new ServiceError('session_invalid');
  return authenticate(deps, token);
}

/** Verify the current password under the sign-in throttle; `invalid_credentials` when wrong. */
async function assertCurrentPassword(
  deps: ServiceDeps,
  account: AccountRecord,
  password: string,
  ip: string,
  flow: string,
): Promise<string> {
  const now = deps.clock();
  const attempt = await deps.limits.signInGate(account.emailKey, ip, now);
  const normalized = normalizePassword(password);
  const hash = account.passwordHash;
  const ok =
    hash !== null && fitsPasswordLimits(normalized)
      ? await deps.hasher.verify(hash, normalized)
      : false;
  await nextTurn();
  if (!ok || hash === null) {
    // The gate already counted this attempt (reserve, then verify); the account counts it too,
    // as a failed sign-in: a stolen access token used to guess the password shows there.
    countFailedSignInLater(deps, account.id, now);
    deps.logger.info('failure', { flow, accountId: account.id, ip, failures: attempt });
    throw new ServiceError('invalid_credentials');
  }
  // A sign-in's success bookkeeping, in one step: the reservation given back, the source known,
  // the account's failure count reset — without a new session (the user keeps theirs).
  await deps.store.completeSignIn({
    accountId: account.id,
    now,
    ...deps.limits.signInSuccess(account.emailKey, ip),
  });
  return hash;
}

/**
 * Change the password of the signed-in account. Every session ends (the credential version moves
 * on); the caller gets a fresh one, so the page that changed it stays signed in.
 */
export async function changePassword(
  deps: ServiceDeps,
  account: AccountRecord,
  input: { currentPassword: string; newPassword: string },
  ip: string,
): Promise<IssuedSession> {
  // The policy verdict depends on the input and the account's own email only: it comes first,
  // so a weak new password never costs a throttled attempt.
  await assertStrongPassword(deps, input.newPassword, account);
  const expectedHash = await assertCurrentPassword(
    deps,
    account,
    input.currentPassword,
    ip,
    'change_password',
  );
  const passwordHash = await deps.hasher.hash(normalizePassword(input.newPassword));
  await nextTurn();
  const now = deps.clock();
  const changed = await deps.store.changePassword({
    accountId: account.id,
    expectedHash,
    passwordHash,
    now,
    notice: composeMail(deps.sealer, {
      id: crypto.randomUUID(),
      to: account.email,
      template: 'password_changed',
      data: { activated: false, at: now.toISOString() },
      createdAt: now,
      locale: account.locale,
    }),
  });
  // The password changed in between (a reset, another tab): this session is over anyway.
  if (!changed) throw new ServiceError('session_invalid');
  deps.onMailQueued();
  deps.logger.info('password_changed', { accountId: account.id, ip });
  return startSession(deps, changed);
}

/**
 * Ask to move the signed-in account to a new email: the password proves it is the owner, and a
 * link goes to the new address; nothing changes until it is followed. The answer is the same
 * whether or not the new address already has an account (which then gets no mail).
 */
export async function requestEmailChange(
  deps: ServiceDeps,
  account: AccountRecord,
  input: { newEmail: string; password: string },
  ip: string,
): Promise<void> {
  const newEmail = canonicalEmail(input.newEmail);
  const newEmailKey = emailKeyOf(newEmail);
  if (newEmailKey === account.emailKey) {
    throw new ServiceError('validation_failed', {
      issues: [{ path: ['newEmail'], code: 'unchanged' }],
    });
  }
  await assertCurrentPassword(deps, account, input.password, ip, 'email_change');
  const now = deps.clock();
  if (!(await deps.limits.mailAllowed(newEmailKey, now))) {
    deps.logger.info('throttle', { flow: 'email_change', accountId: account.id, ip });
    return;
  }
  if (await deps.store.findAccountByEmailKey(newEmailKey)) {
    deps.logger.info('email_change_taken', { accountId: account.id, ip });
    return;
  }
  const raw = randomToken();
  const expiresAt = new Date(now.getTime() + EMAIL_CHANGE_TTL_MS);
  const mail = composeMail(deps.sealer, {
    id: crypto.randomUUID(),
    to: newEmail,
    template: 'email_change',
    data: {
      link: `${deps.links.appUrl()}${APP_PATHS.confirmEmail}#token=${raw}`,
      expiresAt: expiresAt.toISOString(),
    },
    createdAt: now,
    locale: account.locale,
  });
  await deps.store.issueEmailChange(
    {
      id: crypto.randomUUID(),
      accountId: account.id,
      newEmail,
      newEmailKey,
      tokenHash: deps.secrets.hash('email_change', raw),
      createdAt: now,
      expiresAt,
      usedAt: null,
      supersededAt: null,
    },
    mail,
  );
  deps.logger.info('email_change_requested', { accountId: account.id, mailId: mail.id, ip });
  deps.onMailQueued();
}

/**
 * Confirm an email change with the token from the link mailed to the new address: the account
 * signs in with the new address from now on, and the old address is told.
 */
export async function confirmEmailChange(
  deps: ServiceDeps,
  raw: string,
  ip: string,
): Promise<EmailChanged> {
  const now = deps.clock();
  const result = await deps.store.completeEmailChange({
    tokenHash: deps.secrets.hash('email_change', raw),
    now,
    notice: (account, oldEmail) =>
      composeMail(deps.sealer, {
        id: crypto.randomUUID(),
        to: oldEmail,
        template: 'email_changed',
        data: { newEmail: account.email, at: now.toISOString(), bySupport: false },
        createdAt: now,
        locale: account.locale,
      }),
  });
  if (!result.ok) {
    deps.logger.info('failure', { flow: 'email_change_confirm', reason: result.reason, ip });
    throw result.reason === 'email_taken'
      ? new ServiceError('email_taken')
      : tokenProblem(result.reason);
  }
  deps.onMailQueued();
  await deps.limits.signInCleared(result.account.emailKey);
  deps.logger.info('email_changed', { accountId: result.account.id, ip });
  return { status: 'email_changed', email: result.account.email };
}

/**
 * Sign the account out everywhere: every refresh token revoked, every access token (this one
 * included) void at once.
 */
export async function signOutEverywhere(
  deps: ServiceDeps,
  account: AccountRecord,
  ip: string,
): Promise<void> {
  const revoked = await deps.store.revokeAllSessions(account.id, deps.clock());
  deps.logger.info('sign_out_everywhere', { accountId: account.id, revoked, ip });
}
