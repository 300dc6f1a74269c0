import './password-input.ts';
import './lost-password.ts';
import './sign-in.ts';
import { ConnectResetPassword } from '../reset-password/reset-password.component.ts';

/**
 * Registers `<connect-reset-password>` (once: a second import, or another copy of the package, is harmless).
 *
 * @example
 * ```ts
 * import '@connect-auth/elements/define/reset-password';
 * ```
 */
if (typeof customElements !== 'undefined' && !customElements.get('connect-reset-password')) {
  customElements.define('connect-reset-password', ConnectResetPassword);
}

export { ConnectResetPassword };

declare global {
  interface HTMLElementTagNameMap {
    'connect-reset-password': ConnectResetPassword;
  }
}
