import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { StringId, StringTable } from '../strings/en.ts';
import { type FormatParams, format } from '../strings/format.ts';
import {
  isLocaleLoaded,
  loadErrorStrings,
  loadLocale,
  onTranslationsChange,
  preferredLocale,
  resolveStrings,
  type StringOverrides,
} from '../strings/registry.ts';

/**
 * How long an element's first render waits for its language's strings before it shows English
 * (and switches when they arrive). The chunk comes from the page's own origin, so this is a
 * safety net for a slow or failing network, not a normal wait.
 */
export const LOCALE_WAIT_MS = 3000;

/** An element that has per-instance string overrides. */
export interface LocalizedHost extends ReactiveControllerHost, HTMLElement {
  strings: StringOverrides | null | undefined;
}

const hosts = new Set<LocalizedHost>();
let observer: MutationObserver | null = null;

function observeLang(): void {
  if (observer || typeof MutationObserver === 'undefined') return;
  // One observer for every element: any `lang` change anywhere may change an element's locale.
  observer = new MutationObserver(() => {
    for (const host of hosts) host.requestUpdate();
  });
  observer.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['lang'],
    subtree: true,
  });
}

/**
 * The locale of a node: its own `lang`, else the closest ancestor's (crossing shadow roots),
 * else the first of the browser's `navigator.languages` the elements can show, else `en`.
 */
export function localeOf(node: Element): string {
  let current: Element | null = node;
  while (current) {
    const withLang: Element | null = current.closest('[lang]');
    if (withLang) return withLang.getAttribute('lang')?.trim() || preferredLocale();
    const root = current.getRootNode();
    current = root instanceof ShadowRoot ? root.host : null;
  }
  return preferredLocale();
}

/**
 * Gives an element its strings: the table for its locale (from `lang` on it or the closest
 * ancestor, else the browser's languages), loaded on demand, with its `strings` overrides on top.
 * Re-renders the element when a `lang` attribute changes, a table arrives or a translation is
 * registered.
 *
 * @example
 * ```ts
 * class MyForm extends LitElement {
 *   #l10n = new LocaleController(this);
 *   render() { return html`<button>${this.#l10n.t('signin.submit')}</button>`; }
 * }
 * ```
 */
export class LocaleController implements ReactiveController {
  readonly #host: LocalizedHost;
  #off: (() => void) | null = null;
  #cache: { locale: string; overrides: unknown; table: StringTable } | null = null;

  constructor(host: LocalizedHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    hosts.add(this.#host);
    observeLang();
    loadErrorStrings().catch(() => {}); // ahead of any error the form may have to show
    this.#off = onTranslationsChange(() => {
      this.#cache = null;
      this.#host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    hosts.delete(this.#host);
    this.#off?.();
    this.#off = null;
  }

  /** The element's current locale tag. */
  get locale(): string {
    return localeOf(this.#host);
  }

  /** The complete table in force for the element. */
  get table(): StringTable {
    const locale = this.locale;
    const overrides = this.#host.strings;
    const cache = this.#cache;
    if (cache && cache.locale === locale && cache.overrides === overrides) return cache.table;
    if (!isLocaleLoaded(locale)) {
      // Shown in English meanwhile; the registry's change notice re-renders the element.
      loadLocale(locale).catch(() => {});
    }
    const table = resolveStrings(locale, overrides);
    this.#cache = { locale, overrides, table };
    return table;
  }

  /**
   * Null when the element's strings are at hand; otherwise a promise that settles when they are
   * loaded, failed, or {@link LOCALE_WAIT_MS} passed (the element's first render waits for it, so
   * a French page never flashes English).
   */
  ready(): Promise<unknown> | null {
    const locale = this.locale;
    return isLocaleLoaded(locale)
      ? null
      : Promise.race([
          loadLocale(locale).catch(() => {}),
          new Promise((resolve) => setTimeout(resolve, LOCALE_WAIT_MS)),
        ]);
  }

  /** One string, with its placeholders filled. */
  t(id: StringId, params?: FormatParams): string {
    // An error text whose chunk could not load (offline) reads as the generic one, never blank.
    return format(this.table[id] ?? this.table['error.unknown'], params);
  }
}
