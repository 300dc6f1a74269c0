/**
 * Running the suite: one check after another, each timed and recorded; a check whose
 * prerequisites did not pass is skipped as blocked, naming them.
 */
import { randomBytes } from 'node:crypto';
import {
  type Check,
  CheckFailure,
  type CheckResult,
  CheckSkipped,
  type Context,
  type RunSettings,
} from './check.ts';
import { CHECKS } from './checks.ts';
import { Target, TransportFailure } from './http.ts';
import { devInbox, type Mailbox, startSmtpSink } from './mail.ts';

/**
 * Options of {@link runConformance}.
 *
 * @example
 * ```ts
 * const options: ConformanceOptions = { url: 'http://127.0.0.1:8787', devInbox: 'http://127.0.0.1:8787/dev/mail' };
 * ```
 */
export interface ConformanceOptions {
  /** Base URL of the backend under test (`https://auth.example.com`). */
  url: string;
  /** Read mail from this dev inbox URL (`GET <url>?to=<address>` answering a JSON array). */
  devInbox?: string;
  /** Start an SMTP sink on this port (0 = any free port) and read mail from it. */
  smtpPort?: number;
  /** Interface the SMTP sink binds (default 127.0.0.1). */
  smtpHost?: string;
  /** Addresses of migrated accounts awaiting activation, created for this run (2 are used). */
  migrated?: string[];
  /** An origin the backend allows for CORS and cookie calls. */
  origin?: string;
  /** Domain of the addresses the kit invents (default `example.com`). */
  emailDomain?: string;
  /** How long to wait for one mail, in ms (default 15000). */
  mailTimeoutMs?: number;
  /** Most requests a rate-limit check sends (default 100). */
  limitBudget?: number;
  /**
   * The backend's per-address mail cooldown in ms. When given, the checks that need two mails to
   * one address (superseded links, a reset ending sessions) wait it out; otherwise they are skipped.
   */
  mailCooldownMs?: number;
  /** Only run checks whose id starts with one of these prefixes (the others are reported skipped). */
  only?: string[];
  /** Called after each check (the CLI prints progress with it). */
  onResult?: (result: CheckResult) => void;
  /** Called once the SMTP sink listens, with its port. */
  onMailbox?: (description: string) => void;
}

/**
 * The outcome of a run.
 *
 * @example
 * ```ts
 * const report: ConformanceReport = await runConformance({ url });
 * report.ok; // true when no check failed
 * ```
 */
export interface ConformanceReport {
  url: string;
  /** How the kit read mail, or why it did not. */
  mailbox: string;
  startedAt: string;
  durationMs: number;
  results: CheckResult[];
  /** True when every check that ran passed and at least one ran (skipped checks are listed, not failures). */
  ok: boolean;
  counts: { pass: number; fail: number; skip: number };
}

/**
 * The checks the kit knows, in run order: id, section and title (and the static skip reason).
 *
 * @example
 * ```ts
 * import { listChecks } from '@connect-auth/conformance';
 * for (const check of listChecks()) console.log(check.id, check.title);
 * ```
 */
export function listChecks(): Array<Pick<Check, 'id' | 'section' | 'title' | 'skip'>> {
  return CHECKS.map(({ id, section, title, skip }) => ({ id, section, title, skip }));
}

/**
 * Run the contract's black-box suite against a backend.
 *
 * @example
 * ```ts
 * import { runConformance, formatSummary } from '@connect-auth/conformance';
 * const report = await runConformance({ url: 'http://127.0.0.1:8787', smtpPort: 2525 });
 * console.log(formatSummary(report));
 * process.exitCode = report.ok ? 0 : 1;
 * ```
 */
export async function runConformance(options: ConformanceOptions): Promise<ConformanceReport> {
  const started = Date.now();
  const runId = randomBytes(4).toString('hex');
  const target = new Target(options.url);
  let mailbox: Mailbox | undefined;
  if (options.devInbox) mailbox = devInbox(options.devInbox);
  else if (options.smtpPort !== undefined)
    mailbox = await startSmtpSink(options.smtpPort, options.smtpHost);
  const mailboxText = mailbox?.description ?? 'none (mail checks skipped)';
  options.onMailbox?.(mailboxText);
  const settings: RunSettings = {
    migrated: options.migrated ?? [],
    origin: options.origin,
    emailDomain: options.emailDomain ?? 'example.com',
    mailTimeoutMs: options.mailTimeoutMs ?? 15_000,
    limitBudget: options.limitBudget ?? 100,
    mailCooldownMs: options.mailCooldownMs,
  };
  const ctx: Context = {
    target,
    mailbox,
    settings,
    state: new Map(),
    email: (label) => `conformance-${runId}-${label}@${settings.emailDomain}`,
    async mail(to, since, match) {
      if (!mailbox) throw new CheckSkipped('needs mail: run with --smtp-port or --dev-inbox');
      try {
        return await mailbox.waitFor(to, { since, timeoutMs: settings.mailTimeoutMs, match });
      } catch (error) {
        throw new CheckFailure((error as Error).message);
      }
    },
  };
  const results: CheckResult[] = [];
  const passed = new Set<string>();
  try {
    for (const check of CHECKS) {
      const result = await runOne(check, ctx, passed, options.only);
      if (result.status === 'pass') passed.add(check.id);
      results.push(result);
      options.onResult?.(result);
    }
  } finally {
    await mailbox?.close();
  }
  const counts = { pass: 0, fail: 0, skip: 0 };
  for (const r of results) counts[r.status]++;
  return {
    url: target.baseUrl,
    mailbox: mailboxText,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    results,
    // A run where nothing ran proves nothing.
    ok: counts.fail === 0 && counts.pass > 0,
    counts,
  };
}

async function runOne(
  check: Check,
  ctx: Context,
  passed: ReadonlySet<string>,
  only: string[] | undefined,
): Promise<CheckResult> {
  const base = { id: check.id, section: check.section, title: check.title };
  if (check.skip || !check.run)
    return { ...base, status: 'skip', reason: check.skip, durationMs: 0 };
  if (only && !only.some((prefix) => check.id.startsWith(prefix)))
    return { ...base, status: 'skip', reason: 'not selected (--only)', durationMs: 0 };
  const blocked = (check.after ?? []).filter((id) => !passed.has(id));
  if (blocked.length > 0)
    return {
      ...base,
      status: 'skip',
      reason: `blocked: needs ${blocked.join(', ')} to pass first`,
      durationMs: 0,
    };
  const t0 = performance.now();
  const duration = () => Math.round(performance.now() - t0);
  try {
    await check.run(ctx);
    return { ...base, status: 'pass', durationMs: duration() };
  } catch (error) {
    if (error instanceof CheckSkipped)
      return { ...base, status: 'skip', reason: error.message, durationMs: duration() };
    const reason =
      error instanceof CheckFailure || error instanceof TransportFailure
        ? error.message
        : `unexpected error: ${(error as Error)?.stack ?? String(error)}`;
    return { ...base, status: 'fail', reason, durationMs: duration() };
  }
}
