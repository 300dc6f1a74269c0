/**
 * Test helpers for mail: a real SMTP server (`smtp-server`) on 127.0.0.1 that parses what it
 * receives and can simulate outages (capture log lines with `log.ts`'s `memoryLogger`). Not part
 * of the published API; imported by tests only.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A message as the sink received it.
 */
export interface ReceivedMail {
  /** RCPT TO addresses. */
  envelopeTo: string[];
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  /** The `Auto-Submitted` header, if any. */
  autoSubmitted: string | undefined;
}

/**
 * How the sink answers: `accept`; `tempfail` (451 to MAIL FROM: "try again later");
 * `greeting421` (421 at connection: "service not available"); `rejectRecipient` (550 to RCPT TO).
 */
export type SinkMode = 'accept' | 'tempfail' | 'greeting421' | 'rejectRecipient';

/**
 * A running SMTP sink.
 */
export interface SmtpSink {
  /** Port it listens on (kept across stop/start). */
  readonly port: number;
  /** `smtp://127.0.0.1:<port>?ignoreTLS=true` */
  readonly url: string;
  readonly received: ReceivedMail[];
  /** Attempts the sink answered, accepted or not. */
  readonly attempts: number;
  mode: SinkMode;
  /** Close the port: connections are refused (an outage). */
  stop(): Promise<void>;
  /** Listen again on the same port. */
  start(): Promise<void>;
  /** Resolves once `n` mails have been received. */
  waitFor(n: number, timeoutMs?: number): Promise<ReceivedMail[]>;
}

function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

/**
 * Start an SMTP sink on 127.0.0.1 (a random port unless given).
 */
export async function startSmtpSink(options: { port?: number } = {}): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const waiters: Array<() => void> = [];
  let attempts = 0;
  let server: SMTPServer | null = null;
  let port = options.port ?? 0;

  const create = () =>
    new SMTPServer({
      disabledCommands: ['STARTTLS'],
      authOptional: true,
      closeTimeout: 100,
      logger: false,
      onConnect(_session, callback) {
        if (sink.mode === 'greeting421') {
          attempts++;
          return callback(smtpError('Service not available, try later', 421));
        }
        callback();
      },
      onAuth(auth, _session, callback) {
        callback(null, { user: auth.username });
      },
      onMailFrom(_address, _session, callback) {
        if (sink.mode === 'tempfail') {
          attempts++;
          return callback(smtpError('Mailbox busy, try again later', 451));
        }
        callback();
      },
      onRcptTo(_address, _session, callback) {
        if (sink.mode === 'rejectRecipient') {
          attempts++;
          return callback(smtpError('No such user here', 550));
        }
        callback();
      },
      onData(stream, session, callback) {
        attempts++;
        simpleParser(stream)
          .then((parsed) => {
            received.push({
              envelopeTo: session.envelope.rcptTo.map((r) => r.address),
              to: parsed.to && !Array.isArray(parsed.to) ? parsed.to.text : '',
              from: parsed.from?.text ?? '',
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              autoSubmitted: parsed.headers.get('auto-submitted')?.toString(),
            });
            for (const w of waiters.splice(0)) w();
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = create();
      s.on('error', () => {});
      const net = s.listen(port, '127.0.0.1', () => {
        port = (net.address() as AddressInfo).port;
        server = s;
        resolve();
      });
      net.once('error', reject);
    });

  const sink: SmtpSink = {
    get port() {
      return port;
    },
    get url() {
      return `smtp://127.0.0.1:${port}?ignoreTLS=true`;
    },
    received,
    get attempts() {
      return attempts;
    },
    mode: 'accept',
    async stop() {
      const s = server;
      server = null;
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    start: listen,
    async waitFor(n, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < n) {
        if (Date.now() > deadline)
          throw new Error(`SMTP sink: ${received.length}/${n} mails after ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50).unref();
        });
      }
      return received;
    },
  };
  await listen();
  return sink;
}
