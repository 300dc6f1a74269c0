import type { AccountStringId } from './account/en.ts';
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

/**
 * Every string id the elements use: the forms' ids (the keys of {@link en}) and the account
 * elements' ids (`changepw.*`, `changeemail.*`…, whose strings ship with those elements).
 */
export type StringId = keyof typeof en | AccountStringId;

/** A complete table of the forms' strings for one locale (the keys of {@link en}). */
export type FormStringTable = Readonly<Record<keyof typeof en, string>>;

/** A complete table of strings for one locale, as the elements resolve it. */
export type StringTable = Readonly<Record<StringId, string>>;

/** A partial table: overrides for some ids, the rest falls back. */
export type StringOverrides = Partial<Record<StringId, string>>;
