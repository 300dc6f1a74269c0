/**
 * The kit's mail side: its own SMTP sink (the target's SMTP relay points at it), or a dev inbox
 * URL read over HTTP. Either way a mail comes back with the link's token and the 8-digit code
 * pulled from its text.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One mail the target sent. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** The first link carrying a token (`#token=…` or `?token=…`). */
  link?: string;
  /** The token of {@link Mail.link}. */
  token?: string;
  /** The 8-digit one-time code, when the mail has one. */
  code?: string;
}

/** Where the kit reads the target's mail. */
export interface Mailbox {
  /** How the target reaches it, for the report. */
  readonly description: string;
  /**
   * Resolve with the first mail to `to` received after `since` (ms since the epoch, the kit's
   * clock) that `match` accepts; reject after `timeoutMs`.
   */
  waitFor(
    to: string,
    options: { since: number; timeoutMs: number; match?: (mail: Mail) => boolean },
  ): Promise<Mail>;
  close(): Promise<void>;
}

/** Pull the link, token and code out of a mail's text. */
export function readMail(to: string, subject: string, text: string, html = ''): Mail {
  const mail: Mail = { to, subject, text };
  const urls = `${text}\n${html.replaceAll('&amp;', '&')}`.match(/https?:\/\/[^\s"'<>]+/g) ?? [];
  for (const url of urls) {
    const token = /[#?&]token=([A-Za-z0-9_-]+)/.exec(url)?.[1];
    if (token) {
      mail.link = url;
      mail.token = token;
      break;
    }
  }
  const code = /(?:^|[^\d])(\d{4}[ -]?\d{4})(?!\d)/m.exec(text.replace(/https?:\/\/\S+/g, ''));
  if (code?.[1]) mail.code = code[1].replace(/[ -]/g, '');
  return mail;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Received mails with the time they arrived, and waiters woken on each arrival. */
class Received {
  readonly mails: Array<{ at: number; mail: Mail; envelope: string[] }> = [];
  private waiters: Array<() => void> = [];

  add(mail: Mail, envelope: string[]) {
    this.mails.push({ at: Date.now(), mail, envelope });
    for (const w of this.waiters.splice(0)) w();
  }

  async waitFor(
    to: string,
    options: { since: number; timeoutMs: number; match?: (mail: Mail) => boolean },
  ): Promise<Mail> {
    const deadline = Date.now() + options.timeoutMs;
    for (;;) {
      const found = this.mails.find(
        (m) =>
          m.at >= options.since &&
          (m.envelope.some((e) => same(e, to)) || same(m.mail.to, to)) &&
          (options.match?.(m.mail) ?? true),
      );
      if (found) return found.mail;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no mail to ${to} within ${options.timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}

/**
 * Start an SMTP sink on `host:port` (no TLS, any or no authentication) that keeps every mail.
 * Point the target's SMTP relay at it, e.g. `SMTP_URL=smtp://127.0.0.1:2525`.
 */
export async function startSmtpSink(port: number, host = '127.0.0.1'): Promise<Mailbox> {
  const received = new Received();
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    closeTimeout: 100,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? 'any' });
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const to = parsed.to && !Array.isArray(parsed.to) ? parsed.to.text : '';
          const html = typeof parsed.html === 'string' ? parsed.html : '';
          const address = /<([^>]+)>/.exec(to)?.[1] ?? to;
          received.add(
            readMail(address, parsed.subject ?? '', parsed.text ?? '', html),
            session.envelope.rcptTo.map((r) => r.address),
          );
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.server.address() as AddressInfo).port;
  return {
    description: `SMTP sink on ${host}:${bound}`,
    waitFor: (to, options) => received.waitFor(to, options),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface DevInboxEntry {
  to?: unknown;
  subject?: unknown;
  text?: unknown;
  html?: unknown;
  link?: unknown;
  code?: unknown;
  createdAt?: unknown;
}

/**
 * Read mail from a dev inbox URL answering a JSON array of mails (`GET <url>?to=<address>`), as
 * the reference server's `/dev/mail` does: each with `to`, `subject`, `text` and optionally
 * `link`, `code` and `createdAt`.
 */
export function devInbox(url: string, pollMs = 100): Mailbox {
  return {
    description: `dev inbox ${url}`,
    async waitFor(to, options) {
      const deadline = Date.now() + options.timeoutMs;
      const seen = new Set<string>();
      // Mails already there when the wait began are not the ones asked for.
      let first = true;
      for (;;) {
        const address = new URL(url);
        address.searchParams.set('to', to);
        let entries: DevInboxEntry[] = [];
        try {
          const res = await fetch(address, { signal: AbortSignal.timeout(5000) });
          if (res.ok) entries = (await res.json()) as DevInboxEntry[];
        } catch {
          // Not reachable this time; try again until the deadline.
        }
        for (const entry of Array.isArray(entries) ? [...entries].reverse() : []) {
          const text = typeof entry.text === 'string' ? entry.text : '';
          const key = `${entry.createdAt}|${entry.subject}|${text}|${entry.link}`;
          const created = typeof entry.createdAt === 'string' ? Date.parse(entry.createdAt) : NaN;
          // The inbox stamps mails with the target's clock: allow it to lag the kit's by 5 s (the
          // callers' predicates tell apart mails to one address sent within that slack).
          const fresh = Number.isNaN(created) ? !first : created >= options.since - 5000;
          if (seen.has(key)) continue;
          seen.add(key);
          if (!fresh) continue;
          const mail = readMail(
            typeof entry.to === 'string' ? entry.to : to,
            typeof entry.subject === 'string' ? entry.subject : '',
            text,
            typeof entry.html === 'string' ? entry.html : '',
          );
          if (typeof entry.link === 'string' && !mail.link) {
            mail.link = entry.link;
            mail.token = /[#?&]token=([A-Za-z0-9_-]+)/.exec(entry.link)?.[1];
          }
          if (typeof entry.code === 'string' && !mail.code) mail.code = entry.code;
          if (options.match?.(mail) ?? true) return mail;
        }
        first = false;
        if (Date.now() >= deadline)
          throw new Error(`no mail to ${to} within ${options.timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, pollMs));
      }
    },
    async close() {},
  };
}
