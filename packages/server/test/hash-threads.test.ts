/**
 * `HASH_THREADS` (`hashThreads`): how many threads the server hashes passwords on. The threads
 * start on demand, one per hash running at once, up to the setting: counted here as they start.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { factories, STRONG, startServer, type TestServer } from './helpers.ts';

const threads = vi.hoisted(() => ({ hashing: [] as Worker[] }));
vi.mock('node:worker_threads', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:worker_threads')>();
  class ObservedWorker extends actual.Worker {
    constructor(...args: ConstructorParameters<typeof actual.Worker>) {
      super(...args);
      const data = args[1]?.workerData as { argon2?: unknown } | undefined;
      if (data?.argon2) threads.hashing.push(this);
    }
  }
  return { ...actual, Worker: ObservedWorker };
});

const sqlite = factories.find((f) => f.name === 'sqlite');
if (!sqlite?.available) throw new Error('SQLite is always available');

describe('hashing threads', () => {
  let running: TestServer | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
    threads.hashing.length = 0;
  });

  /** Eight sign-ins at once (unknown emails: each still one hash); the threads that started. */
  const burst = async (options: { hashThreads?: number }) => {
    running = await startServer(sqlite, options);
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        running?.post('/v1/sessions', { email: `nobody-${i}@example.com`, password: STRONG }),
      ),
    );
    expect(answers.map((a) => a?.status)).toEqual(Array(8).fill(401));
    return threads.hashing.length;
  };

  it('hashes on as many threads as HASH_THREADS says, however many sign-ins wait', async () => {
    expect(await burst({ hashThreads: 1 })).toBe(1);
  });

  it('takes more threads than cores when told to', async () => {
    expect(await burst({ hashThreads: availableParallelism() + 1 })).toBe(
      availableParallelism() + 1,
    );
  });

  it('defaults to one thread per core', async () => {
    expect(await burst({})).toBe(Math.min(8, availableParallelism()));
  });
});
