/**
 * `@connect-auth/core`: the typed client for Connect account activation, lost password, sign-in
 * and registration, with its typed errors, token helpers, the wire contract's public types and
 * the password policy. Named exports only, no side effects: bundlers keep what you use.
 *
 * @example
 * ```ts
 * import { createConnectClient, readResetToken, TokenError } from '@connect-auth/core';
 *
 * const client = createConnectClient({ baseUrl: 'https://connect.example.com' });
 * const token = readResetToken();
 * ```
 *
 * @packageDocumentation
 */

export { createConnectClient } from './client.ts';
export { canonicalizeEmail, MAX_EMAIL_LENGTH } from './contract/canonical-email.ts';
export {
  CLIENT_ERROR_CODES,
  type ClientErrorCode,
  type ErrorCode,
  type KnownErrorCode,
  SERVER_ERROR_CODES,
  type ServerErrorCode,
} from './contract/codes.ts';
// Zod-free (same verdicts as the contract's schema, see guards.test.ts); the policy module
// re-exports this same function.
export { isPasswordPolicy } from './contract/guards.ts';
export type {
  Accepted,
  Account,
  ChangePasswordBody,
  CompletePasswordResetBody,
  ConfirmEmailChangeBody,
  EmailChanged,
  EmailVerified,
  PasswordResetResult,
  RegisterBody,
  RequestEmailChangeBody,
  RequestPasswordResetBody,
  ResetPurpose,
  ResetTokenInfo,
  Session,
  SignInBody,
  VerifyEmailBody,
  VerifyResetTokenBody,
} from './contract/messages.ts';
export type {
  PasswordPolicy,
  PolicyRule,
  RuleId,
  RuleLevel,
  RuleResult,
} from './contract/policy.ts';
export type { FieldIssue, Problem } from './contract/problem.ts';
export {
  AbortedError,
  CodeInvalidError,
  ConnectError,
  type ConnectErrorOptions,
  errorFromProblem,
  InvalidCredentialsError,
  InvalidResponseError,
  isConnectError,
  isKnownErrorCode,
  NetworkError,
  parseRetryAfter,
  RateLimitedError,
  ServerError,
  SessionInvalidError,
  TimeoutError,
  TokenError,
  type TokenErrorCode,
  TokenExpiredError,
  TokenInvalidError,
  TokenSupersededError,
  TokenUsedError,
  ValidationError,
  type ValidationErrorOptions,
  WeakPasswordError,
} from './errors/index.ts';
export type { CompletePasswordResetInput } from './flows/complete-password-reset.ts';
export { normalizeResetCode } from './flows/normalize-code.ts';
// Every export of the policy module but `isPasswordPolicy` (see above); index.test.ts keeps the
// list complete.
export {
  type CommonPasswords,
  connectPolicy,
  createCommonPasswords,
  DEFAULT_MAX_LENGTH,
  decodeCommonPasswords,
  evaluatePassword,
  getPolicyPreset,
  isCommonPassword,
  loadCommonPasswords,
  MAX_PASSWORD_BYTES,
  nist80063bPolicy,
  type PasswordContext,
  type PasswordEvaluation,
  type PasswordRulesOptions,
  type PasswordScore,
  POLICY_PRESET_IDS,
  type PolicyPresetId,
  PRODUCT_WORDS,
  SCORE_THRESHOLDS,
  toPasswordRules,
} from './policy/index.ts';
export { memoryStorage } from './session/memory-storage.ts';
export { decodeAccessToken } from './tokens/decode-access-token.ts';
export { type LocationLike, readResetToken } from './tokens/read-reset-token.ts';
export {
  type ResetTokenCheckOptions,
  startResetTokenCheck,
} from './tokens/start-reset-token-check.ts';
export { RETRYABLE_ROUTES } from './transport/retry-policy.ts';
export type {
  CallOptions,
  ClientHooks,
  ConnectClient,
  ConnectClientOptions,
  RetryOptions,
  SessionListener,
  SessionStorageAdapter,
  StoredSession,
} from './types.ts';
