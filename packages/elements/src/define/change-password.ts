import { ConnectChangePassword } from '../change-password/change-password.component.ts';
import { ConnectPasswordInput } from '../password-input/password-input.component.ts';
import { define } from '../shared/define.ts';

/**
 * Registers `<connect-change-password>` (once: a second import, or another copy of the package, is harmless). It also registers the tag it renders (`<connect-password-input>`).
 *
 * @example
 * ```ts
 * import '@connect-auth/elements/define/change-password';
 * ```
 */
define('connect-password-input', ConnectPasswordInput);
define('connect-change-password', ConnectChangePassword);

export { ConnectChangePassword };

declare global {
  interface HTMLElementTagNameMap {
    'connect-change-password': ConnectChangePassword;
  }
}
