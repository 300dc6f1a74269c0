/**
 * Work done after the response: the reset, activation and registration requests answer `202`
 * at once and do the account-dependent work (lookup, token, outbox row) here, so the response
 * cannot reveal whether the account exists — by content or by time (SECURITY 1, 2).
 * `settled()` lets graceful shutdown and tests wait for it.
 */
import { errorFields, type Logger } from '../log.ts';

/** A set of tracked background tasks. */
export interface Background {
  /** Start `task`; failures are logged, never thrown. */
  run(name: string, task: () => Promise<void>): void;
  /** Resolves when every task started so far (and those they start) has finished. */
  settled(): Promise<void>;
}

/**
 * Create a background task tracker.
 */
export function createBackground(logger: Logger): Background {
  const tasks = new Set<Promise<void>>();
  return {
    run(name, task) {
      // setImmediate, not a microtask: the answer is written to the socket before the work starts
      // (a synchronous SQLite transaction would otherwise run first and delay the answer).
      const promise: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
        .then(task)
        .catch((error: unknown) =>
          logger.error('background_failed', { task: name, error: errorFields(error) }),
        )
        .finally(() => tasks.delete(promise));
      tasks.add(promise);
    },
    async settled() {
      while (tasks.size > 0) await Promise.all([...tasks]);
    },
  };
}
