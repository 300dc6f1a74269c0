/**
 * The operator commands of `connect-auth-server`: `accounts …`, `invite`, `send-activation`,
 * `admin-keys …`. Store-only commands take the database options of `serve`; the commands that
 * mail (`invite`, `send-activation`, `accounts change-email`) take every `serve` option, because
 * they seal, link and deliver exactly as the server does (their outbox worker delivers what they
 * queue; a running server's worker may deliver it too, leases keep that to one delivery).
 */
import { parseArgs } from 'node:util';
import { createSecretHasher } from '../auth/secrets.ts';
import { ConfigError } from '../config.ts';
import { loadConfig, SETTINGS } from '../config-env.ts';
import { silentLogger } from '../log.ts';
import { createServer, devSecret } from '../server.ts';
import { isServiceError } from '../services/errors.ts';
import {
  accountView,
  auditEntry,
  changeEmailBySupport,
  createAdminKey,
  inviteAccount,
  type OperatorDeps,
  requireAccount,
  runActivationCampaign,
  setDisabled,
  signOutAccount,
} from '../services/operators.ts';
import type { AccountStatus, Store } from '../store/types.ts';
import { type CliIo, languageTag, notALanguageTag, openCliStore, parseCommand } from './command.ts';

/** A usage error: exit code 2, with the command's help. */
class UsageError extends Error {}

const STATUSES: readonly AccountStatus[] = [
  'pending_activation',
  'active',
  'pending_verification',
  'disabled',
];

const DB_OPTIONS = `  --data-dir <dir>        SQLite data directory (DATA_DIR; default ./.data)
  --database-url <url>    PostgreSQL URL (DATABASE_URL)
  --json                  machine-readable output on stdout
  -h, --help              this help`;

const SERVE_OPTIONS = `${DB_OPTIONS}
  …and every other option of "serve" (SMTP_URL, PUBLIC_URL/APP_URL, CONNECT_SECRET, --dev, …):
  mails are sealed, linked and delivered exactly as the server does.`;

/** Help text of each operator command. */
export const OPERATOR_HELP: Record<string, string> = {
  'accounts stats': `Usage: connect-auth-server accounts stats [options]

Counts accounts by state (pending activation, active, unverified, disabled), the activation
rate, and activations per day: the migration's progress at a glance.

${DB_OPTIONS}
`,
  'accounts list': `Usage: connect-auth-server accounts list [--status S] [--search Q] [--limit N] [options]

Lists accounts ordered by email. S is one of ${STATUSES.join(', ')}; Q matches
a part of the email or name, case-insensitively. Default limit 50 (at most 10000).

${DB_OPTIONS}
`,
  'accounts show': `Usage: connect-auth-server accounts show <email> [options]

Shows one account: state, dates, the last activation mail. Never a password or a token.

${DB_OPTIONS}
`,
  'accounts disable': `Usage: connect-auth-server accounts disable <email> [options]

Disables an account: it cannot sign in, reset or activate, and every session ends now.

${DB_OPTIONS}
`,
  'accounts enable': `Usage: connect-auth-server accounts enable <email> [options]

Enables a disabled account again, in the state it can have (pending activation without a
password, active once activated).

${DB_OPTIONS}
`,
  'accounts sign-out': `Usage: connect-auth-server accounts sign-out <email> [options]

Signs the account out everywhere: every refresh token is revoked and every access token stops
working at once.

${DB_OPTIONS}
`,
  'accounts history': `Usage: connect-auth-server accounts history <email> [--limit N] [options]

The audit log of one account, newest first: who did what, when (CLI and admin API).

${DB_OPTIONS}
`,
  'accounts change-email': `Usage: connect-auth-server accounts change-email <email> <new-email> [options]

Customer Services' recovery, after verifying the person out of band: moves the account to an
address the person controls. The account returns to pending activation (its password is
cleared, every session ends); the new address gets only an activation mail, the old one a notice.
Nobody ever sets or sees a password.

${SERVE_OPTIONS}
`,
  invite: `Usage: connect-auth-server invite <email> [--name <name>] [--locale <tag>] [options]

Creates an account for an associated user (or finds it) and sends an invitation whose link
leads to choosing a password, exactly like activation. An account that already has a password
gets no mail.

  --locale <tag>          the language of the account's mails, this invitation's included
                          (fr, de, es, it, nl, en-US…); without it, the account's own or the default

${SERVE_OPTIONS}
`,
  'send-activation': `Usage: connect-auth-server send-activation (--all-pending | --limit N) [options]

Queues activation mails for accounts pending activation, paced, and delivers them. Resumable:
an account mailed within the cooldown is not mailed again, so a second run (or one after an
interruption) sends only what is left.

  --all-pending           every pending account that is due
  --older-than <D>        only accounts imported more than D ago (e.g. 12h, 7d)
  --limit <N>             at most N mails
  --rate <N>              at most N mails per minute (default 60)
  --cooldown <D>          do not mail an account again within D (default 7d)
  --dry-run               count what would be sent; send nothing
${SERVE_OPTIONS}
`,
  'admin-keys create': `Usage: connect-auth-server admin-keys create <name> [options]

Creates an admin API key for /v1/admin/ and prints it once: only its hash is stored.

${DB_OPTIONS}
`,
  'admin-keys list': `Usage: connect-auth-server admin-keys list [options]

Lists admin API keys (prefix, name, created, last used, revoked). Never the keys themselves.

${DB_OPTIONS}
`,
  'admin-keys revoke': `Usage: connect-auth-server admin-keys revoke <id-or-prefix> [options]

Revokes an admin API key at once.

${DB_OPTIONS}
`,
};

const GROUPS: Record<string, string[]> = {
  accounts: ['stats', 'list', 'show', 'disable', 'enable', 'sign-out', 'history', 'change-email'],
  'admin-keys': ['create', 'list', 'revoke'],
};

/**
 * Parse a duration: `90s`, `30m`, `12h`, `7d`, `2w` (or a bare number of seconds).
 */
export function parseDuration(text: string): number {
  const m = /^(\d{1,9})([smhdw]?)$/.exec(text.trim());
  if (!m) throw new UsageError(`not a duration: ${JSON.stringify(text)} (use e.g. 30m, 12h, 7d)`);
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 }[m[2] ?? ''] ?? 1;
  return Number(m[1]) * unit * 1000;
}

function positiveInt(text: string | undefined, name: string, max: number): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{1,9}$/.test(text) || Number(text) < 1 || Number(text) > max) {
    throw new UsageError(
      `--${name} must be a whole number from 1 to ${max}, got ${JSON.stringify(text)}`,
    );
  }
  return Number(text);
}

const COMMAND_OPTIONS = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  status: { type: 'string' },
  search: { type: 'string' },
  limit: { type: 'string' },
  name: { type: 'string' },
  locale: { type: 'string' },
  'all-pending': { type: 'boolean' },
  'older-than': { type: 'string' },
  rate: { type: 'string' },
  cooldown: { type: 'string' },
  'dry-run': { type: 'boolean' },
} as const;

type Values = Record<string, string | boolean | undefined>;

/**
 * Whether `argv` names an operator command (`accounts …`, `invite`, `send-activation`,
 * `admin-keys …`).
 */
export function isOperatorCommand(argv: readonly string[]): boolean {
  const [command] = argv;
  return command === 'invite' || command === 'send-activation' || (command ?? '') in GROUPS;
}

/**
 * Run an operator command. Exit codes: 0 done; 1 the command ran but failed (no such account,
 * address taken, database unreachable); 2 usage or configuration error.
 */
export async function runOperatorCommand(argv: string[], io: CliIo): Promise<number> {
  const [command = '', ...rest] = argv;
  let name = command;
  let args = rest;
  const sub = GROUPS[command];
  if (sub) {
    const [action, ...tail] = rest;
    if (action === undefined || action === '--help' || action === '-h') {
      io.stdout(
        `Usage: connect-auth-server ${command} <${sub.join('|')}> [options]\nRun "connect-auth-server ${command} <action> --help" for each.\n`,
      );
      return action === undefined ? 2 : 0;
    }
    if (!sub.includes(action)) {
      io.stderr(
        `Unknown action "${action}" of "${command}"; expected one of: ${sub.join(', ')}.\n`,
      );
      return 2;
    }
    name = `${command} ${action}`;
    args = tail;
  }
  const help = OPERATOR_HELP[name] ?? '';
  // Every `serve` option is accepted (so one command line works for both); the database ones
  // open the store, the rest configure mail for the commands that send.
  const serveOptions: Record<string, { type: 'string' | 'boolean' }> = {};
  for (const s of SETTINGS) if (s.flag) serveOptions[s.flag] = { type: s.type };
  const parsed = parseCommand(io, help, (): { values: Values; positionals: string[] } =>
    parseArgs({
      args,
      options: { ...serveOptions, ...COMMAND_OPTIONS },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const out = new Output(io, values.json === true);
  try {
    return await dispatch(name, positionals, values, io, out);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\n\n${help}`);
      return 2;
    }
    if (error instanceof ConfigError) {
      io.stderr(`${error.message}\n\nRun "connect-auth-server serve --help" for the options.\n`);
      return 2;
    }
    if (isServiceError(error)) {
      out.fail(error.code, error.extras.detail ?? problemText(error.code));
      return 1;
    }
    out.fail('failed', (error as Error).message);
    return 1;
  }
}

function problemText(code: string): string {
  if (code === 'email_taken') return 'This email address belongs to another account.';
  if (code === 'validation_failed') return 'That is not a valid email address.';
  return code;
}

/** Human lines on stdout, or one JSON document with `--json`; errors on stderr either way. */
class Output {
  readonly #io: CliIo;
  readonly json: boolean;
  constructor(io: CliIo, json: boolean) {
    this.#io = io;
    this.json = json;
  }
  result(data: unknown, human: string): void {
    this.#io.stdout(this.json ? `${JSON.stringify(data, null, 2)}\n` : human);
  }
  fail(code: string, message: string): void {
    this.#io.stderr(
      this.json ? `${JSON.stringify({ error: { code, message } })}\n` : `Error: ${message}\n`,
    );
  }
  progress(label: string): (done: number, total: number) => void {
    let shown = -1;
    // One line per 10 % step (a log-friendly bar: stderr may be a file or a CI log).
    return (done, total) => {
      const pct = total === 0 ? 100 : Math.floor((done / total) * 100);
      const step = Math.floor(pct / 10);
      if (step === shown) return;
      shown = step;
      const width = 30;
      const filled = Math.round((pct / 100) * width);
      this.#io.stderr(
        `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} (${pct}%)\n`,
      );
    };
  }
}

function actorOf(io: CliIo): string {
  return `cli:${io.env.USER ?? io.env.USERNAME ?? 'operator'}`;
}

async function withStore<T>(values: Values, io: CliIo, fn: (store: Store) => Promise<T>) {
  const store = await openCliStore(values, io);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** A server wired from the `serve` options, not listening: its worker delivers what we queue. */
async function withMailer<T>(
  values: Values,
  io: CliIo,
  fn: (deps: OperatorDeps) => Promise<T>,
): Promise<T> {
  const argv: string[] = [];
  for (const s of SETTINGS) {
    const v = s.flag ? values[s.flag] : undefined;
    if (v === undefined) continue;
    if (v === true) argv.push(`--${s.flag}`);
    else if (typeof v === 'string') argv.push(`--${s.flag}`, v);
  }
  const config = loadConfig({ env: io.env, argv });
  const secret = config.secret ?? (await devSecret(config.dataDir, silentLogger));
  const server = await createServer({
    ...config,
    secret,
    logger: silentLogger,
    ...io.serverOptions,
  });
  const appUrl = config.appUrl ?? config.publicUrl ?? `http://${config.hostname}:${config.port}`;
  const deps: OperatorDeps = {
    store: server.store,
    sealer: server.sealer,
    secrets: createSecretHasher(secret),
    clock: () => new Date(),
    logger: silentLogger,
    links: { appUrl: () => appUrl },
    onMailQueued: () => server.worker.nudge(),
  };
  try {
    const result = await fn(deps);
    await server.worker.drain();
    return result;
  } finally {
    await server.close();
  }
}

function one(positionals: string[], what: string): string {
  if (positionals.length !== 1 || !positionals[0]) {
    throw new UsageError(`Expected exactly one ${what}.`);
  }
  return positionals[0];
}

function line(view: ReturnType<typeof accountView>): string {
  return `${view.email.padEnd(36)} ${view.status.padEnd(20)} ${view.name ?? ''}`;
}

async function dispatch(
  name: string,
  positionals: string[],
  values: Values,
  io: CliIo,
  out: Output,
): Promise<number> {
  const actor = actorOf(io);
  const clock = () => new Date();
  switch (name) {
    case 'accounts stats': {
      if (positionals.length > 0) throw new UsageError('accounts stats takes no arguments.');
      const stats = await withStore(values, io, (store) => store.accountStats());
      // Of the accounts that need (or needed) activating, the share that is active.
      const base = stats.byStatus.active + stats.byStatus.pending_activation;
      const rate = base === 0 ? 0 : stats.byStatus.active / base;
      const rows = [
        ['pending activation', stats.byStatus.pending_activation],
        ['active', stats.byStatus.active],
        ['unverified', stats.byStatus.pending_verification],
        ['disabled', stats.byStatus.disabled],
        ['total', stats.total],
      ] as const;
      const human = [
        ...rows.map(([label, n]) => `${label.padEnd(20)} ${String(n).padStart(8)}`),
        `${'activation rate'.padEnd(20)} ${(rate * 100).toFixed(1).padStart(7)}%`,
        '',
        stats.activationsByDay.length > 0 ? 'Activations per day (UTC):' : 'No activations yet.',
        ...stats.activationsByDay.map((d) => `  ${d.day} ${String(d.count).padStart(8)}`),
        '',
      ].join('\n');
      out.result({ ...stats, activationRate: rate }, human);
      return 0;
    }
    case 'accounts list': {
      if (positionals.length > 0) throw new UsageError('accounts list takes no arguments.');
      const status = values.status as string | undefined;
      if (status !== undefined && !STATUSES.includes(status as AccountStatus)) {
        throw new UsageError(
          `--status must be one of ${STATUSES.join(', ')}, got ${JSON.stringify(status)}`,
        );
      }
      const limit = positiveInt(values.limit as string | undefined, 'limit', 10_000) ?? 50;
      const search = values.search as string | undefined;
      const accounts = await withStore(values, io, (store) =>
        store.listAccounts({
          limit,
          ...(status ? { status: status as AccountStatus } : {}),
          ...(search ? { search } : {}),
        }),
      );
      const views = accounts.map(accountView);
      out.result(
        { accounts: views },
        views.length === 0 ? 'No accounts match.\n' : `${views.map(line).join('\n')}\n`,
      );
      return 0;
    }
    case 'accounts show': {
      const email = one(positionals, 'email');
      const account = await withStore(values, io, (store) => requireAccount({ store }, email));
      const v = accountView(account);
      out.result(
        v,
        [
          `email               ${v.email}`,
          `name                ${v.name ?? '-'}`,
          `status              ${v.status}`,
          `id                  ${v.id}`,
          `created             ${v.createdAt}`,
          `activated           ${v.activatedAt ?? '-'}`,
          `last activation mail ${v.activationMailedAt ?? '-'}`,
          `failed sign-ins     ${v.failedSignIns}`,
          '',
        ].join('\n'),
      );
      return 0;
    }
    case 'accounts disable':
    case 'accounts enable': {
      const email = one(positionals, 'email');
      const disable = name === 'accounts disable';
      const account = await withStore(values, io, (store) =>
        setDisabled({ store, clock }, email, disable, actor),
      );
      out.result(
        accountView(account),
        `${account.email} is now ${account.status}${disable ? ' (every session ended)' : ''}.\n`,
      );
      return 0;
    }
    case 'accounts sign-out': {
      const email = one(positionals, 'email');
      const { account, revoked } = await withStore(values, io, (store) =>
        signOutAccount({ store, clock }, email, actor),
      );
      out.result(
        { account: accountView(account), revokedRefreshTokens: revoked },
        `${account.email} is signed out everywhere (${revoked} refresh token${revoked === 1 ? '' : 's'} revoked).\n`,
      );
      return 0;
    }
    case 'accounts history': {
      const email = one(positionals, 'email');
      const limit = positiveInt(values.limit as string | undefined, 'limit', 10_000) ?? 100;
      const entries = await withStore(values, io, async (store) => {
        const account = await requireAccount({ store }, email);
        return store.listAudit({ accountId: account.id, limit });
      });
      const views = entries.map((e) => ({ ...e, at: e.at.toISOString() }));
      out.result(
        { entries: views },
        views.length === 0
          ? 'No recorded actions.\n'
          : `${views.map((e) => `${e.at}  ${e.action.padEnd(22)} ${e.actor}${e.detail ? `  ${JSON.stringify(e.detail)}` : ''}`).join('\n')}\n`,
      );
      return 0;
    }
    case 'accounts change-email': {
      if (positionals.length !== 2) throw new UsageError('Expected <email> <new-email>.');
      const [email = '', newEmail = ''] = positionals;
      const account = await withMailer(values, io, (deps) =>
        changeEmailBySupport(deps, email, newEmail, actor),
      );
      out.result(
        accountView(account),
        `${account.email} now holds the account, pending activation: an activation mail is on its way there, and the old address has been told.\n`,
      );
      return 0;
    }
    case 'invite': {
      const email = one(positionals, 'email');
      const invitee = values.name as string | undefined;
      if (invitee !== undefined && (invitee.trim() === '' || invitee.length > 200)) {
        throw new UsageError('--name must be 1 to 200 characters.');
      }
      const rawLocale = values.locale as string | undefined;
      const locale = rawLocale === undefined ? undefined : languageTag(rawLocale);
      if (rawLocale !== undefined && locale === undefined) {
        throw new UsageError(`--locale: ${notALanguageTag(rawLocale)}.`);
      }
      const result = await withMailer(values, io, (deps) =>
        inviteAccount(deps, { email, name: invitee?.trim() ?? null, locale }, actor),
      );
      out.result(
        { account: accountView(result.account), created: result.created, invited: result.invited },
        result.invited
          ? `Invitation sent to ${result.account.email}${result.created ? ' (new account)' : ''}.\n`
          : `${result.account.email} already has an account (${result.account.status}); no invitation sent.\n`,
      );
      return 0;
    }
    case 'send-activation': {
      if (positionals.length > 0) throw new UsageError('send-activation takes no arguments.');
      const limit = positiveInt(values.limit as string | undefined, 'limit', 10_000_000) ?? null;
      if (!values['all-pending'] && limit === null) {
        throw new UsageError('Say which accounts: --all-pending, or --limit N.');
      }
      const rate = positiveInt(values.rate as string | undefined, 'rate', 1_000_000) ?? 60;
      const cooldownMs = parseDuration((values.cooldown as string | undefined) ?? '7d');
      const olderThan = values['older-than'] as string | undefined;
      const dryRun = values['dry-run'] === true;
      const stop = new AbortController();
      const onSignal = () => stop.abort();
      process.once('SIGINT', onSignal);
      try {
        const summary = await withMailer(values, io, (deps) =>
          runActivationCampaign(deps, {
            actor,
            cooldownMs,
            olderThanMs: olderThan === undefined ? null : parseDuration(olderThan),
            limit,
            ratePerMinute: rate,
            dryRun,
            onProgress: out.progress('Queueing activation mails'),
            signal: stop.signal,
          }),
        );
        const interrupted = stop.signal.aborted;
        out.result(
          { ...summary, interrupted },
          dryRun
            ? `Dry run: ${summary.due} pending account${summary.due === 1 ? '' : 's'} would be mailed.\n`
            : `Due ${summary.due}: sent ${summary.sent}, skipped ${summary.skipped} (mailed or activated meanwhile)${interrupted ? '; interrupted: run again to continue' : ''}.\n`,
        );
        return interrupted ? 1 : 0;
      } finally {
        process.off('SIGINT', onSignal);
      }
    }
    case 'admin-keys create': {
      const keyName = one(positionals, 'name');
      if (keyName.length > 100) throw new UsageError('The name is at most 100 characters.');
      const { key, record } = await withStore(values, io, (store) =>
        createAdminKey({ store, clock }, keyName, actor),
      );
      out.result(
        { id: record.id, name: record.name, prefix: record.prefix, key },
        `Admin API key "${record.name}" (${record.prefix}):\n\n  ${key}\n\nShown once: only its hash is stored. Send it as "Authorization: Bearer <key>".\n`,
      );
      return 0;
    }
    case 'admin-keys list': {
      if (positionals.length > 0) throw new UsageError('admin-keys list takes no arguments.');
      const keys = await withStore(values, io, (store) => store.listAdminKeys());
      const views = keys.map((k) => ({
        id: k.id,
        name: k.name,
        prefix: k.prefix,
        createdAt: k.createdAt.toISOString(),
        lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
        revokedAt: k.revokedAt?.toISOString() ?? null,
      }));
      out.result(
        { keys: views },
        views.length === 0
          ? 'No admin keys.\n'
          : `${views.map((k) => `${k.prefix}  ${k.name.padEnd(24)} ${k.revokedAt ? `revoked ${k.revokedAt}` : `last used ${k.lastUsedAt ?? 'never'}`}`).join('\n')}\n`,
      );
      return 0;
    }
    case 'admin-keys revoke': {
      const ref = one(positionals, 'key id or prefix');
      const revoked = await withStore(values, io, (store) =>
        store.revokeAdminKey(
          ref,
          clock(),
          auditEntry({ clock }, actor, 'admin_key.revoke', null, { key: ref }),
        ),
      );
      if (!revoked) {
        out.fail('not_found', `No active admin key "${ref}".`);
        return 1;
      }
      out.result({ revoked: ref }, `Admin key ${ref} revoked.\n`);
      return 0;
    }
  }
  throw new UsageError(`Unknown command "${name}".`);
}
