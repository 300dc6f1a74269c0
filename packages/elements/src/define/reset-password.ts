import { ConnectLostPassword } from '../lost-password/lost-password.component.ts';
import { ConnectPasswordInput } from '../password-input/password-input.component.ts';
import { ConnectResetPassword } from '../reset-password/reset-password.component.ts';
import { define } from '../shared/define.ts';
import { ConnectSignIn } from '../sign-in/sign-in.component.ts';

/**
 * Registers `<connect-reset-password>` (once: a second import, or another copy of the package, is harmless). It also registers the tags it renders (`<connect-password-input>`, `<connect-lost-password>`, `<connect-sign-in>`).
 *
 * @example
 * ```ts
 * import '@connect-auth/elements/define/reset-password';
 * ```
 */
define('connect-password-input', ConnectPasswordInput);
define('connect-lost-password', ConnectLostPassword);
define('connect-sign-in', ConnectSignIn);
define('connect-reset-password', ConnectResetPassword);

export { ConnectResetPassword };

declare global {
  interface HTMLElementTagNameMap {
    'connect-reset-password': ConnectResetPassword;
  }
}
