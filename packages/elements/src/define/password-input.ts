import { ConnectPasswordInput } from '../password-input/password-input.component.ts';
import { define } from '../shared/define.ts';

/**
 * Registers `<connect-password-input>` (once: a second import, or another copy of the package, is harmless).
 *
 * @example
 * ```ts
 * import '@connect-auth/elements/define/password-input';
 * ```
 */
define('connect-password-input', ConnectPasswordInput);

export { ConnectPasswordInput };

declare global {
  interface HTMLElementTagNameMap {
    'connect-password-input': ConnectPasswordInput;
  }
}
