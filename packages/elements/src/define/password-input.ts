import { ConnectPasswordInput } from '../password-input/password-input.component.ts';

/**
 * Registers `<connect-password-input>` (once: a second import, or another copy of the package, is harmless).
 *
 * @example
 * ```ts
 * import '@connect-auth/elements/define/password-input';
 * ```
 */
if (typeof customElements !== 'undefined' && !customElements.get('connect-password-input')) {
  customElements.define('connect-password-input', ConnectPasswordInput);
}

export { ConnectPasswordInput };

declare global {
  interface HTMLElementTagNameMap {
    'connect-password-input': ConnectPasswordInput;
  }
}
