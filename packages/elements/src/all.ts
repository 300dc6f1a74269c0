/**
 * Registers every Connect element. Import once, e.g. `import '@connect-auth/elements/all';`.
 *
 * @example
 * ```ts
 * import '@connect-auth/elements/all';
 * document.body.append(Object.assign(document.createElement('connect-sign-in'), { baseUrl: '/' }));
 * ```
 *
 * @packageDocumentation
 */
import './define/password-input.ts';
import './define/lost-password.ts';
import './define/reset-password.ts';
import './define/sign-in.ts';
import './define/register.ts';
import './define/change-password.ts';
import './define/change-email.ts';
