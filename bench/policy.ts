/**
 * Times `evaluatePassword` on 2,000 seeded passwords of 6–40 characters, without and with the
 * common-password list, next to `check-password-strength` (rules only) and `@zxcvbn-ts/core`
 * (with its common dictionary; timed on a 200-password subset because it is slow). Prints the
 * median over several runs of µs per call and calls per second, and PASS/OVER against the 50 µs
 * budget. `--json` prints the same figures as JSON.
 *
 * Run: `pnpm bench:policy` (or `pnpm bench:policy --json`).
 */
import {
  connectPolicy,
  evaluatePassword,
  loadCommonPasswords,
  nist80063bPolicy,
} from '@connect-auth/core/policy';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import { passwordStrength } from 'check-password-strength';
import { median, pad, seededRandom, wantsJson } from './shared.ts';

const BUDGET_US = 50;
const COUNT = 2_000;
const RUNS = 7;

const WORDS = [
  'sun',
  'shine',
  'dragon',
  'pass',
  'word',
  'lock',
  'door',
  'blue',
  'tiger',
  'summer',
  'winter',
  'coffee',
  'horse',
  'battery',
  'staple',
  'correct',
  'monkey',
  'football',
  'maria',
  'josé',
];
const ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
const EXTRA = 'éüñßøçÅ€£😀ž';

/** 2,000 passwords of 6–40 code points: a third random ASCII, a third words + digits + symbol, a third mixed with non-ASCII. */
export function generatePasswords(count = COUNT, seed = 20_260_101): string[] {
  const random = seededRandom(seed);
  const pick = <T>(list: ArrayLike<T>): T => list[Math.floor(random() * list.length)] as T;
  const out: string[] = [];
  while (out.length < count) {
    const length = 6 + Math.floor(random() * 35);
    const kind = out.length % 3;
    let p = '';
    if (kind === 0) while (Array.from(p).length < length) p += pick(ASCII);
    else if (kind === 1) {
      while (Array.from(p).length < length - 3) {
        const w = pick(WORDS);
        p += random() < 0.4 ? w[0]?.toUpperCase() + w.slice(1) : w;
      }
      p += String(Math.floor(random() * 1000)) + pick('-!@#&$');
    } else while (Array.from(p).length < length) p += random() < 0.2 ? pick(EXTRA) : pick(ASCII);
    out.push(Array.from(p).slice(0, length).join(''));
  }
  return out;
}

interface Figure {
  name: string;
  passwords: number;
  usPerCall: number;
  callsPerSecond: number;
  budgetUs?: number;
  verdict?: 'PASS' | 'OVER';
}

/** Median µs per call of `fn` over `passwords`, `runs` runs after one warm-up run. */
function time(passwords: readonly string[], fn: (p: string) => unknown, runs = RUNS): number {
  let sink = 0;
  for (const p of passwords) sink += fn(p) ? 1 : 0;
  const samples: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    for (const p of passwords) sink += fn(p) ? 1 : 0;
    samples.push(((performance.now() - start) * 1000) / passwords.length);
  }
  if (sink < 0) console.log(sink); // keeps the calls from being optimized away
  return median(samples);
}

const passwords = generatePasswords();
const loadStart = performance.now();
const blocklist = await loadCommonPasswords();
/** First call: import the chunk and decode it into a Set (once per process or page). */
const loadMs = performance.now() - loadStart;
const context = { email: 'ann.smith@example.com', name: 'Ann Smith' };
const figures: Figure[] = [];
const ours = (name: string, fn: (p: string) => unknown): void => {
  const us = time(passwords, fn);
  figures.push({
    name,
    passwords: passwords.length,
    usPerCall: us,
    callsPerSecond: 1e6 / us,
    budgetUs: BUDGET_US,
    verdict: us <= BUDGET_US ? 'PASS' : 'OVER',
  });
};
ours(
  'evaluatePassword connect, no blocklist',
  (p) => evaluatePassword(p, connectPolicy, context).ok,
);
ours(
  'evaluatePassword connect + blocklist',
  (p) => evaluatePassword(p, connectPolicy, { ...context, blocklist }).ok,
);
ours(
  'evaluatePassword nist-800-63b + blocklist',
  (p) => evaluatePassword(p, nist80063bPolicy, { ...context, blocklist }).ok,
);
{
  const us = time(passwords, (p) => passwordStrength(p).id);
  figures.push({
    name: 'check-password-strength',
    passwords: passwords.length,
    usPerCall: us,
    callsPerSecond: 1e6 / us,
  });
}
{
  const zxcvbn = new ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary },
    graphs: zxcvbnCommon.adjacencyGraphs,
  });
  const subset = passwords.slice(0, 200);
  const us = time(subset, (p) => zxcvbn.check(p, ['ann.smith@example.com']).score, 3);
  figures.push({
    name: '@zxcvbn-ts/core + language-common',
    passwords: subset.length,
    usPerCall: us,
    callsPerSecond: 1e6 / us,
  });
}

if (wantsJson) {
  console.log(
    JSON.stringify(
      {
        node: process.version,
        budgetUs: BUDGET_US,
        runs: RUNS,
        loadCommonPasswordsMs: loadMs,
        commonPasswords: blocklist.size,
        figures,
      },
      null,
      2,
    ),
  );
} else {
  console.log(
    `Password evaluation, Node ${process.version}, median of ${RUNS} runs (zxcvbn-ts: 3), budget ${BUDGET_US} µs/call`,
  );
  console.log(
    `${pad('', 44)}${pad('passwords', 10, true)}${pad('µs/call', 12, true)}${pad('calls/s', 12, true)}  budget`,
  );
  for (const f of figures) {
    console.log(
      `${pad(f.name, 44)}${pad(f.passwords, 10, true)}${pad(f.usPerCall.toFixed(2), 12, true)}${pad(Math.round(f.callsPerSecond).toLocaleString('en-US'), 12, true)}  ${f.verdict ?? '-'}`,
    );
  }
  console.log(
    `loadCommonPasswords() first call: ${loadMs.toFixed(1)} ms (import + decode ${blocklist.size} entries)`,
  );
}
