import { ConnectPasswordInput } from '../password-input/password-input.component.ts';
import { ConnectResetPassword } from '../reset-password/reset-password.component.ts';
import { define } from '../shared/define.ts';

/**
 * Registers `<connect-reset-password>` (once: a second import, or another copy of the package, is harmless) and the `<connect-password-input>` its form renders. The forms it can turn into, `<connect-sign-in>` (after *Save*, without `sign-in-url`) and `<connect-lost-password>` (a dead link, without `lost-password-url`), are loaded and registered only when it might show them, so they never delay the password form.
 *
 * @example
 * ```ts
 * import '@connect-auth/elements/define/reset-password';
 * ```
 */
define('connect-password-input', ConnectPasswordInput);
define('connect-reset-password', ConnectResetPassword);

export { ConnectResetPassword };

declare global {
  interface HTMLElementTagNameMap {
    'connect-reset-password': ConnectResetPassword;
  }
}
