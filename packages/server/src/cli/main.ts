/**
 * The `connect-auth-server` command: `serve`, `import-legacy`, the operator commands and `set-locale`. `main()` takes argv and an IO
 * object and resolves to an exit code, so tests run it in-process.
 *
 * Exit codes: 0 success; 1 the command ran but failed (rows rejected, the server could not
 * start); 2 usage or configuration error.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { canonicalizeEmail } from '@connect-auth/core/contract';
import { ConfigError, isLoopbackHost } from '../config.ts';
import { loadConfig, SETTINGS } from '../config-env.ts';
import { matchLanguage } from '../i18n/index.ts';
import { createLogger } from '../log.ts';
import { type ConnectServer, createServer } from '../server.ts';
import { emailKeyOf } from '../services/email.ts';
import { type CliIo, languageTag, notALanguageTag, parseCommand, withCliStore } from './command.ts';
import { decodeUtf8, printable } from './csv.ts';
import { importLegacyAccounts } from './import-legacy.ts';
import { isOperatorCommand, runOperatorCommand } from './operators.ts';

export type { CliIo } from './command.ts';

const TOP_HELP = `connect-auth-server — the Connect Auth reference server

Usage:
  connect-auth-server serve [options]            run the HTTP server
  connect-auth-server import-legacy <file.csv>   import migrated accounts (pending activation)
  connect-auth-server accounts stats             migration progress: accounts by state, activations
  connect-auth-server accounts list|show|history|disable|enable|sign-out|change-email
  connect-auth-server invite <email>             invite an associated user (choose-a-password mail)
  connect-auth-server send-activation --all-pending   paced, resumable activation campaign
  connect-auth-server admin-keys create|list|revoke   keys of the admin API (/v1/admin/)
  connect-auth-server set-locale <email> <tag>   change the language of an account's mails
  connect-auth-server <command> --help           options of a command

Exit codes: 0 ok, 1 failed, 2 usage or configuration error.
`;

function serveHelp(): string {
  const rows = SETTINGS.map((s) => {
    const flag = s.flag ? `--${s.flag}${s.type === 'string' ? ' <value>' : ''}` : '(env only)';
    return `  ${flag.padEnd(28)} ${s.env.padEnd(26)} ${s.help}`;
  });
  return `Usage: connect-auth-server serve [options]

Every option is also an environment variable; flags win.
  ${'flag'.padEnd(28)} ${'environment'.padEnd(26)} meaning
${rows.join('\n')}

Example (development, dev inbox at /dev/inbox):
  connect-auth-server serve --dev --port 8787
`;
}

const IMPORT_HELP = `Usage: connect-auth-server import-legacy <accounts.csv> [--data-dir <dir> | --database-url <url>]

Creates a pending_activation account (no password) per row of a CSV file with the header
"email,name" or "email,name,locale" (RFC 4180 quoting; locale is the language of the
account's mails, a tag such as fr or en-GB; empty means English). Emails are canonicalised; addresses that already have an
account are skipped, so running it twice imports nothing twice. Bad rows are reported with
their line number and the good rows are still imported (exit code 1 when any row was rejected).

  --data-dir <dir>        SQLite data directory (DATA_DIR; default ./.data)
  --database-url <url>    PostgreSQL URL (DATABASE_URL)
`;

const SET_LOCALE_HELP = `Usage: connect-auth-server set-locale <email> <locale> [--data-dir <dir> | --database-url <url>]

Sets the language of an account's mails to <locale>, a language tag such as fr, de, es, it, nl,
en-GB or en-US ("default" goes back to the server's default, English). Mails already waiting in
the outbox keep the language they were queued in.

  --data-dir <dir>        SQLite data directory (DATA_DIR; default ./.data)
  --database-url <url>    PostgreSQL URL (DATABASE_URL)
`;

/**
 * Run the CLI.
 *
 * @example
 * ```ts
 * const code = await main(['import-legacy', 'accounts.csv', '--data-dir', './.data'], {
 *   stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), env: process.env,
 * });
 * ```
 */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(TOP_HELP);
    return command === undefined ? 2 : 0;
  }
  if (command === 'serve') return serveCommand(rest, io);
  if (command === 'import-legacy') return importCommand(rest, io);
  if (command === 'set-locale') return setLocaleCommand(rest, io);
  if (isOperatorCommand(argv)) return runOperatorCommand(argv, io);
  io.stderr(`Unknown command "${command}".\n\n${TOP_HELP}`);
  return 2;
}

async function serveCommand(args: string[], io: CliIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(serveHelp());
    return 0;
  }
  let server: ConnectServer;
  try {
    const config = loadConfig({ env: io.env, argv: args });
    server = await createServer({ logger: createLogger(), ...io.serverOptions, ...config });
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr(`${error.message}\n\nRun "connect-auth-server serve --help" for the options.\n`);
      return 2;
    }
    io.stderr(`Could not start: ${(error as Error).message}\n`);
    return 1;
  }
  let url: string;
  try {
    url = await server.listen();
  } catch (error) {
    io.stderr(`Could not listen: ${(error as Error).message}\n`);
    await server.close();
    return 1;
  }
  const shown = server.config.publicUrl ?? url;
  io.stdout(
    `Connect Auth server listening on ${url}${shown !== url ? ` (public URL ${shown})` : ''}\n`,
  );
  if (server.config.dev) io.stdout(`Dev inbox: ${url}/dev/inbox (JSON: ${url}/dev/mail)\n`);
  if (server.config.dev && !isLoopbackHost(server.config.hostname)) {
    io.stderr(
      `\n!!! WARNING: dev mode is listening on ${server.config.hostname}, not on loopback.\n` +
        '!!! Anyone who can reach this port can read every reset link at /dev/mail and take over\n' +
        '!!! any account. Never do this on a network you do not fully trust.\n\n',
    );
  }
  io.onListening?.(server);
  await (io.shutdownSignal ?? signal());
  io.stdout('Shutting down: finishing in-flight requests…\n');
  try {
    await server.close();
  } catch (error) {
    // The store is closed whatever failed; say what did, and exit non-zero.
    io.stderr(`Shutdown did not complete cleanly: ${(error as Error).message}\n`);
    return 1;
  }
  io.stdout('Stopped.\n');
  return 0;
}

function signal(): Promise<string> {
  return new Promise((resolve) => {
    const on = (name: string) => () => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(name);
    };
    const onInt = on('SIGINT');
    const onTerm = on('SIGTERM');
    process.once('SIGINT', onInt);
    process.once('SIGTERM', onTerm);
  });
}

async function importCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(io, IMPORT_HELP, () => parseStoreArgs(args));
  if (typeof parsed === 'number') return parsed;
  const file = parsed.positionals[0];
  if (!file || parsed.positionals.length > 1) {
    io.stderr(`Expected exactly one CSV file.\n\n${IMPORT_HELP}`);
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    io.stderr(
      `Cannot read ${printable(file)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`,
    );
    return 1;
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    // Refused whole: a Latin-1 export decoded as UTF-8 turns é into U+FFFD in emails and names.
    io.stderr(
      `${printable(file)}:${decoded.line}: not valid UTF-8 (byte ${decoded.column} of the line); ` +
        'nothing was imported. Save the file as UTF-8 and run the import again.\n',
    );
    return 1;
  }
  return withCliStore(parsed.values, io, async (store) => {
    const summary = await importLegacyAccounts(store, decoded.text, new Date());
    for (const p of summary.problems) io.stderr(printable(`${file}:${p.line}: ${p.message}\n`));
    io.stdout(
      `Read ${summary.rows} rows: imported ${summary.imported}, already present ${summary.existing}, ` +
        `duplicates in file ${summary.duplicates}, rejected ${summary.problems.length - summary.duplicates}.\n`,
    );
    return summary.problems.length > 0 ? 1 : 0;
  });
}

async function setLocaleCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(io, SET_LOCALE_HELP, () => parseStoreArgs(args));
  if (typeof parsed === 'number') return parsed;
  const [rawEmail, rawLocale, ...extra] = parsed.positionals;
  const email = canonicalizeEmail(rawEmail ?? '');
  const tag = (rawLocale ?? '').trim();
  const locale = tag === 'default' ? null : languageTag(tag);
  if (!rawEmail || !rawLocale || extra.length > 0) {
    io.stderr(`Expected an email address and a locale.\n\n${SET_LOCALE_HELP}`);
    return 2;
  }
  if (!email) {
    io.stderr(`Not an email address: ${JSON.stringify(rawEmail.slice(0, 80))}\n`);
    return 2;
  }
  if (locale === undefined) {
    io.stderr(`${notALanguageTag(tag)}\n`);
    return 2;
  }
  return withCliStore(parsed.values, io, async (store) => {
    const account = await store.findAccountByEmailKey(emailKeyOf(email));
    if (!account || !(await store.setAccountLocale(account.id, locale, new Date()))) {
      io.stderr(`No account for ${email}.\n`);
      return 1;
    }
    const language = matchLanguage(locale) ?? 'en';
    io.stdout(
      `${account.email}: locale ${locale ?? '(default)'}; mails are written in ${language}.\n`,
    );
    return 0;
  });
}

function parseStoreArgs(args: string[]) {
  return parseArgs({
    args,
    options: {
      'data-dir': { type: 'string' },
      'database-url': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    strict: true,
  });
}
