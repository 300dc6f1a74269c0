/**
 * The English strings of the account pages' elements (`<connect-change-password>`,
 * `<connect-change-email>`), British spelling, in the portal guide's voice. Only those elements
 * import this module (through `./index.ts`), so the journey pages (Lost Password, Reset Password,
 * sign in, register) never carry them; the other languages' account strings load on demand
 * like the forms' tables. Internal: apps override these ids like any other, with
 * `registerTranslation` or an element's `strings`.
 */
export const enAccount = {
  'field.current_password': 'Current password',
  'field.current_password.required': 'Enter your current password.',
  'field.new_email': 'New email address',
  'error.email_taken': 'This email address already belongs to another account.',
  'changepw.heading': 'Change your password',
  'changepw.intro':
    'Enter your current password, then choose and confirm a new one and select Change password. Every other device signed in to your account will be signed out.',
  'changepw.submit': 'Change password',
  'changepw.wrong_current': 'The current password is not correct.',
  'changepw.done_heading': 'Your password has been changed',
  'changepw.done_body':
    'Your other devices have been signed out, and a notice has been sent to your email address. You stay signed in here.',
  'changeemail.heading': 'Change your email address',
  'changeemail.current': 'You sign in using your email address, {email}.',
  'changeemail.intro':
    'We will email a confirmation link to the new address. Nothing changes until you select the link in that email.',
  'changeemail.submit': 'Send confirmation link',
  'changeemail.unchanged': 'This is already your email address.',
  'changeemail.sent_heading': 'Check your new email address',
  'changeemail.sent_body':
    'If {email} can be used, a confirmation email is on its way to it. Your email address changes when you select the link in that email.',
} as const;

/** Every string id of the account elements. */
export type AccountStringId = keyof typeof enAccount;

/** A complete table of the account elements' strings for one locale. */
export type AccountStringTable = Readonly<Record<AccountStringId, string>>;

export default enAccount;
