import { en, type StringId, type StringTable } from './en.ts';

/** A partial table: overrides for some ids, the rest falls back. */
export type StringOverrides = Partial<Record<StringId, string>>;

// The tables that ship with the package, each its own module, loaded with a dynamic `import()` the
// first time an element needs it: bundlers (tsup, esbuild, Vite, webpack) split every one into its
// own chunk, so a page pays only for English plus the one language it shows. British English is
// `en` itself, always bundled.
const SHIPPED: Readonly<Record<string, () => Promise<StringOverrides>>> = {
  de: () => import('./de.ts').then((m) => m.de),
  'en-us': () => import('./en-US.ts').then((m) => m.enUS),
  es: () => import('./es.ts').then((m) => m.es),
  fr: () => import('./fr.ts').then((m) => m.fr),
  it: () => import('./it.ts').then((m) => m.it),
  nl: () => import('./nl.ts').then((m) => m.nl),
};

/**
 * The language tags whose strings ship with the elements (loaded on demand). English (`en`,
 * British spelling, and `en-GB`) is built in; `en-US` changes only spelling.
 *
 * @example
 * ```ts
 * SHIPPED_LOCALES.includes('fr'); // true
 * ```
 */
export const SHIPPED_LOCALES: readonly string[] = [
  'en',
  'en-GB',
  'en-US',
  'de',
  'es',
  'fr',
  'it',
  'nl',
];

// Shared localization state: shipped tables once loaded, and the app's registered tables (which
// win over shipped ones), both by lower-case tag.
const loaded = new Map<string, StringOverrides>();
const loading = new Map<string, Promise<void>>();
const tables = new Map<string, StringOverrides>();
const listeners = new Set<() => void>();

function changed(): void {
  for (const listener of listeners) listener();
}

/**
 * Register (or extend) the strings of a locale. A partial table is merged over what is already
 * registered for that locale and over the shipped table of that locale; missing ids fall back to
 * the base language, then to English. Elements already on the page re-render.
 *
 * @example
 * ```ts
 * import { registerTranslation } from '@connect-auth/elements';
 * registerTranslation('fr', { 'signin.heading': 'Connexion à Codelocks Connect' });
 * registerTranslation('pt', { 'signin.submit': 'Entrar', 'signin.heading': 'Entrar' });
 * ```
 */
export function registerTranslation(locale: string, table: StringOverrides): void {
  const key = normalize(locale);
  if (!key) throw new TypeError('registerTranslation: locale must be a non-empty language tag');
  tables.set(key, { ...tables.get(key), ...table });
  changed();
}

/** The tags to look up for a locale, most general first: `['de', 'de-at']`. */
function chain(locale: string | null | undefined): string[] {
  const key = normalize(locale ?? '') || 'en';
  const base = key.split('-')[0] ?? key;
  return base !== key ? [base, key] : [key];
}

/**
 * The complete table for a locale: English, then the base language, then the exact tag (each
 * the shipped table if loaded, then what the app registered), with `overrides` (an element's
 * `strings` property) on top.
 *
 * @example
 * ```ts
 * await loadLocale('de-AT');
 * resolveStrings('de-AT')['signin.submit']; // 'Anmelden'
 * resolveStrings('xx', { 'signin.submit': 'Go' })['signin.submit']; // 'Go'
 * ```
 */
export function resolveStrings(
  locale: string | null | undefined,
  overrides?: StringOverrides | null,
): StringTable {
  const out: Record<string, string> = { ...en };
  for (const tag of chain(locale)) Object.assign(out, loaded.get(tag), tables.get(tag));
  return Object.assign(out, overrides) as StringTable;
}

/**
 * Whether every shipped table a locale needs is loaded (true for locales that ship nothing).
 *
 * @example
 * ```ts
 * isLocaleLoaded('en'); // true
 * ```
 */
export function isLocaleLoaded(locale: string | null | undefined): boolean {
  return chain(locale).every((tag) => !SHIPPED[tag] || loaded.has(tag));
}

/**
 * Load the shipped tables a locale needs (its base language and exact tag), each once; elements
 * re-render when they arrive. Elements call this themselves; call it to preload. A chunk that
 * fails to load is retried on the next call, and the elements keep showing English meanwhile.
 *
 * @example
 * ```ts
 * await loadLocale('fr-CA'); // loads the French table
 * ```
 */
export function loadLocale(locale: string | null | undefined): Promise<void> {
  const pending = chain(locale)
    .filter((tag) => SHIPPED[tag] && !loaded.has(tag))
    .map((tag) => {
      let promise = loading.get(tag);
      if (!promise) {
        promise = (SHIPPED[tag] as () => Promise<StringOverrides>)().then(
          (table) => {
            loaded.set(tag, table);
            loading.delete(tag);
            changed();
          },
          (error: unknown) => {
            loading.delete(tag);
            throw error;
          },
        );
        loading.set(tag, promise);
      }
      return promise;
    });
  return pending.length === 0 ? Promise.resolve() : Promise.all(pending).then(() => undefined);
}

/**
 * The first of the user's preferred languages (`navigator.languages`) that the elements can
 * show — shipped, or registered by the app — else `en`.
 *
 * @example
 * ```ts
 * preferredLocale(['pt-BR', 'fr-CA', 'en']); // 'fr-CA'
 * ```
 */
export function preferredLocale(
  languages: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages,
): string {
  for (const language of languages ?? []) {
    const tags = chain(language);
    if (tags[0] === 'en' || tags.some((tag) => SHIPPED[tag] || tables.has(tag))) return language;
  }
  return 'en';
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
