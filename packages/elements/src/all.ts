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
import { ConnectChangeEmail } from './change-email/change-email.component.ts';
import { ConnectChangePassword } from './change-password/change-password.component.ts';
import { ConnectLostPassword } from './lost-password/lost-password.component.ts';
import { ConnectPasswordInput } from './password-input/password-input.component.ts';
import { ConnectRegister } from './register/register.component.ts';
import { ConnectResetPassword } from './reset-password/reset-password.component.ts';
import { define } from './shared/define.ts';
import { ConnectSignIn } from './sign-in/sign-in.component.ts';

// The calls stay in this file (not an import of the define/* entries): with code splitting a
// shared module lands in a chunk that `sideEffects` lets bundlers drop.
define('connect-password-input', ConnectPasswordInput);
define('connect-lost-password', ConnectLostPassword);
define('connect-reset-password', ConnectResetPassword);
define('connect-sign-in', ConnectSignIn);
define('connect-register', ConnectRegister);
define('connect-change-password', ConnectChangePassword);
define('connect-change-email', ConnectChangeEmail);

export type {} from './define/change-email.ts';
export type {} from './define/change-password.ts';
export type {} from './define/lost-password.ts';
export type {} from './define/password-input.ts';
export type {} from './define/register.ts';
export type {} from './define/reset-password.ts';
export type {} from './define/sign-in.ts';
