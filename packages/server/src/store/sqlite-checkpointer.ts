/**
 * WAL checkpoints of the SQLite store off the event loop. SQLite's automatic checkpoint runs on
 * the connection that commits past 1,000 WAL frames, inside that commit: on the server's one
 * connection it copied pages into the database file and fsynced both files on the event loop,
 * ~100 times per 5,000 refresh rotations. Here a worker thread with its own connection to the
 * same file checkpoints instead:
 *
 * - Nothing starts until the store has served {@link START_AFTER_WRITES} writes (a CLI command or
 *   a test never pays for a thread); until the worker is ready the connection checkpoints itself.
 * - Then the serving connection stops checkpointing (`wal_autocheckpoint = 0`) and asks the worker
 *   for a PASSIVE checkpoint every {@link WRITES_PER_CHECKPOINT} writes; the worker never waits
 *   for the connection, and the connection never waits for it.
 * - A PASSIVE checkpoint cannot make the WAL start over while commits keep arriving, so the WAL
 *   would grow without bound under steady load. Past {@link MAX_WAL_FRAMES} frames (or if the
 *   worker falls {@link MAX_WRITES_BEHIND} writes behind), the store holds its calls — they queue,
 *   the event loop stays free — while the worker runs a RESTART checkpoint; then they run.
 * - A worker that cannot start, fails or exits hands checkpointing back to the connection
 *   (`wal_autocheckpoint` back on), with a warning; the store keeps working.
 *
 * The worker reports through shared memory, read with `Atomics` on the serving thread, so the
 * WAL stays bounded even when calls never yield to the event loop (a tight loop of awaited
 * calls); only the end of a RESTART and failures arrive as messages.
 *
 * @internal
 */
import type { DatabaseSync } from 'node:sqlite';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../log.ts';

/** Writes served before the worker starts. */
export const START_AFTER_WRITES = 100;
/** Writes between two PASSIVE checkpoint requests. */
export const WRITES_PER_CHECKPOINT = 64;
/** WAL frames past which calls wait for a RESTART checkpoint. */
export const MAX_WAL_FRAMES = 4096;
/** Writes since the last checkpoint the worker finished past which calls wait for one. */
export const MAX_WRITES_BEHIND = 1024;
/** SQLite's default `wal_autocheckpoint`, restored when the connection checkpoints again. */
const AUTOCHECKPOINT = 1000;

/** Slots of the shared state. */
const READY = 0;
const BUSY = 1;
const FRAMES = 2;
const PASSIVES = 3;
const RESTARTS = 4;
const SLOTS = 5;

// CommonJS source of the worker (eval'd, like the hashing pool: no file to resolve from src/ or
// dist/). It answers requests in order; each is one checkpoint on its own connection.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { DatabaseSync } = require('node:sqlite');
const state = new Int32Array(workerData.state);
const [READY, BUSY, FRAMES, PASSIVES, RESTARTS] = [0, 1, 2, 3, 4];
const db = new DatabaseSync(workerData.path, { timeout: workerData.timeout });
db.exec('PRAGMA busy_timeout = ' + workerData.timeout);
db.exec('PRAGMA wal_autocheckpoint = 0');
const passive = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
const restart = db.prepare('PRAGMA wal_checkpoint(RESTART)');
Atomics.store(state, READY, 1);
parentPort.postMessage({ op: 'ready' });
parentPort.on('message', (m) => {
  if (m.op === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    const r = (m.op === 'restart' ? restart : passive).get();
    // log: frames in the WAL; after a RESTART that was not blocked the next commit starts over.
    Atomics.store(state, FRAMES, m.op === 'restart' && r.busy === 0 ? 0 : Math.max(0, r.log));
    Atomics.add(state, m.op === 'restart' ? RESTARTS : PASSIVES, 1);
    Atomics.store(state, BUSY, 0);
    if (m.op === 'restart') parentPort.postMessage({ op: 'restarted', busy: r.busy, log: r.log });
  } catch (error) {
    Atomics.store(state, BUSY, 0);
    parentPort.postMessage({ op: 'failed', error: error instanceof Error ? error.message : String(error) });
  }
});
`;

/** What a checkpointer did so far (tests and diagnostics). */
export interface CheckpointerStats {
  /** Who checkpoints now: the worker thread, or the serving connection itself. */
  mode: 'worker' | 'connection';
  /** Writes counted. */
  writes: number;
  /** PASSIVE and RESTART checkpoints the worker finished. */
  passive: number;
  restart: number;
  /** Times the store held its calls for a RESTART. */
  pauses: number;
  /** WAL frames at the worker's last checkpoint. */
  frames: number;
}

/** The serving side of the worker. */
export interface WalCheckpointer {
  /** A write was committed on the serving connection (may start the worker or a pause). */
  wrote(): void;
  /** While set, calls must wait for it (a RESTART checkpoint is running); it never rejects. */
  readonly paused: Promise<void> | undefined;
  stats(): CheckpointerStats;
  /** Stop the worker (its connection closed) and return checkpointing to the connection. */
  close(): Promise<void>;
}

/** How a checkpointer is made. */
export interface CheckpointerOptions {
  /** The database file the worker opens. */
  path: string;
  busyTimeoutMs: number;
  logger: Logger;
}

/**
 * Checkpoint `db`'s WAL from a worker thread (see the module comment). `db` is the serving
 * connection; this only runs `PRAGMA wal_autocheckpoint` on it, between its operations.
 */
export function createWalCheckpointer(
  db: DatabaseSync,
  options: CheckpointerOptions,
): WalCheckpointer {
  const state = new Int32Array(new SharedArrayBuffer(SLOTS * Int32Array.BYTES_PER_ELEMENT));
  let worker: Worker | undefined;
  let phase: 'idle' | 'starting' | 'worker' | 'connection' | 'closed' = 'idle';
  let writes = 0;
  let pauses = 0;
  /** Writes counted when the worker had last finished `done` checkpoints. */
  let lastDone = 0;
  let lastDoneAt = 0;
  let paused: { promise: Promise<void>; resume(): void } | undefined;
  /** WAL frames past which calls wait; raised when a RESTART could not finish (another process's reader). */
  let frameLimit = MAX_WAL_FRAMES;
  let exited: Promise<void> | undefined;

  const done = () => Atomics.load(state, PASSIVES) + Atomics.load(state, RESTARTS);

  const resume = () => {
    const p = paused;
    paused = undefined;
    worker?.unref();
    p?.resume();
  };

  /** Back to the connection's own checkpoints, for good. */
  const fallBack = (reason: string, error?: unknown) => {
    if (phase === 'closed' || phase === 'connection') return;
    const wasServing = phase === 'worker';
    phase = 'connection';
    if (db.isOpen) db.exec(`PRAGMA wal_autocheckpoint = ${AUTOCHECKPOINT}`);
    options.logger.warn('sqlite_checkpoint_worker_failed', {
      reason,
      ...(error === undefined
        ? {}
        : { error: error instanceof Error ? error.message : String(error) }),
      checkpoints: wasServing ? 'the connection checkpoints again' : 'the connection checkpoints',
    });
    const w = worker;
    worker = undefined;
    resume();
    void w?.terminate().catch(() => undefined);
  };

  const start = () => {
    phase = 'starting';
    try {
      const w = new Worker(WORKER, {
        eval: true,
        workerData: {
          path: options.path,
          timeout: Math.max(0, Math.floor(options.busyTimeoutMs)),
          state: state.buffer,
        },
      });
      worker = w;
      w.unref();
      exited = new Promise((resolve) => w.once('exit', () => resolve()));
      w.on('message', (m: { op: string; error?: string; busy?: number; log?: number }) => {
        if (worker !== w) return;
        if (m.op === 'ready') serve();
        else if (m.op === 'restarted') {
          // Blocked (a reader in another process kept the WAL): not again before it grows as much.
          frameLimit = m.busy === 0 ? MAX_WAL_FRAMES : (m.log ?? 0) + MAX_WAL_FRAMES;
          resume();
        } else if (m.op === 'failed') fallBack('checkpoint failed', m.error);
      });
      w.on('error', (error) => {
        if (worker === w) fallBack('worker error', error);
      });
      w.on('exit', (code) => {
        if (worker === w) fallBack(`worker exited (${code})`);
      });
    } catch (error) {
      fallBack('worker did not start', error);
    }
  };

  /** The worker is ready: the connection stops checkpointing. */
  const serve = () => {
    if (phase !== 'starting' || !db.isOpen) return;
    db.exec('PRAGMA wal_autocheckpoint = 0');
    phase = 'worker';
    lastDone = done();
    lastDoneAt = writes;
  };

  const pause = () => {
    const w = worker;
    if (!w || paused) return;
    let release = () => {};
    const promise = new Promise<void>((resolve) => {
      release = resolve;
    });
    paused = { promise, resume: release };
    pauses++;
    // Calls are waiting on the worker: it must keep the process alive until they can run.
    w.ref();
    Atomics.store(state, BUSY, 1);
    w.postMessage({ op: 'restart' });
  };

  return {
    wrote() {
      writes++;
      if (phase === 'idle') {
        if (writes >= START_AFTER_WRITES) start();
        return;
      }
      // Ready already, though its message has not arrived (the caller never yielded).
      if (phase === 'starting' && Atomics.load(state, READY) === 1) serve();
      if (phase !== 'worker' || paused || !worker) return;
      const finished = done();
      if (finished !== lastDone) {
        lastDone = finished;
        lastDoneAt = writes;
      }
      if (Atomics.load(state, FRAMES) > frameLimit || writes - lastDoneAt > MAX_WRITES_BEHIND) {
        // Any running PASSIVE finishes first: the worker answers in order.
        pause();
        return;
      }
      if (writes % WRITES_PER_CHECKPOINT === 0 && Atomics.load(state, BUSY) === 0) {
        Atomics.store(state, BUSY, 1);
        worker.postMessage({ op: 'passive' });
      }
    },
    get paused() {
      return paused?.promise;
    },
    stats() {
      return {
        mode: phase === 'worker' ? 'worker' : 'connection',
        writes,
        passive: Atomics.load(state, PASSIVES),
        restart: Atomics.load(state, RESTARTS),
        pauses,
        frames: Atomics.load(state, FRAMES),
      };
    },
    async close() {
      const w = worker;
      phase = 'closed';
      worker = undefined;
      resume();
      if (!w) return;
      // The worker closes its connection itself, then its thread ends.
      w.postMessage({ op: 'close' });
      const timer = setTimeout(() => void w.terminate().catch(() => undefined), 5000);
      try {
        await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
