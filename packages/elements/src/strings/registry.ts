import type { StringOverrides, StringTable } from './en.ts';
import { enBase } from './en-base.ts';

export type { StringOverrides };

// The tables that ship with the package, each its own side-effect-free module loaded with a
// dynamic `import()` the first time an element needs it: bundlers (tsup, esbuild, Vite, webpack)
// split every one into its own chunk, so a page pays only for English plus the language it shows.
// British English is `en` itself, always bundled.
type Loader = () => Promise<{ default: StringOverrides }>;
const SHIPPED: Readonly<Record<string, Loader>> = {
  de: () => import('./de.ts'),
  'en-us': () => import('./en-US.ts'),
  es: () => import('./es.ts'),
  fr: () => import('./fr.ts'),
  it: () => import('./it.ts'),
  nl: () => import('./nl.ts'),
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

// Shared localization state, by lower-case tag: shipped tables (a promise while loading) and the
// app's registered tables, which win over shipped ones. Shipped strings come in packs: the forms'
// (English in `en-base.ts`, always bundled) and those that elements add for themselves (the
// account elements' strings, see `addStrings`), each with its own lazy table per language.
interface Pack {
  english: StringOverrides;
  load: Readonly<Record<string, Loader>>;
  shipped: Map<string, StringOverrides | Promise<void>>;
}
const packs: Pack[] = [{ english: enBase, load: SHIPPED, shipped: new Map() }];
const tables = new Map<string, StringOverrides>();
const listeners = new Set<() => void>();
let enErrors: StringOverrides | Promise<void> | undefined;

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
  const out: Record<string, string> = {};
  for (const pack of packs) Object.assign(out, pack.english);
  Object.assign(out, enErrors instanceof Promise ? null : enErrors);
  for (const tag of chain(locale)) {
    for (const pack of packs) {
      const table = pack.shipped.get(tag);
      Object.assign(out, table instanceof Promise ? null : table);
    }
    Object.assign(out, tables.get(tag));
  }
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
  return chain(locale).every((tag) =>
    packs.every((pack) => {
      const table = pack.shipped.get(tag);
      return !pack.load[tag] || (table !== undefined && !(table instanceof Promise));
    }),
  );
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
export function loadLocale(locale: string | null | undefined): Promise<unknown> {
  return Promise.all(
    chain(locale).flatMap((tag) =>
      packs.map(({ load, shipped }) => {
        let table = shipped.get(tag);
        const loader = load[tag];
        if (loader && !table) {
          table = loader().then(
            (module) => {
              shipped.set(tag, module.default);
              changed();
            },
            (error: unknown) => {
              shipped.delete(tag);
              throw error;
            },
          );
          shipped.set(tag, table);
        }
        return table;
      }),
    ),
  );
}

/**
 * Add a pack of shipped strings: English at once, other languages loaded on demand by
 * `loadLocale` like the forms' tables (registered tables still win). Elements that only some pages
 * use add their strings this way, so the other pages never carry them. Internal.
 */
export function addStrings(english: StringOverrides, load: Readonly<Record<string, Loader>>): void {
  packs.push({ english, load, shipped: new Map() });
  changed();
}

/**
 * Load the English error texts of server answers (a chunk of their own; every other language's
 * table has its own). The forms wait for them before they show an error, and start loading them
 * as soon as they connect.
 *
 * @example
 * ```ts
 * await loadErrorStrings();
 * resolveStrings('en')['error.token_expired']; // 'This link has expired.'
 * ```
 */
export function loadErrorStrings(): Promise<unknown> {
  enErrors ??= import('./en-errors.ts').then(
    (module) => {
      enErrors = module.default;
      changed();
    },
    (error: unknown) => {
      enErrors = undefined;
      throw error;
    },
  );
  return Promise.resolve(enErrors);
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
 */
export function onTranslationsChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function normalize(locale: string): string {
  return locale.trim().toLowerCase().replaceAll('_', '-');
}
