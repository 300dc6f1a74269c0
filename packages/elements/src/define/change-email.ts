import { ConnectChangeEmail } from '../change-email/change-email.component.ts';
import { ConnectPasswordInput } from '../password-input/password-input.component.ts';
import { define } from '../shared/define.ts';

/**
 * Registers `<connect-change-email>` (once: a second import, or another copy of the package, is harmless). It also registers the tag it renders (`<connect-password-input>`).
 *
 * @example
 * ```ts
 * import '@connect-auth/elements/define/change-email';
 * ```
 */
define('connect-password-input', ConnectPasswordInput);
define('connect-change-email', ConnectChangeEmail);

export { ConnectChangeEmail };

declare global {
  interface HTMLElementTagNameMap {
    'connect-change-email': ConnectChangeEmail;
  }
}
