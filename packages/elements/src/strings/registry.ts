import { en, type StringId, type StringTable } from './en.ts';

/** A partial table: overrides for some ids, the rest falls back. */
export type StringOverrides = Partial<Record<StringId, string>>;

// The only shared localization state: a registry of tables by lower-case locale tag. English is
// built in; other locales are registered by the app (so a bundle carries only the ones it uses).
const tables = new Map<string, StringOverrides>([['en', en]]);
const listeners = new Set<() => void>();

/**
 * Register (or extend) the strings of a locale. A partial table is merged over what is already
 * registered for that locale; missing ids fall back to the base language, then to English.
 * Elements already on the page re-render.
 *
 * @example
 * ```ts
 * import { registerTranslation } from '@connect-auth/elements';
 * registerTranslation('fr', { 'signin.submit': 'Se connecter', 'signin.heading': 'Connexion' });
 * registerTranslation('en-GB', { 'lost.sent_hint': 'Check your junk folder as well.' });
 * ```
 */
export function registerTranslation(locale: string, table: StringOverrides): void {
  const key = normalize(locale);
  if (!key) throw new TypeError('registerTranslation: locale must be a non-empty language tag');
  tables.set(key, { ...tables.get(key), ...table });
  for (const listener of listeners) listener();
}

/**
 * The complete table for a locale: the exact tag, then its base language, then English,
 * with `overrides` (an element's `strings` property) on top.
 *
 * @example
 * ```ts
 * resolveStrings('de-AT')['signin.submit']; // 'Anmelden'
 * resolveStrings('xx', { 'signin.submit': 'Go' })['signin.submit']; // 'Go'
 * ```
 */
export function resolveStrings(
  locale: string | null | undefined,
  overrides?: StringOverrides | null,
): StringTable {
  const key = normalize(locale ?? '') || 'en';
  const base = key.split('-')[0] ?? key;
  return {
    ...en,
    ...(base !== key ? tables.get(base) : undefined),
    ...tables.get(key),
    ...overrides,
  } as StringTable;
}

/**
 * Subscribe to registry changes (used by the locale controller). Returns the unsubscribe function.
 *
 * @example
 * ```ts
 * const off = onTranslationsChange(() => element.requestUpdate());
 * off();
 * ```
 */
export function onTranslationsChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function normalize(locale: string): string {
  return locale.trim().toLowerCase().replaceAll('_', '-');
}
