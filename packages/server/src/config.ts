/**
 * Server configuration: from environment variables and CLI flags (flags win), with safe defaults
 * and a {@link ConfigError} naming every offending key.
 */
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
  /**
   * PostgreSQL: `statement_timeout` of every pooled connection, in seconds, so a hung query
   * cannot stall requests or shutdown forever. 0 sets none. Default 15.
   */
  databaseStatementTimeoutSeconds: number;
  /** Development mode: dev inbox, generated secret, mail not sent. */
  dev: boolean;
  /**
   * Let dev mode bind an interface other than loopback. The dev inbox hands out live reset links
   * to whoever asks, so without this a non-loopback `hostname` in dev mode is a configuration
   * error (SECURITY 32). Default false.
   */
  devPublicHost: boolean;
  /** SMTP URL (`smtp://user:pass@host:587`); required unless dev. */
  smtpUrl: string | undefined;
  /** The server's own public URL (issuer of tokens, base of API links). */
  publicUrl: string | undefined;
  /**
   * The `aud` claim of access tokens, which APIs verifying them must expect (e.g. `portal`).
   * Default: the public URL.
   */
  tokenAudience: string | undefined;
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
  /**
   * Seconds after a refresh token's rotation during which presenting it again (two tabs
   * refreshing with one cookie at once) yields a sibling token instead of revoking the family,
   * while no successor has itself been rotated. 0 disables it. Default 10, at most 300.
   */
  refreshReuseGraceSeconds: number;
  /**
   * SQLite only: who copies the write-ahead log into the database file — `'worker'` (default: a
   * worker thread with its own connection, off the event loop) or `'connection'` (SQLite's own
   * automatic checkpoint, inside a commit on the event loop; no thread, one connection).
   */
  sqliteWalCheckpoint: 'worker' | 'connection';
  /**
   * Threads hashing passwords: argon2id hashes at once (19 MiB each while it runs). Default: the
   * available cores, which keeps sign-in at the machine's hashing rate. Lower it to bound
   * hashing's memory or to leave cores to other work on the same host. 1–256.
   */
  hashThreads: number | undefined;
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

/**
 * Longest refresh reuse grace window accepted, in seconds: a long one would make a stolen,
 * replayed token look like a second tab (RFC 9700 §4.14.2).
 */
export const MAX_REFRESH_REUSE_GRACE_SECONDS = 300;

/** Most password-hashing threads accepted (`HASH_THREADS`); each hash takes 19 MiB while it runs. */
export const MAX_HASH_THREADS = 256;

/**
 * Minimum secret length in bytes (UTF-8).
 */
export const MIN_SECRET_LENGTH = 32;

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
      message: `must be a ${protocols.join(' or ')} URL, got ${JSON.stringify(shown(value))}`,
    });
    return undefined;
  }
}

/**
 * What an error message may repeat of a URL setting: DATABASE_URL and SMTP_URL carry passwords
 * (in the user info, or in the query), and configuration errors end up on stderr and in logs.
 */
function shown(value: string): string {
  try {
    const url = new URL(value);
    if (url.username || url.password || url.search)
      return `${url.protocol}//${url.host}${url.pathname}…`;
    return value;
  } catch {
    return value.includes('@') ? '(not shown: it may contain credentials)' : value;
  }
}

/**
 * A base URL that paths are appended to (`${appUrl}/reset#token=…`, the token issuer): a query,
 * fragment or credentials would end up in the middle of every link.
 */
function parseBaseUrl(
  value: string | undefined,
  key: string,
  issues: ConfigIssue[],
): string | undefined {
  const parsed = parseUrl(value, key, issues, ['http:', 'https:']);
  if (parsed === undefined) return undefined;
  const url = new URL(parsed);
  if (
    url.search ||
    url.hash ||
    url.username ||
    url.password ||
    parsed.endsWith('?') ||
    parsed.endsWith('#')
  ) {
    issues.push({
      key,
      message: `must be a base URL without query, fragment or credentials, got ${JSON.stringify(url.origin + url.pathname)}…`,
    });
    return undefined;
  }
  return parsed;
}

/**
 * `PORT (--port)`: how issues name a setting.
 */
export const label = (env: string, flag?: string) => (flag ? `${env} (--${flag})` : env);

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
  const databaseStatementTimeoutSeconds = input.databaseStatementTimeoutSeconds ?? 15;
  if (
    !Number.isInteger(databaseStatementTimeoutSeconds) ||
    databaseStatementTimeoutSeconds < 0 ||
    databaseStatementTimeoutSeconds > 3600
  ) {
    issues.push({
      key: label('DATABASE_STATEMENT_TIMEOUT_SECONDS', 'database-statement-timeout'),
      message: `must be an integer between 0 and 3600, got ${JSON.stringify(databaseStatementTimeoutSeconds)}`,
    });
  }
  const refreshReuseGraceSeconds = input.refreshReuseGraceSeconds ?? 10;
  if (
    !Number.isInteger(refreshReuseGraceSeconds) ||
    refreshReuseGraceSeconds < 0 ||
    refreshReuseGraceSeconds > MAX_REFRESH_REUSE_GRACE_SECONDS
  ) {
    issues.push({
      key: label('REFRESH_REUSE_GRACE_SECONDS', 'refresh-reuse-grace'),
      message: `must be an integer between 0 and ${MAX_REFRESH_REUSE_GRACE_SECONDS}, got ${JSON.stringify(refreshReuseGraceSeconds)}`,
    });
  }
  const sqliteWalCheckpoint = input.sqliteWalCheckpoint ?? 'worker';
  if (sqliteWalCheckpoint !== 'worker' && sqliteWalCheckpoint !== 'connection') {
    issues.push({
      key: label('SQLITE_WAL_CHECKPOINT', 'sqlite-wal-checkpoint'),
      message: `must be "worker" or "connection", got ${JSON.stringify(sqliteWalCheckpoint)}`,
    });
  }
  const hashThreads = input.hashThreads;
  if (
    hashThreads !== undefined &&
    (!Number.isInteger(hashThreads) || hashThreads < 1 || hashThreads > MAX_HASH_THREADS)
  ) {
    issues.push({
      key: label('HASH_THREADS', 'hash-threads'),
      message: `must be an integer between 1 and ${MAX_HASH_THREADS}, got ${JSON.stringify(hashThreads)}`,
    });
  }
  const publicUrl = parseBaseUrl(input.publicUrl, label('PUBLIC_URL', 'public-url'), issues);
  const appUrl = parseBaseUrl(input.appUrl, label('APP_URL', 'app-url'), issues);
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
  const hostname = input.hostname ?? (dev ? '127.0.0.1' : '0.0.0.0');
  const devPublicHost = input.devPublicHost ?? false;
  if (dev && !devPublicHost && !isLoopbackHost(hostname)) {
    issues.push({
      key: label('HOST', 'host'),
      message: `${JSON.stringify(hostname)} is not a loopback address: dev mode serves live reset links at /dev/mail to anyone who can reach it. Bind 127.0.0.1, or force it with --dev-public-host (CONNECT_DEV_PUBLIC_HOST=1) on a network you trust`,
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
  const tokenAudience = input.tokenAudience;
  if (
    tokenAudience !== undefined &&
    (tokenAudience === '' || tokenAudience.length > 200 || /[\s\p{Cc}]/u.test(tokenAudience))
  ) {
    issues.push({
      key: label('TOKEN_AUDIENCE', 'token-audience'),
      message: `must be one word or URL of at most 200 characters without spaces, got ${JSON.stringify(tokenAudience.slice(0, 60))}`,
    });
  }
  const mailFrom = input.mailFrom ?? 'Codelocks Connect <no-reply@localhost>';
  if (/[\r\n]/.test(mailFrom))
    issues.push({ key: label('MAIL_FROM', 'mail-from'), message: 'must be one line' });
  if (issues.length > 0) throw new ConfigError(issues);
  return {
    port,
    hostname,
    dataDir: input.dataDir ?? './.data',
    databaseUrl,
    databaseStatementTimeoutSeconds,
    sqliteWalCheckpoint,
    dev,
    devPublicHost,
    smtpUrl,
    publicUrl,
    appUrl: appUrl ?? publicUrl,
    tokenAudience,
    allowedOrigins,
    policy,
    secret: input.secret,
    autoSignInAfterReset: input.autoSignInAfterReset ?? false,
    trustProxy: input.trustProxy ?? false,
    refreshReuseGraceSeconds,
    hashThreads,
    supportUrl: supportUrl ?? 'https://www.codelocks.com/support',
    mailFrom,
    productName: input.productName ?? 'Codelocks Connect',
  };
}

/**
 * Whether binding `hostname` keeps a server reachable from this machine only: `localhost`,
 * 127.0.0.0/8, `::1` (also IPv4-mapped).
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^(?:::ffff:)?127(?:\.\d{1,3}){3}$/.test(host);
}
