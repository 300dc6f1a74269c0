/**
 * Register `tag` as `ctor` once. Harmless when the tag is already taken (a second import, or
 * another copy of the package) and outside browsers (no `customElements`, e.g. SSR).
 *
 * Every `define/<name>` entry and `all` call this themselves, for their own tag and the tags
 * they render, so the calls stay in the entry files that `sideEffects` marks side-effectful:
 * with code splitting, a call in a shared module would land in a chunk that bundlers are told
 * they may drop.
 */
export function define(tag: string, ctor: CustomElementConstructor): void {
  if (typeof customElements !== 'undefined' && !customElements.get(tag)) {
    customElements.define(tag, ctor);
  }
}
