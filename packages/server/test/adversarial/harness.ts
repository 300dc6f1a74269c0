/**
 * The adversarial suite's shared parts: its budgets (bounded by default, larger through the
 * environment), the invariants every answer must keep, and the figures each file reports.
 *
 * Budgets (defaults keep the whole suite well under 90 s on two cores, both databases):
 * - `ADVERSARIAL_RUNS`   fuzzed inputs per endpoint and database (default 2000)
 * - `ADVERSARIAL_SOAK_MS` soak duration per database (default 6000)
 * - `ADVERSARIAL_KILLS`  SIGKILLs of the server process per database (default 3; half as many
 *   database failures)
 * - `ADVERSARIAL_SEED`   fast-check seed (default: random, printed with every figure)
 * - `ADVERSARIAL_REPORT` a file to append each figure to, one JSON object per line
 */
import { appendFileSync } from 'node:fs';
import {
  ERROR_STATUS,
  PROBLEM_CONTENT_TYPE,
  SERVER_ERROR_CODES,
  type ServerErrorCode,
} from '@connect-auth/core/contract';
import { hash, type Options, verify } from '@node-rs/argon2';
import type { PasswordHasher } from '../../src/auth/password.ts';
import { createSemaphore } from '../../src/auth/semaphore.ts';
import { SECURITY_HEADERS } from '../../src/http/headers.ts';

const int = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
};

/** The budgets in force. */
export const BUDGET = {
  runs: int('ADVERSARIAL_RUNS', 2000),
  soakMs: int('ADVERSARIAL_SOAK_MS', 6000),
  kills: int('ADVERSARIAL_KILLS', 3),
  seed: int('ADVERSARIAL_SEED', Math.floor(Math.random() * 2 ** 31)),
};

/** What one part of the suite did. */
export interface Figure {
  suite: string;
  db: string;
  inputs?: number;
  requests: number;
  faults?: number;
  failures: number;
  ms: number;
  seed?: number;
  [extra: string]: unknown;
}

/** Print a figure (and append it to `ADVERSARIAL_REPORT` when set). */
export function report(figure: Figure): void {
  const line = JSON.stringify(figure);
  console.log(`[adversarial] ${line}`);
  const file = process.env.ADVERSARIAL_REPORT;
  if (file) appendFileSync(file, `${line}\n`);
}

const KNOWN = new Set<string>(SERVER_ERROR_CODES);

/** Statuses Node's own parser decides (answered by the adapter with the nearest code). */
const PARSER_STATUS: Record<number, ServerErrorCode[]> = {
  408: ['validation_failed'],
  431: ['payload_too_large'],
};

/**
 * Every way an answer breaks the contract: a 5xx, an error without problem+json, an unknown code,
 * a status that is not the code's, a missing security header, a 429 without a matching
 * Retry-After. Empty when the answer is fine.
 */
export function violations(
  status: number,
  headers: Headers,
  text: string,
  method = 'POST',
): string[] {
  const out: string[] = [];
  if (status >= 500) out.push(`status ${status}`);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    if (name === 'cache-control' || name === 'content-security-policy') {
      if (!headers.has(name)) out.push(`missing ${name}`);
    } else if (headers.get(name) !== value) out.push(`header ${name}: ${headers.get(name)}`);
  }
  if (status < 400) return out;
  if (headers.get('content-type') !== PROBLEM_CONTENT_TYPE) {
    out.push(`content-type ${headers.get('content-type')}`);
    return out;
  }
  if (method === 'HEAD') return out; // the headers of the GET, without its body
  let body: { code?: unknown; status?: unknown; retryAfterMs?: unknown };
  try {
    body = JSON.parse(text);
  } catch {
    out.push('body is not JSON');
    return out;
  }
  const code = String(body.code);
  if (!KNOWN.has(code)) out.push(`unknown code ${code}`);
  const expected = ERROR_STATUS[code as ServerErrorCode];
  if (status !== expected && !PARSER_STATUS[status]?.includes(code as ServerErrorCode)) {
    out.push(`status ${status} for ${code}`);
  }
  if (body.status !== status) out.push(`body status ${String(body.status)} ≠ ${status}`);
  if (code === 'rate_limited') {
    const retry = Number(headers.get('retry-after'));
    const ms = Number(body.retryAfterMs);
    if (!(retry >= 1) || retry !== Math.max(1, Math.ceil(ms / 1000))) {
      out.push(`retry-after ${headers.get('retry-after')} for ${ms} ms`);
    }
  }
  return out;
}

/** A snapshot of `Object.prototype`, to prove nothing polluted it. */
export function prototypeSnapshot(): string {
  const names = Object.getOwnPropertyNames(Object.prototype).sort();
  return JSON.stringify(names) + String(({} as Record<string, unknown>).polluted);
}

/**
 * Real argon2id at a fraction of the production cost (1 MiB, t = 1): the fuzzers send thousands
 * of well-formed sign-ins and registrations, and what they test is input handling, not hashing.
 * Every other part of the suite uses the production hasher.
 */
export function cheapHasher(): PasswordHasher {
  const options: Options = { memoryCost: 1024, timeCost: 1, parallelism: 1, algorithm: 2 };
  const cap = createSemaphore(4);
  let dummy: Promise<string> | undefined;
  const check = async (phc: string, password: string) => {
    try {
      return await cap.run(() => verify(phc, password));
    } catch {
      return false;
    }
  };
  return {
    cap,
    hash: (password) => cap.run(() => hash(password, options)),
    verify: check,
    async verifyDummy(password) {
      dummy ??= hash('dummy', options);
      await check(await dummy, password);
      return false;
    },
    dummyHash: () => {
      dummy ??= hash('dummy', options);
      return dummy;
    },
    needsRehash: () => false,
  } as PasswordHasher;
}

/** Run `tasks` with at most `width` in flight. */
export async function pool<T>(
  items: readonly T[],
  width: number,
  task: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await task(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}
