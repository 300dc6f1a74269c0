/**
 * The admin API under `/v1/admin/`: the operator services over HTTP for a Customer Services
 * console or a back office. Every call needs an unrevoked admin API key (`Authorization: Bearer
 * cak_…`); a missing, wrong or revoked key is `401 admin_key_invalid` before anything is read or
 * written. Every successful call is in the audit log, changes in the same transaction as the change.
 */
import {
  ADMIN_ROUTES,
  AdminAccountBody,
  AdminChangeEmailBody,
  AdminHistoryBody,
  AdminInviteBody,
  type FieldIssue,
} from '@connect-auth/core/contract';
import { readJsonObject, validate } from '../http/body.ts';
import { jsonResponse, ProblemError } from '../http/problem.ts';
import type { Router } from '../http/router.ts';
import type { ServiceDeps } from '../services/deps.ts';
import {
  ADMIN_KEY_PREFIX,
  accountView,
  auditEntry,
  changeEmailBySupport,
  hashAdminKey,
  inviteAccount,
  requireAccount,
  sendActivation,
  setDisabled,
  signOutAccount,
} from '../services/operators.ts';
import type { AccountStatus, AuditRecord } from '../store/types.ts';

const STATUSES: readonly string[] = [
  'pending_activation',
  'active',
  'pending_verification',
  'disabled',
];
const KEY_SHAPE = new RegExp(`^${ADMIN_KEY_PREFIX}[0-9a-f]{8}_[A-Za-z0-9_-]{43}$`);

type AdminHandler = (request: Request, actor: string, ip: string) => Promise<Response>;

/** The actor of a request: `key:<prefix> (<name>)`, or 401 (nothing read, nothing written). */
async function authenticateAdmin(deps: ServiceDeps, request: Request, ip: string) {
  const header = request.headers.get('authorization') ?? '';
  const key = /^Bearer (\S+)$/i.exec(header)?.[1] ?? '';
  const record = KEY_SHAPE.test(key)
    ? await deps.store.findAdminKeyByHash(hashAdminKey(key))
    : null;
  if (!record || record.revokedAt !== null) {
    deps.logger.warn('admin_denied', { ip, revoked: record !== null });
    throw new ProblemError(
      'admin_key_invalid',
      {},
      { 'www-authenticate': 'Bearer realm="connect-admin"' },
    );
  }
  const now = deps.clock();
  deps.background.run('admin_key_used', () => deps.store.touchAdminKey(record.id, now));
  return `key:${record.prefix} (${record.name})`;
}

function invalidQuery(issues: FieldIssue[]): ProblemError {
  return new ProblemError('validation_failed', { issues });
}

function queryLimit(params: URLSearchParams, fallback: number): number {
  const text = params.get('limit');
  if (text === null) return fallback;
  if (!/^\d{1,4}$/.test(text) || Number(text) < 1 || Number(text) > 1000) {
    throw invalidQuery([{ path: ['limit'], code: 'invalid_format' }]);
  }
  return Number(text);
}

function knownParams(params: URLSearchParams, allowed: readonly string[]): void {
  const unknown = [...new Set(params.keys())].filter((k) => !allowed.includes(k));
  if (unknown.length > 0) {
    throw invalidQuery(unknown.map((k) => ({ path: [k.slice(0, 64)], code: 'unknown_field' })));
  }
  for (const k of allowed) {
    if (params.getAll(k).length > 1) throw invalidQuery([{ path: [k], code: 'invalid_type' }]);
  }
}

function auditView(e: AuditRecord) {
  return { ...e, at: e.at.toISOString() };
}

/**
 * Register the admin routes on `router`.
 */
export function addAdminRoutes(router: Router, deps: ServiceDeps): Router {
  const r = ADMIN_ROUTES;
  const add = (route: { method: string; path: string }, handler: AdminHandler) =>
    router.add(route.method, route.path, async (request, ctx) => {
      const actor = await authenticateAdmin(deps, request, ctx.ip);
      return handler(request, actor, ctx.ip);
    });
  /** Write the audit entry of a read (changes write theirs in their own transaction). */
  const audited = async (
    actor: string,
    action: string,
    account: { id: string; email: string } | null,
    detail: Record<string, unknown> | null = null,
  ) => deps.store.appendAudit(auditEntry(deps, actor, action, account, detail));
  const accountOf = async (request: Request) => {
    const body = validate(await readJsonObject(request), AdminAccountBody);
    return requireAccount(deps, body.email);
  };

  add(r.stats, async (_request, actor) => {
    const stats = await deps.store.accountStats();
    await audited(actor, 'stats.view', null);
    const base = stats.byStatus.active + stats.byStatus.pending_activation;
    return jsonResponse({
      ...stats,
      activationRate: base === 0 ? 0 : stats.byStatus.active / base,
    });
  });

  add(r.listAccounts, async (request, actor) => {
    const params = new URL(request.url).searchParams;
    knownParams(params, ['status', 'search', 'limit', 'after']);
    const status = params.get('status');
    if (status !== null && !STATUSES.includes(status)) {
      throw invalidQuery([{ path: ['status'], code: 'invalid_value' }]);
    }
    const search = params.get('search');
    if (search !== null && (search.length === 0 || search.length > 200)) {
      throw invalidQuery([{ path: ['search'], code: search ? 'too_long' : 'required' }]);
    }
    const after = params.get('after');
    if (after !== null && after.length > 1280) {
      throw invalidQuery([{ path: ['after'], code: 'too_long' }]);
    }
    const limit = queryLimit(params, 50);
    const accounts = await deps.store.listAccounts({
      limit,
      ...(status ? { status: status as AccountStatus } : {}),
      ...(search ? { search } : {}),
      ...(after ? { afterEmailKey: after } : {}),
    });
    await audited(actor, 'accounts.list', null, { status, search, count: accounts.length });
    return jsonResponse({
      accounts: accounts.map(accountView),
      next: accounts.length === limit ? (accounts.at(-1)?.emailKey ?? null) : null,
    });
  });

  add(r.findAccount, async (request, actor) => {
    const account = await accountOf(request);
    await audited(actor, 'account.view', account);
    return jsonResponse(accountView(account));
  });

  add(r.history, async (request, actor) => {
    const body = validate(await readJsonObject(request), AdminHistoryBody);
    const account = await requireAccount(deps, body.email);
    const entries = await deps.store.listAudit({ accountId: account.id, limit: body.limit ?? 100 });
    await audited(actor, 'account.history', account);
    return jsonResponse({ entries: entries.map(auditView) });
  });

  add(r.audit, async (request, actor) => {
    const params = new URL(request.url).searchParams;
    knownParams(params, ['limit', 'before']);
    const beforeText = params.get('before');
    const before = beforeText === null ? undefined : new Date(beforeText);
    if (before !== undefined && (beforeText?.length ?? 0) > 40) {
      throw invalidQuery([{ path: ['before'], code: 'too_long' }]);
    }
    if (before !== undefined && Number.isNaN(before.getTime())) {
      throw invalidQuery([{ path: ['before'], code: 'invalid_format' }]);
    }
    const entries = await deps.store.listAudit({
      limit: queryLimit(params, 100),
      ...(before ? { before } : {}),
    });
    await audited(actor, 'audit.view', null);
    return jsonResponse({ entries: entries.map(auditView) });
  });

  add(r.invite, async (request, actor) => {
    const body = validate(await readJsonObject(request), AdminInviteBody);
    const result = await inviteAccount(
      deps,
      { email: body.email, name: body.name ?? null, locale: body.locale },
      actor,
    );
    return jsonResponse({
      account: accountView(result.account),
      created: result.created,
      invited: result.invited,
    });
  });

  add(r.sendActivation, async (request, actor) => {
    const account = await accountOf(request);
    // Customer Services re-sends on request: no campaign cooldown, but only to pending accounts.
    const sent =
      account.status === 'pending_activation'
        ? await sendActivation(deps, account, { actor, cooldownMs: 0 })
        : false;
    const fresh = (await deps.store.findAccountById(account.id)) ?? account;
    return jsonResponse({ account: accountView(fresh), sent });
  });

  add(r.disable, async (request, actor) => {
    const body = validate(await readJsonObject(request), AdminAccountBody);
    return jsonResponse(accountView(await setDisabled(deps, body.email, true, actor)));
  });

  add(r.enable, async (request, actor) => {
    const body = validate(await readJsonObject(request), AdminAccountBody);
    return jsonResponse(accountView(await setDisabled(deps, body.email, false, actor)));
  });

  add(r.signOut, async (request, actor) => {
    const body = validate(await readJsonObject(request), AdminAccountBody);
    const { account, revoked } = await signOutAccount(deps, body.email, actor);
    return jsonResponse({ account: accountView(account), revokedRefreshTokens: revoked });
  });

  add(r.changeEmail, async (request, actor) => {
    const body = validate(await readJsonObject(request), AdminChangeEmailBody);
    return jsonResponse(
      accountView(await changeEmailBySupport(deps, body.email, body.newEmail, actor)),
    );
  });

  return router;
}
