import * as z from 'zod/mini';

/** Whether a rule must pass for the password to be accepted, or only improves it. */
export const RuleLevel = z.enum(['required', 'recommended']);
/** @see {@link RuleLevel} */
export type RuleLevel = z.infer<typeof RuleLevel>;

/** Identifiers of the password rules this version knows. */
export const RULE_IDS = [
  'min_length',
  'max_length',
  'uppercase',
  'lowercase',
  'digit',
  'special',
  'not_common',
  'not_context',
] as const;
/** A rule identifier, open to rules a newer server defines. */
export type RuleId = (typeof RULE_IDS)[number] | (string & {});

/**
 * One rule of a password policy: data, never prose. `params` carries the rule's parameters
 * (`{ min: 8 }` for `min_length`, `{ chars: "-!@#&$" }` for `special`, …).
 */
export const PolicyRule = z.object({
  id: z.string(),
  level: RuleLevel,
  params: z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))),
});
/** @see {@link PolicyRule} */
export type PolicyRule = z.infer<typeof PolicyRule>;

/** A password policy as served by `GET /v1/password-policy`: plain JSON, versioned. */
export const PasswordPolicy = z.object({
  id: z.string(),
  version: z.number(),
  rules: z.array(PolicyRule),
});
/** @see {@link PasswordPolicy} */
export type PasswordPolicy = z.infer<typeof PasswordPolicy>;

/** The verdict on one rule for one password. */
export const RuleResult = z.object({
  id: z.string(),
  level: RuleLevel,
  ok: z.boolean(),
  params: z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))),
});
/** @see {@link RuleResult} */
export type RuleResult = z.infer<typeof RuleResult>;
