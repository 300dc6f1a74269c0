import type { NewOutboxMail, OutboxRecord } from '../types.ts';
import type { Operation } from './driver.ts';
import type { SqlQuery } from './query.ts';
import { sql } from './query.ts';
import { toOutbox } from './rows.ts';

// The durable outbox: mails enqueued inside the transactions that cause them, leased by workers.

/** Longest `lastError` kept; SMTP errors can be long and are only for operators. */
const MAX_ERROR_LENGTH = 1000;

/** @internal */
export function insertMail(mail: NewOutboxMail): SqlQuery {
  const at = mail.createdAt.getTime();
  return sql`INSERT INTO outbox
    (id, recipient, template, payload, status, attempts, next_attempt_at, lease_until, last_error, created_at, sent_at)
    VALUES (${mail.id}, ${mail.to}, ${mail.template}, ${mail.payload}, 'pending', 0, ${at}, NULL, NULL, ${at}, NULL)`;
}

/** @internal */
export function enqueueMail(mail: NewOutboxMail): Operation<void> {
  return function* () {
    yield insertMail(mail);
  };
}

/**
 * Lease due mails in one statement. `attempts` counts claims (a worker that crashes mid-send
 * still used an attempt, so a poison mail cannot loop forever). On PostgreSQL the due rows are
 * picked in a CTE with `FOR UPDATE SKIP LOCKED`, so concurrent workers take disjoint batches (a
 * row another worker leased and committed meanwhile fails the re-checked lease condition). The
 * first version used `WHERE id IN (SELECT … LIMIT n FOR UPDATE SKIP LOCKED)`, which leased more
 * than `n` rows on PostgreSQL; the suite's limit test caught it. On SQLite the single writer
 * makes the statement atomic.
 *
 * @internal
 */
export function claimDueMail(now: Date, limit: number, leaseMs: number): Operation<OutboxRecord[]> {
  return function* ({ dialect }) {
    const at = now.getTime();
    const until = at + leaseMs;
    const n = Math.max(0, Math.floor(limit));
    const { rows } =
      dialect === 'postgres'
        ? yield sql`WITH due AS (
              SELECT id FROM outbox
              WHERE status = 'pending' AND next_attempt_at <= ${at} AND (lease_until IS NULL OR lease_until <= ${at})
              ORDER BY next_attempt_at, created_at, id LIMIT ${n} FOR UPDATE SKIP LOCKED)
            UPDATE outbox SET lease_until = ${until}, attempts = outbox.attempts + 1
            FROM due WHERE outbox.id = due.id
            RETURNING outbox.*`
        : yield sql`UPDATE outbox SET lease_until = ${until}, attempts = attempts + 1
            WHERE id IN (SELECT id FROM outbox
                WHERE status = 'pending' AND next_attempt_at <= ${at} AND (lease_until IS NULL OR lease_until <= ${at})
                ORDER BY next_attempt_at, created_at, id LIMIT ${n})
            RETURNING *`;
    return rows
      .map(toOutbox)
      .sort(
        (a, b) =>
          a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() ||
          a.createdAt.getTime() - b.createdAt.getTime() ||
          (a.id < b.id ? -1 : 1),
      );
  };
}

/** @internal */
export function markMailSent(id: string, now: Date, scrub: boolean): Operation<void> {
  return function* () {
    const at = now.getTime();
    if (scrub) {
      yield sql`UPDATE outbox SET status = 'sent', sent_at = ${at}, lease_until = NULL, payload = NULL
        WHERE id = ${id} AND status = 'pending'`;
    } else {
      yield sql`UPDATE outbox SET status = 'sent', sent_at = ${at}, lease_until = NULL
        WHERE id = ${id} AND status = 'pending'`;
    }
  };
}

/** @internal */
export function markMailFailed(id: string, error: string, retryAt: Date | null): Operation<void> {
  return function* () {
    const message = error.slice(0, MAX_ERROR_LENGTH);
    if (retryAt === null) {
      yield sql`UPDATE outbox SET status = 'dead', lease_until = NULL, last_error = ${message}
        WHERE id = ${id} AND status = 'pending'`;
    } else {
      yield sql`UPDATE outbox SET lease_until = NULL, last_error = ${message}, next_attempt_at = ${retryAt.getTime()}
        WHERE id = ${id} AND status = 'pending'`;
    }
  };
}

/** @internal */
export function listMail(limit: number): Operation<OutboxRecord[]> {
  return function* () {
    const n = Math.max(0, Math.floor(limit));
    const { rows } = yield sql`SELECT * FROM outbox ORDER BY created_at DESC, id DESC LIMIT ${n}`;
    return rows.map(toOutbox);
  };
}
