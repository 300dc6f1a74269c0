/**
 * Add a stylesheet to the document once, as `<style data-connect-auth="<name>">` at the start of
 * `<head>` (so page styles that come later win as well as the `@layer`). Idempotent.
 *
 * @example
 * ```ts
 * injectStyles(document, 'base', '@layer connect-auth { .connect-field { display: grid; } }');
 * ```
 */
export function injectStyles(doc: Document | undefined, name: string, cssText: string): void {
  if (!doc?.head || doc.head.querySelector(`style[data-connect-auth="${name}"]`)) return;
  const style = doc.createElement('style');
  style.dataset.connectAuth = name;
  style.textContent = cssText;
  const first = doc.head.querySelector('style[data-connect-auth]:last-of-type');
  if (first) first.after(style);
  else doc.head.prepend(style);
}
