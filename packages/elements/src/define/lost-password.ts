import { ConnectLostPassword } from '../lost-password/lost-password.component.ts';
import { ConnectPasswordInput } from '../password-input/password-input.component.ts';
import { define } from '../shared/define.ts';
import { ConnectSignIn } from '../sign-in/sign-in.component.ts';

/**
 * Registers `<connect-lost-password>` (once: a second import, or another copy of the package, is harmless). It also registers the tags it renders (`<connect-password-input>`, `<connect-sign-in>`).
 *
 * @example
 * ```ts
 * import '@connect-auth/elements/define/lost-password';
 * ```
 */
define('connect-password-input', ConnectPasswordInput);
define('connect-sign-in', ConnectSignIn);
define('connect-lost-password', ConnectLostPassword);

export { ConnectLostPassword };

declare global {
  interface HTMLElementTagNameMap {
    'connect-lost-password': ConnectLostPassword;
  }
}
