/**
 * `@zxcvbn-ts/core` with the common + en dictionaries, as bench/policy.ts compares it, and its
 * scores for many passwords on two threads. At 70–90 ms a call on long inputs it took ~95 s of the
 * quality table's ~100 (thousands of inputs, nothing timed there), which kept `pnpm bench` at its
 * 10-minute limit; the scores are the same computed on any thread.
 *
 * As a worker (`workerData.passwords`), posts the scores of those passwords.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import * as zxcvbnEn from '@zxcvbn-ts/language-en';

/** The context words every library is given (the account's email and name). */
export const USER_INPUTS = ['ann.smith@example.com', 'Ann Smith'];

/** A checker with the dictionaries bench/policy.ts measures. */
export function createZxcvbnTs(): ZxcvbnFactory {
  return new ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEn.dictionary },
    graphs: zxcvbnCommon.adjacencyGraphs,
    translations: zxcvbnEn.translations,
  });
}

/**
 * The 0–4 score of each distinct password: every other one in a worker thread while this thread
 * scores the rest. Only for figures that are not timings.
 */
export async function zxcvbnTsScores(
  zts: ZxcvbnFactory,
  passwords: readonly string[],
): Promise<Map<string, number>> {
  const distinct = [...new Set(passwords)];
  // Every other password each, so that both threads get as many of the slow (long) ones.
  const half = distinct.filter((_, i) => i % 2 === 0);
  const worker = new Worker(new URL(import.meta.url), { workerData: { passwords: half } });
  const theirs = new Promise<number[]>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const rest = distinct.filter((_, i) => i % 2 === 1);
  const ours = rest.map((p) => zts.check(p, USER_INPUTS).score);
  const scores = await theirs;
  await worker.terminate();
  return new Map([
    ...half.map((p, i) => [p, scores[i] as number] as const),
    ...rest.map((p, i) => [p, ours[i] as number] as const),
  ]);
}

if (!isMainThread && Array.isArray(workerData?.passwords)) {
  const zts = createZxcvbnTs();
  parentPort?.postMessage(
    (workerData.passwords as string[]).map((p) => zts.check(p, USER_INPUTS).score),
  );
}
