import './password-input.ts';
import { ConnectChangeEmail } from '../change-email/change-email.component.ts';

/**
 * Registers `<connect-change-email>` (once: a second import, or another copy of the package, is harmless).
 *
 * @example
 * ```ts
 * import '@connect-auth/elements/define/change-email';
 * ```
 */
if (typeof customElements !== 'undefined' && !customElements.get('connect-change-email')) {
  customElements.define('connect-change-email', ConnectChangeEmail);
}

export { ConnectChangeEmail };

declare global {
  interface HTMLElementTagNameMap {
    'connect-change-email': ConnectChangeEmail;
  }
}
