/**
 * Test probes for the PostgreSQL adapter: the statements a piece of code sends, and whether a
 * statement is waiting on another session's lock.
 */
import pg from 'pg';
import { vi } from 'vitest';

/** The statements `run` sent through any `pg` client (pool queries included), in order. */
export async function statementsSent(run: () => Promise<unknown>): Promise<string[]> {
  return (await queriesSent(run)).map((query) => query.text);
}

/** Like {@link statementsSent}, with each statement's prepared-statement name, if it has one. */
export async function queriesSent(
  run: () => Promise<unknown>,
): Promise<Array<{ text: string; name: string | undefined }>> {
  const sent: Array<{ text: string; name: string | undefined }> = [];
  const original = pg.Client.prototype.query;
  const query = vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (
    this: pg.Client,
    ...args: unknown[]
  ) {
    const [first] = args as [string | { text: string; name?: string }];
    sent.push(
      typeof first === 'string'
        ? { text: first, name: undefined }
        : { text: first.text, name: first.name },
    );
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof pg.Client.prototype.query);
  try {
    await run();
  } finally {
    query.mockRestore();
  }
  return sent;
}

/**
 * Wait until `pending` (a store call) is seen waiting for a lock that the session `holder`
 * holds, as `watcher` sees it in `pg_stat_activity` — or until it settles, which means it did not
 * wait. Resolves `true` when it is waiting.
 */
export async function waitsFor(
  holder: pg.ClientBase,
  watcher: pg.ClientBase,
  pending: Promise<unknown>,
): Promise<boolean> {
  const { rows } = await holder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  let settled = false;
  void pending.then(
    () => {
      settled = true;
    },
    () => {
      settled = true;
    },
  );
  for (;;) {
    const waiting = await watcher.query(
      'SELECT 1 FROM pg_stat_activity WHERE $1 = ANY (pg_blocking_pids(pid))',
      [rows[0]?.pid],
    );
    if (waiting.rows.length > 0) return !settled;
    if (settled) return false;
  }
}
