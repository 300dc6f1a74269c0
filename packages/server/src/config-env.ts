/**
 * Reading the configuration from environment variables and `serve` flags (flags win); every
 * setting is listed once in {@link SETTINGS}, which also drives `--help` and the docs.
 */
import { parseArgs } from 'node:util';
import {
  ConfigError,
  type ConfigIssue,
  label,
  type PolicyName,
  resolveConfig,
  type ServerConfig,
} from './config.ts';

/**
 * Every setting: its environment variable, its flag, and what it means (drives `--help` and the docs).
 *
 * @example
 * ```ts
 * SETTINGS.find((s) => s.env === 'PORT')?.flag; // 'port'
 * ```
 */
export const SETTINGS = [
  { env: 'PORT', flag: 'port', type: 'string', help: 'TCP port (default 8787; 0 = any free port)' },
  {
    env: 'HOST',
    flag: 'host',
    type: 'string',
    help: 'interface to bind (default 127.0.0.1 in dev, 0.0.0.0 otherwise)',
  },
  {
    env: 'DATA_DIR',
    flag: 'data-dir',
    type: 'string',
    help: 'directory of the SQLite database and dev secret (default ./.data)',
  },
  {
    env: 'DATABASE_URL',
    flag: 'database-url',
    type: 'string',
    help: 'postgres://… to use PostgreSQL instead of SQLite',
  },
  {
    env: 'DATABASE_STATEMENT_TIMEOUT_SECONDS',
    flag: 'database-statement-timeout',
    type: 'string',
    help: 'PostgreSQL statement_timeout of every pooled connection, so a hung query cannot stall requests or shutdown; 0 sets none (default 15)',
  },
  {
    env: 'SQLITE_WAL_CHECKPOINT',
    flag: 'sqlite-wal-checkpoint',
    type: 'string',
    help: 'SQLite: who copies the write-ahead log into the database file: worker (default, a thread off the event loop) or connection (SQLite itself, inside a commit; no thread)',
  },
  {
    env: 'CONNECT_DEV',
    flag: 'dev',
    type: 'boolean',
    help: 'development mode: dev inbox at /dev/inbox, no SMTP, generated secret, mail payloads kept',
  },
  {
    env: 'CONNECT_DEV_PUBLIC_HOST',
    flag: 'dev-public-host',
    type: 'boolean',
    help: 'let --dev bind a non-loopback --host (its dev inbox hands out live reset links to anyone who can reach it); refused without it',
  },
  {
    env: 'SMTP_URL',
    flag: 'smtp-url',
    type: 'string',
    help: 'SMTP server, e.g. smtps://user:pass@mail.example:465 (required unless --dev)',
  },
  {
    env: 'PUBLIC_URL',
    flag: 'public-url',
    type: 'string',
    help: "the server's public URL (token issuer and audience); required unless --dev, where it defaults to http://<host>:<port>",
  },
  {
    env: 'TOKEN_AUDIENCE',
    flag: 'token-audience',
    type: 'string',
    help: 'the "aud" claim of access tokens, which APIs verifying them expect, e.g. portal (default PUBLIC_URL)',
  },
  {
    env: 'APP_URL',
    flag: 'app-url',
    type: 'string',
    help: 'where the reset page lives; links are <APP_URL>/reset#token=… (default PUBLIC_URL)',
  },
  {
    env: 'ALLOWED_ORIGINS',
    flag: 'allowed-origins',
    type: 'string',
    help: 'comma-separated extra origins allowed for CORS and cookie calls (the APP_URL and PUBLIC_URL origins always are)',
  },
  {
    env: 'CONNECT_POLICY',
    flag: 'policy',
    type: 'string',
    help: 'password policy: connect (default) or nist-800-63b',
  },
  {
    env: 'CONNECT_SECRET',
    flag: undefined,
    type: 'string',
    help: 'server secret, ≥ 32 bytes (required in production; generated in dev)',
  },
  {
    env: 'AUTO_SIGN_IN_AFTER_RESET',
    flag: 'auto-sign-in',
    type: 'boolean',
    help: 'sign the user in after a completed reset (default false)',
  },
  {
    env: 'TRUST_PROXY',
    flag: 'trust-proxy',
    type: 'boolean',
    help: 'take the client IP from X-Forwarded-For (default false)',
  },
  {
    env: 'REFRESH_REUSE_GRACE_SECONDS',
    flag: 'refresh-reuse-grace',
    type: 'string',
    help: 'seconds after a refresh token was rotated in which presenting it again (two tabs at once) gets a sibling token instead of revoking the session family, while no successor was used yet; 0 disables (default 10, at most 300)',
  },
  {
    env: 'HASH_THREADS',
    flag: 'hash-threads',
    type: 'string',
    help: 'threads hashing passwords (argon2id hashes at once, 19 MiB each); lower it to bound their memory or leave cores to other work on the host (default: the available cores, 1–256)',
  },
  {
    env: 'SUPPORT_URL',
    flag: 'support-url',
    type: 'string',
    help: 'Customer Services link shown in mails (default https://www.codelocks.com/support)',
  },
  {
    env: 'MAIL_FROM',
    flag: 'mail-from',
    type: 'string',
    help: 'From address of mails (default "Codelocks Connect <no-reply@localhost>")',
  },
] as const;

function parseBool(
  value: string | boolean | undefined,
  key: string,
  issues: ConfigIssue[],
): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  const v = value.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off', ''].includes(v)) return false;
  issues.push({ key, message: `must be true or false, got ${JSON.stringify(value)}` });
  return undefined;
}

/**
 * Read the configuration from environment variables and `serve` flags (flags win). Throws
 * {@link ConfigError} listing every invalid value, or for an unknown flag.
 *
 * @example
 * ```ts
 * const config = loadConfig({ env: process.env, argv: ['--dev', '--port', '0'] });
 * ```
 */
export function loadConfig(source: {
  env?: Record<string, string | undefined>;
  argv?: string[];
}): ServerConfig {
  const env = source.env ?? {};
  const options: Record<string, { type: 'string' | 'boolean' }> = {};
  for (const s of SETTINGS) if (s.flag) options[s.flag] = { type: s.type };
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: source.argv ?? [],
      options,
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new ConfigError([{ key: 'arguments', message: (error as Error).message }]);
  }
  const issues: ConfigIssue[] = [];
  const get = (envName: string, flag?: string) =>
    flag && values[flag] !== undefined ? values[flag] : env[envName];
  const str = (envName: string, flag?: string) => {
    const v = get(envName, flag);
    return typeof v === 'string' && v !== '' ? v : undefined;
  };
  const portText = str('PORT', 'port');
  const port =
    portText === undefined ? undefined : /^\d{1,5}$/.test(portText) ? Number(portText) : Number.NaN;
  if (portText !== undefined && Number.isNaN(port)) {
    issues.push({
      key: label('PORT', 'port'),
      message: `must be an integer between 0 and 65535, got ${JSON.stringify(portText)}`,
    });
  }
  /** A whole number, or undefined (absent or invalid: the issue is recorded). */
  const whole = (envName: string, flag: string, what = 'a whole number') => {
    const text = str(envName, flag);
    if (text === undefined) return undefined;
    if (/^\d{1,9}$/.test(text.trim())) return Number(text);
    issues.push({
      key: label(envName, flag),
      message: `must be ${what}, got ${JSON.stringify(text)}`,
    });
    return undefined;
  };
  const seconds = (envName: string, flag: string) =>
    whole(envName, flag, 'a whole number of seconds');
  const partial: Partial<ServerConfig> = {
    port: Number.isNaN(port) ? undefined : port,
    hostname: str('HOST', 'host'),
    dataDir: str('DATA_DIR', 'data-dir'),
    databaseUrl: str('DATABASE_URL', 'database-url'),
    databaseStatementTimeoutSeconds: seconds(
      'DATABASE_STATEMENT_TIMEOUT_SECONDS',
      'database-statement-timeout',
    ),
    sqliteWalCheckpoint: str('SQLITE_WAL_CHECKPOINT', 'sqlite-wal-checkpoint') as
      | ServerConfig['sqliteWalCheckpoint']
      | undefined,
    dev: parseBool(get('CONNECT_DEV', 'dev'), label('CONNECT_DEV', 'dev'), issues),
    devPublicHost: parseBool(
      get('CONNECT_DEV_PUBLIC_HOST', 'dev-public-host'),
      label('CONNECT_DEV_PUBLIC_HOST', 'dev-public-host'),
      issues,
    ),
    smtpUrl: str('SMTP_URL', 'smtp-url'),
    publicUrl: str('PUBLIC_URL', 'public-url'),
    appUrl: str('APP_URL', 'app-url'),
    tokenAudience: str('TOKEN_AUDIENCE', 'token-audience'),
    allowedOrigins: str('ALLOWED_ORIGINS', 'allowed-origins')
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    policy: str('CONNECT_POLICY', 'policy') as PolicyName | undefined,
    secret: str('CONNECT_SECRET'),
    autoSignInAfterReset: parseBool(
      get('AUTO_SIGN_IN_AFTER_RESET', 'auto-sign-in'),
      label('AUTO_SIGN_IN_AFTER_RESET', 'auto-sign-in'),
      issues,
    ),
    trustProxy: parseBool(
      get('TRUST_PROXY', 'trust-proxy'),
      label('TRUST_PROXY', 'trust-proxy'),
      issues,
    ),
    refreshReuseGraceSeconds: seconds('REFRESH_REUSE_GRACE_SECONDS', 'refresh-reuse-grace'),
    hashThreads: whole('HASH_THREADS', 'hash-threads'),
    supportUrl: str('SUPPORT_URL', 'support-url'),
    mailFrom: str('MAIL_FROM', 'mail-from'),
  };
  for (const key of Object.keys(partial) as Array<keyof ServerConfig>)
    if (partial[key] === undefined) delete partial[key];
  try {
    const config = resolveConfig(partial);
    if (issues.length > 0) throw new ConfigError(issues);
    return config;
  } catch (error) {
    if (error instanceof ConfigError && issues.length > 0 && error.issues !== issues) {
      throw new ConfigError([...issues, ...error.issues]);
    }
    throw error;
  }
}
