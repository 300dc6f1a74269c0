import { ConnectLostPassword } from '../lost-password/lost-password.component.ts';
import { ConnectPasswordInput } from '../password-input/password-input.component.ts';
import { define } from '../shared/define.ts';
import { ConnectSignIn } from '../sign-in/sign-in.component.ts';

/**
 * Registers `<connect-sign-in>` (once: a second import, or another copy of the package, is harmless). It also registers the tags it renders (`<connect-password-input>`, `<connect-lost-password>`).
 *
 * @example
 * ```ts
 * import '@connect-auth/elements/define/sign-in';
 * ```
 */
define('connect-password-input', ConnectPasswordInput);
define('connect-lost-password', ConnectLostPassword);
define('connect-sign-in', ConnectSignIn);

export { ConnectSignIn };

declare global {
  interface HTMLElementTagNameMap {
    'connect-sign-in': ConnectSignIn;
  }
}
