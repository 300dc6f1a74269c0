import { parseOptions } from '@node-rs/argon2';
import { describe, expect, it, vi } from 'vitest';
import { ARGON2_PARAMS, createPasswordHasher } from './password.ts';
import { createSemaphore } from './semaphore.ts';

describe('password hashing', () => {
  const hasher = createPasswordHasher({ concurrency: 2 });

  it('stores argon2id PHC strings at OWASP parameters (SECURITY 15)', async () => {
    const phc = await hasher.hash('Correct-Horse-9');
    expect(phc.startsWith('$argon2id$v=19$')).toBe(true);
    const p = parseOptions(phc);
    expect(p.memoryCost).toBe(ARGON2_PARAMS.memoryCost);
    expect(p.memoryCost).toBeGreaterThanOrEqual(19 * 1024);
    expect(p.timeCost).toBeGreaterThanOrEqual(2);
    expect(p.parallelism).toBe(1);
    expect(await hasher.verify(phc, 'Correct-Horse-9')).toBe(true);
    expect(await hasher.verify(phc, 'Correct-Horse-9 ')).toBe(false);
    expect(hasher.needsRehash(phc)).toBe(false);
  });

  it('never truncates: passwords differing after byte 72 never cross-verify (SECURITY 14)', async () => {
    const prefix = 'A1b-'.repeat(20); // 80 bytes
    const a = `${prefix}x`;
    const b = `${prefix}y`;
    const phcA = await hasher.hash(a);
    expect(await hasher.verify(phcA, b)).toBe(false);
    expect(await hasher.verify(phcA, prefix)).toBe(false);
    expect(await hasher.verify(phcA, a)).toBe(true);
  });

  it('answers false, never throws, for malformed hashes and the dummy', async () => {
    expect(await hasher.verify('not-a-hash', 'x')).toBe(false);
    expect(await hasher.verifyDummy('anything')).toBe(false);
    expect(hasher.needsRehash('$argon2id$v=19$m=4096,t=1,p=1$c2FsdHNhbHQ$aGFzaA')).toBe(true);
  });

  it('does not keep a failed dummy hash: the next call makes it again', async () => {
    const fresh = createPasswordHasher({ concurrency: 1, dummy: null });
    const run = fresh.cap.run.bind(fresh.cap);
    let failNext = true;
    Object.assign(fresh.cap, {
      run: <T>(task: () => Promise<T>) => {
        if (!failNext) return run(task);
        failNext = false;
        return Promise.reject(new Error('out of memory'));
      },
    });
    await expect(fresh.dummyHash()).rejects.toThrow('out of memory');
    expect((await fresh.dummyHash()).startsWith('$argon2id$')).toBe(true);
    expect(await fresh.verifyDummy('anything')).toBe(false);
  });

  it("has a dummy hash of today's parameters without hashing at startup", async () => {
    const fresh = createPasswordHasher({ concurrency: 1 });
    const run = vi.spyOn(fresh.cap, 'run');
    const dummy = await fresh.dummyHash();
    expect(run).not.toHaveBeenCalled();
    // Same cost as a real hash: today's parameters (a stale built-in one would be replaced).
    expect(fresh.needsRehash(dummy)).toBe(false);
    // A stale dummy is not used: one is made at runtime with today's parameters.
    const stale = createPasswordHasher({
      concurrency: 1,
      dummy: '$argon2id$v=19$m=4096,t=1,p=1$c2FsdHNhbHQ$aGFzaA',
    });
    expect(stale.needsRehash(await stale.dummyHash())).toBe(false);
  });

  it('hands a thread its next job while it hashes, so it does not wait on the event loop', async () => {
    const one = createPasswordHasher({ concurrency: 1 });
    const phc = await one.hash('Correct-Horse-9');
    let second = false;
    const first = one.verify(phc, 'Correct-Horse-9');
    void one.verify(phc, 'Wrong-Horse-9').then(() => (second = true));
    expect(one.cap.active).toBe(2);
    // The event loop is held (as a busy loop would be) for far longer than two hashes take: the
    // thread must go from the first job to the second on its own. With one job per thread, the
    // second would only be sent after the loop heard of the first result, and would still be
    // hashing when the loop next turned.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2000);
    expect(await first).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(second).toBe(true);
    expect(one.cap.active).toBe(0);
  });

  it('caps concurrency: a burst queues', async () => {
    const cap = createSemaphore(2);
    let peak = 0;
    await Promise.all(
      Array.from({ length: 10 }, () =>
        cap.run(async () => {
          peak = Math.max(peak, cap.active);
          await new Promise((r) => setTimeout(r, 5));
        }),
      ),
    );
    expect(peak).toBe(2);
    expect(cap.active).toBe(0);
  });
});
