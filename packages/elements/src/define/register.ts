import { ConnectPasswordInput } from '../password-input/password-input.component.ts';
import { ConnectRegister } from '../register/register.component.ts';
import { define } from '../shared/define.ts';

/**
 * Registers `<connect-register>` (once: a second import, or another copy of the package, is harmless). It also registers the tags it renders (`<connect-password-input>`).
 *
 * @example
 * ```ts
 * import '@connect-auth/elements/define/register';
 * ```
 */
define('connect-password-input', ConnectPasswordInput);
define('connect-register', ConnectRegister);

export { ConnectRegister };

declare global {
  interface HTMLElementTagNameMap {
    'connect-register': ConnectRegister;
  }
}
