/**
 * What a mail is made from: its template id, the payload each template needs and the options it
 * is rendered with. Shared by the words (`content.ts`) and their rendering (`templates.ts`), so
 * that the rendering depends on the words and the words depend on neither.
 */

/**
 * What each template needs; sealed into the outbox row (it contains raw tokens and codes).
 */
export interface MailPayloads {
  password_reset: { link: string; code: string; expiresAt: string };
  account_activation: { link: string; code: string; expiresAt: string };
  password_changed: { activated: boolean; at: string };
  verify_email: { link: string; expiresAt: string };
  already_registered: { signInUrl: string; resetUrl: string };
  invitation: { link: string; code: string; expiresAt: string };
  email_change: { link: string; expiresAt: string };
  email_changed: { newEmail: string; at: string; bySupport: boolean };
}

/**
 * A template id.
 */
export type MailTemplate = keyof MailPayloads;

/**
 * Every template id, for validation and iteration.
 */
export const MAIL_TEMPLATES: readonly MailTemplate[] = [
  'password_reset',
  'account_activation',
  'password_changed',
  'verify_email',
  'already_registered',
  'invitation',
  'email_change',
  'email_changed',
];

/**
 * Options of `renderMail` (`templates.ts`).
 */
export interface RenderOptions {
  /** Shown in subjects and bodies, e.g. "Codelocks Connect". */
  productName: string;
  /** Where people who cannot use a link get help (https: or mailto: URL). */
  supportUrl: string;
  /** When the mail was requested (the outbox row's createdAt): lets the mail say "valid for 60 minutes". */
  requestedAt?: Date;
  /**
   * The language to write in (a language tag; the best server language is used, English when
   * none fits). Defaults to the `locale` sealed into the payload by `composeMail`.
   */
  locale?: string | null;
}
