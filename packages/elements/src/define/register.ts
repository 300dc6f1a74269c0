import './password-input.ts';
import { ConnectRegister } from '../register/register.component.ts';

/**
 * Registers `<connect-register>` (once: a second import, or another copy of the package, is harmless).
 *
 * @example
 * ```ts
 * import '@connect-auth/elements/define/register';
 * ```
 */
if (typeof customElements !== 'undefined' && !customElements.get('connect-register')) {
  customElements.define('connect-register', ConnectRegister);
}

export { ConnectRegister };

declare global {
  interface HTMLElementTagNameMap {
    'connect-register': ConnectRegister;
  }
}
