import * as z from 'zod/mini';
import { LOCALE_PATTERN, MAX_LOCALE_LENGTH, MAX_PASSWORD_WIRE_LENGTH } from './constants.ts';
import { Email, isWellFormedText } from './email.ts';
import { PasswordPolicy } from './policy.ts';

/**
 * Wire shapes of every call, shared by client and server. Request bodies are strict: unknown
 * members are rejected (`validation_failed` with an `unknown_field` issue).
 */

export {
  LOCALE_PATTERN,
  MAX_LOCALE_LENGTH,
  MAX_PASSWORD_WIRE_LENGTH,
  REFRESH_COOKIE,
} from './constants.ts';

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
/** A language tag (`fr`, `en-GB`): the account's preferred language for its mails. */
export const Locale = z
  .string()
  .check(z.minLength(1), z.maxLength(MAX_LOCALE_LENGTH), z.regex(LOCALE_PATTERN));

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
  /** The language the account's mails are written in (the page's language when registering). */
  locale: z.optional(Locale),
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

/** `POST /v1/account/password` (signed in): the current password proves it is the owner. */
export const ChangePasswordBody = z.strictObject({
  currentPassword: Password,
  newPassword: Password,
});
/** @see {@link ChangePasswordBody} */
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

/** `POST /v1/account/email-changes` (signed in): a confirmation link goes to the new address. */
export const RequestEmailChangeBody = z.strictObject({ newEmail: Email, password: Password });
/** @see {@link RequestEmailChangeBody} */
export type RequestEmailChangeBody = z.infer<typeof RequestEmailChangeBody>;

/** `POST /v1/account/email-changes/confirm`: the token from the link mailed to the new address. */
export const ConfirmEmailChangeBody = z.strictObject({ token: Token });
/** @see {@link ConfirmEmailChangeBody} */
export type ConfirmEmailChangeBody = z.infer<typeof ConfirmEmailChangeBody>;

/** Answer of `POST /v1/account/email-changes/confirm`. */
export const EmailChanged = z.object({ status: z.literal('email_changed'), email: z.string() });
/** @see {@link EmailChanged} */
export type EmailChanged = z.infer<typeof EmailChanged>;

/** Admin API: a call about one account, named by its email. */
export const AdminAccountBody = z.strictObject({ email: Email });
/** @see {@link AdminAccountBody} */
export type AdminAccountBody = z.infer<typeof AdminAccountBody>;

/** Admin API: invite an associated user, optionally with the language of their mails. */
export const AdminInviteBody = z.strictObject({
  email: Email,
  name: z.optional(DisplayName),
  locale: z.optional(Locale),
});
/** @see {@link AdminInviteBody} */
export type AdminInviteBody = z.infer<typeof AdminInviteBody>;

/** Admin API: Customer Services' recovery, moving an account to an address the person controls. */
export const AdminChangeEmailBody = z.strictObject({ email: Email, newEmail: Email });
/** @see {@link AdminChangeEmailBody} */
export type AdminChangeEmailBody = z.infer<typeof AdminChangeEmailBody>;

/** Admin API: one account's audit history. */
export const AdminHistoryBody = z.strictObject({
  email: Email,
  limit: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(1000))),
});
/** @see {@link AdminHistoryBody} */
export type AdminHistoryBody = z.infer<typeof AdminHistoryBody>;
