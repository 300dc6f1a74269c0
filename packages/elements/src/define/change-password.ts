import './password-input.ts';
import { ConnectChangePassword } from '../change-password/change-password.component.ts';

/**
 * Registers `<connect-change-password>` (once: a second import, or another copy of the package, is harmless).
 *
 * @example
 * ```ts
 * import '@connect-auth/elements/define/change-password';
 * ```
 */
if (typeof customElements !== 'undefined' && !customElements.get('connect-change-password')) {
  customElements.define('connect-change-password', ConnectChangePassword);
}

export { ConnectChangePassword };

declare global {
  interface HTMLElementTagNameMap {
    'connect-change-password': ConnectChangePassword;
  }
}
