import './password-input.ts';
import './sign-in.ts';
import { ConnectLostPassword } from '../lost-password/lost-password.component.ts';

/**
 * Registers `<connect-lost-password>` (once: a second import, or another copy of the package, is harmless).
 *
 * @example
 * ```ts
 * import '@connect-auth/elements/define/lost-password';
 * ```
 */
if (typeof customElements !== 'undefined' && !customElements.get('connect-lost-password')) {
  customElements.define('connect-lost-password', ConnectLostPassword);
}

export { ConnectLostPassword };

declare global {
  interface HTMLElementTagNameMap {
    'connect-lost-password': ConnectLostPassword;
  }
}
