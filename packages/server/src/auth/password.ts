/**
 * Password hashing: argon2id (OWASP: m = 19 MiB, t = 2, p = 1) through `@node-rs/argon2`, stored
 * as PHC strings, behind a concurrency cap, in low-priority worker threads (see `hash-pool.ts`). Passwords are hashed exactly as given (after the
 * policy's NFC normalisation by the caller): no trimming, no truncation — argon2 has no 72-byte
 * limit, unlike bcrypt.
 */
import { availableParallelism } from 'node:os';
import { type Options, parseOptions } from '@node-rs/argon2';
import { createHashPool } from './hash-pool.ts';
import { createSemaphore, type Semaphore } from './semaphore.ts';

/**
 * Argon2id parameters (OWASP Password Storage Cheat Sheet, first recommendation).
 */
export const ARGON2_PARAMS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

// `Algorithm` is a const enum in the package's types; 2 is Argon2id.
const OPTIONS: Options = { ...ARGON2_PARAMS, algorithm: 2 as Options['algorithm'] };

// The dummy hash, made once with ARGON2_PARAMS from a random password that was thrown away.
// Verifying against it costs what verifying a real hash costs; what it verifies never matters
// (`verifyDummy` answers false). Baked in rather than hashed at startup, which started a hashing
// thread and cost every server ~17 MiB of idle memory and 0.1–0.7 s of cold start. If
// ARGON2_PARAMS change without it, `needsRehash` notices and a dummy is made at runtime instead.
const BUILT_IN_DUMMY =
  '$argon2id$v=19$m=19456,t=2,p=1$6vVbkt8B4Wn6sRW83DTugA$0CQQdtB7ERGQEk/2nUXWoXnOLSYE3w/DLn9ZoEM4LF8';

/** Jobs in flight per hashing thread: the one it runs and the next, already in its queue. */
const JOBS_PER_THREAD = 2;

/** Hashes and verifies passwords with a concurrency cap. */
export interface PasswordHasher {
  /** PHC string of `password`. */
  hash(password: string): Promise<string>;
  /** Whether `password` matches `phc`; false (never a throw) for a malformed hash. */
  verify(phc: string, password: string): Promise<boolean>;
  /**
   * Verify against a dummy hash of the same cost and answer false: for unknown emails, so that
   * sign-in takes the same time whether or not the account exists.
   */
  verifyDummy(password: string): Promise<false>;
  /** The dummy PHC string (same parameters as real hashes; exposed so tests can check its cost). */
  dummyHash(): Promise<string>;
  /** Whether a stored hash was made with weaker or other parameters than today's. */
  needsRehash(phc: string): boolean;
  /** The semaphore (exposed for benchmarks and tests). */
  readonly cap: Semaphore;
}

/**
 * Create a hasher. `concurrency` (default: the available cores) is the number of hashing threads,
 * which keep every core busy (the raw argon2id rate) while a burst of sign-ins waits in a queue
 * rather than allocating 19 MiB each at once; each thread is handed its next job while it hashes
 * one (`cap` admits two per thread), so it never waits on the event loop between hashes. The
 * threads run below the event loop's OS priority, so cheap routes keep answering in a few
 * milliseconds while sign-ins use the rest of the machine.
 *
 * @example
 * ```ts
 * const hasher = createPasswordHasher({ concurrency: 2 });
 * const phc = await hasher.hash('correct horse battery staple');
 * await hasher.verify(phc, 'correct horse battery staple'); // true
 * hasher.hashing; // 0: no hash running now (at most 2 at once)
 * ```
 */
export function createPasswordHasher(
  options: {
    /** Hashing threads (hashes running at once). Default: the available cores. */
    concurrency?: number;
    /** The dummy PHC string; `null` makes one at runtime (tests of that path). Default: built in. */
    dummy?: string | null;
  } = {},
): PasswordHasher & {
  /** Hashes running now: at most `concurrency`, however many `cap` admits (tests, benchmarks). */
  readonly hashing: number;
} {
  const size = options.concurrency ?? Math.max(1, availableParallelism());
  // Each thread holds its next job while it hashes one, so it starts that job the moment the
  // current one ends instead of idling until the event loop hears of the result and sends more
  // (under load the loop is often waiting for a core itself). Memory stays bounded by the
  // threads: a queued job is two strings, its 19 MiB are taken only when it runs.
  const cap = createSemaphore(size * JOBS_PER_THREAD);
  const pool = createHashPool(size);
  const hash = (password: string, o: Options) =>
    pool.run({ op: 'hash', password, options: o }) as Promise<string>;
  const verify = (phc: string, password: string) =>
    pool.run({ op: 'verify', phc, password }) as Promise<boolean>;
  const given = options.dummy === undefined ? BUILT_IN_DUMMY : options.dummy;
  let dummy: Promise<string> | undefined =
    given !== null && !needsRehash(given) ? Promise.resolve(given) : undefined;
  const getDummy = () => {
    dummy ??= cap
      .run(() => hash(`dummy-${crypto.randomUUID()}`, OPTIONS))
      .catch((error) => {
        dummy = undefined; // not cached: the next call tries again
        throw error;
      });
    return dummy;
  };
  const verifyRaw = async (phc: string, password: string) => {
    try {
      return await cap.run(() => verify(phc, password));
    } catch {
      return false;
    }
  };
  return {
    hash: (password) => cap.run(() => hash(password, OPTIONS)),
    verify: verifyRaw,
    async verifyDummy(password) {
      await verifyRaw(await getDummy(), password);
      return false;
    },
    dummyHash: getDummy,
    needsRehash,
    cap,
    get hashing() {
      return pool.busy;
    },
  };
}

function needsRehash(phc: string): boolean {
  try {
    const p = parseOptions(phc);
    return (
      p.algorithm !== 2 ||
      p.memoryCost < ARGON2_PARAMS.memoryCost ||
      p.timeCost < ARGON2_PARAMS.timeCost ||
      p.parallelism !== ARGON2_PARAMS.parallelism
    );
  } catch {
    return true;
  }
}
