/**
 * The `connect-auth-conformance` command. `main()` takes argv and an IO object and resolves to the
 * exit code: 0 every check that ran passed, 1 a check failed, 2 usage error.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { formatJunit, formatSummary, formatTap } from './report.ts';
import { type ConformanceOptions, listChecks, runConformance } from './run.ts';

/** Where the command writes. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const HELP = `connect-auth-conformance — run the Connect Auth contract's black-box suite against a backend

Usage:
  connect-auth-conformance --url <base-url> [--dev-inbox <url> | --smtp-port <n>] [options]

Mail (activation, reset and verification mails are read from one of):
  --smtp-port <n>        start an SMTP sink on this port (0 = any); point the backend's SMTP relay at it
  --smtp-host <host>     interface of the SMTP sink (default 127.0.0.1)
  --dev-inbox <url>      read mail from a dev inbox answering GET <url>?to=<address> with a JSON array
  (neither: the checks that need mail are skipped)

Options:
  --report <tap|junit>   report format on stdout (default tap); the human summary goes to stderr
  --output <file>        write the report to a file instead (the summary then goes to stdout)
  --migrated <email>     an account awaiting activation, created for this run by your admin tooling;
                         repeat or comma-separate (2 are used; without them the activation checks skip)
  --origin <origin>      an origin the backend allows for CORS and cookie calls (else that check skips)
  --email-domain <dom>   domain of the addresses the kit invents (default example.com)
  --mail-timeout <s>     seconds to wait for one mail (default 15)
  --mail-cooldown <s>    the backend's per-address mail cooldown (reference server: 60); the checks
                         needing two mails to one address wait it out twice, else they are skipped
  --limit-budget <n>     most requests a rate-limit check sends before failing (default 100)
  --only <prefix>        run only checks whose id starts with it (repeatable); others are listed skipped
  --list                 list the checks (id, section, title) and exit
  -h, --help             this text

Exit codes: 0 every check that ran passed, 1 a check failed, 2 usage error.
Example:
  connect-auth-conformance --url http://127.0.0.1:8787 --smtp-port 2525 --migrated ann@example.com,bob@example.com
`;

class UsageError extends Error {}

function httpUrl(value: string, flag: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${flag}: not a URL: ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`${flag}: must be http:// or https://, got ${url.protocol}`);
  return value;
}

function integer(value: string, flag: string, min: number, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max)
    throw new UsageError(
      `${flag}: expected a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`,
    );
  return Number(value);
}

function parse(argv: string[]) {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; strict: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return parsed.values;
}

const OPTIONS = {
  url: { type: 'string' },
  'dev-inbox': { type: 'string' },
  'smtp-port': { type: 'string' },
  'smtp-host': { type: 'string' },
  report: { type: 'string' },
  output: { type: 'string' },
  migrated: { type: 'string', multiple: true },
  origin: { type: 'string' },
  'email-domain': { type: 'string' },
  'mail-timeout': { type: 'string' },
  'limit-budget': { type: 'string' },
  'mail-cooldown': { type: 'string' },
  only: { type: 'string', multiple: true },
  list: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * Run the command.
 *
 * @example
 * ```ts
 * const code = await main(['--url', 'http://127.0.0.1:8787', '--smtp-port', '2525'], {
 *   stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t),
 * });
 * ```
 */
export async function main(argv: string[], io: CliIo): Promise<number> {
  let values: ReturnType<typeof parse>;
  let options: ConformanceOptions;
  let format: 'tap' | 'junit';
  try {
    values = parse(argv);
    if (values.help) {
      io.stdout(HELP);
      return 0;
    }
    if (values.list) {
      for (const c of listChecks())
        io.stdout(`${c.id}\t${c.section}\t${c.title}${c.skip ? `\t(skipped: ${c.skip})` : ''}\n`);
      return 0;
    }
    if (!values.url) throw new UsageError('--url is required');
    if (values['dev-inbox'] && values['smtp-port'] !== undefined)
      throw new UsageError('--dev-inbox and --smtp-port exclude each other: give one');
    const report = values.report ?? 'tap';
    if (report !== 'tap' && report !== 'junit')
      throw new UsageError(`--report: expected tap or junit, got ${JSON.stringify(report)}`);
    format = report;
    const migrated = (values.migrated ?? [])
      .flatMap((m) => m.split(','))
      .map((m) => m.trim())
      .filter(Boolean);
    for (const m of migrated)
      if (!/^[^@\s]+@[^@\s]+$/.test(m))
        throw new UsageError(`--migrated: not an email address: ${JSON.stringify(m)}`);
    let origin: string | undefined;
    if (values.origin) {
      const u = new URL(httpUrl(values.origin, '--origin'));
      origin = u.origin;
    }
    options = {
      url: httpUrl(values.url, '--url'),
      devInbox: values['dev-inbox'] ? httpUrl(values['dev-inbox'], '--dev-inbox') : undefined,
      smtpPort:
        values['smtp-port'] === undefined
          ? undefined
          : integer(values['smtp-port'], '--smtp-port', 0, 65535),
      smtpHost: values['smtp-host'],
      migrated,
      origin,
      emailDomain: values['email-domain'],
      mailTimeoutMs:
        values['mail-timeout'] === undefined
          ? undefined
          : integer(values['mail-timeout'], '--mail-timeout', 1, 600) * 1000,
      limitBudget:
        values['limit-budget'] === undefined
          ? undefined
          : integer(values['limit-budget'], '--limit-budget', 1, 10_000),
      mailCooldownMs:
        values['mail-cooldown'] === undefined
          ? undefined
          : integer(values['mail-cooldown'], '--mail-cooldown', 0, 3600) * 1000,
      only: values.only,
    };
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(
        `connect-auth-conformance: ${error.message}\n\nRun "connect-auth-conformance --help" for the options.\n`,
      );
      return 2;
    }
    throw error;
  }
  const summaryTo = values.output ? io.stdout : io.stderr;
  let report: Awaited<ReturnType<typeof runConformance>>;
  try {
    report = await runConformance({
      ...options,
      onMailbox: (description) =>
        summaryTo(
          `Running ${listChecks().length} checks against ${options.url} (mail: ${description})…\n`,
        ),
    });
  } catch (error) {
    io.stderr(`connect-auth-conformance: could not run: ${(error as Error).message}\n`);
    return 2;
  }
  const text = format === 'junit' ? formatJunit(report) : formatTap(report);
  if (values.output) await writeFile(values.output, text);
  else io.stdout(text);
  summaryTo(formatSummary(report));
  return report.ok ? 0 : 1;
}
