import { enBase } from './en-base.ts';
import { enErrors } from './en-errors.ts';

/**
 * English strings (British spelling, the portal guide's words: *Lost Password*, *Reset Password*,
 * *Save*, sign in with email address and password), the reference table: every other locale must
 * translate every id. Placeholders in braces (`{email}`, `{seconds}`, `{min}`) are filled by the
 * elements. The elements bundle the part every page needs (`en-base.ts`) and load the error texts
of server answers (`en-errors.ts`) on demand, like the other languages.
 *
 * @example
 * ```ts
 * import { en } from '@connect-auth/elements';
 * console.log(en['signin.submit']); // 'Sign in'
 * ```
 */
export const en = { ...enBase, ...enErrors } as const;

/** Every string id the elements use. */
export type StringId = keyof typeof en;

/** A complete table of strings for one locale. */
export type StringTable = Readonly<Record<StringId, string>>;
