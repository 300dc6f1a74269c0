/**
 * Where rendered mails go. `smtpTransport` delivers through an SMTP relay with nodemailer
 * (pooled connections, short timeouts so an outage fails fast instead of hanging the worker);
 * `devTransport` delivers nothing (the dev inbox reads the outbox); `memoryTransport` records
 * mails for tests.
 */
// nodemailer itself (~4 MiB and tens of ms of module loading) is imported on the first send
// through SMTP; a dev server, or a server that has not mailed yet, never loads it.
import type { Transporter } from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';

/**
 * A rendered mail ready to send.
 *
 * @example
 * ```ts
 * const mail: OutgoingMail = { from, to: row.to, ...renderMail(template, data, options) };
 * ```
 */
export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The language it is written in; SMTP sends it as `Content-Language`. */
  language?: string;
}

/**
 * Delivers mails; `send` rejects when the mail was not accepted.
 *
 * @example
 * ```ts
 * const logging: MailTransport = { async send(m) { console.log(m.subject); } };
 * ```
 */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close?(): Promise<void>;
}

/**
 * A rejected delivery. `permanent` is true when retrying cannot help (the relay refused the
 * recipient with a 5xx reply); the worker then gives up at once instead of retrying.
 */
export class MailSendError extends Error {
  /** Stable code for logs, e.g. `ECONNECTION`, `ETIMEDOUT`, `EENVELOPE`. */
  readonly code: string;
  readonly permanent: boolean;
  /** SMTP reply code, when the relay answered. */
  readonly responseCode: number | undefined;
  constructor(message: string, code: string, permanent: boolean, responseCode?: number) {
    super(message);
    this.name = 'MailSendError';
    this.code = code;
    this.permanent = permanent;
    this.responseCode = responseCode;
  }
}

/**
 * Thrown for an SMTP URL that cannot work. The message names the problem and never repeats
 * the password.
 */
export class SmtpUrlError extends Error {
  readonly code = 'invalid_smtp_url';
  constructor(message: string) {
    super(
      `Invalid SMTP URL: ${message}. Expected smtp://user:pass@host:587 or smtps://user:pass@host:465`,
    );
    this.name = 'SmtpUrlError';
  }
}

/**
 * Connection settings read from an SMTP URL.
 */
export interface SmtpSettings {
  host: string;
  port: number;
  /** Implicit TLS (smtps://). */
  secure: boolean;
  auth?: { user: string; pass: string };
  /** Refuse to send unless STARTTLS succeeds (default: on when credentials go to a non-loopback host). */
  requireTLS: boolean;
  /** Never try STARTTLS (only for loopback test relays). */
  ignoreTLS: boolean;
  /** Verify the relay's certificate (default true; `?rejectUnauthorized=false` for a self-signed relay). */
  rejectUnauthorized: boolean;
}

const QUERY_FLAGS = ['requireTLS', 'ignoreTLS', 'rejectUnauthorized'] as const;

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || host === '::1' || /^127\./.test(host);
}

function flag(value: string, name: string): boolean {
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new SmtpUrlError(`${name} must be true or false`);
}

/**
 * Parse and check an SMTP URL: `smtp://` (STARTTLS, default port 587) or `smtps://` (implicit
 * TLS, default port 465), optional percent-encoded credentials, optional query flags
 * `requireTLS`, `ignoreTLS`, `rejectUnauthorized`.
 *
 * @throws SmtpUrlError for anything else.
 */
export function parseSmtpUrl(url: string): SmtpSettings {
  if (typeof url !== 'string' || url.trim() === '') throw new SmtpUrlError('empty');
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new SmtpUrlError('not a URL');
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') {
    throw new SmtpUrlError(`unsupported scheme "${parsed.protocol.slice(0, 20)}"`);
  }
  const secure = parsed.protocol === 'smtps:';
  if (!parsed.hostname) throw new SmtpUrlError('no host');
  const port = parsed.port ? Number(parsed.port) : secure ? 465 : 587;
  if (parsed.pathname && parsed.pathname !== '/') throw new SmtpUrlError('unexpected path');
  let user: string;
  let pass: string;
  try {
    user = decodeURIComponent(parsed.username);
    pass = decodeURIComponent(parsed.password);
  } catch {
    throw new SmtpUrlError('credentials are not valid percent-encoding');
  }
  if (pass && !user) throw new SmtpUrlError('password without user');
  const query: Partial<Record<(typeof QUERY_FLAGS)[number], boolean>> = {};
  for (const [key, value] of parsed.searchParams) {
    if (!(QUERY_FLAGS as readonly string[]).includes(key)) {
      throw new SmtpUrlError(
        `unknown option "${key.slice(0, 40)}" (known: ${QUERY_FLAGS.join(', ')})`,
      );
    }
    query[key as (typeof QUERY_FLAGS)[number]] = flag(value, key);
  }
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  const auth = user ? { user, pass } : undefined;
  const requireTLS =
    query.requireTLS ?? (!secure && auth !== undefined && !isLoopback(parsed.hostname));
  const ignoreTLS = query.ignoreTLS ?? false;
  if (requireTLS && ignoreTLS) throw new SmtpUrlError('requireTLS and ignoreTLS contradict');
  return {
    host,
    port,
    secure,
    ...(auth ? { auth } : {}),
    requireTLS,
    ignoreTLS,
    rejectUnauthorized: query.rejectUnauthorized ?? true,
  };
}

/**
 * Tuning of {@link smtpTransport}.
 */
export interface SmtpTransportOptions {
  /** Parallel SMTP connections (default 2). */
  maxConnections?: number;
  /** Time to open the TCP/TLS connection (default 10 s). */
  connectionTimeoutMs?: number;
  /** Time to wait for the 220 greeting (default 10 s). */
  greetingTimeoutMs?: number;
  /** Inactivity on an open connection (default 30 s). */
  socketTimeoutMs?: number;
}

type NodemailerError = Error & { code?: string; responseCode?: number; command?: string };

/**
 * The recipient must be exactly one address (SECURITY 12: mail goes only to the address stored
 * on the account). nodemailer reads `a@x, b@y` or `group: a@x, b@y;` as several recipients, so
 * a list that slipped past validation is refused here, permanently, before any connection.
 */
function checkSingleRecipient(to: string): void {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  const bad = typeof to !== 'string' || to.length > 254 || /[\u0000-\u001f\u007f]/.test(to);
  const parsed = bad ? [] : addressparser(to);
  const only = parsed.length === 1 ? parsed[0] : undefined;
  if (!only || 'group' in only || !only.address.includes('@')) {
    throw new MailSendError('recipient must be exactly one address', 'EENVELOPE', true);
  }
}

function toSendError(error: unknown): MailSendError {
  const e = (error instanceof Error ? error : new Error(String(error))) as NodemailerError;
  const code = typeof e.code === 'string' ? e.code : 'ESEND';
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  // Only a recipient refused with a 5xx reply is final; a refused login or an unavailable
  // relay (4xx, network) may recover once someone fixes it.
  const permanent = e.command === 'RCPT TO' && responseCode !== undefined && responseCode >= 500;
  return new MailSendError(e.message.slice(0, 300), code, permanent, responseCode);
}

/**
 * An SMTP transport over a pool of connections, checked at creation.
 *
 * @throws SmtpUrlError for an invalid URL (before any connection is tried).
 */
export function smtpTransport(url: string, options: SmtpTransportOptions = {}): MailTransport {
  const s = parseSmtpUrl(url);
  const create = async () =>
    (await import('nodemailer')).default.createTransport({
      pool: true,
      maxConnections: options.maxConnections ?? 2,
      host: s.host,
      port: s.port,
      secure: s.secure,
      ...(s.auth ? { auth: s.auth } : {}),
      requireTLS: s.requireTLS,
      ignoreTLS: s.ignoreTLS,
      tls: { rejectUnauthorized: s.rejectUnauthorized, servername: s.host },
      connectionTimeout: options.connectionTimeoutMs ?? 10_000,
      greetingTimeout: options.greetingTimeoutMs ?? 10_000,
      socketTimeout: options.socketTimeoutMs ?? 30_000,
      dnsTimeout: options.connectionTimeoutMs ?? 10_000,
      disableFileAccess: true,
      disableUrlAccess: true,
    });
  let transporter: Promise<Transporter> | undefined;
  return {
    async send(mail) {
      checkSingleRecipient(mail.to);
      try {
        transporter ??= create();
        await (await transporter).sendMail({
          from: mail.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          // RFC 3834: automatic mail; well-behaved responders send no vacation replies to it.
          headers: {
            'Auto-Submitted': 'auto-generated',
            ...(mail.language && /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(mail.language)
              ? { 'Content-Language': mail.language }
              : {}),
          },
        });
      } catch (error) {
        throw toSendError(error);
      }
    },
    async close() {
      (await transporter?.catch(() => undefined))?.close();
    },
  };
}

/**
 * A transport that delivers nothing: in dev mode the mail stays in the outbox (payload kept)
 * and the dev inbox shows it.
 */
export function devTransport(): MailTransport {
  return { async send() {} };
}

/**
 * A {@link MailTransport} that keeps what it was given, for tests.
 */
export interface MemoryTransport extends MailTransport {
  /** Every mail accepted, in order. */
  readonly sent: OutgoingMail[];
  /** Make the next `n` sends reject with `error` (default: a transient failure). */
  failNext(n: number, error?: Error): void;
}

/**
 * A transport that records mails in memory and can be told to fail, for tests.
 */
export function memoryTransport(): MemoryTransport {
  const sent: OutgoingMail[] = [];
  let failures = 0;
  const outage = () => new MailSendError('simulated outage', 'ECONNECTION', false);
  let failure: Error = outage();
  return {
    sent,
    failNext(n, error) {
      failures = n;
      failure = error ?? outage();
    },
    async send(mail) {
      if (failures > 0) {
        failures--;
        throw failure;
      }
      sent.push({ ...mail });
    },
  };
}
