import './password-input.ts';
import './lost-password.ts';
import { ConnectSignIn } from '../sign-in/sign-in.component.ts';

/**
 * Registers `<connect-sign-in>` (once: a second import, or another copy of the package, is harmless).
 *
 * @example
 * ```ts
 * import '@connect-auth/elements/define/sign-in';
 * ```
 */
if (typeof customElements !== 'undefined' && !customElements.get('connect-sign-in')) {
  customElements.define('connect-sign-in', ConnectSignIn);
}

export { ConnectSignIn };

declare global {
  interface HTMLElementTagNameMap {
    'connect-sign-in': ConnectSignIn;
  }
}
