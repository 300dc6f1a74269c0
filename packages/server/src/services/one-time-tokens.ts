/**
 * Issuing and inspecting one-time tokens (reset, activation, email verification): the raw token
 * and code go only into the sealed mail payload; the store keeps their keyed hashes.
 */
import type { ServerErrorCode } from '@connect-auth/core/contract';
import { randomCode, randomToken } from '../auth/secrets.ts';
import { composeMail } from '../mail/templates.ts';
import { SUPERSEDES } from '../store/one-time-purposes.ts';
import type { AccountRecord, ConsumeFailure, TokenPurpose, TokenRecord } from '../store/types.ts';
import { APP_PATHS, type ServiceDeps } from './deps.ts';
import { ServiceError } from './errors.ts';

/**
 * Lifetimes (SECURITY 5).
 */
export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  reset: 60 * 60_000,
  activation: 24 * 60 * 60_000,
  verify_email: 24 * 60 * 60_000,
};

/**
 * Keyed hash of a code, bound to its token (a code means nothing for another token).
 */
export function codeHash(
  deps: Pick<ServiceDeps, 'secrets'>,
  tokenId: string,
  code: string,
): string {
  return deps.secrets.hash('code', `${tokenId}:${code}`);
}

/**
 * Issue a token of `purpose` for `account` and enqueue its mail, superseding older ones, in one
 * store transaction.
 */
export async function issueOneTime(
  deps: ServiceDeps,
  account: AccountRecord,
  purpose: TokenPurpose,
  options: { passwordHash?: string } = {},
): Promise<void> {
  const now = deps.clock();
  const token = randomToken();
  const id = crypto.randomUUID();
  const expiresAt = new Date(now.getTime() + TOKEN_TTL_MS[purpose]);
  const base = deps.links.appUrl();
  let codeHashHex: string | null = null;
  let mail: ReturnType<typeof composeMail>;
  if (purpose === 'verify_email') {
    mail = composeMail(deps.sealer, {
      id: crypto.randomUUID(),
      to: account.email,
      template: 'verify_email',
      locale: account.locale,
      data: {
        link: `${base}${APP_PATHS.verifyEmail}#token=${token}`,
        expiresAt: expiresAt.toISOString(),
      },
      createdAt: now,
    });
  } else {
    const code = randomCode();
    codeHashHex = codeHash(deps, id, code);
    mail = composeMail(deps.sealer, {
      id: crypto.randomUUID(),
      to: account.email,
      template: purpose === 'activation' ? 'account_activation' : 'password_reset',
      locale: account.locale,
      data: {
        link: `${base}${APP_PATHS.reset}#token=${token}`,
        code,
        expiresAt: expiresAt.toISOString(),
      },
      createdAt: now,
    });
  }
  const record: TokenRecord = {
    id,
    accountId: account.id,
    purpose,
    tokenHash: deps.secrets.hash('token', token),
    codeHash: codeHashHex,
    codeAttempts: 0,
    createdAt: now,
    expiresAt,
    usedAt: null,
    supersededAt: null,
    ...(options.passwordHash ? { passwordHash: options.passwordHash } : {}),
  };
  await deps.store.issueToken(record, SUPERSEDES[purpose], mail);
  deps.logger.info('token_issued', {
    accountId: account.id,
    purpose,
    tokenId: id,
    mailId: mail.id,
  });
  deps.onMailQueued();
}

const FAILURE_CODES: Record<ConsumeFailure, ServerErrorCode> = {
  invalid: 'token_invalid',
  expired: 'token_expired',
  used: 'token_used',
  superseded: 'token_superseded',
};

/**
 * The problem for a consume failure.
 */
export function tokenProblem(reason: ConsumeFailure): ServiceError {
  return new ServiceError(FAILURE_CODES[reason]);
}

/**
 * Find a live token of one of `purposes` by its raw value, or throw the problem for the store's
 * reason (`token_invalid`, `token_used`, `token_superseded`, `token_expired`). Never consumes
 * (SECURITY 9). Whether it is live is the store's decision alone (`Store.inspectToken`), made by
 * the same code as the consuming calls.
 */
export async function findLiveToken(
  deps: ServiceDeps,
  raw: string,
  purposes: readonly TokenPurpose[],
): Promise<{ token: TokenRecord; account: AccountRecord }> {
  const verdict = await deps.store.inspectToken(
    deps.secrets.hash('token', raw),
    purposes,
    deps.clock(),
  );
  if (!verdict.ok) throw tokenProblem(verdict.reason);
  return verdict;
}
