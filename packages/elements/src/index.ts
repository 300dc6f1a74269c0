/**
 * `@connect-auth/elements`: light-DOM Lit custom elements for Codelocks Connect's lost-password,
 * activation/reset, sign-in and registration forms. This entry has no side effects: it exports the
 * classes, events and the strings API. Register the tags with `@connect-auth/elements/all` or one
 * `@connect-auth/elements/define/<name>` per element.
 *
 * @example
 * ```ts
 * import { registerTranslation, ConnectSignedInEvent } from '@connect-auth/elements';
 * import '@connect-auth/elements/define/sign-in';
 *
 * // Strings follow `lang` (de, en, en-GB, en-US, es, fr, it, nl load themselves); override any:
 * registerTranslation('en', { 'signin.heading': 'Sign in to Codelocks Connect' });
 * document.addEventListener('connect-signed-in', (e) => console.log(e.session.account.email));
 * ```
 *
 * @packageDocumentation
 */

export {
  type ChangeEmailStep,
  ConnectChangeEmail,
} from './change-email/change-email.component.ts';
export {
  type ChangePasswordStep,
  ConnectChangePassword,
} from './change-password/change-password.component.ts';
export {
  ConnectLostPassword,
  type LostPasswordStep,
  RESEND_COOLDOWN_MS,
} from './lost-password/lost-password.component.ts';
export { ConnectPasswordInput } from './password-input/password-input.component.ts';
export { ConnectRegister, type RegisterStep } from './register/register.component.ts';
export {
  ConnectResetPassword,
  type ResetPasswordStep,
} from './reset-password/reset-password.component.ts';
export { ConnectElement } from './shared/connect-element.ts';
export {
  type ConnectAction,
  ConnectBeforeSubmitEvent,
  ConnectEmailChangeRequestedEvent,
  ConnectErrorEvent,
  ConnectPasswordChangedEvent,
  ConnectPasswordResetEvent,
  ConnectRegisteredEvent,
  ConnectResetRequestedEvent,
  ConnectSignedInEvent,
} from './shared/events.ts';
export type { WarningCode } from './shared/warn.ts';
export { ConnectSignIn, type SignInStep } from './sign-in/sign-in.component.ts';
export { de } from './strings/de.ts';
export { en, type FormStringTable, type StringId, type StringTable } from './strings/en.ts';
export { enUS } from './strings/en-US.ts';
export { errorStringId, MISSING_CLIENT, ruleStringId } from './strings/errors.ts';
export { es } from './strings/es.ts';
export { type FormatParams, format } from './strings/format.ts';
export { fr } from './strings/fr.ts';
export { it } from './strings/it.ts';
export { nl } from './strings/nl.ts';
export {
  isLocaleLoaded,
  loadErrorStrings,
  loadLocale,
  preferredLocale,
  registerTranslation,
  resolveStrings,
  SHIPPED_LOCALES,
  type StringOverrides,
} from './strings/registry.ts';
