/**
 * Password hashing off the event loop and below it: argon2id runs in a small pool of worker
 * threads whose OS scheduling priority is lowered (nice +10 on Linux, per thread), so the event
 * loop — every other request — gets a core the moment it needs one, while the hashes use the CPU
 * time that is left. With `@node-rs/argon2`'s own async calls the hashes ran on libuv's pool at
 * the event loop's priority, and on a 2-core machine 16 connections signing in starved cheap
 * routes (JWKS p99 18–43 ms). Workers start on the first hash (nothing at startup) and never keep
 * the process alive.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** What a worker is asked to do. */
type Job =
  | { op: 'hash'; password: string; options: object }
  | { op: 'verify'; phc: string; password: string };

/** A pool of hashing threads. */
export interface HashPool {
  run(job: Job): Promise<unknown>;
  /** Threads hashing now (a thread runs one job at a time; the rest wait in its queue). */
  readonly busy: number;
  /** Stop every thread (pending jobs reject). */
  close(): Promise<void>;
}

// CommonJS source of a worker: lowers its own thread's priority, then hashes synchronously.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const argon2 = require(workerData.argon2);
try {
  const tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
  if (tid > 0) require('node:os').setPriority(tid, workerData.nice);
} catch {}
parentPort.on('message', (m) => {
  try {
    const value = m.op === 'hash' ? argon2.hashSync(m.password, m.options) : argon2.verifySync(m.phc, m.password);
    parentPort.postMessage({ id: m.id, value });
  } catch (error) {
    parentPort.postMessage({ id: m.id, error: error instanceof Error ? error.message : String(error) });
  }
});
`;

const argon2Path = createRequire(import.meta.url).resolve('@node-rs/argon2');

/**
 * Create a pool of `size` threads at `nice` (default 10). The caller bounds jobs in flight (the
 * hasher's semaphore: two per thread); a job goes to an idle thread, else to the one with the
 * fewest jobs, where it waits in that thread's message queue and starts as the current one ends.
 */
export function createHashPool(size: number, nice = 10): HashPool {
  interface Slot {
    worker: Worker;
    pending: Map<number, { resolve(v: unknown): void; reject(e: Error): void }>;
  }
  const slots: Slot[] = [];
  let nextId = 0;
  const spawn = (): Slot => {
    const worker = new Worker(WORKER, { eval: true, workerData: { argon2: argon2Path, nice } });
    worker.unref();
    const slot: Slot = { worker, pending: new Map() };
    worker.on('message', (m: { id: number; value?: unknown; error?: string }) => {
      const p = slot.pending.get(m.id);
      slot.pending.delete(m.id);
      if (m.error !== undefined) p?.reject(new Error(m.error));
      else p?.resolve(m.value);
      if (slot.pending.size === 0) worker.unref();
    });
    const fail = (error: Error) => {
      for (const p of slot.pending.values()) p.reject(error);
      slot.pending.clear();
      slots.splice(slots.indexOf(slot), 1);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`hashing thread exited (${code})`)));
    slots.push(slot);
    return slot;
  };
  return {
    run(job) {
      const slot =
        slots.find((s) => s.pending.size === 0) ??
        (slots.length < size
          ? spawn()
          : slots.reduce((a, b) => (a.pending.size <= b.pending.size ? a : b)));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        slot.pending.set(id, { resolve, reject });
        slot.worker.ref();
        slot.worker.postMessage({ id, ...job });
      });
    },
    get busy() {
      return slots.filter((s) => s.pending.size > 0).length;
    },
    async close() {
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
