/**
 * What operators and Customer Services do, shared by the CLI and the admin API: invitations,
 * activation campaigns, disable/enable, sign-out everywhere, the email recovery. Every change is
 * written to the audit log in the same store transaction as the change itself. Nobody, admin
 * included, ever sets or sees a password: the only way to a password is the owner's own link.
 */
import { createHash, randomBytes } from 'node:crypto';
import { randomCode, randomToken } from '../auth/secrets.ts';
import { composeMail } from '../mail/templates.ts';
import type {
  AccountRecord,
  AdminKeyRecord,
  NewAuditEntry,
  NewOutboxMail,
  TokenRecord,
} from '../store/types.ts';
import { APP_PATHS, type ServiceDeps } from './deps.ts';
import { canonicalEmail, emailKeyOf } from './email.ts';
import { ServiceError } from './errors.ts';
import { codeHash, TOKEN_TTL_MS } from './one-time-tokens.ts';

/** The parts of {@link ServiceDeps} the operator services use. */
export type OperatorDeps = Pick<
  ServiceDeps,
  'store' | 'sealer' | 'secrets' | 'clock' | 'logger' | 'links' | 'onMailQueued'
>;

/**
 * An account as operators see it: never a password hash, never a token.
 */
export interface AccountView {
  id: string;
  email: string;
  name: string | null;
  status: AccountRecord['status'];
  createdAt: string;
  activatedAt: string | null;
  activationMailedAt: string | null;
  failedSignIns: number;
}

/**
 * The operator view of an account.
 */
export function accountView(account: AccountRecord): AccountView {
  return {
    id: account.id,
    email: account.email,
    name: account.name,
    status: account.status,
    createdAt: account.createdAt.toISOString(),
    activatedAt: account.activatedAt?.toISOString() ?? null,
    activationMailedAt: account.activationMailedAt?.toISOString() ?? null,
    failedSignIns: account.failedSignIns,
  };
}

let auditSequence = 0;

/**
 * A sortable audit id: the entry's time, then a per-process sequence, then randomness. Entries
 * written in the same millisecond (an invitation and its mail) list in the order they happened.
 */
export function auditId(at: Date): string {
  auditSequence = (auditSequence + 1) % 36 ** 6;
  return `${at.getTime().toString(36).padStart(10, '0')}-${auditSequence.toString(36).padStart(6, '0')}-${randomBytes(4).toString('hex')}`;
}

/**
 * An audit entry for `actor` doing `action` to `account`.
 */
export function auditEntry(
  deps: Pick<OperatorDeps, 'clock'>,
  actor: string,
  action: string,
  account: Pick<AccountRecord, 'id' | 'email'> | null,
  detail: Record<string, unknown> | null = null,
): NewAuditEntry {
  const at = deps.clock();
  return {
    id: auditId(at),
    at,
    actor,
    action,
    accountId: account?.id ?? null,
    accountEmail: account?.email ?? null,
    detail,
  };
}

/**
 * Find an account by email (as typed: canonicalised first) or throw `not_found`.
 */
export async function requireAccount(
  deps: Pick<OperatorDeps, 'store'>,
  email: string,
): Promise<AccountRecord> {
  const account = await deps.store.findAccountByEmailKey(emailKeyOf(email));
  if (!account) throw new ServiceError('not_found', { detail: 'No account has this email.' });
  return account;
}

/** An activation token and its mail (activation or invitation wording), not yet stored. */
function activationFor(
  deps: OperatorDeps,
  account: Pick<AccountRecord, 'id' | 'locale'>,
  to: string,
  template: 'account_activation' | 'invitation',
): { token: TokenRecord; mail: NewOutboxMail } {
  const now = deps.clock();
  const raw = randomToken();
  const id = crypto.randomUUID();
  const code = randomCode();
  const expiresAt = new Date(now.getTime() + TOKEN_TTL_MS.activation);
  const mail = composeMail(deps.sealer, {
    id: crypto.randomUUID(),
    to,
    template,
    data: {
      link: `${deps.links.appUrl()}${APP_PATHS.reset}#token=${raw}`,
      code,
      expiresAt: expiresAt.toISOString(),
    },
    createdAt: now,
    locale: account.locale,
  });
  return {
    token: {
      id,
      accountId: account.id,
      purpose: 'activation',
      tokenHash: deps.secrets.hash('token', raw),
      codeHash: codeHash(deps, id, code),
      codeAttempts: 0,
      createdAt: now,
      expiresAt,
      usedAt: null,
      supersededAt: null,
    },
    mail,
  };
}

/**
 * Send one activation mail to a pending account, unless it was mailed within `cooldownMs`.
 * Resolves whether a mail was queued.
 */
export async function sendActivation(
  deps: OperatorDeps,
  account: AccountRecord,
  options: { actor: string; cooldownMs: number; template?: 'account_activation' | 'invitation' },
): Promise<boolean> {
  const { token, mail } = activationFor(
    deps,
    account,
    account.email,
    options.template ?? 'account_activation',
  );
  const sent = await deps.store.issueActivation({
    token,
    mail,
    mailedBefore: new Date(token.createdAt.getTime() - options.cooldownMs),
    audit: auditEntry(deps, options.actor, 'activation.send', account, {
      template: mail.template,
    }),
  });
  if (sent) {
    deps.logger.info('token_issued', {
      accountId: account.id,
      purpose: 'activation',
      tokenId: token.id,
      mailId: mail.id,
    });
    deps.onMailQueued();
  }
  return sent;
}

/** What {@link runActivationCampaign} did. */
export interface CampaignSummary {
  /** Pending accounts that were due (not mailed within the cooldown), up to the limit. */
  due: number;
  /** Mails queued (0 on a dry run). */
  sent: number;
  /** Due accounts another run mailed or activated meanwhile. */
  skipped: number;
  dryRun: boolean;
}

/** Options of {@link runActivationCampaign}. */
export interface CampaignOptions {
  actor: string;
  /** An account mailed less than this long ago is not mailed again. */
  cooldownMs: number;
  /** Only accounts imported more than this long ago (null: any). */
  olderThanMs: number | null;
  /** At most this many mails (null: all due). */
  limit: number | null;
  /** Queue at most this many mails per minute. */
  ratePerMinute: number;
  dryRun: boolean;
  /** Called after each account with the running totals. */
  onProgress?: (done: number, total: number) => void;
  /** Stops the campaign between two mails; the summary says how far it got. */
  signal?: AbortSignal;
  /** Waits between mails (tests pass a fake); default a timer. */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Queue activation mails for every due pending account, paced. Resumable: each account is claimed
 * atomically with its cooldown, so a second run (or a parallel one) does not mail it again.
 */
export async function runActivationCampaign(
  deps: OperatorDeps,
  options: CampaignOptions,
): Promise<CampaignSummary> {
  const now = deps.clock();
  const mailedBefore = new Date(now.getTime() - options.cooldownMs);
  const createdBefore =
    options.olderThanMs === null ? null : new Date(now.getTime() - options.olderThanMs);
  const max = options.limit ?? Number.POSITIVE_INFINITY;
  // Collect the due list first (keyset pages): the total for the progress bar, and a stable
  // set, so accounts stamped by this run are not read twice.
  const due: AccountRecord[] = [];
  let after: string | undefined;
  while (due.length < max) {
    const page = await deps.store.listActivationDue({
      mailedBefore,
      createdBefore,
      limit: Math.min(500, max - due.length),
      ...(after === undefined ? {} : { afterEmailKey: after }),
    });
    due.push(...page);
    if (page.length < 500) break;
    after = page.at(-1)?.emailKey;
  }
  const summary: CampaignSummary = {
    due: due.length,
    sent: 0,
    skipped: 0,
    dryRun: options.dryRun,
  };
  if (options.dryRun) return summary;
  const gapMs = 60_000 / options.ratePerMinute;
  const sleep = options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const started = Date.now();
  for (const [i, account] of due.entries()) {
    if (options.signal?.aborted) break;
    // Paced against the start, so slow statements do not slow the rate further.
    const wait = started + i * gapMs - Date.now();
    if (wait > 0) await sleep(wait);
    const sent = await sendActivation(deps, account, {
      actor: options.actor,
      cooldownMs: options.cooldownMs,
    });
    if (sent) summary.sent++;
    else summary.skipped++;
    options.onProgress?.(i + 1, due.length);
  }
  return summary;
}

/**
 * Invite an associated user: create a pending account (or find it) and send the invitation,
 * whose link leads to choosing a password exactly like activation. An account that already has a
 * password gets no mail (`status` says so). `locale`, when given, is the language of the
 * account's mails, this invitation's included (also for a pending account invited again).
 */
export async function inviteAccount(
  deps: OperatorDeps,
  input: { email: string; name?: string | null; locale?: string | undefined },
  actor: string,
): Promise<{ account: AccountRecord; created: boolean; invited: boolean }> {
  const email = canonicalEmail(input.email);
  const emailKey = emailKeyOf(email);
  const locale = input.locale ?? null;
  let account = await deps.store.findAccountByEmailKey(emailKey);
  let created = false;
  if (!account) {
    const inserted = await deps.store.importAccounts(
      [{ id: crypto.randomUUID(), email, emailKey, name: input.name ?? null, locale }],
      deps.clock(),
    );
    created = inserted === 1;
    account = await deps.store.findAccountByEmailKey(emailKey);
    if (!account) throw new Error('invite: account vanished after insert');
    if (created) {
      await deps.store.appendAudit(
        auditEntry(deps, actor, 'account.invite', account, { name: input.name ?? null, locale }),
      );
    }
  }
  if (account.status !== 'pending_activation') return { account, created, invited: false };
  // Inviting again in a language says which one: nobody has chosen a password there yet.
  if (!created && locale !== null && account.locale !== locale) {
    await deps.store.setAccountLocale(account.id, locale, deps.clock());
    account = { ...account, locale };
  }
  const invited = await sendActivation(deps, account, {
    actor,
    cooldownMs: 0,
    template: 'invitation',
  });
  return {
    account: (await deps.store.findAccountById(account.id)) ?? account,
    created,
    invited,
  };
}

/**
 * Disable or enable an account (disabling ends every session).
 */
export async function setDisabled(
  deps: Pick<OperatorDeps, 'store' | 'clock'>,
  email: string,
  disabled: boolean,
  actor: string,
): Promise<AccountRecord> {
  const account = await requireAccount(deps, email);
  const changed = await deps.store.setAccountDisabled(
    account.id,
    disabled,
    deps.clock(),
    auditEntry(deps, actor, disabled ? 'account.disable' : 'account.enable', account, {
      from: account.status,
    }),
  );
  if (!changed) throw new ServiceError('not_found', { detail: 'No account has this email.' });
  return changed;
}

/**
 * Sign an account out everywhere: every refresh token revoked, every access token void.
 */
export async function signOutAccount(
  deps: Pick<OperatorDeps, 'store' | 'clock'>,
  email: string,
  actor: string,
): Promise<{ account: AccountRecord; revoked: number }> {
  const account = await requireAccount(deps, email);
  const revoked = await deps.store.revokeAllSessions(
    account.id,
    deps.clock(),
    auditEntry(deps, actor, 'account.sign_out', account),
  );
  return { account, revoked };
}

/**
 * Customer Services' one sanctioned recovery, after verifying the person out of band: move the
 * account to an address the person controls. The account returns to pending activation (its
 * password is cleared, every session ends); the only mail to the new address is an activation
 * link, and the old address is told. `email_taken` when another account has the address.
 */
export async function changeEmailBySupport(
  deps: OperatorDeps,
  email: string,
  newEmail: string,
  actor: string,
): Promise<AccountRecord> {
  const account = await requireAccount(deps, email);
  const target = canonicalEmail(newEmail);
  const { token, mail } = activationFor(deps, account, target, 'account_activation');
  const notice = composeMail(deps.sealer, {
    id: crypto.randomUUID(),
    to: account.email,
    template: 'email_changed',
    data: { newEmail: target, at: token.createdAt.toISOString(), bySupport: true },
    createdAt: token.createdAt,
    locale: account.locale,
  });
  const result = await deps.store.recoverAccountEmail({
    accountId: account.id,
    email: target,
    emailKey: emailKeyOf(target),
    token,
    mail,
    notice,
    audit: auditEntry(deps, actor, 'account.change_email', account, {
      from: account.email,
      to: target,
      previousStatus: account.status,
    }),
  });
  if (!result.ok) {
    throw result.reason === 'email_taken'
      ? new ServiceError('email_taken')
      : new ServiceError('not_found', { detail: 'No account has this email.' });
  }
  deps.logger.info('email_recovered', { accountId: account.id, mailId: mail.id });
  deps.onMailQueued();
  return result.account;
}

/** The prefix every admin key starts with. */
export const ADMIN_KEY_PREFIX = 'cak_';

/**
 * SHA-256 of an admin key: keys are 256 random bits, so a fast unkeyed hash is enough and lets
 * the CLI manage keys without the server secret.
 */
export function hashAdminKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/**
 * Create an admin API key. The key is returned once and never stored: only its hash is.
 */
export async function createAdminKey(
  deps: Pick<OperatorDeps, 'store' | 'clock'>,
  name: string,
  actor: string,
): Promise<{ key: string; record: AdminKeyRecord }> {
  const prefix = `${ADMIN_KEY_PREFIX}${randomBytes(4).toString('hex')}`;
  const key = `${prefix}_${randomBytes(32).toString('base64url')}`;
  const record: AdminKeyRecord = {
    id: crypto.randomUUID(),
    name,
    prefix,
    keyHash: hashAdminKey(key),
    createdAt: deps.clock(),
    lastUsedAt: null,
    revokedAt: null,
  };
  await deps.store.createAdminKey(
    record,
    auditEntry(deps, actor, 'admin_key.create', null, { prefix, name }),
  );
  return { key, record };
}
