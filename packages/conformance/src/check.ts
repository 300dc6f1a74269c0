/**
 * What a check is, what it may assert with, and how its outcome is recorded.
 */
import {
  ERROR_STATUS,
  PROBLEM_CONTENT_TYPE,
  type ServerErrorCode,
} from '@connect-auth/core/contract';
import type { Answer, Target } from './http.ts';
import type { Mail, Mailbox } from './mail.ts';

/** How a check ended. */
export type CheckStatus = 'pass' | 'fail' | 'skip';

/** The outcome of one check. */
export interface CheckResult {
  /** Stable id, e.g. `reset.verify-does-not-consume`. */
  id: string;
  /** The contract section it proves, e.g. `§3.3 Verifying never consumes`. */
  section: string;
  title: string;
  status: CheckStatus;
  /** Why it failed or was skipped. */
  reason?: string;
  durationMs: number;
}

/** A failed expectation: the check fails with this message. */
export class CheckFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckFailure';
  }
}

/** Thrown by a check that cannot run in this configuration: it is reported as skipped. */
export class CheckSkipped extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'CheckSkipped';
  }
}

/** Options the checks read. */
export interface RunSettings {
  /** Addresses of accounts awaiting activation, created for this run by the target's admin tooling. */
  migrated: string[];
  /** An origin the target allows for CORS and cookie calls (`--origin`). */
  origin?: string;
  /** Domain of the addresses the kit invents. */
  emailDomain: string;
  /** How long to wait for one mail. */
  mailTimeoutMs: number;
  /** Most requests a rate-limit check sends before concluding there is no limit. */
  limitBudget: number;
  /** The target's per-address mail cooldown, when known: checks needing two mails wait it out. */
  mailCooldownMs?: number;
}

/** What a check works with. */
export interface Context {
  target: Target;
  mailbox: Mailbox | undefined;
  settings: RunSettings;
  /** Facts earlier checks established (accounts, sessions, tokens). */
  state: Map<string, unknown>;
  /** A fresh address for this run, e.g. `conformance-1a2b3c-register@example.com`. */
  email(label: string): string;
  /** The next mail to `to` sent after `since`; skips the check when the run has no mailbox. */
  mail(to: string, since: number, match?: (mail: Mail) => boolean): Promise<Mail>;
}

/** One check of the suite. */
export interface Check {
  id: string;
  section: string;
  title: string;
  /** Ids of checks that must have passed first (otherwise this one is skipped as blocked). */
  after?: string[];
  /** A static reason this check cannot run black-box (a controllable clock, admin set-up). */
  skip?: string;
  run?: (ctx: Context) => Promise<void>;
}

/** Fail the check unless `condition` holds. */
export function ensure(condition: unknown, message: string): asserts condition {
  if (!condition) throw new CheckFailure(message);
}

/** Short description of an answer for failure messages. */
export function show(answer: Answer): string {
  const body = answer.text.length > 300 ? `${answer.text.slice(0, 300)}…` : answer.text;
  return `${answer.method} ${answer.path} → ${answer.status} ${body}`;
}

/** Expect a success status (and, when given, a body the schema accepts). */
export function expectStatus(answer: Answer, status: number): void {
  ensure(answer.status === status, `expected ${status}: ${show(answer)}`);
}

/** Expect a problem+json answer with this code and its contract status. */
export function expectProblem(answer: Answer, code: ServerErrorCode): Record<string, unknown> {
  const status = ERROR_STATUS[code];
  const body = answer.json as Record<string, unknown> | undefined;
  ensure(
    answer.status === status && body?.code === code,
    `expected ${status} ${code}: ${show(answer)}`,
  );
  const type = answer.headers.get('content-type') ?? '';
  ensure(
    type.startsWith(PROBLEM_CONTENT_TYPE),
    `expected content-type ${PROBLEM_CONTENT_TYPE}, got "${type}" (${answer.method} ${answer.path})`,
  );
  return body;
}

/** Parse with a zod schema or fail with its issues. */
export function expectShape<T>(
  schema: {
    safeParse(v: unknown): { success: true; data: T } | { success: false; error: unknown };
  },
  answer: Answer,
  name: string,
): T {
  const parsed = schema.safeParse(answer.json);
  if (!parsed.success)
    throw new CheckFailure(`the body is not a ${name}: ${show(answer)} (${String(parsed.error)})`);
  return parsed.data;
}

/**
 * Headers that may differ between two answers for reasons unrelated to the request (time,
 * tracing, connection handling).
 */
const VOLATILE = new Set([
  'date',
  'age',
  'connection',
  'keep-alive',
  'x-request-id',
  'request-id',
  'traceparent',
  'server-timing',
  'cf-ray',
  'x-amzn-requestid',
  'x-amz-cf-id',
]);

/** Fail unless two answers have the same status, body and headers (volatile ones aside). */
export function expectIndistinguishable(a: Answer, b: Answer, what: string): void {
  ensure(a.status === b.status, `${what}: statuses differ (${a.status} vs ${b.status})`);
  ensure(a.text === b.text, `${what}: bodies differ (${a.text} vs ${b.text})`);
  const names = new Set([...a.headers.keys(), ...b.headers.keys()]);
  for (const name of names) {
    if (VOLATILE.has(name)) continue;
    if (name === 'content-length' && a.text.length !== b.text.length) continue;
    ensure(
      a.headers.get(name) === b.headers.get(name),
      `${what}: header ${name} differs (${a.headers.get(name)} vs ${b.headers.get(name)})`,
    );
  }
}
