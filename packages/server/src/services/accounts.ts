/**
 * Registration and email verification (SECURITY 1): the same `202` for new and existing emails;
 * an existing owner gets an "already registered" mail instead of a second account.
 */
import type { EmailVerified } from '@connect-auth/core/contract';
import { composeMail } from '../mail/templates.ts';
import { isStoreError } from '../store/errors.ts';
import { VERIFY_PURPOSES } from '../store/one-time-purposes.ts';
import type { AccountRecord } from '../store/types.ts';
import { APP_PATHS, type ServiceDeps } from './deps.ts';
import { canonicalEmail, emailKeyOf } from './email.ts';
import { findLiveToken, issueOneTime, tokenProblem } from './one-time-tokens.ts';
import { failureLogged, throttled } from './outcome-log.ts';
import { assertStrongPassword, normalizePassword } from './password.ts';
import { nextTurn } from './turns.ts';

/**
 * Register. The password is checked against the policy first (the verdict depends only on the
 * input); everything that depends on the account happens after the response.
 */
export async function register(
  deps: ServiceDeps,
  input: {
    email: string;
    password: string;
    name?: string | undefined;
    locale?: string | undefined;
  },
  ip: string,
): Promise<void> {
  const email = canonicalEmail(input.email);
  await assertStrongPassword(deps, input.password, { email, name: input.name ?? null });
  const now = deps.clock();
  await throttled(deps, { flow: 'register', ip }, () => deps.limits.ipRequest('register', ip, now));
  deps.background.run('register', () => registerInBackground(deps, email, input, ip, now));
}

async function registerInBackground(
  deps: ServiceDeps,
  email: string,
  input: { password: string; name?: string | undefined; locale?: string | undefined },
  ip: string,
  now: Date,
): Promise<void> {
  const emailKey = emailKeyOf(email);
  // Hashed whatever the address's state (#8 item 4): the hash occupies the same CPU and hashing
  // slot for a new address as for an existing one, so a request sent right after cannot tell.
  const passwordHash = await deps.hasher.hash(normalizePassword(input.password));
  await nextTurn();
  const allowed = await deps.limits.mailAllowed(emailKey, now);
  let account: AccountRecord | null = await deps.store.findAccountByEmailKey(emailKey);
  if (!account) {
    try {
      account = await deps.store.createAccount({
        id: crypto.randomUUID(),
        email,
        emailKey,
        name: input.name ?? null,
        locale: input.locale ?? null,
        status: 'pending_verification',
        passwordHash,
        createdAt: now,
      });
      deps.logger.info('registered', { accountId: account.id, ip });
      if (allowed) await issueOneTime(deps, account, 'verify_email', { passwordHash });
      return;
    } catch (error) {
      if (!isStoreError(error, 'email_taken')) throw error;
      account = await deps.store.findAccountByEmailKey(emailKey);
    }
  }
  if (account?.status === 'pending_verification') {
    // Pre-account takeover (#8 item 3, SECURITY 28): nobody has proven this address yet, so a new
    // registration replaces the pending one. Its link carries its own password and supersedes
    // every earlier link: whoever registered first cannot have their password activated by the
    // mailbox owner confirming the owner's own registration.
    deps.logger.info('register_pending', { accountId: account.id, ip });
    if (allowed) await issueOneTime(deps, account, 'verify_email', { passwordHash });
    return;
  }
  deps.logger.info('register_existing', { accountId: account?.id ?? null, ip });
  if (!account || account.status === 'disabled' || !allowed) return;
  const base = deps.links.appUrl();
  await deps.store.enqueueMail(
    composeMail(deps.sealer, {
      id: crypto.randomUUID(),
      to: account.email,
      template: 'already_registered',
      locale: account.locale,
      data: {
        signInUrl: `${base}${APP_PATHS.signIn}`,
        resetUrl: `${base}${APP_PATHS.lostPassword}`,
      },
      createdAt: now,
    }),
  );
  deps.onMailQueued();
}

/**
 * Verify a registration email: consumes the verify_email token and activates the account.
 */
export async function verifyEmail(
  deps: ServiceDeps,
  raw: string,
  ip: string,
): Promise<EmailVerified> {
  return failureLogged(deps, 'verify_email', ip, async () => {
    const { token } = await findLiveToken(deps, raw, VERIFY_PURPOSES);
    const outcome = await deps.store.completeEmailVerification(token.id, deps.clock());
    if (!outcome.ok) throw tokenProblem(outcome.reason);
    deps.logger.info('consume', {
      flow: 'verify_email',
      accountId: outcome.account.id,
      tokenId: token.id,
      ip,
    });
    return { status: 'verified', email: outcome.account.email };
  });
}
