import * as z from 'zod/mini';
import { RuleResult } from './policy.ts';

/** One field-level issue in a `validation_failed` problem. */
export const FieldIssue = z.object({
  /** Path of the offending field, e.g. `["email"]`. */
  path: z.array(z.union([z.string(), z.number()])),
  /** Stable issue code, e.g. `invalid_email`, `required`, `unknown_field`, `too_long`. */
  code: z.string(),
});
/** @see {@link FieldIssue} */
export type FieldIssue = z.infer<typeof FieldIssue>;

/**
 * RFC 9457 problem details with the Connect extension members. `code` is always present on
 * answers from a Connect server; `rules` comes with `weak_password`, `issues` with
 * `validation_failed`, `retryAfterMs` with `rate_limited` (as well as the `Retry-After` header).
 */
export const Problem = z.looseObject({
  type: z.optional(z.string()),
  title: z.optional(z.string()),
  status: z.optional(z.number()),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  code: z.string(),
  issues: z.optional(z.array(FieldIssue)),
  rules: z.optional(z.array(RuleResult)),
  retryAfterMs: z.optional(z.number()),
});
/** @see {@link Problem} */
export type Problem = z.infer<typeof Problem>;
