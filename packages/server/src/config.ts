/**
 * Server configuration: from environment variables and CLI flags (flags win), with safe defaults
 * and a {@link ConfigError} naming every offending key.
 */
import { parseArgs } from 'node:util';

/** Password policy presets the server can enforce. */
export type PolicyName = 'connect' | 'nist-800-63b';

/** The resolved configuration. */
export interface ServerConfig {
  /** TCP port (0 = any free port). Default 8787. */
  port: number;
  /** Interface to bind. Default `127.0.0.1` in dev, `0.0.0.0` otherwise. */
  hostname: string;
  /** Directory for the SQLite database and (in dev) the generated secret. Default `./.data`. */
  dataDir: string;
  /** `postgres://…` to use PostgreSQL instead of SQLite. */
  databaseUrl: string | undefined;
  /** Development mode: dev inbox, generated secret, mail not sent. */
  dev: boolean;
  /** SMTP URL (`smtp://user:pass@host:587`); required unless dev. */
  smtpUrl: string | undefined;
  /** The server's own public URL (issuer of tokens, base of API links). */
  publicUrl: string | undefined;
  /** Where the app's reset page lives; mail links are `${appUrl}/reset#token=…`. Default: publicUrl. */
  appUrl: string | undefined;
  /** Origins allowed to call with credentials (CORS) and to send cookie-authenticated state changes. */
  allowedOrigins: string[];
  /** Password policy preset in force. */
  policy: PolicyName;
  /** Server secret (≥ 32 bytes); in dev generated and persisted in the data dir when absent. */
  secret: string | undefined;
  /** Sign the user in right after a completed reset. Default false. */
  autoSignInAfterReset: boolean;
  /** Read the client IP from `X-Forwarded-For` (only behind a proxy you control). Default false. */
  trustProxy: boolean;
  /** Customer Services link printed in mails. */
  supportUrl: string;
  /** From address of every mail. */
  mailFrom: string;
  /** Product name in mails. */
  productName: string;
}

/** One invalid configuration value. */
export interface ConfigIssue {
  /** The environment variable / flag at fault, e.g. `PORT (--port)`. */
  key: string;
  message: string;
}

/**
 * Thrown for invalid configuration; `issues` lists every offending key.
 *
 * @example
 * ```ts
 * try { loadConfig({ env: { PORT: 'x' } }); } catch (e) { if (e instanceof ConfigError) console.error(e.message); }
 * // Invalid configuration:
 * //   PORT (--port): must be an integer between 0 and 65535, got "x"
 * ```
 */
export class ConfigError extends Error {
  readonly code = 'invalid_config';
  readonly issues: ConfigIssue[];
  constructor(issues: ConfigIssue[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  ${i.key}: ${i.message}`).join('\n')}`);
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

/** Every setting: its environment variable, its flag, and what it means (drives `--help` and the docs). */
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
    env: 'CONNECT_DEV',
    flag: 'dev',
    type: 'boolean',
    help: 'development mode: dev inbox at /dev/inbox, no SMTP, generated secret',
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
    help: "the server's public URL (token issuer); default http://<host>:<port>",
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
    help: 'comma-separated origins allowed for CORS and cookie calls (default: APP_URL and PUBLIC_URL origins)',
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
    env: 'SUPPORT_URL',
    flag: 'support-url',
    type: 'string',
    help: 'Customer Services link shown in mails',
  },
  {
    env: 'MAIL_FROM',
    flag: 'mail-from',
    type: 'string',
    help: 'From address of mails (default "Codelocks Connect <no-reply@localhost>")',
  },
] as const;

/** Minimum secret length in bytes (UTF-8). */
export const MIN_SECRET_LENGTH = 32;

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

function parseUrl(
  value: string | undefined,
  key: string,
  issues: ConfigIssue[],
  protocols: string[],
): string | undefined {
  if (value === undefined || value === '') return undefined;
  try {
    const url = new URL(value);
    if (!protocols.includes(url.protocol)) throw new Error('protocol');
    return value.replace(/\/+$/, '');
  } catch {
    issues.push({
      key,
      message: `must be a ${protocols.join(' or ')} URL, got ${JSON.stringify(value)}`,
    });
    return undefined;
  }
}

const label = (env: string, flag?: string) => (flag ? `${env} (--${flag})` : env);

/**
 * Resolve and validate a configuration from a partial one (programmatic use, tests). Throws
 * {@link ConfigError}.
 *
 * @example
 * ```ts
 * const config = resolveConfig({ dev: true, port: 0 });
 * config.policy; // 'connect'
 * ```
 */
export function resolveConfig(input: Partial<ServerConfig>): ServerConfig {
  const issues: ConfigIssue[] = [];
  const dev = input.dev ?? false;
  const port = input.port ?? 8787;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    issues.push({
      key: label('PORT', 'port'),
      message: `must be an integer between 0 and 65535, got ${JSON.stringify(port)}`,
    });
  }
  const policy = input.policy ?? 'connect';
  if (policy !== 'connect' && policy !== 'nist-800-63b') {
    issues.push({
      key: label('CONNECT_POLICY', 'policy'),
      message: `must be "connect" or "nist-800-63b", got ${JSON.stringify(policy)}`,
    });
  }
  const publicUrl = parseUrl(input.publicUrl, label('PUBLIC_URL', 'public-url'), issues, [
    'http:',
    'https:',
  ]);
  const appUrl = parseUrl(input.appUrl, label('APP_URL', 'app-url'), issues, ['http:', 'https:']);
  const databaseUrl = parseUrl(input.databaseUrl, label('DATABASE_URL', 'database-url'), issues, [
    'postgres:',
    'postgresql:',
  ]);
  const smtpUrl = parseUrl(input.smtpUrl, label('SMTP_URL', 'smtp-url'), issues, [
    'smtp:',
    'smtps:',
  ]);
  if (!dev && !input.smtpUrl) {
    issues.push({
      key: label('SMTP_URL', 'smtp-url'),
      message: 'is required unless --dev (CONNECT_DEV=1) is set',
    });
  }
  const allowedOrigins: string[] = [];
  for (const origin of input.allowedOrigins ?? []) {
    try {
      const url = new URL(origin);
      if (url.origin === 'null' || url.origin !== origin.replace(/\/$/, ''))
        throw new Error('not an origin');
      allowedOrigins.push(url.origin);
    } catch {
      issues.push({
        key: label('ALLOWED_ORIGINS', 'allowed-origins'),
        message: `not an origin (scheme://host[:port]): ${JSON.stringify(origin)}`,
      });
    }
  }
  if (input.secret !== undefined && Buffer.byteLength(input.secret, 'utf8') < MIN_SECRET_LENGTH) {
    issues.push({
      key: 'CONNECT_SECRET',
      message: `must be at least ${MIN_SECRET_LENGTH} bytes (e.g. \`openssl rand -base64 32\`)`,
    });
  }
  if (!dev && input.secret === undefined) {
    issues.push({
      key: 'CONNECT_SECRET',
      message:
        'is required unless --dev is set (at least 32 random bytes, e.g. `openssl rand -base64 32`)',
    });
  }
  if (!dev && publicUrl === undefined) {
    issues.push({
      key: label('PUBLIC_URL', 'public-url'),
      message: 'is required unless --dev is set (mail links are built from it)',
    });
  }
  const supportUrl = parseUrl(input.supportUrl, label('SUPPORT_URL', 'support-url'), issues, [
    'http:',
    'https:',
    'mailto:',
  ]);
  const mailFrom = input.mailFrom ?? 'Codelocks Connect <no-reply@localhost>';
  if (/[\r\n]/.test(mailFrom))
    issues.push({ key: label('MAIL_FROM', 'mail-from'), message: 'must be one line' });
  if (issues.length > 0) throw new ConfigError(issues);
  return {
    port,
    hostname: input.hostname ?? (dev ? '127.0.0.1' : '0.0.0.0'),
    dataDir: input.dataDir ?? './.data',
    databaseUrl,
    dev,
    smtpUrl,
    publicUrl,
    appUrl: appUrl ?? publicUrl,
    allowedOrigins,
    policy,
    secret: input.secret,
    autoSignInAfterReset: input.autoSignInAfterReset ?? false,
    trustProxy: input.trustProxy ?? false,
    supportUrl: supportUrl ?? 'https://www.codelocks.com/support',
    mailFrom,
    productName: input.productName ?? 'Codelocks Connect',
  };
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
  const partial: Partial<ServerConfig> = {
    port: Number.isNaN(port) ? undefined : port,
    hostname: str('HOST', 'host'),
    dataDir: str('DATA_DIR', 'data-dir'),
    databaseUrl: str('DATABASE_URL', 'database-url'),
    dev: parseBool(get('CONNECT_DEV', 'dev'), label('CONNECT_DEV', 'dev'), issues),
    smtpUrl: str('SMTP_URL', 'smtp-url'),
    publicUrl: str('PUBLIC_URL', 'public-url'),
    appUrl: str('APP_URL', 'app-url'),
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
