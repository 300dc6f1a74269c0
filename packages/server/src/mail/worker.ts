/**
 * The outbox worker: delivers mails the services enqueued (inside their own transactions),
 * after the HTTP response, with retries.
 *
 * Each cycle leases a batch of due mails (`claimDueMail`: a leased mail is invisible to other
 * workers until the lease expires), unseals and renders each, sends it, and marks it sent — or
 * failed with the next attempt time (exponential backoff with jitter), or dead after
 * `maxAttempts` or a permanent refusal. `stop()` finishes the send in flight and hands the rest
 * of its batch back. A process that dies mid-send leaves the lease in place;
 * the mail becomes claimable again when it expires (at-least-once delivery; exactly-once
 * whenever the process survives the send). Logs carry the outbox id and template only: never
 * the payload, link, code or address.
 */
import type { Sealer } from '../crypto/seal.ts';
import { errorFields, type Logger } from '../log.ts';
import type { OutboxRecord, Store } from '../store/types.ts';
import type { MailTemplate } from './payloads.ts';
import { renderMail } from './templates.ts';
import { MailSendError, type MailTransport } from './transports.ts';

/**
 * Backoff between attempts: numbers for the default curve, or a function of the attempt number (1-based).
 */
export type Backoff = { baseMs?: number; maxMs?: number } | ((attempt: number) => number);

/**
 * Options of {@link startOutboxWorker}.
 */
export interface OutboxWorkerOptions {
  store: Store;
  transport: MailTransport;
  sealer: Sealer;
  /** Sender, e.g. `Codelocks Connect <no-reply@connect.example>`. */
  from: string;
  productName: string;
  supportUrl: string;
  logger: Logger;
  /** Poll interval when not nudged (default 5 s). */
  pollMs?: number;
  /** How long a claimed mail stays reserved for this worker (default 2 min). */
  leaseMs?: number;
  /** Attempts before a mail is given up as dead (default 20: about 3 hours of outage). */
  maxAttempts?: number;
  /** Default `{ baseMs: 5_000, maxMs: 900_000 }`: 5 s, 10 s, 20 s … capped at 15 min, ±20 % jitter. */
  backoff?: Backoff;
  /** Mails leased per cycle (default 10). */
  batchSize?: number;
  /** Drop the payload once sent (production). Dev mode keeps it for the dev inbox. */
  scrubAfterSend: boolean;
  /** Time source (default wall clock); tests drive retries with it. */
  clock?: () => Date;
  /** Random source for jitter, in [0, 1) (default `Math.random`). */
  random?: () => number;
}

/**
 * A running worker.
 *
 * @example
 * ```ts
 * const worker: OutboxWorker = startOutboxWorker(options);
 * worker.nudge();
 * await worker.stop();
 * ```
 */
export interface OutboxWorker {
  /** Poll now (on the next turn of the event loop, never inside the caller). */
  nudge(): void;
  /** Deliver until nothing is due at the worker's clock (tests, and CLI one-shots). */
  drain(): Promise<void>;
  /**
   * Finish the in-flight send, hand the rest of the batch back (due at once, for the next
   * process) and stop polling. The transport stays open: its creator closes it.
   */
  stop(): Promise<void>;
}

/**
 * Delay before the attempt after failed attempt `attempt` (1-based): `baseMs · 2^(attempt−1)`,
 * capped at `maxMs`, times a jitter factor in [0.8, 1.2), never above `maxMs`.
 */
export function backoffDelay(
  attempt: number,
  backoff: Backoff = {},
  random: () => number = Math.random,
): number {
  if (typeof backoff === 'function') return Math.max(0, backoff(attempt));
  const base = backoff.baseMs ?? 5_000;
  const max = backoff.maxMs ?? 900_000;
  const exp = Math.min(max, base * 2 ** Math.min(Math.max(0, attempt - 1), 40));
  return Math.max(0, Math.min(max, Math.round(exp * (0.8 + 0.4 * random()))));
}

/** Relays echo addresses in their replies ("550 <ann@example.com>: no such user"); logs must not. */
const ADDRESS = /[^\s<>"'(),;:[\]]+@[^\s<>"'(),;:[\]]+/g;

function describeError(error: unknown): { message: string; permanent: boolean } {
  if (error instanceof MailSendError) {
    const reply = error.responseCode ? ` ${error.responseCode}` : '';
    const message = `${error.code}${reply}: ${error.message.replace(ADDRESS, '[address]')}`;
    return { message: message.slice(0, 500), permanent: error.permanent };
  }
  // Unknown transports: keep the class and a bounded message (never the mail itself).
  const { name, message } = errorFields(error);
  return {
    message: `${name}: ${message.replace(ADDRESS, '[address]')}`.slice(0, 300),
    permanent: false,
  };
}

/**
 * Start delivering the outbox.
 */
export function startOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { store, transport, sealer, logger } = options;
  const pollMs = options.pollMs ?? 5_000;
  const leaseMs = options.leaseMs ?? 120_000;
  const maxAttempts = Math.max(1, options.maxAttempts ?? 20);
  const batchSize = Math.max(1, options.batchSize ?? 10);
  const clock = options.clock ?? (() => new Date());
  const random = options.random ?? Math.random;
  // Do not start a send in the last quarter of the lease: it might outlive the lease and let
  // another worker send the same mail.
  const leaseMargin = leaseMs / 4;

  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let nudged = false;
  let chain: Promise<unknown> = Promise.resolve();

  /** Run `fn` after every earlier cycle: one batch at a time in this process. */
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = chain.then(fn);
    chain = run.catch(() => {});
    return run;
  };

  const giveUp = async (mail: OutboxRecord, reason: string) => {
    await store.markMailFailed(mail.id, reason, null);
    logger.error('mail_dead', {
      outboxId: mail.id,
      template: mail.template,
      attempts: mail.attempts,
      reason,
    });
  };

  const deliver = async (mail: OutboxRecord): Promise<void> => {
    if (mail.attempts > maxAttempts) return giveUp(mail, 'attempts exhausted (interrupted sends)');
    if (mail.payload === null) return giveUp(mail, 'payload missing');
    let rendered: ReturnType<typeof renderMail>;
    try {
      const data = sealer.unseal(mail.payload);
      rendered = renderMail(mail.template as MailTemplate, data, {
        productName: options.productName,
        supportUrl: options.supportUrl,
        requestedAt: mail.createdAt,
      });
    } catch (error) {
      // A payload that cannot be opened or rendered will not improve with retries.
      const code = (error as { code?: unknown }).code;
      return giveUp(mail, typeof code === 'string' ? code : 'render_failed');
    }
    try {
      await transport.send({ from: options.from, to: mail.to, ...rendered });
    } catch (error) {
      const { message, permanent } = describeError(error);
      if (permanent || mail.attempts >= maxAttempts) return giveUp(mail, message);
      const retryAt = new Date(
        clock().getTime() + backoffDelay(mail.attempts, options.backoff, random),
      );
      await store.markMailFailed(mail.id, message, retryAt);
      logger.warn('mail_failed', {
        outboxId: mail.id,
        template: mail.template,
        attempts: mail.attempts,
        retryAt: retryAt.toISOString(),
        error: message,
      });
      return;
    }
    try {
      await store.markMailSent(mail.id, clock(), options.scrubAfterSend);
    } catch (error) {
      // Sent but not recorded: the lease expires and the mail is sent again (at-least-once).
      logger.error('mail_mark_sent_failed', {
        outboxId: mail.id,
        template: mail.template,
        error: describeError(error).message,
      });
      return;
    }
    logger.info('mail_sent', {
      outboxId: mail.id,
      template: mail.template,
      attempts: mail.attempts,
    });
  };

  /** Shutting down: hand unsent mails of the batch back, due now, for the next process. */
  const release = async (mails: OutboxRecord[]) => {
    for (const mail of mails) {
      try {
        // Still well inside our lease, so no other worker can hold it: clearing it is safe.
        await store.markMailFailed(mail.id, 'released at shutdown', clock());
        logger.info('mail_released', { outboxId: mail.id, template: mail.template });
      } catch (error) {
        // Stays leased; claimable again once the lease expires.
        logger.error('mail_release_failed', {
          outboxId: mail.id,
          error: describeError(error).message,
        });
      }
    }
  };

  /** Lease and deliver one batch; returns how many mails were leased. */
  const batch = async (): Promise<number> => {
    if (stopped) return 0;
    const mails = await store.claimDueMail(clock(), batchSize, leaseMs);
    for (const [index, mail] of mails.entries()) {
      const leaseEnd = mail.leaseUntil?.getTime() ?? Number.POSITIVE_INFINITY;
      // Lease running out: leave the rest leased; claimable again after the lease (a counted
      // attempt, never a double send).
      if (clock().getTime() > leaseEnd - leaseMargin) break;
      if (stopped) {
        await release(mails.slice(index));
        break;
      }
      try {
        await deliver(mail);
      } catch (error) {
        logger.error('mail_delivery_error', {
          outboxId: mail.id,
          template: mail.template,
          error: describeError(error).message,
        });
      }
    }
    return mails.length;
  };

  const schedule = () => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(poll, pollMs);
    timer.unref();
  };

  /** Deliver batches until one comes back short, then wait `pollMs`. */
  function poll(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    exclusive(async () => {
      while (!stopped && (await batch()) === batchSize) {}
    })
      .catch((error: unknown) => {
        logger.error('mail_poll_failed', { error: describeError(error).message });
      })
      .finally(schedule);
  }

  schedule();

  return {
    nudge() {
      if (stopped || nudged) return;
      nudged = true;
      setImmediate(() => {
        nudged = false;
        if (!stopped) poll();
      }).unref();
    },
    async drain() {
      while (!stopped && (await exclusive(batch)) > 0) {}
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await chain;
    },
  };
}
