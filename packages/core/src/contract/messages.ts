import * as z from 'zod/mini';
import { MAX_PASSWORD_WIRE_LENGTH } from './constants.ts';
import { Email, isWellFormedText } from './email.ts';
import { PasswordPolicy } from './policy.ts';

/**
 * Wire shapes of every call, shared by client and server. Request bodies are strict: unknown
 * members are rejected (`validation_failed` with an `unknown_field` issue).
 */

export { MAX_PASSWORD_WIRE_LENGTH, REFRESH_COOKIE } from './constants.ts';

/** Lone surrogates are refused (`invalid_unicode`), never replaced: two inputs must not become one. */
const wellFormed = () =>
  z.refine<string>((value) => isWellFormedText(value), { message: 'invalid_unicode' });

/** A password on the wire; the policy decides whether it is strong enough. */
export const Password = z
  .string()
  .check(z.minLength(1), z.maxLength(MAX_PASSWORD_WIRE_LENGTH), wellFormed());

/** An opaque single-use token as carried by a link (base64url, ≥ 256 bits). */
export const Token = z
  .string()
  .check(z.minLength(16), z.maxLength(512), z.regex(/^[A-Za-z0-9_-]+$/));

/** The one-time code printed in reset and activation emails: eight digits. */
export const ResetCode = z.string().check(z.regex(/^\d{8}$/));

/** Display name given at registration. */
export const DisplayName = z.string().check(z.minLength(1), z.maxLength(200), wellFormed());

/** The answer to every request whose outcome must not reveal whether an account exists. */
export const Accepted = z.object({ status: z.literal('accepted') });
/** @see {@link Accepted} */
export type Accepted = z.infer<typeof Accepted>;

/** `POST /v1/password-resets`: request a reset (or activation) email. */
export const RequestPasswordResetBody = z.strictObject({ email: Email });
/** @see {@link RequestPasswordResetBody} */
export type RequestPasswordResetBody = z.infer<typeof RequestPasswordResetBody>;

/** `POST /v1/password-resets/verify`: inspect a token without consuming it. */
export const VerifyResetTokenBody = z.strictObject({ token: Token });
/** @see {@link VerifyResetTokenBody} */
export type VerifyResetTokenBody = z.infer<typeof VerifyResetTokenBody>;

/** What a reset link is for: activating a migrated account, or resetting a forgotten password. */
export const ResetPurpose = z.enum(['activation', 'reset']);
/** @see {@link ResetPurpose} */
export type ResetPurpose = z.infer<typeof ResetPurpose>;

/** Answer of `POST /v1/password-resets/verify`. */
export const ResetTokenInfo = z.object({
  /** The account's email, for the hidden username field password managers save. */
  email: z.string(),
  /** When the token stops working (ISO 8601). */
  expiresAt: z.string(),
  purpose: ResetPurpose,
  /**
   * The password policy in force (what `GET /v1/password-policy` answers), so the reset page needs
   * no request of its own for it. Optional: servers before this member omit it.
   */
  policy: z.optional(PasswordPolicy),
});
/** @see {@link ResetTokenInfo} */
export type ResetTokenInfo = z.infer<typeof ResetTokenInfo>;

/** `POST /v1/password-resets/complete` with the link's token. */
export const CompleteWithTokenBody = z.strictObject({ token: Token, password: Password });

/** `POST /v1/password-resets/complete` with the email and the emailed one-time code. */
export const CompleteWithCodeBody = z.strictObject({
  email: Email,
  code: ResetCode,
  password: Password,
});

/** `POST /v1/password-resets/complete`, with the link's token or with the emailed code. */
export const CompletePasswordResetBody = z.union([CompleteWithTokenBody, CompleteWithCodeBody]);
/** @see {@link CompletePasswordResetBody} */
export type CompletePasswordResetBody = z.infer<typeof CompletePasswordResetBody>;

/** The signed-in account as the server describes it. */
export const Account = z.object({
  id: z.string(),
  email: z.string(),
  name: z.optional(z.nullable(z.string())),
});
/** @see {@link Account} */
export type Account = z.infer<typeof Account>;

/**
 * A session as answered by sign-in and refresh. The refresh token is never in the body: it travels
 * in an HttpOnly cookie ({@link REFRESH_COOKIE}).
 */
export const Session = z.object({
  accessToken: z.string(),
  tokenType: z.literal('Bearer'),
  /** When the access token expires (ISO 8601). */
  expiresAt: z.string(),
  account: Account,
});
/** @see {@link Session} */
export type Session = z.infer<typeof Session>;

/** Answer of `POST /v1/password-resets/complete`. */
export const PasswordResetResult = z.object({
  status: z.literal('password_changed'),
  email: z.string(),
  /** True when this reset activated a migrated account. */
  activated: z.boolean(),
  /** Present only when the server is configured to sign the user in after a reset. */
  session: z.optional(Session),
});
/** @see {@link PasswordResetResult} */
export type PasswordResetResult = z.infer<typeof PasswordResetResult>;

/** `POST /v1/sessions`: sign in. */
export const SignInBody = z.strictObject({ email: Email, password: Password });
/** @see {@link SignInBody} */
export type SignInBody = z.infer<typeof SignInBody>;

/** `POST /v1/accounts`: register. */
export const RegisterBody = z.strictObject({
  email: Email,
  password: Password,
  name: z.optional(DisplayName),
});
/** @see {@link RegisterBody} */
export type RegisterBody = z.infer<typeof RegisterBody>;

/** `POST /v1/accounts/verify-email`. */
export const VerifyEmailBody = z.strictObject({ token: Token });
/** @see {@link VerifyEmailBody} */
export type VerifyEmailBody = z.infer<typeof VerifyEmailBody>;

/** Answer of `POST /v1/accounts/verify-email`. */
export const EmailVerified = z.object({ status: z.literal('verified'), email: z.string() });
/** @see {@link EmailVerified} */
export type EmailVerified = z.infer<typeof EmailVerified>;
